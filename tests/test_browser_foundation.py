"""What a citizen sees in Chromium on a phone: the procedure page, links, language switch."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect


def test_language_switcher_lands_on_same_procedure(mini_site: Path, serve, phone) -> None:
    base = serve(mini_site)
    phone.goto(base + "thu-tuc/dang-ky-khai-sinh/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    phone.locator("a.md-select__link[hreflang=en]").dispatch_event("click")
    phone.wait_for_url("**/en/thu-tuc/dang-ky-khai-sinh/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator("h1").inner_text() == "Birth registration"
    # The English translation is a draft with untranslated parts: the reader is told once, at
    # the top, in English, and can go to the Vietnamese page of the same procedure.
    notice = phone.locator(".tt-notice--untranslated")
    assert notice.count() == 1 and notice.is_visible()
    assert notice.inner_text().startswith("Some parts are not translated yet")
    assert "This translation has not been reviewed" in notice.inner_text()
    assert notice.locator("a[hreflang=vi]").inner_text() == "Read in Vietnamese"
    # Sections are laid out when they come near the screen (content-visibility): scroll to
    # them, as a reader does, and wait for them.
    phone.locator(".tt-step__text[lang=vi]").scroll_into_view_if_needed()
    expect(phone.locator(".tt-step__text[lang=vi]")).to_have_text(
        ["Nộp tại bộ phận một cửa, hoặc trực tuyến.\n\nTrực tiếp\nTrực tuyến"],
        use_inner_text=True)
    phone.locator("a.md-select__link[hreflang=rad]").dispatch_event("click")
    phone.wait_for_url("**/rad/thu-tuc/dang-ky-khai-sinh/")
    assert phone.locator("html").get_attribute("lang") == "rad"
    assert phone.locator("h1").inner_text() == "Đăng ký khai sinh"
    assert phone.locator("h1").get_attribute("lang") == "vi"
    phone.locator("a.md-select__link[hreflang=en]").dispatch_event("click")
    phone.wait_for_url("**/en/thu-tuc/dang-ky-khai-sinh/")
    phone.locator("a.tt-notice__link").click()
    phone.wait_for_url(base + "thu-tuc/dang-ky-khai-sinh/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    phone.goto(base + "rad/linh-vuc/ho-tich/")
    phone.locator("a.md-select__link[hreflang=vi]").dispatch_event("click")
    phone.wait_for_url(base + "linh-vuc/ho-tich/")


def test_hostile_catalog_text_is_shown_as_text(mini_site: Path, serve, phone) -> None:
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(serve(mini_site) + "thu-tuc/dang-ky-ket-hon/")
    summary = phone.locator(".tt-summary").inner_text()
    assert summary == "Đăng ký kết hôn <script>alert('x')</script> & chia sẻ"
    assert phone.locator(".tt-doc__name").inner_text() == "Tờ khai <b>đăng ký</b> kết hôn"
    # The only image is our own QR code of the page.
    assert phone.locator("article script, article img:not(.tt-qr__code), article [onerror]"
                         ).count() == 0
    assert "javascript:" not in phone.locator("article").inner_html()
    assert dialogs == []


def test_category_page_lists_its_procedures_and_links_work(mini_site: Path, serve, phone) -> None:
    phone.goto(serve(mini_site) + "linh-vuc/ho-tich/")
    links = phone.locator(".tt-listing a")
    assert links.all_inner_texts() == ["Đăng ký kết hôn", "Đăng ký khai sinh"]
    links.nth(1).click()
    assert phone.locator("h1").inner_text() == "Đăng ký khai sinh"
    phone.locator("ol.tt-steps").scroll_into_view_if_needed()  # laid out near the screen
    expect(phone.locator("ol.tt-steps > li .tt-step__title")).to_have_text(
        ["Chuẩn bị giấy tờ", "Nộp hồ sơ", "Nhận kết quả"], use_inner_text=True)
    assert phone.locator("a[href^='tel:']").first.get_attribute("href") == "tel:0123456789"
