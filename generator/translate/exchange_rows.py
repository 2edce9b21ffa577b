"""The rows every translators' file holds, whatever its format, and how a table becomes rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.problems import Problems

COLUMNS = ("lang", "id", "field", "source", "translation", "state", "note", "comment")
REQUIRED_COLUMNS = ("lang", "id", "field", "source", "translation")
STALE = "stale"  # the `state` of a row whose source changed since it was translated
FUZZY = "fuzzy"  # the `state` of a suggestion: kept, counted, never published
MISSING = "missing"


@dataclass(frozen=True)
class Row:
    """One piece of text to translate."""

    id: str
    path: str
    source: str
    translation: str
    stale: bool = False
    missing: bool = False
    fuzzy: bool = False  # a suggestion not yet accepted by the translator: never published
    note: str = ""  # where the text appears and what to keep, for the translator
    file: str = ""  # the procedure's source file (a PO reference)
    previous: str | None = None  # the Vietnamese a stale translation was made from, if known
    comment: str = ""  # the translator's own note (a PO `#` comment, the `comment` column)
    line: int = 0  # where it is in the file read, for messages


@dataclass(frozen=True)
class ExchangeFile:
    lang: str
    rows: tuple[Row, ...]
    translator: str = ""  # who translated it, as the file says (PO Last-Translator)


def state_of(row: Row) -> str:
    """The `state` cell of a row in a spreadsheet."""
    if row.fuzzy:
        return FUZZY
    return MISSING if row.missing else (STALE if row.stale else "")


def table_rows(header: list[str], records: Iterable[tuple[int, list[str]]], shown: str,
               problems: Problems, translator: str = "") -> ExchangeFile | None:
    """Rows from a spreadsheet's header and (line, cells) records, CSV or xlsx alike."""
    names = [name.strip() for name in header]
    lacking = [c for c in REQUIRED_COLUMNS if c not in names]
    if lacking:
        problems.add(shown, 1, "", "thiếu cột " + ", ".join(f"`{c}`" for c in lacking)
                     + " ở dòng tiêu đề.",
                     "dùng tệp do `thutuc translations export` tạo ra, giữ nguyên dòng đầu.")
        return None
    index = {name: names.index(name) for name in COLUMNS if name in names}
    langs, rows = [], []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue  # a blank line a spreadsheet added at the end
        if len(cells) > len(names) and any(cell.strip() for cell in cells[len(names):]):
            problems.add(shown, line, "", "dòng này có nhiều cột hơn dòng tiêu đề.",
                         "kiểm tra dấu phân cách và dấu ngoặc kép của dòng này.")
            continue
        record = {name: cells[i] if i < len(cells) else "" for name, i in index.items()}
        state = record.get("state", "").strip().lower()
        langs.append(record["lang"].strip())
        rows.append(Row(id=record["id"].strip(), path=record["field"].strip(),
                        source=record["source"], translation=record["translation"],
                        stale=state == STALE, fuzzy=state == FUZZY,
                        note=record.get("note", ""), comment=record.get("comment", "").strip(),
                        line=line))
    return one_language(langs, rows, shown, problems, translator)


def one_language(langs: list[str], rows: list[Row], shown: str, problems: Problems,
                 translator: str = "") -> ExchangeFile | None:
    """The file's rows, when they are all in one language."""
    found = sorted(set(langs))
    if len(found) != 1 or not found[0]:
        problems.add(shown, 0, "lang",
                     "tệp phải chứa bản dịch của đúng một ngôn ngữ (đang có: "
                     + (", ".join(f"`{x}`" for x in found if x) or "không rõ") + ").",
                     "xuất lại bằng `thutuc translations export --lang MÃ`.")
        return None
    if not rows:
        problems.add(shown, 0, "", "tệp không có dòng nào để nhập.")
        return None
    return ExchangeFile(found[0], tuple(rows), translator)
