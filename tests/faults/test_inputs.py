"""Faults in what editors type: each case is an input and the exact lines `thutuc check` prints.

Invisible characters, names that collide with the site's own folders or that Windows refuses,
addresses that go somewhere else than they read, phone numbers that are not numbers, and files
that look like catalog files but would never be read. Every case must end with exit code 1,
the file (and line when there is one) and a fix, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main as cli
from tests.bad_catalogs.base import (
    CATEGORIES_PATH,
    KET_HON,
    KET_HON_PATH,
    KHAI_SINH,
    KHAI_SINH_PATH,
    Case,
    edit,
)

KS = KHAI_SINH_PATH
WITHOUT_RELATED = KHAI_SINH.replace("related: [ket-hon]\n", "")


def mk(old: str, new: str) -> dict[str, str | bytes | None]:
    """mkdocs.yml of the base project with one change."""
    return edit("mkdocs.yml", old, new)


def renamed(new_id: str) -> dict[str, str | bytes | None]:
    """The base project with `ket-hon`'s id changed (and nothing pointing at it)."""
    return {KET_HON_PATH: KET_HON.replace("id: ket-hon", f"id: {new_id}"), KS: WITHOUT_RELATED}


def profile(line: str) -> dict[str, str | bytes | None]:
    """The base project with one more line in its profile (written in mkdocs.yml)."""
    return mk("        name: UBND xã Thử", f"        name: UBND xã Thử\n        {line}")


def site_url(value: str) -> dict[str, str | bytes | None]:
    return mk("site_url: https://example.org/xa-thu/", f"site_url: {value}")


def languages(value: str) -> dict[str, str | bytes | None]:
    return mk("languages: [vi, en]", f"languages: {value}")


def online_url(value: str) -> dict[str, str | bytes | None]:
    return edit(KS, 'url: "https://dichvucong.gov.vn/"', f'url: "{value}"')


def in_text(path: str, old: str, new: str) -> dict[str, str | bytes | None]:
    return edit(path, old, new)


def another_file(name: str) -> dict[str, str | bytes | None]:
    """A third procedure saved under `name` in the `ho-tich` folder."""
    return {f"procedures/ho-tich/{name}": KET_HON.replace("ket-hon", "chung-tu")}


INPUTS: list[tuple[str, dict[str, str | bytes | None]]] = [
    # --- invisible characters: the line an editor shows, in Vietnamese ---
    ("vertical-tab-from-word", in_text(KS, "summary: Làm giấy", "summary: Làm\x0bgiấy")),
    ("form-feed", in_text(KET_HON_PATH, "result: Giấy", "result: \x0cGiấy")),
    ("escape-sequence-raw", in_text(KS, "result: Giấy", "result: \x1b[31mGiấy")),
    ("c1-control", in_text(KS, "result: Giấy", "result: \x9bGiấy")),
    ("escape-sequence-quoted", in_text(KS, "result: Giấy khai sinh",
                                       'result: "\\e[2J Giấy khai sinh"')),
    ("lone-surrogate-escape", in_text(KS, "title: Đăng ký khai sinh",
                                      'title: "Đăng ký \\ud800 khai sinh"')),
    ("line-separator-shifts-lines", in_text(
        KS, "summary: Làm giấy khai sinh cho trẻ mới sinh.",
        'summary: "Làm giấy\u2028khai sinh."\nsumary: x')),
    ("nel-in-text", in_text(KS, "result: Giấy", "result: \x85Giấy")),
    ("tab-in-categories", in_text(CATEGORIES_PATH, "  name: Hộ tịch", "\tname: Hộ tịch")),
    # --- names that collide with the site's folders or that Windows refuses ---
    ("language-folder-thu-tuc", languages("[vi, en, thu-tuc]")),
    ("language-folder-ma-qr", languages("[vi, ma-qr]")),
    ("language-folder-su-kien", languages("[vi, en, {code: su-kien, name: X}]")),
    ("language-windows-name", languages("[vi, en, con]")),
    ("overlay-language-folder", {"procedures/ho-tich/khai-sinh.ma-qr.yml":
                                 "status: draft\ntitle: X\n"}),
    ("id-index", renamed("index")),
    ("id-windows-con", renamed("con")),
    ("id-windows-lpt1", renamed("lpt1")),
    ("id-300-characters", renamed("-".join(["ket-hon"] * 38))),
    ("alias-windows-aux", in_text(KET_HON_PATH, "updated: 2026-11-01",
                                  "updated: 2026-11-01\naliases: [aux]")),
    ("category-windows-nul", {CATEGORIES_PATH: "- id: ho-tich\n  name: Hộ tịch\n"
                                               "- id: nul\n  name: Chứng thực\n"}),
    # --- the address QR codes encode ---
    ("site-url-query", site_url("https://example.org/index.php?xa=mau")),
    ("site-url-fragment", site_url("https://example.org/#xa")),
    ("site-url-file", site_url("https://example.org/xa/index.html")),
    ("site-url-user-info", site_url("https://xa.gov.vn@evil.example/")),
    ("site-url-too-long-for-qr", site_url("https://example.org/" + "a" * 1700 + "/")),
    ("profile-site-url-query", profile("site_url: https://example.org/?xa=1")),
    # --- phone numbers ---
    ("phone-26-digits", profile("phone: '02623851234 02623851234 0905'")),
    ("phone-words", profile("phone: liên hệ trưởng thôn")),
    ("phone-number-in-mkdocs-yml", profile("phone: 0262341107")),
    # --- links that go somewhere else than they read ---
    ("online-url-user-info", online_url("https://dichvucong.gov.vn@evil.example/")),
    ("online-url-backslash", online_url("https://evil.example\\\\@dichvucong.gov.vn/")),
    ("online-url-zero-width-host", online_url("https://dichvuc\u200bong.gov.vn/")),
    ("online-url-soft-hyphen-host", online_url("https://dichvu\u00adcong.gov.vn/")),
    ("map-url-user-info", profile("map_url: 'https://maps.google.com@evil.example/'")),
    # --- files that would never be read ---
    ("procedure-saved-uppercase", another_file("chung-tu.YML")),
    ("procedure-double-extension", another_file("chung-tu.yml.txt")),
    ("procedure-mixed-case-yaml", another_file("chung-tu.Yaml")),
    ("backup-copy", {"procedures/ho-tich/ket-hon.yml.bak": KET_HON}),
    # --- numbers YAML 1.1 would read as something else ---
    ("count-base-60", in_text(KS, "originals: 1", "originals: 1:30")),
    ("count-hex", in_text(KS, "originals: 1", "originals: 0x1F")),
]

SEEN: dict[str, list[str]] = {
    'vertical-tab-from-word': [
        'procedures/ho-tich/khai-sinh.yml:4: có ký tự điều khiển vô hình U+000B (Tab '
        'dọc, do Shift+Enter trong Word) ở cột 13. Cách sửa: xoá ký tự này và xuống '
        'dòng bằng phím Enter (văn bản dán từ Word mang theo dấu xuống dòng '
        'Shift+Enter).',
    ],
    'form-feed': [
        'procedures/ho-tich/ket-hon.yml:10: có ký tự điều khiển vô hình U+000C (ngắt '
        'trang, Form Feed) ở cột 9. Cách sửa: xoá ký tự vô hình này (thường do dán '
        'văn bản từ Word, trang web hoặc tin nhắn); trong VS Code bật View → '
        'Appearance → Render Control Characters để thấy nó.',
    ],
    'escape-sequence-raw': [
        'procedures/ho-tich/khai-sinh.yml:18: có ký tự điều khiển vô hình U+001B '
        '(Escape) ở cột 9. Cách sửa: xoá ký tự vô hình này (thường do dán văn bản từ '
        'Word, trang web hoặc tin nhắn); trong VS Code bật View → Appearance → Render '
        'Control Characters để thấy nó.',
    ],
    'c1-control': [
        'procedures/ho-tich/khai-sinh.yml:18: có ký tự điều khiển vô hình U+009B ở '
        'cột 9. Cách sửa: xoá ký tự vô hình này (thường do dán văn bản từ Word, trang '
        'web hoặc tin nhắn); trong VS Code bật View → Appearance → Render Control '
        'Characters để thấy nó.',
    ],
    'escape-sequence-quoted': [
        'procedures/ho-tich/khai-sinh.yml:18: văn bản có ký tự điều khiển U+001B '
        '(Escape), viết bằng mã thoát trong ngoặc kép. Cách sửa: xoá mã thoát đó '
        '(dạng `\\x..`, `\\u....`, `\\e`) khỏi văn bản.',
    ],
    'lone-surrogate-escape': [
        'procedures/ho-tich/khai-sinh.yml:2: văn bản có nửa ký tự Unicode lẻ (mã '
        'thoát `\\uD800`–`\\uDFFF` không đi thành cặp), viết bằng mã thoát trong '
        'ngoặc kép. Cách sửa: xoá mã thoát đó (dạng `\\x..`, `\\u....`, `\\e`) khỏi '
        'văn bản.',
    ],
    'line-separator-shifts-lines': [
        'procedures/ho-tich/khai-sinh.yml:5: sumary: khoá `sumary` không có trong '
        'định dạng. Cách sửa: có phải ý bạn là `summary`?',
    ],
    'nel-in-text': [
        'procedures/ho-tich/khai-sinh.yml:18: có ký tự điều khiển vô hình U+0085 '
        '(xuống dòng NEL) ở cột 9. Cách sửa: xoá ký tự vô hình này (thường do dán văn '
        'bản từ Word, trang web hoặc tin nhắn); trong VS Code bật View → Appearance → '
        'Render Control Characters để thấy nó.',
    ],
    'tab-in-categories': [
        'procedures/categories.yml:2: có ký tự Tab dùng để thụt lề; YAML chỉ chấp '
        'nhận dấu cách. Cách sửa: thay mỗi Tab bằng dấu cách (thường là 2 dấu cách).',
    ],
    'language-folder-thu-tuc': [
        'mkdocs.yml: languages[2].code: mã ngôn ngữ `thu-tuc` trùng tên thư mục '
        '`thu-tuc/` của trang web: các trang của ngôn ngữ này sẽ thay thế thư mục đó. '
        'Cách sửa: dùng mã ngôn ngữ ISO 639 (ví dụ `en`, `rad`, `hre`, `km`).',
    ],
    'language-folder-ma-qr': [
        'mkdocs.yml: languages[1].code: mã ngôn ngữ `ma-qr` trùng tên thư mục '
        '`ma-qr/` của trang web: các trang của ngôn ngữ này sẽ thay thế thư mục đó. '
        'Cách sửa: dùng mã ngôn ngữ ISO 639 (ví dụ `en`, `rad`, `hre`, `km`).',
    ],
    'language-folder-su-kien': [
        'mkdocs.yml: languages[2].code: mã ngôn ngữ `su-kien` trùng tên thư mục '
        '`su-kien/` của trang web: các trang của ngôn ngữ này sẽ thay thế thư mục đó. '
        'Cách sửa: dùng mã ngôn ngữ ISO 639 (ví dụ `en`, `rad`, `hre`, `km`).',
    ],
    'language-windows-name': [
        'mkdocs.yml: languages[2].code: `con` là tên mà Windows không cho đặt cho thư '
        'mục. Cách sửa: dùng mã ngôn ngữ ISO 639 khác cho ngôn ngữ này.',
    ],
    'overlay-language-folder': [
        'procedures/ho-tich/khai-sinh.ma-qr.yml:1: mã ngôn ngữ `ma-qr` trùng tên thư '
        'mục `ma-qr/` của trang web: các trang của ngôn ngữ này sẽ thay thế thư mục '
        'đó. Cách sửa: dùng mã ngôn ngữ ISO 639 (ví dụ `en`, `rad`, `hre`, `km`).',
    ],
    'id-index': [
        'procedures/ho-tich/ket-hon.yml:1: id: `index` là tên trang mục lục của thư '
        'mục: trang sẽ hiện ở địa chỉ của thư mục chứ không phải địa chỉ riêng. Cách '
        'sửa: đổi thành một tên khác, ví dụ `chi-so`.',
    ],
    'id-windows-con': [
        'procedures/ho-tich/ket-hon.yml:1: id: `con` là tên mà Windows không cho đặt '
        'cho tệp: trang web giải nén trên Windows sẽ thiếu trang này. Cách sửa: đổi '
        'thành một tên khác, ví dụ `con-1`.',
    ],
    'id-windows-lpt1': [
        'procedures/ho-tich/ket-hon.yml:1: id: `lpt1` là tên mà Windows không cho đặt '
        'cho tệp: trang web giải nén trên Windows sẽ thiếu trang này. Cách sửa: đổi '
        'thành một tên khác, ví dụ `lpt1-1`.',
    ],
    'id-300-characters': [
        'procedures/ho-tich/ket-hon.yml:1: id: mã dài 303 ký tự, quá 100 ký tự: địa '
        'chỉ và tên tệp quá dài không mở được trên mọi máy. Cách sửa: rút ngắn mã còn '
        'tối đa 100 ký tự.',
    ],
    'alias-windows-aux': [
        'procedures/ho-tich/ket-hon.yml:12: aliases[0]: `aux` là tên mà Windows không '
        'cho đặt cho tệp: trang web giải nén trên Windows sẽ thiếu trang này. Cách '
        'sửa: đổi thành một tên khác, ví dụ `aux-1`.',
    ],
    'category-windows-nul': [
        'procedures/categories.yml:3: [1].id: `nul` là tên mà Windows không cho đặt '
        'cho tệp: trang web giải nén trên Windows sẽ thiếu trang này. Cách sửa: đổi '
        'thành một tên khác, ví dụ `nul-1`.',
    ],
    'site-url-query': [
        'mkdocs.yml: site_url: địa chỉ `site_url` '
        "'https://example.org/index.php/?xa=mau' không hợp lệ: có phần `?...` hoặc "
        '`#...`: mọi địa chỉ trang được nối vào sau `site_url`, nên địa chỉ trong mã '
        'QR sẽ sai. Cách sửa: ghi địa chỉ công khai của trang, ví dụ `site_url: '
        'https://ten-mien-cua-xa/thu-tuc/`.',
    ],
    'site-url-fragment': [
        "mkdocs.yml: site_url: địa chỉ `site_url` 'https://example.org/#xa' không hợp "
        'lệ: có phần `?...` hoặc `#...`: mọi địa chỉ trang được nối vào sau '
        '`site_url`, nên địa chỉ trong mã QR sẽ sai. Cách sửa: ghi địa chỉ công khai '
        'của trang, ví dụ `site_url: https://ten-mien-cua-xa/thu-tuc/`.',
    ],
    'site-url-file': [
        'mkdocs.yml: site_url: địa chỉ `site_url` '
        "'https://example.org/xa/index.html/' không hợp lệ: là địa chỉ của một tệp, "
        'không phải của thư mục chứa trang web: mọi địa chỉ trang được nối vào sau '
        '`site_url`. Cách sửa: ghi địa chỉ công khai của trang, ví dụ `site_url: '
        'https://ten-mien-cua-xa/thu-tuc/`.',
    ],
    'site-url-user-info': [
        "mkdocs.yml: site_url: địa chỉ `site_url` 'https://xa.gov.vn@evil.example/' "
        'không hợp lệ: có phần tên người dùng trước dấu `@`, nên thực ra dẫn tới '
        '`evil.example`. Cách sửa: ghi địa chỉ công khai của trang, ví dụ `site_url: '
        'https://ten-mien-cua-xa/thu-tuc/`.',
    ],
    'site-url-too-long-for-qr': [
        'mkdocs.yml: site_url: địa chỉ dài nhất phải đưa vào mã QR '
        '(https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...) có 1742 byte, quá '
        'sức chứa của mã QR ở mức sửa lỗi Q (tối đa 1663 byte). Cách sửa: rút ngắn '
        '`site_url` ít nhất 79 ký tự; mã in ra dễ quét nhất khi cả địa chỉ dưới '
        'khoảng 80 ký tự.',
    ],
    'profile-site-url-query': [
        "mkdocs.yml: site_url: địa chỉ 'https://example.org/?xa=1' không hợp lệ: có "
        'phần `?...` hoặc `#...`: mọi địa chỉ trang được nối vào sau `site_url`, nên '
        'địa chỉ trong mã QR sẽ sai. Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ '
        'của trình duyệt.',
    ],
    'phone-26-digits': [
        'mkdocs.yml: phone: số điện thoại không đọc được: `02623851234 02623851234 '
        '0905` có 26 chữ số; một số điện thoại có từ 3 đến 15 chữ số. Cách sửa: ghi '
        'các số cách nhau bằng dấu phẩy, số máy lẻ trong ngoặc, ví dụ `phone: "0262 '
        '3851 234 (máy lẻ 105), 0905 123 456"`.',
    ],
    'phone-words': [
        'mkdocs.yml: phone: số điện thoại không đọc được: `liên hệ trưởng thôn` không '
        'phải là một số điện thoại. Cách sửa: ghi các số cách nhau bằng dấu phẩy, số '
        'máy lẻ trong ngoặc, ví dụ `phone: "0262 3851 234 (máy lẻ 105), 0905 123 '
        '456"`.',
    ],
    'phone-number-in-mkdocs-yml': [
        'mkdocs.yml: phone: phải là văn bản, nhưng YAML đã đọc giá trị này thành '
        '46776903 nên không biết chính xác chữ đã gõ. Cách sửa: đặt giá trị trong dấu '
        'ngoặc kép, ví dụ `"0262 3851 234"`.',
    ],
    'online-url-user-info': [
        'procedures/ho-tich/khai-sinh.yml:14: online.url: địa chỉ '
        "'https://dichvucong.gov.vn@evil.examp... không hợp lệ: có phần tên người "
        'dùng trước dấu `@`, nên thực ra dẫn tới `evil.example`. Cách sửa: chép đầy '
        'đủ địa chỉ từ thanh địa chỉ của trình duyệt.',
    ],
    'online-url-backslash': [
        'procedures/ho-tich/khai-sinh.yml:14: online.url: địa chỉ '
        "'https://evil.example\\\\@dichvucong.go... không hợp lệ: có dấu gạch chéo "
        'ngược `\\`. Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ của trình duyệt.',
    ],
    'online-url-zero-width-host': [
        'procedures/ho-tich/khai-sinh.yml:14: online.url: địa chỉ '
        "'https://dichvuc\\u200bong.gov.vn/' không hợp lệ: có ký tự vô hình hoặc dấu "
        'cách (U+200B). Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ của trình '
        'duyệt.',
    ],
    'online-url-soft-hyphen-host': [
        'procedures/ho-tich/khai-sinh.yml:14: online.url: địa chỉ '
        "'https://dichvu\\xadcong.gov.vn/' không hợp lệ: có ký tự vô hình hoặc dấu "
        'cách (U+00AD). Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ của trình '
        'duyệt.',
    ],
    'map-url-user-info': [
        "mkdocs.yml: map_url: địa chỉ 'https://maps.google.com@evil.example/' không "
        'hợp lệ: có phần tên người dùng trước dấu `@`, nên thực ra dẫn tới '
        '`evil.example`. Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ của trình '
        'duyệt.',
    ],
    'procedure-saved-uppercase': [
        'procedures/ho-tich/chung-tu.YML: tệp này có tên giống tệp danh mục nhưng '
        'không được đọc (chỉ đọc tệp có đuôi `.yml` viết thường). Cách sửa: đổi tên '
        'thành `chung-tu.yml`; nếu đây là bản lưu dự phòng, thêm `_` vào đầu tên '
        '(`_chung-tu.YML`) để công cụ bỏ qua nó.',
    ],
    'procedure-double-extension': [
        'procedures/ho-tich/chung-tu.yml.txt: tệp này có tên giống tệp danh mục nhưng '
        'không được đọc (chỉ đọc tệp có đuôi `.yml` viết thường). Cách sửa: đổi tên '
        'thành `chung-tu.yml`; nếu đây là bản lưu dự phòng, thêm `_` vào đầu tên '
        '(`_chung-tu.yml.txt`) để công cụ bỏ qua nó.',
    ],
    'procedure-mixed-case-yaml': [
        'procedures/ho-tich/chung-tu.Yaml: tệp này có tên giống tệp danh mục nhưng '
        'không được đọc (chỉ đọc tệp có đuôi `.yml` viết thường). Cách sửa: đổi tên '
        'thành `chung-tu.yml`; nếu đây là bản lưu dự phòng, thêm `_` vào đầu tên '
        '(`_chung-tu.Yaml`) để công cụ bỏ qua nó.',
    ],
    'backup-copy': [
        'procedures/ho-tich/ket-hon.yml.bak: tệp này có tên giống tệp danh mục nhưng '
        'không được đọc (chỉ đọc tệp có đuôi `.yml` viết thường). Cách sửa: đổi tên '
        'thành `ket-hon.yml`; nếu đây là bản lưu dự phòng, thêm `_` vào đầu tên '
        '(`_ket-hon.yml.bak`) để công cụ bỏ qua nó.',
    ],
    'count-base-60': [
        'procedures/ho-tich/khai-sinh.yml:7: documents[0].originals: Số bản chính '
        "phải là số nguyên không âm (đang là '1:30'). Cách sửa: ghi một số, ví dụ "
        '`originals: 1`, hoặc `0` nếu không cần.',
    ],
    'count-hex': [
        'procedures/ho-tich/khai-sinh.yml:7: documents[0].originals: Số bản chính '
        "phải là số nguyên không âm (đang là '0x1F'). Cách sửa: ghi một số, ví dụ "
        '`originals: 1`, hoặc `0` nếu không cần.',
    ],
}

CASES = [Case(name, files, SEEN[name]) for name, files in INPUTS]


def test_every_case_has_its_message() -> None:
    assert sorted(SEEN) == sorted(name for name, _ in INPUTS)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_says_what_and_how_to_fix(case: Case, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    config = case.write(tmp_path / "project")
    assert cli.main(["check", "-f", str(config)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        *case.expected, f"Tìm thấy {len(case.expected)} lỗi; chưa tạo trang nào."]
    assert "Traceback" not in captured.err + captured.out
    assert "\x1b" not in captured.err  # never an escape sequence on the editor's terminal
