"""What a phone's first screen shortens, and when the shortening loses what the text says.

The answer box under a procedure's title (render/procedure.py) shows a long `duration` by its
first clause only and a long document's name by its first words, and the page's heading cuts
a title of a paragraph; `thutuc check` (and every build) warns when the duration's clause no
longer answers "how long" for everyone (the number is cut off, or only one case is left) and
when the first document's name has to be cut. The editors' guide (docs/huong-dan-bien-tap.md,
"Đầu trang thủ tục trên điện thoại") says how to write them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.model import Procedure
from generator.problems import Problem

# A duration longer than this (in letters) shows only its first clause on the first screen.
FIRST_SCREEN_DURATION = 60
# The letters of documents' names the first screen shows (about four lines of a 360 px
# phone): the first document's name is cut to it (the checklist below has it whole).
# Imported records sometimes hold a whole paragraph as one document's name.
FIRST_SCREEN_LETTERS = 100
# A title longer than WHOLE_TITLE letters (seven lines of a 360 px phone, set smaller) is cut
# to its first FIRST_SCREEN_TITLE in the page's heading: a few national procedures' titles
# run to 900 letters, a screen on their own. (A cut of a few words would save nothing.)
WHOLE_TITLE = 250
FIRST_SCREEN_TITLE = 200

GUIDE = "docs/huong-dan-bien-tap.md, mục “Đầu trang thủ tục trên điện thoại”"
# A clause that holds for one case only: a condition, or one way of applying (the importer
# writes "Nộp trực tiếp: 05 ngày làm việc; Nộp trực tuyến: 03 ngày làm việc").
ONE_CASE = re.compile(r"(nếu|(?:trong )?trường hợp|đối với|riêng|khi|nộp trực tiếp|nộp trực tuyến|"
                      r"(?:nộp )?qua bưu (?:chính|điện))\b", re.IGNORECASE)
# A clause that says how long: a number, or a word of time ("ngay trong ngày").
STATES_TIME = re.compile(r"\d|\b(?:ngay|ngày|giờ|tuần|tháng|năm|phút)\b", re.IGNORECASE)


def first_clause(text: str, longer_than: int = 0) -> str:
    """The first clause of `text`, up to its first "." or ";" that ends a word ("Mỗi
    trang; tổng phí…" gives "Mỗi trang"; "8.000" is not cut; a ":" introduces what follows,
    as in "Giấy khai sinh: ngay trong ngày", and does not end the clause). With
    `longer_than`, only a text longer than that is cut, and a clause still longer is cut
    again at its first comma outside brackets ("Không quá 02 ngày làm việc kể từ khi nhận
    đủ hồ sơ, hoặc lâu hơn nếu…"), and then loses its bracketed asides ("(theo Cổng Dịch
    vụ công quốc gia)")."""
    if longer_than and len(text) <= longer_than:
        return text
    clause = re.split(r"[.;](?:\s|$)", text, maxsplit=1)[0].strip()
    if longer_than and len(clause) > longer_than:
        comma = re.match(r"((?:[^(),]|\([^()]*\))+?),\s", clause)
        clause = comma.group(1) if comma else clause
    if longer_than and len(clause) > longer_than:
        clause = re.sub(r"\s*\([^()]*\)", "", clause)  # a bracketed aside: its source
    return clause


def shortened_fee(fee: str) -> str:
    """A way of applying's fee text as the first screen shows it (as long as a duration)."""
    return first_clause(fee, FIRST_SCREEN_DURATION)


def shortened_duration(duration: str) -> str:
    """The duration as the first screen shows it."""
    return first_clause(duration, FIRST_SCREEN_DURATION)


def cut_to_words(text: str, letters: int, longer_than: int = 0) -> str:
    """`text` whole, or when longer than `letters` (or `longer_than`) its words that fit
    `letters`, ended by "…"; a first word longer than that (an address) is cut itself."""
    if len(text) <= max(letters, longer_than):
        return text
    head = text[:letters + 1]
    # The letter after the cut is a space: every word before it is whole.
    words = head[:letters] if head[-1].isspace() else head.rsplit(None, 1)[0]
    if len(words) > letters or not words.strip():  # one word longer than the cut
        words = head[:letters]
    return words.rstrip(" ,;:.(-–") + "…"


def shortened_document(name: str) -> str:
    """A document's name as the first screen shows it."""
    return cut_to_words(name, FIRST_SCREEN_LETTERS)


def shortened_title(title: str) -> str:
    """A procedure's title as the page's heading shows it; a longer one is shown whole below
    the answer box."""
    return cut_to_words(title, FIRST_SCREEN_TITLE, WHOLE_TITLE)


def duration_loss(duration: str) -> tuple[str, str] | None:
    """(what is lost, how to rewrite) when the first screen's shortened `duration` no longer
    answers "how long" for everyone; None when it is whole or still answers."""
    shown = shortened_duration(duration)
    if shown == duration:
        return None
    # What the first screen leaves out: after the clause it shows (which may also have lost
    # a bracketed aside of its own).
    rest = duration[len(shown):] if duration.startswith(shown) else \
        re.split(r"[.;,](?:\s|$)", duration, maxsplit=1)[-1]
    quoted = f"đầu trang trên điện thoại chỉ hiện “{shown}” (phần đầu của `duration`)"
    if not STATES_TIME.search(shown) and re.search(r"\d", rest):
        return (f"{quoted}: số ngày, số giờ nằm ở phần bị lược bỏ.",
                "đưa thời gian giải quyết (số ngày làm việc) lên đầu, trước dấu chấm, chấm phẩy "
                "hoặc dấu phẩy đầu tiên, ví dụ “05 ngày làm việc; nếu phải xác minh thì lâu "
                "hơn”; xem " + GUIDE + ".")
    if ONE_CASE.match(shown) and ONE_CASE.search(rest):
        return (f"{quoted}: đó chỉ là thời gian của một trường hợp, người đọc sẽ tưởng là "
                "của mọi trường hợp.",
                "viết trước tiên thời gian áp dụng cho mọi người (thường là thời gian dài "
                "nhất), rồi mới đến từng trường hợp: “Không quá 05 ngày làm việc; nộp trực "
                "tuyến: 03 ngày làm việc”; thời gian riêng của mỗi cách nộp có thể ghi ở "
                "`channels[].duration`; xem " + GUIDE + ".")
    return None


def first_screen_warnings(procedures: Iterable[Procedure]) -> list[Problem]:
    """A warning (file, line, what the first screen shows and how to rewrite it) for each
    procedure whose shortened duration loses its meaning or whose first document's name the
    first screen has to cut."""
    warnings = []
    for proc in procedures:
        loss = duration_loss(proc.duration)
        if loss:
            warnings.append(Problem(proc.source_file, proc.line("duration"), "duration", *loss))
        # The first screen names the first document needed in every case whatever its
        # length: cut, it is that one's name the editor can shorten (the others are named
        # only when they fit, and whole).
        for index, doc in proc.documents_always()[:1]:
            shown = shortened_document(doc.name)
            if shown != doc.name:
                path = f"documents[{index}].name"
                warnings.append(Problem(
                    proc.source_file, proc.line(path), path,
                    f"tên giấy tờ dài {len(doc.name)} chữ cái: đầu trang trên điện thoại chỉ "
                    f"hiện “{shown}”.",
                    "chỉ ghi tên giấy tờ (ví dụ “Tờ khai đăng ký khai sinh”), đưa phần giải "
                    "thích vào `note` và điều kiện (“Nếu…”, “Trường hợp…”) vào `when`; xem "
                    + GUIDE + "."))
    return warnings
