"""Parse the steps text (trình tự thực hiện) into steps, and free text into Markdown.

The portal keeps line breaks here. When the text numbers its steps (`Bước 1`, `Bước 2`...),
only those lines start a step and every other line, bullets included, belongs to the step
above; otherwise a line starting with `- `, `a)` or `1.` starts a step and lines starting with
`+` or `(i)` belong to the step above. A step the portal repeats (the same text again, often
with its number restarted) is kept once, and the steps are numbered by their place on the page,
so a step never says "Bước 3" after "Bước 5".

Every step gets a title that says what happens in it: its own text when it is short, the
words the record put after "Bước N" (`Bước 1. Lập, nộp hồ sơ - Trong thời hạn...`), or the
opening clause of its text; "Bước N" alone never tells a citizen anything.
"""

from __future__ import annotations

import re
from typing import Any

from generator.importer.text import clean, unbullet

_NUMBERED = re.compile(r"^(?:(?:[-+*•–]|[a-zđ]\))\s*)?Bước\s*\d+", re.I)
_STEP_START = re.compile(r"^(?:[-*•–]\s|\+?\s*Bước\s*\d+|[a-zđ]\)\s|\d+[.)]\s)", re.I)
_STEP_NAME = re.compile(r"^(?:(?:[-+*•–]|[a-zđ]\))\s*)?Bước\s*\d+\s*[:.\-–]?\s*", re.I)
_LIST_ITEM = re.compile(r"^[-+*•–]\s")
SHORT = 90  # characters: a step this short is its own title
TITLE_MAX = 70  # characters: a longer opening clause is cut at a word
# Where a step's opening clause ends: a sentence or clause mark, or a dash between words.
_CLAUSE_END = re.compile(r"[.:;]\s|[.:;]$|\s[-–]\s(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ])|\s\(")


def parse_steps(text: str) -> list[dict[str, Any]]:
    """Steps in the catalog's shape: `{title, text?}`, each step once, in the record's order."""
    lines = [line for line in clean(text).split("\n") if line]
    numbered = any(_NUMBERED.match(line) for line in lines)
    groups: list[list[str]] = []
    for line in lines:
        starts = _NUMBERED.match(line) if numbered else _STEP_START.match(line)
        if not groups or starts:
            groups.append([line])
        else:
            groups[-1].append(line)
    steps: list[dict[str, Any]] = []
    seen: set[str] = set()
    for group in groups:
        step = _step(group)
        key = " ".join(step.get("text", step["title"]).split()).casefold()
        if key in seen:
            continue  # the portal repeated this step
        seen.add(key)
        steps.append(step)
    return steps


def _step(lines: list[str]) -> dict[str, Any]:
    first = lines[0]
    named = _STEP_NAME.match(first)
    first = first[named.end():] if named else unbullet(first)
    rest = [line for line in (first, *lines[1:]) if line]
    if not rest:
        return {"title": "Thực hiện theo hướng dẫn của cơ quan giải quyết"}
    if len(rest) == 1 and len(rest[0]) <= SHORT:
        return {"title": rest[0]}
    title, opening = _title(rest[0])
    body = [opening, *rest[1:]] if opening else rest[1:]
    step: dict[str, Any] = {"title": title}
    if body:
        step["text"] = to_markdown(body)
    return step


def _title(line: str) -> tuple[str, str]:
    """A title for a step from its first line, and what of that line the text keeps.

    A heading of a few words (`Lập, nộp hồ sơ - Trong thời hạn...`) is the title and leaves
    the line; a longer opening clause, or the line cut at a word with "…", is the title and
    the whole line stays in the text, so that no word is lost.
    """
    end = _CLAUSE_END.search(line)
    if end and 3 <= end.start() <= TITLE_MAX:
        title = line[:end.start()].strip()
        if len(title.split()) <= 4:  # a heading, not the start of a sentence
            return title, line[end.end():].strip(" -–")
        return title, line
    if len(line) <= TITLE_MAX:
        return line, ""
    return line[:TITLE_MAX + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–") + "…", line


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
