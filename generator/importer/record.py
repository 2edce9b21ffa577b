"""One national record -> one procedure in the catalog's shape (plain data) and a report.

Every key the catalog has a place for is filled from its national field; the tables are
parsed by their own modules; national fields the format has no key for are kept as text in
`provenance.extra`, and so is a table's original text whenever part of it could not be read.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.fingerprints import fingerprint
from generator.importer.channels import parse_channels, with_units
from generator.importer.documents import parse_documents
from generator.importer.ids import strip_prefix
from generator.importer.legal import parse_legal_basis
from generator.importer.result import parse_result, split_tail
from generator.importer.steps import paragraphs, parse_steps, to_markdown
from generator.importer.text import clean, one_line, split_list
from generator.load.field_reader import is_web_url

# National fields the format has no key for, kept as text for editors.
EXTRA_FIELDS = ("so_quyet_dinh", "loai_thu_tuc", "cap_thuc_hien", "co_quan_co_tham_quyen",
                "dia_chi_tiep_nhan", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop",
                "thu_tuc_lien_quan")
MISSING = "Chưa có thông tin"
NO_DOCUMENTS = "Chưa có thông tin về giấy tờ: hỏi cơ quan giải quyết trước khi nộp"
NO_STEPS = "Liên hệ cơ quan giải quyết để được hướng dẫn"
REMARKS_HEADING = "**Lưu ý về hồ sơ:**"
# A summary names the applicants only when they are few and short enough for one sentence.
MAX_APPLICANTS, MAX_APPLICANT_LENGTH = 3, 40
# The portal's levels of execution (cấp thực hiện) and the catalog's `level` values.
LEVELS = (("Cấp bộ", "bo"), ("Cấp tỉnh", "tinh"), ("Cấp xã", "xa"), ("Cơ quan khác", "khac"))


@dataclass
class Converted:
    """A procedure as plain data (no `id` yet), its provenance extras, and the report."""

    code: str
    data: dict[str, Any]
    extra: dict[str, str] = field(default_factory=dict)
    report: list[str] = field(default_factory=list)
    record: str = ""  # fingerprint of the national record: did it change upstream?


def field_text(record: dict[str, Any], key: str) -> str:
    """A record's field as text, whatever the file held (missing, null, a number...)."""
    value = record.get(key)
    return str(value) if isinstance(value, (str, int, float)) else ""


def record_levels(record: dict[str, Any]) -> list[str]:
    """The catalog's `level` values of a record's levels of execution, in a fixed order."""
    text = field_text(record, "cap_thuc_hien").casefold()
    return [slug for name, slug in LEVELS if name.casefold() in text]


def convert(record: dict[str, Any], category: str) -> Converted:
    """The procedure of one record, without `id`, `updated`, `review`, `provenance`."""
    text = functools.partial(field_text, record)
    code = one_line(text("ma_thu_tuc"))
    # The page text the collector also kept (raw_text) repeats the fields: left out, so that
    # only a change of the record's own fields counts as a change upstream.
    out = Converted(code=code, data={}, record=fingerprint(
        {key: value for key, value in record.items() if key != "raw_text"}))
    data = out.data
    title = one_line(text("ten_thu_tuc")).rstrip(" .") or f"Thủ tục {code}"
    applicants = split_list(text("doi_tuong_thuc_hien"))
    agency = one_line(text("co_quan_thuc_hien")) or one_line(text("co_quan_co_tham_quyen"))
    data.update(code=code, title=title, category=category)
    levels = record_levels(record)
    if levels:
        data["level"] = levels[0] if len(levels) == 1 else levels
    data["summary"] = _summary(title, applicants)
    if applicants:
        data["applicants"] = applicants
    if agency:
        data["agency"] = agency
    conditions_text, keywords = split_tail(text("yeu_cau_dieu_kien"))
    documents = parse_documents(text("thanh_phan_ho_so"))
    conditions = paragraphs(conditions_text)
    if documents.remarks:
        # Remarks of the documents table are about the file as a whole: under the
        # conditions, not as documents a citizen would tick off.
        remarks = to_markdown([f"- {remark}" for remark in documents.remarks])
        conditions = "\n\n".join(filter(None, (conditions, REMARKS_HEADING, remarks)))
    if conditions:
        data["conditions"] = conditions
    # The format requires at least one document and one step: without any, the page says
    # whom to ask rather than publishing an empty list.
    data["documents"] = documents.items or [{"name": NO_DOCUMENTS}]
    _note(out, "thanh_phan_ho_so", documents.unparsed, text)
    data["steps"] = parse_steps(text("trinh_tu_thuc_hien")) or [{"title": NO_STEPS}]
    if data["steps"][0]["title"] == NO_STEPS:
        out.report.append("trinh_tu_thuc_hien: cổng không ghi trình tự thực hiện; ghi tạm "
                          f"“{NO_STEPS}”")
    channels = parse_channels(text("cach_thuc_thuc_hien"))
    with_units(channels, "\n".join(text(key) for key in (
        "cach_thuc_thuc_hien", "trinh_tu_thuc_hien", "yeu_cau_dieu_kien", "ket_qua_xu_ly")))
    if channels.channels:
        data["channels"] = channels.channels
    _note(out, "cach_thuc_thuc_hien", channels.unparsed, text)
    data["duration"] = _duration(channels.channels, out)
    if fees := _fees(channels.amounts):
        data["fees"] = fees
    result = parse_result(text("ket_qua_xu_ly"))
    data["result"] = result.text or MISSING
    if not result.text:
        out.report.append("ket_qua_xu_ly: không có kết quả; ghi tạm “Chưa có thông tin”")
    legal = parse_legal_basis(text("can_cu_phap_ly"))
    if legal.items:
        data["legal_basis"] = legal.items
    _note(out, "can_cu_phap_ly", legal.unparsed, text)
    if keywords := list(dict.fromkeys([*result.keywords, *keywords])):
        data["keywords"] = keywords
    for key in EXTRA_FIELDS:
        value = clean(text(key))
        if value and not (key == "co_quan_co_tham_quyen" and one_line(value) == agency):
            out.extra[key] = value
    return out


def _note(out: Converted, key: str, unparsed: list[str], text: Callable[[str], str]) -> None:
    """Report what a parser could not read, and keep the table's original text."""
    out.report.extend(f"{key}: {line}" for line in unparsed)
    if unparsed and clean(text(key)):
        out.extra[key] = clean(text(key))


def _summary(title: str, applicants: list[str]) -> str:
    """One plain sentence built only from the record's own facts, saying who it is for
    rather than repeating the title (editors should rewrite it in their own words)."""
    action = _lower_first(strip_prefix(title).rstrip(" ."))
    who = [_lower_first(a) for a in applicants]
    if who and len(who) <= MAX_APPLICANTS and all(len(a) <= MAX_APPLICANT_LENGTH for a in who):
        people = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " hoặc " + who[-1]
        return f"Dành cho {people} cần {action}."
    return f"Hướng dẫn {action}: giấy tờ cần chuẩn bị, các bước, thời hạn và lệ phí."


def _lower_first(text: str) -> str:
    """`Đăng ký khai sinh` -> `đăng ký khai sinh`; an abbreviation (`UBND`, `HTX`) stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _duration(channels: list[dict[str, str]], out: Converted) -> str:
    """One time limit for all channels, or each channel's own when they differ."""
    names = {"direct": "Nộp trực tiếp", "online": "Nộp trực tuyến", "post": "Qua bưu chính"}
    times = list(dict.fromkeys((c["type"], c["duration"]) for c in channels
                               if c.get("duration")))
    if not times:
        out.report.append("cach_thuc_thuc_hien: không có thời hạn giải quyết; "
                          "ghi tạm “Chưa có thông tin”")
        return MISSING
    if len({duration for _, duration in times}) == 1:
        return times[0][1]
    return "; ".join(f"{names[kind]}: {duration}" for kind, duration in times)


# How applying one way is said in the case a fee is paid in (`fees[].when`).
FEE_CASES = {"direct": "nộp trực tiếp", "online": "nộp trực tuyến", "post": "nộp qua bưu chính"}


def _fees(amounts: dict[str, int]) -> list[dict[str, Any]]:
    """Fee amounts in đồng: one entry when all channels charge the same; else one per
    amount, paid only when applying the ways that charge it (`when`: "nếu nộp trực tuyến
    hoặc nộp qua bưu chính"), as the record's table says."""
    by_amount: dict[int, list[str]] = {}
    for kind, amount in amounts.items():
        by_amount.setdefault(amount, []).append(FEE_CASES[kind])
    if len(by_amount) == 1:
        return [{"name": "Phí, lệ phí", "amount": next(iter(by_amount))}]
    return [{"name": "Phí, lệ phí", "amount": amount, "when": "nếu " + " hoặc ".join(ways)}
            for amount, ways in by_amount.items()]


def provenance(converted: Converted, url: str, imported: datetime.date) -> dict[str, Any]:
    """The `provenance` mapping of an imported file, without the fingerprints (the merge adds
    them, as it alone knows which values were written)."""
    result: dict[str, Any] = {"national_code": converted.code}
    if is_web_url(url):
        result["url"] = url
    result["imported"] = imported
    result["record"] = converted.record
    extra = converted.extra
    if extra:
        result["extra"] = extra
    return result
