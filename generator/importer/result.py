"""Parse the result field (kết quả xử lý): the results, without the page furniture.

The collector picked up the rest of the page after the results: `Giấy khai sinhMã:
KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện...Nộp
hồ sơ`. Each result is followed by its code (`Mã: KQ...`); keywords and a description may
follow; everything from `Chọn cơ quan thực hiện` on is the page's agency picker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.text import one_line, split_list

# KQ.G15.000031, KQ-G17.000005, 000.00.00.G12..., or a word right before "Từ khóa".
_RESULT_CODE = re.compile(r"\s*Mã:\s*(?:[A-Za-z]{0,4}[.\-]?(?:[A-Z]?\d+[.\-]?)*\d"
                          r"|[A-Za-z]+?(?=Từ khóa|$))")
_TAIL = re.compile(r"Từ khóa(?P<keywords>.*?)Mô tả(?P<description>.*?)"
                   r"(?=Chọn cơ quan thực hiện|$)")
_FURNITURE = re.compile(r"(?:Từ khóa|Chọn cơ quan thực hiện).*$")


@dataclass
class Result:
    text: str = ""
    keywords: list[str] = field(default_factory=list)
    removed: str = ""  # the page furniture cut off, for the report


def split_tail(text: str) -> tuple[str, list[str]]:
    """A field without the page's "Từ khóa... Mô tả..." tail that the collector sometimes
    glued to it (conditions), and the keywords that tail held."""
    tail = _TAIL.search(text or "")
    if not tail:
        return text, []
    description = one_line(tail["description"])
    kept = (text[:tail.start()] + ("\n" + description if description else "")).strip()
    return kept, split_list(tail["keywords"])


def parse_result(text: str) -> Result:
    """The result text (several results joined by `; `), keywords and the cut-off tail."""
    body = one_line(text)
    parsed = Result()
    tail = _TAIL.search(body)
    if tail:
        parsed.keywords = split_list(tail["keywords"])
        description = one_line(tail["description"])
    else:
        description = ""
    furniture = _FURNITURE.search(body)
    if furniture:
        parsed.removed = furniture[0]
        body = body[:furniture.start()]
    results = [one_line(part).strip(" -;") for part in _RESULT_CODE.split(body)]
    parsed.text = "; ".join(part for part in results if part)
    if description:
        parsed.text = f"{parsed.text}. {description}" if parsed.text else description
    return parsed
