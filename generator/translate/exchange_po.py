"""Gettext PO files for Poedit and Weblate, written the way GNU gettext writes them.

A file that a translator's tool saves again must come back line for line, or every review
diff is noise: strings are escaped and wrapped as `msgcat --width=79` (and Poedit) do it.
gettext cuts a string after each newline and breaks a piece that does not fit at Unicode
line-break opportunities (UAX #14, as libunistring 1.0 finds them), greedily, so that a line
with its quotes stays within 79 columns; this module follows that algorithm for the character
classes catalog text uses, and the tests compare it with `msgcat` on real procedures.

An entry is one text of one procedure: `msgctxt` is `procedure id|field path`. A list of text
(`applicants`, `keywords`) is one entry per item (`keywords[2]`), so that Poedit and pofilter
see one line per string; a translation may still have more items (one per line in the last
entry) or fewer. A stale translation or a kept suggestion is `#, fuzzy`, with the Vietnamese
it was made from as `#| msgid` when it is known. Reading keeps the fuzzy flag: the import
keeps such text as a suggestion, never as a translation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import polib

from generator import registry
from generator.problems import Problems
from generator.translate.exchange_rows import ExchangeFile, Row, one_language

WIDTH = 79
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v",
            "\\": "\\", '"': '"'}

# UAX #14 line-break classes of the punctuation that occurs in catalog text (LineBreak.txt);
# letters and other symbols are AL, digits NU, spaces SP, combining marks CM.
_CLASSES = {
    "!": "EX", "?": "EX", '"': "QU", "'": "QU", "$": "PR", "+": "PR", "\\": "PR",
    "%": "PO", "(": "OP", "[": "OP", "{": "OP", ")": "CP", "]": "CP", "}": "CL",
    ",": "IS", ".": "IS", ":": "IS", ";": "IS", "-": "HY", "/": "SY", "|": "BA",
    "\u00a0": "GL", "\u202f": "GL", "\u2011": "GL", "\u2013": "BA", "\u2014": "B2",
    "\u2010": "BA", "\u2026": "IN", "\u201c": "QU", "\u201d": "QU", "\u2018": "QU",
    "\u2019": "QU", "\u00ab": "QU", "\u00bb": "QU", "\u20ab": "PR", "\u00b0": "PO",
    "\u2030": "PO", "\u00a7": "AL", "\u200b": "ZW", "\u2060": "WJ", "\ufeff": "WJ",
    "\u00b7": "AL", "\u2022": "AL", "\u201e": "OP", "\u300c": "OP", "\u300d": "CL",
}
# Where a line may break between two characters, as libunistring 1.0 applies UAX #14 (it
# also breaks between `.` and a letter; checked pair by pair against `msgcat`): never before
# a class of _NEVER, after OP, or inside a pair of _NEVER_PAIRS; always between a class and
# one of its _DIRECT classes; between any other pair only where spaces separate them.
_DIRECT = {
    "B2": {"BB", "OP", "NU", "PO", "PR", "AL", "ID"},
    "BA": {"GL", "B2", "BB", "OP", "NU", "PO", "PR", "AL", "ID"},
    "HY": {"GL", "B2", "BB", "OP", "PO", "PR", "AL", "ID"},
    "CL": {"B2", "BB", "OP", "NU", "AL", "ID"},
    "CP": {"B2", "BB", "OP", "ID"},
    "EX": {"B2", "BB", "OP", "NU", "PO", "PR", "AL", "ID"},
    "IN": {"B2", "BB", "OP", "NU", "PO", "PR", "AL", "ID"},
    "NS": {"B2", "BB", "OP", "NU", "PO", "PR", "AL", "ID"},
    "IS": {"B2", "BB", "OP", "PO", "PR", "AL", "ID"},
    "NU": {"B2", "BB", "ID"},
    "PO": {"B2", "BB", "PO", "PR", "ID"},
    "PR": {"B2", "BB", "PO", "PR"},
    "SY": {"B2", "BB", "OP", "PO", "PR", "AL", "ID"},
    "AL": {"B2", "BB", "ID"},
    "ID": {"B2", "BB", "OP", "NU", "PR", "AL", "ID"},
}
_NEVER = {"WJ", "CL", "CP", "EX", "IS", "SY"}
_NEVER_PAIRS = {("B2", "B2"), ("CL", "NS"), ("CP", "NS"), ("QU", "OP")}


@functools.cache
def _class(char: str) -> str:
    if char in _CLASSES:
        return _CLASSES[char]
    if char == " ":
        return "SP"
    category = unicodedata.category(char)
    if category in ("Mn", "Me"):
        return "CM"
    if category == "Nd":
        return "NU"
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return "ID"
    return "AL"


@functools.cache
def _width(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or char == "\u200b":
        return 0
    if unicodedata.category(char) == "Cc":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _opportunities(chars: list[str]) -> list[bool]:
    """Whether a line may break before each character (UAX #14, rules LB7-LB31)."""
    result = [False] * len(chars)
    before: str | None = None  # class of the last character that is not a space
    spaces = False
    for index, char in enumerate(chars):
        cls = _class(char)
        if cls == "SP":
            spaces = True
            continue
        if cls == "CM" and before is not None and not spaces:
            continue  # a combining mark belongs to the letter before it (LB9)
        if cls == "CM":
            cls = "AL"  # LB10
        if before is not None:
            result[index] = _may_break(before, cls, spaces)
        before, spaces = cls, False
    return result


def _may_break(before: str, cls: str, spaces: bool) -> bool:
    """Whether a line may break between classes `before` and `cls` (spaces between or not)."""
    if before == "ZW":
        return True
    if cls in _NEVER or before == "OP" or (before, cls) in _NEVER_PAIRS:
        return False
    return spaces or cls in _DIRECT.get(before, ())


def _portions(text: str) -> list[str]:
    """`text` cut after each newline, as gettext writes one quoted line per portion."""
    portions, start = [], 0
    for index, char in enumerate(text):
        if char == "\n":
            portions.append(text[start:index + 1])
            start = index + 1
    if start < len(text) or not portions:
        portions.append(text[start:])
    return portions


def po_string(keyword: str, text: str, prefix: str = "", width: int = WIDTH) -> list[str]:
    """The lines of `keyword "text"` (e.g. `msgid`), each starting with `prefix` (`#| `)."""
    lines: list[str] = []
    first = True
    after_break = len(prefix) + 1  # the opening quote of a continuation line
    room = width - 1 - after_break  # the closing quote
    portions = _portions(text)
    for number, portion in enumerate(portions):
        chars: list[str] = []
        allowed: list[bool] = []
        for char in portion:
            if char in _ESCAPES:
                chars += ["\\", _ESCAPES[char]]
            else:
                chars.append(char)
        allowed = _opportunities(chars)
        for index in range(1, len(chars)):
            if chars[index - 1] == "\\" and _escape_at(chars, index - 1):
                allowed[index] = False  # never inside an escape sequence
        if portion.endswith("\n"):
            allowed[len(chars) - 2] = False  # never just before the final `\n`
        while True:
            start = len(prefix) + (len(keyword) + 1 if first else 0) + 1 - after_break
            breaks = _breaks(chars, allowed, room, start)
            if first and chars and (number + 1 < len(portions) or start > room or breaks):
                lines.append(f'{prefix}{keyword} ""')
                first = False
                continue
            break
        head = f"{prefix}{keyword} " if first else prefix
        first = False
        line, pieces = head + '"', []
        for index, char in enumerate(chars):
            if index in breaks:
                pieces.append(line + '"')
                line = prefix + '"'
            line += char
        pieces.append(line + '"')
        lines += pieces
    return lines


def _escape_at(chars: list[str], index: int) -> bool:
    """Whether the backslash at `index` starts an escape (is not itself escaped)."""
    count = 0
    while index - count >= 0 and chars[index - count] == "\\":
        count += 1
    return count % 2 == 1


def _breaks(chars: list[str], allowed: list[bool], room: int, start: int) -> set[int]:
    """Where to break (greedy, like libunistring's u8_width_linebreaks)."""
    breaks: set[int] = set()
    last: int | None = None
    column, piece = start, 0
    for index, char in enumerate(chars):
        if allowed[index]:
            if last is not None and column + piece > room:
                breaks.add(last)
                column = 0
            last = index
            column += piece
            piece = 0
        piece += _width(char)
    if last is not None and column + piece > room:
        breaks.add(last)
    return breaks


@dataclass(frozen=True)
class PoHeader:
    """What the header entry of an export says (every field `msgfmt -c` wants)."""

    project: str
    lang: str
    team: str
    translator: str
    date: str  # YYYY-MM-DD: the newest `updated` of the exported procedures (deterministic)
    comments: tuple[str, ...] = ()


# Only counts plural forms; no entry uses them, but Weblate compares the header with the
# language's rule. Languages without grammatical plural, like Vietnamese, have one form.
PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);"}
ONE_FORM = "nplurals=1; plural=0;"
TEMPLATE_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"
_ITEM = re.compile(r"^(?P<field>[a-z_]+)\[(?P<index>\d+)\]$")


def write_po(header: PoHeader, rows: list[Row]) -> str:
    """The text of a PO file: the header entry, then one entry per text (per list item)."""
    fields = {
        "Project-Id-Version": header.project,
        "POT-Creation-Date": f"{header.date} 00:00+0000",
        "PO-Revision-Date": f"{header.date} 00:00+0000",
        "Last-Translator": header.translator,
        "Language-Team": header.team,
        "Language": header.lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(header.lang, ONE_FORM),
    }
    lines = [f"# {line}".rstrip() for line in header.comments]
    lines += po_string("msgid", "")
    lines += po_string("msgstr", "".join(f"{key}: {value}\n" for key, value in fields.items()))
    for row in rows:
        for context, source, translation, previous in _entries(row):
            lines.append("")
            lines += [f"#. {line}".rstrip() for line in row.note.split("\n") if line]
            if row.file:
                lines.append(f"#: {row.file}")
            if (row.stale or row.fuzzy) and translation:
                lines.append("#, fuzzy")
                if previous is not None and previous != source:
                    lines += po_string("msgid", previous, prefix="#| ")
            lines += po_string("msgctxt", context)
            lines += po_string("msgid", source)
            lines += po_string("msgstr", translation)
    return "\n".join(lines) + "\n"


def _entries(row: Row) -> list[tuple[str, str, str, str | None]]:
    """(msgctxt, msgid, msgstr, previous msgid) of the entries of one row."""
    context = f"{row.id}|{row.path}"
    if row.path not in registry.text_list_fields():
        return [(context, row.source, row.translation, row.previous)]
    sources = row.source.split("\n")
    done = [item for item in row.translation.split("\n") if item]
    before = row.previous.split("\n") if row.previous is not None else []
    entries = []
    for index, source in enumerate(sources):
        last = index == len(sources) - 1
        text = "\n".join(done[index:]) if last else (done[index] if index < len(done) else "")
        entries.append((f"{context}[{index}]", source, text,
                        before[index] if index < len(before) else None))
    return entries


def read_po(text: str, shown: str, problems: Problems) -> ExchangeFile | None:
    """The rows of a PO file, with each entry's line, fuzzy flag and translator's comment."""
    # polib quietly cuts the last letter off a string whose closing quote is missing; a
    # translation must never change unnoticed, so such lines are refused first.
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith(("msgctxt", "msgid", "msgstr", '"')) and \
                not _quoted(stripped[stripped.index('"'):] if '"' in stripped else ""):
            problems.add(shown, number, "", "tệp PO hỏng: chuỗi thiếu dấu ngoặc kép đóng `\"`.",
                         "thêm dấu `\"` ở cuối dòng, hoặc mở và lưu lại tệp bằng Poedit.")
            return None
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        problems.add(shown, 0, "", f"tệp PO hỏng ({error}).", "mở và lưu lại tệp bằng Poedit.")
        return None
    rows: list[Row] = []
    items: dict[tuple[str, str], list[tuple[int, polib.POEntry]]] = {}
    for entry in po:
        if entry.obsolete:
            continue
        procedure_id, _, path = (entry.msgctxt or "").partition("|")
        item = _ITEM.match(path)
        if item and item["field"] in registry.text_list_fields():
            key = (procedure_id, item["field"])
            if key not in items:
                items[key] = []
                rows.append(Row(id=procedure_id, path=item["field"], source="",
                                translation="", line=entry.linenum))
            items[key].append((int(item["index"]), entry))
            continue
        rows.append(Row(id=procedure_id, path=path, source=entry.msgid,
                        translation=entry.msgstr, fuzzy="fuzzy" in entry.flags,
                        comment=entry.tcomment or "", line=entry.linenum))
    rows = [_joined(row, items[(row.id, row.path)]) if (row.id, row.path) in items else row
            for row in rows]
    lang = po.metadata.get("Language", "")
    translator = po.metadata.get("Last-Translator", "").strip()
    if translator == TEMPLATE_TRANSLATOR:
        translator = ""
    return one_language([lang] * max(len(rows), 1), rows, shown, problems,
                        translator=translator)


def _joined(row: Row, entries: list[tuple[int, polib.POEntry]]) -> Row:
    """One row for a list's item entries: items one per line, fuzzy if any filled one is."""
    ordered = [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]
    return Row(id=row.id, path=row.path, source="\n".join(e.msgid for e in ordered),
               translation="\n".join(e.msgstr for e in ordered if e.msgstr.strip()),
               fuzzy=any("fuzzy" in e.flags and e.msgstr.strip() for e in ordered),
               comment="\n".join(e.tcomment for e in ordered if e.tcomment),
               line=row.line)


def _quoted(text: str) -> bool:
    """`"..."` with its closing quote not escaped."""
    if len(text) < 2 or not text.endswith('"'):
        return False
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    return backslashes % 2 == 0
