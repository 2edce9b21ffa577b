"""Markdown in translators' files: shown without hard wraps, and checked after translation.

Editors hard-wrap Markdown paragraphs in YAML; a line break inside a paragraph is only a
space on the page. Translators' tools count line breaks (pofilter's newline check, Weblate),
so exported text joins those lines: what is left, paragraph breaks and list items, is what a
translation must keep. After translation, the marks that carry meaning (links and their
addresses, bold, list items, paragraphs) are compared with the source's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#|>|\||```|~~~)")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")
_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s", re.MULTILINE)
_BOLD = re.compile(r"\*\*|__")
_FENCE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)


def unwrapped(text: str) -> str:
    """Markdown with the line breaks inside paragraphs joined into spaces (same page)."""
    if _FENCE.search(text):
        return text  # code keeps its lines
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if out and previous.strip() and line.strip() and not _BLOCK_START.match(line) \
                and not previous.endswith(("  ", "\\")) and not previous.lstrip().startswith(
                    ("#", "|")):
            out[-1] = previous.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


@dataclass(frozen=True)
class Marks:
    """What a translation keeps: link addresses, bold marks, list items, paragraphs."""

    links: Counter[str]
    bold: int
    items: int
    paragraphs: int


def marks(text: str) -> Marks:
    """The marks of a text."""
    return Marks(links=Counter(_LINK.findall(text)), bold=len(_BOLD.findall(text)),
                 items=len(_ITEM.findall(text)),
                 paragraphs=len([p for p in re.split(r"\n\s*\n", text) if p.strip()]))


def keep_note(text: str) -> str:
    """For the translator: the marks of `text` to keep, or an empty string."""
    found = marks(text)
    parts = []
    if found.links:
        parts.append(f"{sum(found.links.values())} liên kết [chữ](địa chỉ): dịch chữ trong "
                     "[ ], giữ nguyên địa chỉ trong ( )")
    if found.bold:
        parts.append("chữ đậm **...**")
    if found.items:
        parts.append(f"{found.items} dòng danh sách (bắt đầu bằng «- » hoặc «1. »)")
    if found.paragraphs > 1:
        parts.append(f"{found.paragraphs} đoạn, cách nhau bằng một dòng trống")
    return ("Giữ nguyên: " + "; ".join(parts) + ".") if parts else ""


def differences(source: str, translation: str) -> list[str]:
    """How the marks of a translation differ from its source's, in words (empty: the same)."""
    want, have = marks(source), marks(translation)
    found = []
    lost = sorted((want.links - have.links).elements())
    added = sorted((have.links - want.links).elements())
    if lost:
        found.append("thiếu liên kết tới " + ", ".join(f"`{url}`" for url in lost))
    if added:
        found.append("có liên kết bản gốc không có: " + ", ".join(f"`{url}`" for url in added))
    if want.bold != have.bold:
        found.append(f"dấu chữ đậm `**`: bản gốc {want.bold}, bản dịch {have.bold}")
    if want.items != have.items:
        found.append(f"dòng danh sách: bản gốc {want.items}, bản dịch {have.items}")
    if want.paragraphs != have.paragraphs:
        found.append(f"số đoạn: bản gốc {want.paragraphs}, bản dịch {have.paragraphs}")
    return found
