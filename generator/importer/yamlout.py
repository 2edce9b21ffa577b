"""Write procedure files as readable YAML: keys in the contract's order, long text as blocks."""

from __future__ import annotations

from typing import Any

from generator import registry
from generator.yaml_text import dump_yaml

HEADER = ("# Nhập từ Cổng Dịch vụ công quốc gia bằng `thutuc import national`.\n"
          "# Hãy sửa trực tiếp: lần nhập sau giữ nguyên mọi trường bạn đã sửa\n"
          "# (xem docs/huong-dan-bien-tap.md). Kiểm tra xong thì ghi lại bằng\n"
          "# `thutuc review done ID --by \"Tên cán bộ\"`.\n")


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order of the format contract, unknown ones after."""
    known = registry.procedure_keys()
    keys = [k for k in known if k in data] + [k for k in data if k not in known]
    return {key: data[key] for key in keys}


def dump_procedure(data: dict[str, Any]) -> str:
    return HEADER + dump_yaml(ordered(data), width=100, indent_lists=False)
