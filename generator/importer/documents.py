"""Parse the documents table (thành phần hồ sơ): names, blank forms, counts and cases.

Columns Tên giấy tờ / Mẫu đơn, tờ khai / Số lượng, glued, in one or more sections each
opened by the header (`* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai...1
bản chính- Giấy chứng sinh...1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờ...`). A row
ends at its count; a count quoted inside a name is followed by a space and a lowercase word.

Not every row is a document a citizen brings: a section "Lưu ý", a row "Lưu ý: ...", and a
row without any count that opens a section with "Trường hợp..." are remarks about the file as
a whole (`Documents.remarks`); a row ending in ":" ("Đối với giấy tờ nộp trực tiếp:") is the
heading of the rows after it. The case a document is for ("Trường hợp...", "Nếu...", "Đối
với...", or "... nếu cha, mẹ đã đăng ký kết hôn") becomes its `when`.
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
_REMARK = re.compile(r"^\W*(?:Lưu ý|Ghi chú|Chú ý)\b", re.I)
_CASE_WORDS = r"(?:Trường hợp|Nếu|Đối với)"
_LEADING_CASE = re.compile(rf"^({_CASE_WORDS}\s.+?)(?:\s*:\s+|,\s+|\s+thì\s+|"
                           r"\s+(?=phải\s+(?:có|nộp|xuất trình|kèm)\s))", re.I)
# What the rest of a leading case starts with before the document's own name.
_VERB = re.compile(r"^(?:thì\s+)?(?:phải\s+|cần\s+)?"
                   r"(?:có|nộp|xuất trình|nộp thêm|kèm theo|bổ sung)?\s*(?:thêm\s+)?", re.I)
_TRAILING_CASE = re.compile(r"\s+\(?((?:trong|đối với)\s+trường hợp\s|nếu\s|đối với\s)", re.I)
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")
# Words of a row ending in ":" that introduces the rows after it rather than naming a document.
_HEADING = re.compile(rf"^\W*{_CASE_WORDS}\s|\b(?:gồm|bao gồm|sau đây|sau|cụ thể|bổ sung|"
                      r"tương ứng|như sau)\W*:$", re.I)
MIN_NAME = 8  # characters: a shorter rest is not a document's name, so no case is split off


@dataclass
class Documents:
    items: list[dict[str, Any]] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    # Remarks about the whole file (a "Lưu ý" section...), in the table's order.
    remarks: list[str] = field(default_factory=list)


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
        first = len(result.items)
        tail = _rows(chunk, section, result)
        _apply_headings(result, first)
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
    uncounted = not any(counts.values())
    if _REMARK.match(section) or _REMARK.match(name):
        result.remarks.append((_REMARK.sub("", name) if _REMARK.match(name) else name)
                              .strip(" :-"))
        return
    if uncounted and _NOTE_ROW.match(name):
        if not remark_ok:  # opening its section: about the whole file, not one document
            result.remarks.append(name)
            return
        previous = result.items[-1]  # a remark about the row above, not a document
        previous["note"] = join_sentences(previous.get("note", ""), name)
        return
    document: dict[str, Any] = {"name": name}
    document.update({key: value for key, value in counts.items() if value})
    if notes:
        document["note"] = join_sentences(*notes)
    if not name.endswith(":"):  # a heading's case is for the rows after it
        _split_case(document)
    result.items.append(document)


def _split_case(document: dict[str, Any]) -> None:
    """Move the case a document is for from its name to `when`, and the sentences after the
    name's first to `note`: "Giấy chứng nhận kết hôn nếu cha, mẹ đã đăng ký kết hôn. Trường
    hợp ... thì không phải xuất trình." -> name, when and note."""
    name = document["name"]
    first, *others = _SENTENCE.split(name, maxsplit=1)
    when = ""
    if (lead := _LEADING_CASE.match(first)) and \
            len(rest := _VERB.sub("", first[lead.end():], count=1)) >= MIN_NAME:
        when, first = lead[1].strip(), rest[0].upper() + rest[1:]
    elif (trail := _TRAILING_CASE.search(first)) and trail.start() >= MIN_NAME and \
            ";" not in first and " thì " not in first[trail.start():]:
        # Only a plain "X nếu Y": "A; trường hợp B thì C" lists alternatives, not a case.
        opened = first[trail.start():].lstrip().startswith("(")
        close = first.find(")", trail.end()) if opened else -1
        if close >= 0:  # "Tờ khai (nếu có) ban hành kèm theo...": the rest stays the name
            when = first[trail.start(1):close]
            first = f"{first[:trail.start()].rstrip()} {first[close + 1:].lstrip()}".strip()
        else:
            when = first[trail.start():].strip(" ().;")
            first = first[:trail.start()].rstrip(" ,;(")
    if not when:
        return
    document["name"] = first.rstrip(" ;,")
    document["when"] = when.rstrip(" .;,")
    if others:
        document["note"] = join_sentences(document.get("note", ""), *others)


def _apply_headings(result: Documents, first: int) -> None:
    """Turn the rows ending in ":" of one section (from index `first`) into the heading of
    the rows after them: a case ("Đối với giấy tờ gửi kèm nếu nộp trực tuyến:") becomes their
    `when`, other words start their note; a heading with no row after it is a remark."""
    items = result.items[first:]
    kept: list[dict[str, Any]] = []
    heading, used = "", False
    for item in items:
        name = item["name"].rstrip()
        if name.endswith(":") and not _HEADING.search(name):
            item["name"] = name.rstrip(" :")  # "Hóa đơn thương mại (nếu có):" is a document
            _split_case(item)
        elif name.endswith(":"):
            if heading and not used:
                result.remarks.append(heading)
            heading, used = name.rstrip(" :"), False
            continue
        if heading:
            used = True
            if re.match(_CASE_WORDS, heading, re.I) and "when" not in item:
                item["when"] = heading
            elif re.match(_CASE_WORDS, heading, re.I):
                item["when"] = f"{heading}; {item['when'][0].lower()}{item['when'][1:]}"
            else:
                item["note"] = join_sentences(heading, item.get("note", ""))
        kept.append(item)
    if heading and not used:
        result.remarks.append(heading)
    result.items[first:] = kept


def join_sentences(*parts: str) -> str:
    """Parts as one text, each ending in punctuation: `Giấy tờ phải nộp. Trường hợp...`."""
    text = ""
    for part in filter(None, (p.strip() for p in parts)):
        if text:
            text = text.rstrip(" ;,") + ("" if text.rstrip(" ;,")[-1] in ".:!?" else ".") + " "
        text += part
    return text
