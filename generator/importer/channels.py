"""Parse the channels table (cách thức thực hiện): one row per way of applying.

The portal's table has the columns Hình thức nộp / Thời gian / Phí, lệ phí / Mô tả; the
collector glued the cells together, e.g. `Trực tuyến5 Ngày làm việcMiễn phí(Theo quy
định...)Trực tiếp5 Ngày...`. A row starts where a channel name is directly followed by its
time (a number, or "Không ..."), which never happens inside a description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.text import NO_INFO, format_amount, one_line
from generator.load.strings import SOURCE_LANGUAGE, load_strings

HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
CHANNEL_TYPES = {"Trực tuyến": "online", "Trực tiếp": "direct", "Dịch vụ bưu chính": "post"}
_ROW = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\s?\d|Không)")
_TIME = re.compile(r"(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút)")
_BARE_NUMBER = re.compile(r"(\d+)\s*(?=Miễn phí|Không có thông tin)")
# Digits directly followed by a currency: the time and the amount cells ran together
# ("Trực tuyến120,000 VNĐ" is 1 + 20,000 or 120,000: nothing tells which).
_GLUED = re.compile(r"\d[\d.,]*\s*(?:VNĐ|Việt Nam Đồng)")
_AMOUNT = re.compile(r"(\d[\d.,]*)\s*(?:VNĐ|Việt Nam Đồng|đồng)")
# Amounts are written as the site writes them (`20.000 đồng`, 0: `Miễn phí`).
_VIETNAMESE = load_strings(SOURCE_LANGUAGE)
_NO_TIME = ("Không phải trả kết quả cho người nộp thuế", "Không quy định", NO_INFO, "Không")
# A description that opens with the time limit ("04 ngày làm việc, kể từ ngày nhận đủ hồ sơ"),
# for a row whose time cell is empty.
_NOTE_TIME = re.compile(r"^(?:Trong thời hạn |Chậm nhất (?:là )?|Tối đa )?\d+\s*"
                        r"(?:ngày làm việc|ngày|giờ làm việc|giờ|tháng)\b[^.;]*", re.I)
# A description saying the amount is set elsewhere (by the provincial council, by the law on
# fees): then "Miễn phí" in the fee cell is the portal's placeholder, not a promise.
_FEE_SET_ELSEWHERE = re.compile(
    r"(?:mức (?:lệ )?phí|mức thu|lệ phí)[^.]*?(?:do|theo)[^.]*?(?:Hội đồng nhân dân|HĐND)"
    r"|mức thu[^.]*?quy định tại (?:Thông tư|Nghị định|Nghị quyết|Quyết định)"
    r"|^\W*Theo (?:quy định|mức thu)[^.]*?(?:Hội đồng nhân dân|HĐND|Luật phí và lệ phí)"
    r"|^\W*Thông tư số [^.]*? quy định mức thu", re.I)
_COUNCIL = re.compile(r"Hội đồng nhân dân|HĐND")
FEE_BY_COUNCIL = "Theo mức do Hội đồng nhân dân tỉnh quyết định"
FEE_BY_LAW = "Theo quy định về phí, lệ phí"


@dataclass
class Channels:
    """What the table gave: channels in the catalog's shape, the amounts in đồng per
    channel type, and what could not be read."""

    channels: list[dict[str, str]] = field(default_factory=list)
    amounts: dict[str, int] = field(default_factory=dict)
    unparsed: list[str] = field(default_factory=list)
    # Times given as a bare number ("5", the unit lost), by channel type: the record's own
    # text may say the unit (`with_units`); a number alone is never published.
    bare: dict[str, str] = field(default_factory=dict)


def fee_set_elsewhere(note: str) -> bool:
    """Whether a channel's description says the fee is set by law or by the council."""
    return bool(_FEE_SET_ELSEWHERE.search(note))


def parse_channels(text: str) -> Channels:
    """Channels with duration, fee and note from the flattened table."""
    result = Channels()
    body = one_line(text).replace(HEADER, "", 1).strip()
    if not body:
        return result
    parts = _ROW.split(body)
    if parts[0].strip():
        result.unparsed.append(f"không nhận ra hàng của bảng: {parts[0].strip()!r}")
    for name, cells in zip(parts[1::2], parts[2::2], strict=True):
        _row(CHANNEL_TYPES[name], cells.strip(), result)
    return result


def _row(kind: str, cells: str, result: Channels) -> None:
    channel = {"type": kind}
    duration, rest = _duration(cells, kind, result)
    if duration:
        channel["duration"] = duration
    fee, rest = _fee(rest.strip(), kind, result)
    notes = []
    if rest.startswith("("):
        inner, rest = _parenthesis(rest)
        if inner.startswith("/") and fee:
            fee += inner  # "2.000 đồng" + "/trang"
        elif inner:
            notes.append(inner)
    if rest.strip(" -"):
        notes.append(rest.strip(" -"))
    note = " ".join(notes)
    if not duration and kind not in result.bare and (time := _NOTE_TIME.match(note)):
        channel["duration"] = time[0].strip(" ,")
        note = note[time.end():].strip(" .;,")
    if fee == "Miễn phí" and fee_set_elsewhere(note):
        fee = FEE_BY_COUNCIL if _COUNCIL.search(note) else FEE_BY_LAW
    if fee:
        channel["fee"] = fee
    if note:
        channel["note"] = note
    result.channels.append(channel)


def _duration(cells: str, kind: str, result: Channels) -> tuple[str, str]:
    if match := _TIME.match(cells):
        return f"{match[1]} {match[2].lower()}", cells[match.end():]
    if match := _GLUED.match(cells):
        result.unparsed.append(f"{kind}: thời gian và phí dính liền {match[0]!r}, "
                               "không tách được; ghi lại vào ghi chú")
        return "", f"({match[0]})" + cells[match.end():]
    if match := _BARE_NUMBER.match(cells):
        result.bare[kind] = match[1]
        return "", cells[match.end():]
    for phrase in _NO_TIME:
        if cells.startswith(phrase):
            informative = phrase not in (NO_INFO, "Không")
            return (phrase if informative else ""), cells[len(phrase):]
    return "", cells


def _fee(cells: str, kind: str, result: Channels) -> tuple[str, str]:
    if cells.startswith("Miễn phí"):
        return "Miễn phí", cells[len("Miễn phí"):]
    if cells.startswith(NO_INFO):
        return "", cells[len(NO_INFO):]
    if match := _AMOUNT.match(cells):
        amount = format_amount(match[1])
        if amount is not None:
            result.amounts[kind] = amount
            return str(_VIETNAMESE.money(amount)), cells[match.end():]  # plain, for YAML
        result.unparsed.append(f"{kind}: số tiền {match[1]!r} không đọc được")
    return "", cells


def with_units(result: Channels, text: str) -> None:
    """Give each bare-number time the unit the record's own `text` uses with that number
    (`5` and "05 ngày làm việc" in the steps); report the ones no text explains."""
    for kind, number in result.bare.items():
        units = {match[1].lower() for match in re.finditer(
            rf"(?<![\d.,/])0*{int(number)}\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng)\b",
            text, re.I)}
        channel = next(c for c in result.channels if c["type"] == kind)
        if len(units) == 1:
            channel["duration"] = f"{number} {units.pop()}"
            result.unparsed.append(f"{kind}: thời gian {number!r} không có đơn vị; lấy đơn vị "
                                   f"từ nội dung bản ghi: {channel['duration']!r}")
        else:
            result.unparsed.append(f"{kind}: thời gian {number!r} không có đơn vị, không đoán "
                                   "được; không ghi thời hạn cho cách nộp này")


def _parenthesis(text: str) -> tuple[str, str]:
    """The text inside the parenthesis that opens `text` (nesting counted), and the rest."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return text[1:index].strip(), text[index + 1:]
    return text[1:].strip(), ""  # never closed: all of it is the note
