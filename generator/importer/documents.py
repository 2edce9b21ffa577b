"""Parse the documents table (thành phần hồ sơ): names, blank forms and counts.

Columns Tên giấy tờ / Mẫu đơn, tờ khai / Số lượng, glued, in one or more sections each
opened by the header (`* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai...1
bản chính- Giấy chứng sinh...1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờ...`). A row
ends at its count; a count quoted inside a name is followed by a space and a lowercase word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importer.text import one_line, unbullet

HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_COUNT = re.compile(r"(\d+)\s*bản\s*(chính|sao|chụp)(?:\s*,\s*(\d+)\s*bản\s*(sao|chụp))?"
                    r"(?=$|[^\s,;.:)]|\s+[-+*•])")
# The blank form's file name, glued to the end of the name cell: an ASCII run ending in an
# office-file extension (the portal strips diacritics from file names).
_FORM = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _\-.,]*\.(?:docx?|pdf|xlsx?|rtf|odt|zip|rar)$",
                   re.I)
_NOTE_ROW = re.compile(r"^\*?\s*(?:Trường hợp|Lưu ý|Ghi chú|Chú ý)", re.I)


@dataclass
class Documents:
    items: list[dict[str, Any]] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)


def parse_documents(text: str) -> Documents:
    """Documents in the catalog's shape: `{name, originals?, copies?, note?}`."""
    result = Documents()
    body = one_line(text)
    if not body:
        result.unparsed.append("cổng không ghi thành phần hồ sơ")
        return result
    if HEADER not in body:
        result.items.append({"name": body})
        result.unparsed.append("không có bảng giấy tờ; giữ nguyên văn bản thành một mục")
        return result
    chunks = body.split(HEADER)
    section = _section_title(chunks[0])
    for index, chunk in enumerate(chunks[1:], start=1):
        tail = _rows(chunk, section, result)
        if index < len(chunks) - 1:
            section = _section_title(tail)
        elif tail:
            result.items.append({"name": tail, **({"note": section} if section else {})})
            result.unparsed.append(f"không tìm thấy số lượng bản cho {tail[:60]!r}...")
    return result


def _section_title(text: str) -> str:
    """`* Giấy tờ phải xuất trình:` -> `Giấy tờ phải xuất trình`; `--` -> ``."""
    return text.strip(" *-:+")


def _rows(chunk: str, section: str, result: Documents) -> str:
    """Add the rows of one section; return the text after its last count."""
    start, previous, first = 0, None, len(result.items)
    for match in _COUNT.finditer(chunk):
        cell = chunk[start:match.start()].strip()
        start = match.end()
        counts = {"originals": 0, "copies": 0}
        counts["originals" if match[2] == "chính" else "copies"] += int(match[1])
        if match[3]:
            counts["copies"] += int(match[3])
        if not cell and previous is not None and result.items:
            # "...: 01 bản chụp1 bản sao": the first count ended the name, not the row.
            document = result.items[-1]
            document["name"] = f"{document['name']} {previous}"
            document.pop("originals", None), document.pop("copies", None)
            document.update({key: value for key, value in counts.items() if value})
        else:
            _add(cell, counts, section, result, remark_ok=len(result.items) > first)
        previous = match[0]
    return chunk[start:].strip()


def _add(cell: str, counts: dict[str, int], section: str, result: Documents,
         remark_ok: bool) -> None:
    """Add one row: a document, or (`remark_ok`) a remark on the section's last document."""
    notes = [section] if section else []
    if form := _FORM.search(cell):
        cell = cell[:form.start()].strip()
        notes.append(f"Mẫu trên Cổng Dịch vụ công quốc gia: tệp {form[0]}")
    name = unbullet(cell).strip()
    if not name:
        result.unparsed.append("một hàng có số lượng nhưng không có tên giấy tờ")
        return
    if not any(counts.values()) and _NOTE_ROW.match(name) and remark_ok:
        previous = result.items[-1]  # a remark about the row above, not a document
        previous["note"] = join_sentences(previous.get("note", ""), name)
        return
    document: dict[str, Any] = {"name": name}
    document.update({key: value for key, value in counts.items() if value})
    if notes:
        document["note"] = join_sentences(*notes)
    result.items.append(document)


def join_sentences(*parts: str) -> str:
    """Parts as one text, each ending in punctuation: `Giấy tờ phải nộp. Trường hợp...`."""
    text = ""
    for part in filter(None, (p.strip() for p in parts)):
        if text:
            text = text.rstrip(" ;,") + ("" if text.rstrip(" ;,")[-1] in ".:!?" else ".") + " "
        text += part
    return text
