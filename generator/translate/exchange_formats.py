"""The files translators work in: gettext PO (Poedit, Weblate), xlsx and CSV (spreadsheets).

All hold the same rows: which procedure and field, the Vietnamese source text, the current
translation, its state (missing, stale, or a fuzzy suggestion), and notes. Reading reports
every problem with its line and a fix, in the same words as catalog problems; it never
guesses at a broken file. The format is told by the file's content, not its name.
"""

from __future__ import annotations

import csv
import io
import re

from generator.problems import Problems
from generator.translate.exchange_po import read_po
from generator.translate.exchange_rows import (
    COLUMNS,
    REQUIRED_COLUMNS,
    ExchangeFile,
    Row,
    state_of,
    table_rows,
)
from generator.translate.exchange_sheet import is_spreadsheet, read_xlsx

FORMATS = ("csv", "po", "xlsx")
SEPARATORS = (",", ";", "\t")
# Spreadsheets run a CSV cell starting with one of these as a formula (CSV injection); such
# cells are written with a leading apostrophe, which reading removes again. (xlsx cells are
# typed as text and need no such mark.)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Vietnamese UTF-8 read as Windows-1252/Latin-1 and saved again: "ạ" becomes "áº¡", "ư" "Æ°".
_MOJIBAKE = re.compile("á[º»]|[ÃÄÅÆÉ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                       "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
                       "\u2026\u2030\u2039\u203a\u20ac\u2122]")
SAVE_AS_UTF8 = ("mở lại tệp đã xuất (khi mở chọn bảng mã «Unicode (UTF-8)») và lưu bằng "
                "UTF-8: trong LibreOffice chọn File → Save As, đánh dấu «Edit filter "
                "settings», Character set «Unicode (UTF-8)»; trong Excel chọn «CSV UTF-8». "
                "Dễ nhất: xuất và dịch tệp .xlsx (không phải chọn bảng mã).")


def read_exchange(data: bytes, shown: str, problems: Problems) -> ExchangeFile | None:
    """Parse an export file (format told by its content); None, with problems, when broken."""
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, shown, problems) if is_spreadsheet(data, shown, problems) \
            else None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        problems.add(shown, line, "", "tệp này không được lưu bằng bảng mã UTF-8 (có lẽ bảng "
                     "tính đã lưu bằng Latin-1 hay Windows-1258, chữ Việt sẽ hỏng).",
                     SAVE_AS_UTF8)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or not text.strip():
        problems.add(shown, 0, "", "tệp trống hoặc không phải tệp văn bản.")
        return None
    garbled = _MOJIBAKE.search(text)
    if garbled:
        problems.add(shown, text[:garbled.start()].count("\n") + 1, "",
                     f"chữ Việt trong tệp đã bị hỏng («{garbled.group()}»...): tệp đã được mở "
                     "bằng bảng mã Latin-1 rồi lưu lại.", SAVE_AS_UTF8)
        return None
    if text.lstrip().startswith(("#", "msgid", "msgctxt")):
        return read_po(text, shown, problems)
    return _read_csv(text, shown, problems)


def write_csv(lang: str, rows: list[Row]) -> bytes:
    """A CSV file: UTF-8 with a byte order mark, so that Excel reads it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow((lang, row.id, row.path, _guard(row.source), _guard(row.translation),
                         state_of(row), _guard(row.note), _guard(row.comment)))
    return buffer.getvalue().encode("utf-8")


def _read_csv(text: str, shown: str, problems: Problems) -> ExchangeFile | None:
    first = text.split("\n", 1)[0]
    separator = next((s for s in SEPARATORS
                      if set(REQUIRED_COLUMNS) <= set(_cells(first, s))), ",")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
        records = []
        start = 1
        for values in reader:
            records.append((start, [_unguard(value) for value in values]))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.add(shown, reader.line_num, "", f"tệp CSV hỏng ({error}).",
                     "mở lại tệp trong bảng tính và lưu thành CSV UTF-8; hoặc dùng tệp .xlsx.")
        return None
    if not records:
        problems.add(shown, 0, "", "tệp không có dòng nào để nhập.")
        return None
    return table_rows(records[0][1], records[1:], shown, problems)


def _cells(line: str, separator: str) -> list[str]:
    try:
        return [cell.strip() for cell in next(csv.reader([line], delimiter=separator))]
    except (csv.Error, StopIteration):
        return []


def _guard(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


