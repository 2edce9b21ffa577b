"""Cleaning the portal's text: spaces, empty markers, bullets."""

from __future__ import annotations

import re
import unicodedata

NO_INFO = "Không có thông tin"  # what the portal shows for an empty field
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")
_BULLET = re.compile(r"^\s*(?:[-+*•–]|\d+[.)])\s*")


def clean(text: str) -> str:
    """NFC text with runs of spaces (non-breaking ones too) made one, lines trimmed, and the
    portal's "no information" marker made empty."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line).strip()
    return "" if joined.rstrip(".") == NO_INFO else joined


def one_line(text: str) -> str:
    """Clean text on one line."""
    return clean(text).replace("\n", " ")


def unbullet(text: str) -> str:
    """Text without a leading list marker such as `- `, `+ `, `* ` or `1. `."""
    return _BULLET.sub("", text, count=1).strip()


def split_list(text: str) -> list[str]:
    """A comma-separated list of names, as the portal writes applicants; a comma inside
    parentheses belongs to its name (`Tổ chức (không bao gồm doanh nghiệp, HTX)`)."""
    parts, depth, current = [], 0, ""
    for char in one_line(text):
        depth += {"(": 1, ")": -1}.get(char, 0) if depth or char == "(" else 0
        if char == "," and depth <= 0:
            parts.append(current)
            current, depth = "", 0
        else:
            current += char
    parts.append(current)
    return [part.strip(" .;") for part in parts if part.strip(" .;")]


def format_amount(digits: str) -> int | None:
    """An amount written `20,000` or `20.000` as an integer, or None when not a number."""
    plain = re.sub(r"[.,](?=\d{3}\b)", "", digits)
    return int(plain) if plain.isdigit() else None
