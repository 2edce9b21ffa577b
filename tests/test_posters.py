"""Printed notices and counter sheets: one A4 page each, codes that scan, text that prints."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli.main import main
from tests.conftest import printing_project
from tests.qrtools import decode_png, pdf_pages

BASE = "https://thutuc.example.org/tinh-mau/xa-thu/"
HO_TICH = ("cap-ban-sao-trich-luc", "dang-ky-ket-hon", "dang-ky-khai-sinh",
           *(f"thu-tuc-mau-{n}" for n in range(1, 6)))


def test_every_notice_prints_on_one_a4_page_and_its_code_scans(printing_site: Path, browser,
                                                                tmp_path: Path) -> None:
    posters = sorted(printing_site.glob("**/niem-yet/*.html"))
    assert len(posters) == 3 * (len(HO_TICH) + 1)  # every procedure in vi, en, rad
    page = browser.new_page(viewport={"width": 820, "height": 1200})
    for poster in posters:
        page.goto(poster.as_uri())
        assert pdf_pages(page.pdf(format="A4")) == 1, poster
        shot = tmp_path / "poster.png"
        page.screenshot(path=str(shot), full_page=True)
        lang = poster.relative_to(printing_site).parts[0]
        prefix = f"{lang}/" if lang in ("en", "rad") else ""
        assert decode_png(shot) == [f"{BASE}{prefix}thu-tuc/{poster.stem}.html"], poster
    page.close()


def test_notice_says_what_citizens_ask_first(printing_site: Path, browser) -> None:
    page = browser.new_page()
    page.goto((printing_site / "en" / "niem-yet" / "dang-ky-khai-sinh.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".office").text_content() == "UBND xã Thử"
    assert page.locator("h1[lang=vi]").inner_text() == "Đăng ký khai sinh"
    assert page.locator(".title-own").inner_text() == "Birth registration"
    assert page.locator(".address").inner_text() == \
        "thutuc.example.org/tinh-mau/xa-thu/en/thu-tuc/dang-ky-khai-sinh.html"
    facts = page.locator(".facts").inner_text()
    for text in ("Documents to bring", "Giấy chứng sinh (1 original(s))",
                 "Ngay trong ngày làm việc", "Phí cấp bản sao trích lục: 8,000 đồng"):
        assert text in facts
    assert page.locator(".footer").inner_text().startswith("Updated 20/11/2026 · ")
    page.goto((printing_site / "niem-yet" / "dang-ky-khai-sinh.html").as_uri())
    assert page.locator("h1").inner_text() == "Đăng ký khai sinh"
    assert page.locator(".title-own").count() == 0  # Vietnamese notice: one title
    assert page.locator(".footer").inner_text().startswith("Cập nhật ngày 20/11/2026 · ")
    page.close()


def test_catalog_text_on_a_notice_stays_text(printing_site: Path, browser) -> None:
    page = browser.new_page()
    page.goto((printing_site / "niem-yet" / "dang-ky-ket-hon.html").as_uri())
    assert page.locator(".facts li").inner_text() == "Tờ khai <b>đăng ký</b> kết hôn (1 bản chính)"
    assert page.locator(".facts b, script:not([type])").count() == 0
    page.close()


def test_procedure_page_links_to_its_notice(printing_site: Path, serve, phone) -> None:
    base = serve(printing_site)
    phone.goto(base + "rad/thu-tuc/dang-ky-khai-sinh.html")
    phone.get_by_role("link", name="In tờ niêm yết").click()
    phone.wait_for_url(base + "rad/niem-yet/dang-ky-khai-sinh.html")
    assert phone.locator("h1").inner_text() == "Đăng ký khai sinh"


def test_counter_sheet_holds_every_code_of_its_category(printing_site: Path, browser,
                                                        tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 820, "height": 1200})
    page.goto((printing_site / "niem-yet" / "linh-vuc" / "ho-tich.html").as_uri())
    assert pdf_pages(page.pdf(format="A4")) == math.ceil(len(HO_TICH) / 6) == 2
    assert page.locator(".kind").all_inner_texts() == [
        "Niêm yết thủ tục hành chính — Hộ tịch · Trang 1/2",
        "Niêm yết thủ tục hành chính — Hộ tịch · Trang 2/2"]
    shot = tmp_path / "sheet.png"
    page.screenshot(path=str(shot), full_page=True)
    assert sorted(decode_png(shot)) == sorted(f"{BASE}thu-tuc/{pid}.html" for pid in HO_TICH)
    page.close()


@pytest.mark.site
def test_posters_command_writes_pdf_with_fonts_for_minority_letters(tmp_path: Path) -> None:
    project = printing_project(tmp_path / "project")
    out = tmp_path / "in"
    assert main(["posters", "-f", str(project / "mkdocs.yml"), "--lang", "rad", "--pdf",
                 "-d", str(out)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert "rad/cap-ban-sao-trich-luc.pdf" in written
    assert "rad/linh-vuc/ho-tich.pdf" in written and "rad/linh-vuc/ho-tich.html" in written
    assert not any(p.startswith("vi/") or p.startswith("en/") for p in written)
    reader = PdfReader(out / "rad" / "cap-ban-sao-trich-luc.pdf")
    assert len(reader.pages) == 1
    assert "Thử chữ Êđê: Č č Ƀ ƀ ŏ ŭ ơ ư" in reader.pages[0].extract_text()
    fonts = {str(font.get_object()["/BaseFont"])
             for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all("Noto" in font for font in fonts), fonts
    assert len(PdfReader(out / "rad" / "linh-vuc" / "ho-tich.pdf").pages) == 2


def test_posters_command_refuses_an_unknown_language(tmp_path: Path, capsys) -> None:
    project = printing_project(tmp_path / "project")
    assert main(["posters", "-f", str(project / "mkdocs.yml"), "--lang", "fr"]) == 1
    assert capsys.readouterr().err == \
        "Trang không có ngôn ngữ fr; các ngôn ngữ: vi, en, rad.\n"
