"""xlsx workbooks for translators who work in LibreOffice Calc or Excel.

A workbook asks no charset question (the CSV's weak point), keeps every cell as text (leading
zeros, `1.000080`, cells starting with `-` or `=`), and protects what must not change: the
sheet is locked except the `translation`, `state` and `comment` columns (no password: a
translator who must can unprotect it in the menu). Text wraps, the header row stays in view,
and a second sheet says who translated (`Người dịch`, carried into the overlay's
`translator`) and how to work.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from generator.problems import Problems
from generator.translate.exchange_rows import (
    COLUMNS,
    FUZZY,
    STALE,
    ExchangeFile,
    Row,
    state_of,
    table_rows,
)

SHEET = "Dịch"
INFO_SHEET = "Thông tin"
TRANSLATOR_LABEL = "Người dịch"
EDITABLE = ("translation", "state", "comment")
WIDTHS = {"lang": 6, "id": 24, "field": 18, "source": 60, "translation": 60, "state": 9,
          "note": 40, "comment": 30}
TEXT = "@"  # the number format that keeps what is typed as text
GUIDE = (
    "Cách dịch: gõ bản dịch vào cột `translation` (cột E), mỗi ô một đoạn. Các cột khác bị "
    "khoá: đừng sửa `id`, `field`, `source`.",
    "Cột `note` nói đoạn văn nằm ở đâu trên trang và phải giữ những dấu nào (Markdown, "
    "liên kết). Cột `comment` để bạn ghi câu hỏi hay ghi chú: khi nhập, chúng được in ra "
    "cho người biên tập đọc.",
    "Cột `state`: `stale` là bản gốc đã đổi từ khi dịch (sửa bản dịch hoặc xoá chữ `stale` "
    "khi bản dịch vẫn đúng); `fuzzy` là bản nháp: được giữ lại nhưng không đưa lên trang. "
    "Xoá `fuzzy` khi bản dịch đã xong.",
    "Ghi tên bạn vào ô «Người dịch» ở trên. Lưu tệp dạng .xlsx rồi gửi lại.",
    "How to translate: type into the `translation` column; `note` says where the text "
    "appears and what to keep; `state` `fuzzy` keeps a draft off the site; write your name "
    "as «Người dịch» above and save as .xlsx.",
)
# Fixed workbook times: the same rows give the same file.
FIXED_TIME = datetime.datetime(2000, 1, 1)


def write_xlsx(lang: str, language_name: str, translator: str, rows: list[Row]) -> bytes:
    """A workbook: the rows on the first sheet, who and how on the second."""
    book = Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "thutuc"
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([lang, row.id, row.path, row.source, row.translation, state_of(row),
                      row.note, row.comment])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            _as_text(cell)
            cell.alignment = wrap
            if COLUMNS[cell.column - 1] in EDITABLE:
                cell.protection = Protection(locked=False)
    for index, name in enumerate(COLUMNS, 1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS[name]
        if name in EDITABLE:
            # Rows a translator adds below the last one stay editable and text as well.
            sheet.column_dimensions[letter].number_format = TEXT
    states = DataValidation(type="list", formula1=f'"{FUZZY},{STALE}"', allow_blank=True)
    states.error = "Để trống, hoặc `fuzzy` (bản nháp, chưa đưa lên trang)."
    sheet.add_data_validation(states)
    column = sheet.cell(1, COLUMNS.index("state") + 1).column_letter
    states.add(f"{column}2:{column}{max(len(rows) + 1, 2)}")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # Filtering and resizing stay allowed: translators sort out what is missing or stale.
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    info = book.create_sheet(INFO_SHEET)
    info.append(["Ngôn ngữ", f"{lang} ({language_name})"])
    info.append([TRANSLATOR_LABEL, translator])
    info.append([])
    for line in GUIDE:
        info.append([line])
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 60
    info["B2"].protection = Protection(locked=False)
    _as_text(info["B2"])
    info.protection.sheet = True
    buffer = io.BytesIO()
    # Not `book.save`: it stamps the workbook's `modified` with the current time, so two
    # exports a second apart differed.
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip_times(buffer.getvalue())


def _as_text(cell: Cell) -> None:
    cell.number_format = TEXT
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"  # text that looks like a formula stays text


def _fixed_zip_times(data: bytes) -> bytes:
    """The same workbook with fixed entry times, so that two exports are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(item.filename))
    return out.getvalue()


def is_spreadsheet(data: bytes, shown: str, problems: Problems) -> bool:
    """Whether a zip file is an xlsx workbook; reports an OpenDocument one or another zip."""
    if b"opendocument.spreadsheet" in data[:200]:
        problems.add(shown, 0, "", "đây là tệp .ods; thutuc đọc tệp .xlsx.",
                     "trong LibreOffice chọn Tệp → Lưu thành, kiểu «Excel 2007-365 (.xlsx)».")
        return False
    return True


def read_xlsx(data: bytes, shown: str, problems: Problems) -> ExchangeFile | None:
    """The rows of a workbook (its first sheet with the columns), with their row numbers."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        problems.add(shown, 0, "", f"không mở được tệp xlsx ({error}).",
                     "mở tệp trong LibreOffice hoặc Excel và lưu lại thành .xlsx.")
        return None
    translator = ""
    if INFO_SHEET in book.sheetnames:
        for label, value, *_ in book[INFO_SHEET].iter_rows(max_col=2, values_only=True):
            if label == TRANSLATOR_LABEL and value is not None:
                translator = str(value).strip()
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    records: list[tuple[int, list[str]]] = []
    for number, line in enumerate(sheet.iter_rows(), 1):
        cells = []
        for cell in line:
            if cell.data_type == "f":
                problems.add(shown, number, "", f"ô {cell.coordinate} là một công thức "
                             f"(`{cell.value}`), không phải chữ.",
                             "gõ lại nội dung của ô thành chữ (không bắt đầu bằng `=`).")
            cells.append(_text(cell.value))
        records.append((number, cells))
    book.close()
    if problems:
        return None
    if not records:
        problems.add(shown, 0, "", "tệp không có dòng nào để nhập.")
        return None
    return table_rows(records[0][1], records[1:], shown, problems, translator)


def _text(value: object) -> str:
    """A cell's value as text; numbers a spreadsheet typed as numbers, as they were typed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else \
            value.isoformat(sep=" ")
    return str(value)
