"""Parse the legal basis table (căn cứ pháp lý): document titles with their numbers.

Columns Tên văn bản / Mã văn bản, glued: `Nghị định số 123/2015/NĐ-CP ngày ...Luật Hộ
tịch123/2015/NĐ-CPThông tư ...`. A row ends at a document number that is directly followed by
the next title (not by a space and a lowercase word, as a number quoted inside a title is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.text import one_line

HEADER = "Tên văn bản pháp lýMã văn bản"
# Issuers seen in document numbers, longest first so that "BTC" wins over "BTCN" when the
# next title ("Nghị định...") follows without a space.
_ISSUERS = sorted(
    ("CP", "BTC", "BCA", "BTP", "BXD", "BYT", "BQP", "BCT", "BNV", "BNG", "BKHĐT", "BNNMT",
     "BNN", "BNNPTNT", "BTNMT", "BGTVT", "BLĐTBXH", "BGDĐT", "BVHTTDL", "BTTTT", "BKHCN",
     "UBND", "HĐND", "VPCP", "NHNN", "TTg", "CTN", "TANDTC", "VKSNDTC", "KTNN", "BHXH", "TCHQ",
     "TCT", "UBDT", "TLĐ", "TW", "BDTTG", "VPQH", "TƯMTTQVN"), key=len, reverse=True)
_SUFFIX = (r"(?:[A-ZĐ]+[-/])*(?:(?:UBTV)?QH\d{2}|" + "|".join(_ISSUERS)
           + r"|[A-ZĐ]+(?![a-zà-ỹđ]))")
# 123/2015/NĐ-CP, 66.7/2025/NQ-CP, 24/2024 (no issuer), 90/QĐ-TTg (no year).
_CODE = re.compile(rf"\d+(?:\.\d+)?(?:/\d{{4}}(?:/{_SUFFIX})?|/{_SUFFIX})")
_SHORT_TITLE = re.compile(r"^(?:Bộ luật|Luật|Nghị định|Thông tư(?: liên tịch)?|Quyết định|"
                          r"Nghị quyết|Pháp lệnh|Chỉ thị|Văn bản hợp nhất)(?: số)?$", re.I)


_CELL_WORDS = re.compile(r"(?<=\S)(?:Bộ luật|Luật|Nghị định|Thông tư(?: liên tịch)?|Quyết định|"
                         r"Nghị quyết|Pháp lệnh|Chỉ thị)(?: số)?$")


@dataclass
class LegalBasis:
    items: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)


def parse_legal_basis(text: str) -> LegalBasis:
    """One text per legal document, `title (number)`, in the portal's order, no repeats."""
    result = LegalBasis()
    body = one_line(text)
    if not body:
        return result
    if HEADER not in body:
        result.items.append(body)
        result.unparsed.append("không có bảng văn bản; giữ nguyên văn bản")
        return result
    body = body.split(HEADER, 1)[1]
    rows: list[tuple[str, str]] = []
    start = 0
    for match in _CODE.finditer(body):
        if body[match.start() - 1:match.start()] == "/" or not _ends_row(body, match):
            # Never a number from inside a date ("ngày 04/5/2020" holds no code "5/2020").
            continue
        title = body[start:match.start()].strip(" ;,")
        if not title and rows:  # the number cell repeats a title that ended in the number
            previous_title, previous_code = rows.pop()
            title = f"{previous_title} {previous_code}".strip()
        rows.append((title, match[0]))
        start = match.end()
    rest = body[start:].strip(" ;,")
    seen: set[str] = set()
    for title, code in _joined(rows):
        if code not in seen:
            seen.add(code)
            result.items.append(_entry(title, code))
    if rest:
        result.items.append(rest)
        result.unparsed.append(f"không tìm thấy số hiệu văn bản cho {rest!r}; giữ nguyên")
    return result


def _joined(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows with the portal's cut number cells mended: a cell that is only the beginning of
    a number ("24/2024" for "24/2024/QĐ-UBND") takes the full number from its title, or
    belongs to the row before, whose number it begins."""
    out: list[tuple[str, str]] = []
    for title, code in rows:
        fuller = [m[0] for m in _CODE.finditer(title) if m[0].startswith(code + "/")]
        if fuller:
            out.append((title, fuller[0]))
        elif out and out[-1][1].startswith(code + "/"):
            previous_title, previous_code = out.pop()
            if re.fullmatch(r"[A-ZĐ]{0,5}", title):  # "TT29/2025": only a repeat
                out.append((previous_title, previous_code))
            else:
                out.append((f"{previous_title} {previous_code} {title}".strip(), previous_code))
        else:
            out.append((title, code))
    return out


def _ends_row(body: str, match: re.Match[str]) -> bool:
    """Whether a number found in `body` is a number cell (next comes a new title)."""
    end = match.end()
    if end >= len(body):
        return True
    following = body[end]
    if following.isdigit() and not any(ch.isalpha() for ch in match[0]):
        return False  # a date inside a title ("ngày 12/6/2025..."), not a number cell
    if following.isspace():
        rest = body[end:].lstrip()
        return bool(rest) and rest[0].isupper() and not rest.startswith(("Điều", "Khoản"))
    return following not in ",;:.)]/-–"


def _entry(title: str, code: str) -> str:
    if not title:
        return code
    if _SHORT_TITLE.match(title):
        return f"{title} {code}"
    if code in title:
        # The number cell said "Thông tư số 263/2016/TT-BTC", glued after the title.
        return _CELL_WORDS.sub("", title).strip()
    return f"{title} ({code})"
