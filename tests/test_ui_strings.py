"""Interface text: Vietnamese money and dates, and the fallback to Vietnamese."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.load.strings import joined, load_strings
from generator.render.templating import Templates


def test_money_is_written_the_vietnamese_way() -> None:
    vi = load_strings("vi")
    assert vi.money(0) == "Miễn phí"
    assert vi.money(8000) == "8.000 đồng"
    assert vi.money(20000) == "20.000 đồng"
    assert vi.money(1250000) == "1.250.000 đồng"
    assert load_strings("en").money(20000) == "20,000 đồng"


def test_dates_are_day_month_year() -> None:
    assert load_strings("vi").date(datetime.date(2026, 3, 5)) == "Cập nhật ngày 05/03/2026"


def test_missing_strings_fall_back_to_vietnamese(tmp_path: Path) -> None:
    (tmp_path / "rad.yml").write_text("language_name: Êđê\nfree: (rad) free\n", encoding="utf-8")
    rad = load_strings("rad", tmp_path)
    assert rad.t("free") == "(rad) free"
    assert rad.t("documents") == "Hồ sơ cần nộp"
    assert "documents" in rad.missing and "free" not in rad.missing


def test_text_shown_in_vietnamese_says_so_and_only_that(tmp_path: Path) -> None:
    (tmp_path / "rad.yml").write_text("language_name: Êđê\nfree: (rad) free\n", encoding="utf-8")
    rad, vi = load_strings("rad", tmp_path), load_strings("vi")
    assert (rad.t("free").lang, rad.t("documents").lang, vi.t("documents").lang) == ("", "vi", "")
    assert rad.is_own("free") and not rad.is_own("documents")
    assert (rad.lang_of("free"), rad.lang_of("free", "copies")) == ("", "vi")
    assert rad.money(0).lang == "" and rad.money(8000).lang == "vi"
    assert joined(" · ", [rad.t("free"), rad.t("code", code="1")]).lang == "vi"
    assert joined(" · ", [rad.t("free")]) == "(rad) free" and joined(" · ", []).lang == ""
    page = Templates().env.from_string(
        '{% for key in ("free", "documents") %}{% set text = t(key) %}'
        "<p{{ text | lang_attr }}>{{ text }}</p>{% endfor %}{{ 'x' | lang_attr }}")
    assert page.render(t=rad.t) == '<p>(rad) free</p><p lang="vi">Hồ sơ cần nộp</p>'
