"""YAML text the tool writes for people: procedure files (`thutuc import`) and translations.

One dumper for both: block style, Unicode letters as they are, keys in the order given,
multi-line text as `|` blocks (Markdown stays readable), and never an anchor or alias (the
catalog's loader refuses them).
"""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Lists at their key's indentation (`key:` then `- item`), as PyYAML writes them."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class _IndentedDumper(_Dumper):
    """Lists indented under their key (`key:` then `  - item`), as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump_yaml(data: Any, *, width: int = 4096, indent_lists: bool = True) -> str:
    """`data` as YAML text; lines are folded only beyond `width` characters."""
    dumper = _IndentedDumper if indent_lists else _Dumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=width)
