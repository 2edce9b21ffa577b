"""Write procedure files as readable YAML: keys in the contract's order, long text as blocks."""

from __future__ import annotations

from typing import Any

import yaml

from generator import registry

HEADER = ("# Nhập từ Cổng Dịch vụ công quốc gia bằng `thutuc import national`.\n"
          "# Hãy sửa trực tiếp: lần nhập sau giữ nguyên mọi trường bạn đã sửa\n"
          "# (xem docs/huong-dan-bien-tap.md). Kiểm tra xong thì đổi `review: needed`\n"
          "# thành `review: done`.\n")


class _Dumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, so Markdown stays readable in the file."""

    def ignore_aliases(self, data: object) -> bool:
        return True  # the catalog's loader refuses anchors and aliases


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order of the format contract, unknown ones after."""
    known = registry.procedure_keys()
    keys = [k for k in known if k in data] + [k for k in data if k not in known]
    return {key: data[key] for key in keys}


def dump_procedure(data: dict[str, Any]) -> str:
    body = yaml.dump(ordered(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100, default_flow_style=False)
    return HEADER + body
