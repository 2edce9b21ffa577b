"""YAML text the tool writes for people: procedure files (`thutuc import`) and translations.

One dumper for both: block style, Unicode letters as they are, keys in the order given,
multi-line text as `|` blocks (Markdown stays readable), and never an anchor or alias (the
catalog's loader refuses them).

What it writes means the same in every YAML reader. PyYAML reads YAML 1.1; VS Code's YAML
extension and ruamel.yaml read YAML 1.2, where some plain words mean something else:
`74234e98` is a number (7.4e+102) in 1.2 but text in 1.1, `2026-11-25` a date or text
depending on the reader. Such values are quoted, and dates are written as quoted text.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

# What the YAML 1.2 core schema reads as something other than text (null, booleans,
# integers, floats), and what any reader may take for a date or time.
_NOT_TEXT = re.compile(
    r"""^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE
    |[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+
    |[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$""", re.X)


def needs_quotes(text: str) -> bool:
    """Whether `text`, written plain, would not read back as this text in YAML 1.2 (PyYAML's
    own dumper already quotes what YAML 1.1 would read otherwise)."""
    return text == "" or bool(_NOT_TEXT.match(text))


def scalar_style(text: str) -> str | None:
    """The style to write `text` with: a `|` block for several lines, single quotes when a
    plain word would change meaning, else PyYAML's choice."""
    if "\n" in text:
        return "|"
    return "'" if needs_quotes(text) else None


class _Dumper(yaml.SafeDumper):
    """Lists at their key's indentation (`key:` then `- item`), as PyYAML writes them."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class _IndentedDumper(_Dumper):
    """Lists indented under their key (`key:` then `  - item`), as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=scalar_style(value))


def _date(dumper: yaml.SafeDumper, value: datetime.date) -> yaml.ScalarNode:
    return _text(dumper, value.isoformat())  # quoted: readers disagree on plain dates


_Dumper.add_representer(str, _text)
_Dumper.add_representer(datetime.date, _date)


def dump_yaml(data: Any, *, width: int = 4096, indent_lists: bool = True) -> str:
    """`data` as YAML text; lines are folded only beyond `width` characters."""
    dumper = _IndentedDumper if indent_lists else _Dumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=width)
