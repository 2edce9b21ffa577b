"""Parse the steps text (trình tự thực hiện) into steps, and free text into Markdown.

The portal keeps line breaks here: a line starting with `Bước N`, `- `, `a)` or `1.` starts a
step; lines starting with `+` or `(i)` belong to the step above.
"""

from __future__ import annotations

import re
from typing import Any

from generator.importer.text import clean, unbullet

_STEP_START = re.compile(r"^(?:[-*•–]\s|\+?\s*Bước\s*\d+|[a-zđ]\)\s|\d+[.)]\s)", re.I)
_STEP_NAME = re.compile(r"^(Bước\s*\d+)\s*[:.\-–]?\s*", re.I)
_LIST_ITEM = re.compile(r"^[-+*•–]\s")
SHORT = 90  # characters: a step this short is its own title


def parse_steps(text: str) -> list[dict[str, Any]]:
    """Steps in the catalog's shape: `{title, text?}`."""
    lines = clean(text).split("\n")
    groups: list[list[str]] = []
    for line in filter(None, lines):
        if not groups or _STEP_START.match(line):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [_step(index, group) for index, group in enumerate(groups, start=1)]


def _step(number: int, lines: list[str]) -> dict[str, Any]:
    first = lines[0].lstrip("+ ")
    named = _STEP_NAME.match(first)
    first = first[named.end():] if named else unbullet(first)
    rest = [line for line in (first, *lines[1:]) if line]
    if len(rest) == 1 and len(rest[0]) <= SHORT:
        return {"title": f"{named[1]}: {rest[0]}" if named else rest[0]}
    step: dict[str, Any] = {"title": named[1] if named else f"Bước {number}"}
    if rest:
        step["text"] = to_markdown(rest)
    return step


def to_markdown(lines: list[str]) -> str:
    """Lines as Markdown: each a paragraph, bullet lines (`+`, `-`) a list."""
    out: list[str] = []
    for line in lines:
        bullet = bool(_LIST_ITEM.match(line))
        item = f"- {unbullet(line)}" if bullet else _escape_start(line)
        if out:
            out.append("\n" if bullet and out[-1].startswith("- ") else "\n\n")
        out.append(item)
    return "".join(out)


def _escape_start(line: str) -> str:
    """Keep a line that happens to start like Markdown syntax (`1. `, `# `) as plain text."""
    if re.match(r"^(?:\d+[.)]\s|#|>)", line):
        return "\\" + line if not line[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
    return line


def paragraphs(text: str) -> str:
    """Free text with line breaks (conditions) as Markdown paragraphs and lists."""
    lines = [line for line in clean(text).split("\n") if line]
    return to_markdown(lines) if lines else ""
