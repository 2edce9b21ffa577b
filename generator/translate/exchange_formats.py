"""The files translators work in: CSV (any spreadsheet) and gettext PO (Poedit, Weblate).

Both hold the same rows: which procedure and field, the Vietnamese source text, the current
translation, whether it is stale, and a note. Reading reports every problem with its line and
a fix, in the same words as catalog problems; it never guesses at a broken file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import polib

from generator.problems import Problems

FORMATS = ("csv", "po")
CSV_COLUMNS = ("lang", "id", "field", "source", "translation", "state", "note")
REQUIRED_COLUMNS = ("lang", "id", "field", "source", "translation")
STALE = "stale"  # the `state` of a row whose source changed since it was translated
# Spreadsheets run a cell starting with one of these as a formula (CSV injection); such cells
# are written with a leading apostrophe, which reading removes again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One piece of text to translate."""

    id: str
    path: str
    source: str
    translation: str
    stale: bool = False
    missing: bool = False
    note: str = ""
    line: int = 0  # where it is in the file read, for messages


@dataclass(frozen=True)
class ExchangeFile:
    lang: str
    rows: tuple[Row, ...]


def write_exchange(fmt: str, lang: str, rows: list[Row]) -> str:
    """The text of an export file in format `fmt`."""
    return _write_po(lang, rows) if fmt == "po" else _write_csv(lang, rows)


def read_exchange(data: bytes, shown: str, problems: Problems) -> ExchangeFile | None:
    """Parse an export file (format told by its content); None, with problems, when broken."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(shown, 0, "", "tệp không được lưu bằng bảng mã UTF-8.",
                     "trong bảng tính chọn Lưu thành → CSV UTF-8; trong Poedit lưu lại tệp.")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or not text.strip():
        problems.add(shown, 0, "", "tệp trống hoặc không phải tệp văn bản.")
        return None
    if text.lstrip().startswith(("#", "msgid", "msgctxt")):
        return _read_po(text, shown, problems)
    return _read_csv(text, shown, problems)


def _state(row: Row) -> str:
    return "missing" if row.missing else (STALE if row.stale else "")


def _write_csv(lang: str, rows: list[Row]) -> str:
    buffer = io.StringIO()
    # The byte order mark makes spreadsheets (Excel) read the file as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow((lang, row.id, row.path, _guard(row.source), _guard(row.translation),
                         _state(row), _guard(row.note)))
    return buffer.getvalue()


def _read_csv(text: str, shown: str, problems: Problems) -> ExchangeFile | None:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = reader.fieldnames or []
        lacking = [c for c in REQUIRED_COLUMNS if c not in header]
        if lacking:
            problems.add(shown, 1, "", "thiếu cột " + ", ".join(f"`{c}`" for c in lacking)
                         + " ở dòng tiêu đề.",
                         "dùng tệp do `thutuc translations export` tạo ra, giữ nguyên dòng đầu.")
            return None
        rows = []
        for record in reader:
            line = reader.line_num
            if None in record or any(record.get(c) is None for c in REQUIRED_COLUMNS):
                problems.add(shown, line, "", "dòng này có số cột khác dòng tiêu đề.",
                             "kiểm tra dấu phẩy và dấu ngoặc kép của dòng này.")
                continue
            rows.append((record["lang"].strip(), Row(
                id=record["id"].strip(), path=record["field"].strip(),
                source=_unguard(record["source"]), translation=_unguard(record["translation"]),
                stale=(record.get("state") or "").strip() == STALE,
                note=record.get("note") or "", line=line)))
    except csv.Error as error:
        problems.add(shown, 0, "", f"tệp CSV hỏng ({error}).",
                     "mở lại tệp trong bảng tính và lưu thành CSV UTF-8.")
        return None
    return _one_language([lang for lang, _ in rows], [row for _, row in rows], shown, problems)


def _guard(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def _write_po(lang: str, rows: list[Row]) -> str:
    po = polib.POFile(wrapwidth=0)
    po.header = "thutuc: administrative procedures to translate. msgctxt = procedure id|field."
    po.metadata = {"Project-Id-Version": "thutuc", "Language": lang,
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit"}
    for row in rows:
        po.append(polib.POEntry(msgctxt=f"{row.id}|{row.path}", msgid=row.source,
                                msgstr=row.translation, comment=row.note,
                                flags=["fuzzy"] if row.stale else []))
    return str(po)


def _read_po(text: str, shown: str, problems: Problems) -> ExchangeFile | None:
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
    rows = []
    for entry in po:
        if entry.obsolete:
            continue
        procedure_id, _, path = (entry.msgctxt or "").partition("|")
        rows.append(Row(id=procedure_id, path=path, source=entry.msgid,
                        translation=entry.msgstr, stale="fuzzy" in entry.flags,
                        note=entry.comment or "", line=entry.linenum))
    lang = po.metadata.get("Language", "")
    return _one_language([lang] * max(len(rows), 1), rows, shown, problems)


def _quoted(text: str) -> bool:
    """`"..."` with its closing quote not escaped."""
    if len(text) < 2 or not text.endswith('"'):
        return False
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    return backslashes % 2 == 0


def _one_language(langs: list[str], rows: list[Row], shown: str,
                  problems: Problems) -> ExchangeFile | None:
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
    return ExchangeFile(found[0], tuple(rows))
