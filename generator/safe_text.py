"""Invisible characters: found with the line an editor shows, balanced, escaped, never echoed.

Text pasted from Word, a web page or a chat carries characters nobody sees: control
characters (Word's Shift+Enter is a vertical tab, U+000B), unusual line separators
(U+2028), right-to-left overrides that reverse the rest of a line. This module finds them,
counts lines the way editors do, keeps bidirectional controls from leaking past their line,
and makes text safe for a terminal and for JavaScript.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# C0 controls except tab, line feed and carriage return; DEL; C1 controls (NEL included:
# editors do not break lines there but YAML does); non-characters. Lone surrogates cannot
# come out of UTF-8 decoding, only out of escapes (`"\ud800"`), so they are checked in strings.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
SURROGATE = re.compile("[\ud800-\udfff]")
# Line breaks of editors (VS Code, Notepad++, Notepad): LF, CRLF and CR, nothing else.
EDITOR_BREAK = re.compile("\r\n|\r|\n")
# Breaks YAML counts but editors do not: they make YAML's line numbers run ahead.
YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")

_NAMES = {
    "\x00": "NUL", "\x08": "Backspace", "\x0b": "Tab dọc, do Shift+Enter trong Word",
    "\x0c": "ngắt trang, Form Feed", "\x1b": "Escape", "\x7f": "Delete",
    "\x85": "xuống dòng NEL",
}

# Bidirectional embeddings, overrides and isolates, with what closes them.
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
            "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_CLOSERS = ("\u202c", "\u2069")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def character_name(char: str) -> str:
    """`U+000B (Tab dọc ...)`: how a message names an invisible character."""
    name = _NAMES.get(char) or unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} ({name})" if name else code


def editor_line(text: str, index: int) -> int:
    """The 1-based line an editor shows for position `index` of `text`."""
    return len(EDITOR_BREAK.findall(text, 0, index)) + 1 if index else 1


def forbidden_characters(text: str) -> list[tuple[int, int, str]]:
    """(line, column, character) of each forbidden character, first one per line."""
    found: list[tuple[int, int, str]] = []
    last_line = 0
    for match in FORBIDDEN.finditer(text):
        line = editor_line(text, match.start())
        if line == last_line:
            continue
        last_line = line
        start = max(text.rfind("\n", 0, match.start()), text.rfind("\r", 0, match.start()))
        found.append((line, match.start() - start, match.group()))
    return found


def control_fix(char: str) -> str:
    """How to remove one invisible character, for an editor."""
    if char == "\x0b":
        return ("xoá ký tự này và xuống dòng bằng phím Enter (văn bản dán từ Word mang theo "
                "dấu xuống dòng Shift+Enter).")
    return ("xoá ký tự vô hình này (thường do dán văn bản từ Word, trang web hoặc tin nhắn); "
            "trong VS Code bật View → Appearance → Render Control Characters để thấy nó.")


def string_problem(value: str) -> str:
    """Why a string built from escapes (`"\\x1b"`, `"\\ud800"`) is refused, or ''."""
    if SURROGATE.search(value):
        return "nửa ký tự Unicode lẻ (mã thoát `\\uD800`–`\\uDFFF` không đi thành cặp)"
    match = FORBIDDEN.search(value)
    return f"ký tự điều khiển {character_name(match.group())}" if match else ""


def balance_bidi(value: str) -> str:
    """`value` with every bidirectional control closed on its own line: an unterminated
    right-to-left override no longer reverses what follows (a tab title, the next field);
    closers without an opener are dropped. Text without such controls is returned as is."""
    if not _BIDI.search(value):
        return value
    return "\n".join(_balance_line(line) for line in value.split("\n"))


def _balance_line(line: str) -> str:
    open_stack: list[str] = []
    kept = []
    for char in line:
        if char in _OPENERS:
            open_stack.append(_OPENERS[char])
        elif char in _CLOSERS:
            if not open_stack or open_stack[-1] != char:
                continue
            open_stack.pop()
        kept.append(char)
    return "".join(kept) + "".join(reversed(open_stack))


def terminal_safe(text: str) -> str:
    """`text` for a terminal: invisible and control characters (escape sequences, bidi
    overrides, lone surrogates) shown as `\\u202e`, line breaks and tabs kept."""
    return "".join(_visible(char) for char in text)


def _visible(char: str) -> str:
    if char in "\n\t":
        return char
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") and char != "\u200d":
        return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
    return char


def json_text(data: Any, **options: Any) -> str:
    """JSON with Unicode letters as they are, but U+2028/U+2029 escaped: raw, they end a
    line in JavaScript engines older than ES2019 (KaiOS feature phones), breaking a script."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
