"""Search folding: what people type matches what the catalog says, the same in Python and JS."""

from __future__ import annotations

import unicodedata

import pytest

from generator.search.fold import fold, keep, words
from tests.search_node import js_words

TRICKY = [
    "Đăng ký khai sinh", "dang ky khai sinh", "ĐĂNG KÍ KẾT HÔN", "đăng kí",
    unicodedata.normalize("NFD", "Đăng ký thường trú cho người già"),
    "Xác nhận tình trạng hôn nhân", "lí lịch tư pháp", "lý lịch", "Mĩ Tho, Mỹ Tho",
    "kỹ thuật, kĩ thuật", "quý, tuỳ, tùy, thủy, thuỷ", "y tế; hy sinh; sỹ quan",
    "Ƀuôn Ma Thuột", "Čư M'gar, Ea H’leo", "ŏ ŭ ĕ ơ ư Ơ Ư", "Krông Ƀuk", "ɓ ɗ",
    "Mã 1.001193; 2.000884.", "phí 8.000 đồng, 50.000đ", "CCCD gắn chip", "e-mail: x_y@z",
    "trẻ em dưới 6 tuổi", "  ", "", "Ủy ban nhân dân xã", "ﬁ ligature", "İstanbul ǅ",
    "Thẻ BHYT/BHXH (bản sao)", "nhà ở - đất ở", "½ ² ٣ ३",
]


def python_words(text: str) -> list[list[str]]:
    return [[fold(w), keep(w)] for w in words(text)]


def test_javascript_folds_exactly_like_python() -> None:
    assert js_words(TRICKY) == [python_words(text) for text in TRICKY]


@pytest.mark.parametrize(("typed", "written"), [
    ("dang ky khai sinh", "Đăng ký khai sinh"),
    ("đăng kí khai sinh", "Đăng ký khai sinh"),
    ("DANG KY", "đăng ký"),
    (unicodedata.normalize("NFD", "đăng ký"), "đăng ký"),
    ("li lich", "lý lịch"),
    ("mi tho", "Mỹ Tho"),
    ("ky thuat", "kỹ thuật"),
    ("buon ma thuot", "Ƀuôn Ma Thuột"),
    ("cu mgar", "Čư M'gar"),
    ("ea hleo", "Ea H’leo"),
])
def test_what_people_type_folds_to_what_is_written(typed: str, written: str) -> None:
    assert [fold(w) for w in words(typed)] == [fold(w) for w in words(written)]


def test_exact_form_keeps_accents_but_not_the_i_y_spelling_choice() -> None:
    assert keep(words("ký")[0]) == keep(words("kí")[0]) == "kí"
    assert keep(words("Mỹ")[0]) == keep(words("mĩ")[0])
    assert keep(words("kỳ")[0]) != keep(words("ký")[0])
    assert keep(words("đăng")[0]) != keep(words("dang")[0]) == "dang"
    # Only a final y after a consonant: quý, tuỳ, yêu keep theirs.
    assert [fold(w) for w in words("quý tuỳ yêu y")] == ["quy", "tuy", "yeu", "y"]


def test_codes_stay_whole_and_punctuation_splits() -> None:
    assert [keep(w) for w in words("Mã: 1.001193.")] == ["mã", "1.001193"]
    assert [fold(w) for w in words("nhà ở - đất ở")] == ["nha", "o", "dat", "o"]
