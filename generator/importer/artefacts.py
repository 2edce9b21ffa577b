"""Count what still looks like a leftover of the portal's flattened tables in an import.

Each class is a way the portal's pages, once flattened, used to turn into wrong or useless
text on a citizen's page (a summary that repeats the title, a step called only "Bước 2", a
duration "5"...). The parsers fix them at their source; these checks look at what the
importer actually wrote, independently of how it was parsed, so the import report shows how
many procedures still show each class and an editor knows where to look.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_STEP_NUMBER_ONLY = re.compile(r"^\W*Bước\s*\d+\W*$", re.I)
_BARE_NUMBER = re.compile(r"(?:^|:\s)\d+(?:;|$)")
_NOTE = re.compile(r"^\W*(?:Lưu ý|Ghi chú|Chú ý)\b", re.I)
_TIME_WORDS = re.compile(r"\d+\s*(?:ngày|giờ|tháng)\b", re.I)
_CUT_CODE = re.compile(r"\(\d+/\d{4}\)$|[/-]\)?$|\(\d+/\)$")
_LEFTOVERS = re.compile(r"Từ khóa|Mô tả|Chọn cơ quan thực hiện|Nộp hồ sơ$")
# Broader than the parser's own rule on purpose: what it misses shows up in the report.
_FEE_ELSEWHERE = re.compile(r"Hội đồng nhân dân|HĐND|Luật phí và lệ phí|mức (?:thu|phí|lệ phí)"
                            r"[^.]*quy định", re.I)
_EXPLICITLY_FREE = re.compile(r"^\W*(?:Không thu|Miễn)", re.I)
MISSING = "Chưa có thông tin"


@dataclass(frozen=True)
class ArtefactClass:
    """One class of leftovers: its id in the report, what it is, and its check."""

    id: str
    label: str
    found: Callable[[dict[str, Any]], bool]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _summary_repeats_title(data: dict[str, Any]) -> bool:
    summary, title = _text(data.get("summary")), _text(data.get("title"))
    return bool(title) and summary.casefold().startswith(title.casefold()) and \
        "Người thực hiện" in summary


def _step_number_only(data: dict[str, Any]) -> bool:
    return any(_STEP_NUMBER_ONLY.match(_text(s.get("title"))) for s in _items(data, "steps"))


def _applicants_split(data: dict[str, Any]) -> bool:
    applicants = data.get("applicants")
    return isinstance(applicants, list) and \
        any(str(a).count("(") != str(a).count(")") for a in applicants)


def _bare_number_duration(data: dict[str, Any]) -> bool:
    times = [_text(data.get("duration"))] + [_text(c.get("duration"))
                                             for c in _items(data, "channels")]
    return any(_BARE_NUMBER.search(time) for time in times if time)


def _steps_repeated_or_out_of_order(data: dict[str, Any]) -> bool:
    steps = _items(data, "steps")
    texts = [" ".join((_text(s.get("title")) + " " + _text(s.get("text"))).split()).casefold()
             for s in steps]
    numbers = [int(m[1]) for s in steps
               if (m := re.match(r"^\W*Bước\s*(\d+)", _text(s.get("title")), re.I))]
    return len(set(texts)) < len(texts) or numbers != sorted(set(numbers))


def _heading_as_document(data: dict[str, Any]) -> bool:
    return any(_text(d.get("name")).rstrip().endswith(":") for d in _items(data, "documents"))


def _missing_duration_with_channels(data: dict[str, Any]) -> bool:
    if _text(data.get("duration")) != MISSING:
        return False
    return any(_TIME_WORDS.search(_text(c.get("duration")) + " " + _text(c.get("note")))
               for c in _items(data, "channels"))


def _note_as_document(data: dict[str, Any]) -> bool:
    return any(_NOTE.match(_text(d.get("name"))) or _NOTE.match(_text(d.get("note")))
               for d in _items(data, "documents"))


def _truncated_legal_code(data: dict[str, Any]) -> bool:
    basis = data.get("legal_basis")
    return isinstance(basis, list) and any(_CUT_CODE.search(str(item).strip())
                                           for item in basis)


def _portal_leftovers(data: dict[str, Any]) -> bool:
    return bool(_LEFTOVERS.search(_text(data.get("conditions"))))


def _free_but_set_elsewhere(data: dict[str, Any]) -> bool:
    return any(_text(c.get("fee")) == "Miễn phí" and _FEE_ELSEWHERE.search(note := _text(
        c.get("note"))) and not _EXPLICITLY_FREE.match(note) for c in _items(data, "channels"))


CLASSES = (
    ArtefactClass("summary-repeats-title", "tóm tắt chỉ lặp tên thủ tục và “Người thực hiện…”",
                  _summary_repeats_title),
    ArtefactClass("step-number-only", "bước chỉ có tên “Bước N”", _step_number_only),
    ArtefactClass("applicants-split", "đối tượng bị tách giữa dấu ngoặc", _applicants_split),
    ArtefactClass("bare-number-duration", "thời hạn chỉ là một con số, không có đơn vị",
                  _bare_number_duration),
    ArtefactClass("steps-repeated", "bước lặp lại hoặc sai thứ tự",
                  _steps_repeated_or_out_of_order),
    ArtefactClass("heading-as-document", "tiêu đề kết thúc bằng “:” thành giấy tờ",
                  _heading_as_document),
    ArtefactClass("missing-duration", "thời hạn “Chưa có thông tin” dù cách nộp có ghi",
                  _missing_duration_with_channels),
    ArtefactClass("note-as-document", "“Lưu ý” thành giấy tờ cần nộp", _note_as_document),
    ArtefactClass("truncated-legal-code", "số hiệu văn bản pháp lý bị cắt",
                  _truncated_legal_code),
    ArtefactClass("portal-leftovers", "phần thừa của trang cổng (“Từ khóa… Mô tả…”)",
                  _portal_leftovers),
    ArtefactClass("free-but-set-elsewhere", "“Miễn phí” dù ghi chú nói mức phí do luật hoặc "
                  "HĐND quy định", _free_but_set_elsewhere),
)


def artefacts(data: dict[str, Any]) -> list[str]:
    """The ids of the classes a procedure (as the importer writes it) still shows."""
    return [kind.id for kind in CLASSES if kind.found(data)]
