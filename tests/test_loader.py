"""The loader's messages, word for word: file, line, key path, what is wrong, how to fix it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.load.catalog import load_catalog
from generator.problems import CatalogError
from tests.conftest import write_files

CATEGORIES = "- id: ho-tich\n  name: Hộ tịch\n"
GOOD = """\
id: dang-ky-khai-sinh
title: Đăng ký khai sinh
category: ho-tich
summary: Làm giấy khai sinh cho trẻ.
documents:
  - name: Tờ khai
    originals: 1
steps:
  - title: Nộp hồ sơ
duration: Ngay trong ngày
result: Giấy khai sinh
updated: 2026-11-20
"""


def problems(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    """The messages `thutuc check` prints for a catalog made of `files`."""
    catalog = tmp_path / "procedures"
    (catalog / "ho-tich").mkdir(parents=True)
    write_files(catalog, {"categories.yml": CATEGORIES, **files})
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog, tmp_path)
    return [str(p) for p in caught.value.problems]


def test_good_catalog_loads_with_nfc_text_bom_and_crlf(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", GOOD)
    (tmp_path / "procedures/ho-tich").mkdir(parents=True)
    (tmp_path / "procedures/categories.yml").write_text(CATEGORIES, encoding="utf-8")
    raw = "\ufeff" + decomposed.replace("\n", "\r\n")
    (tmp_path / "procedures/ho-tich/a.yml").write_bytes(raw.encode("utf-8"))
    catalog = load_catalog(tmp_path / "procedures", tmp_path)
    assert catalog.procedures[0].title == "Đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", catalog.procedures[0].summary)


def test_misspelt_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = GOOD.replace("summary:", "sumary:")
    # One mistake, one message: the misspelt key, not also "`summary` is missing".
    assert problems(tmp_path, {"ho-tich/a.yml": text}) == [
        "procedures/ho-tich/a.yml:4: sumary: khoá `sumary` không có trong định dạng. "
        "Cách sửa: có phải ý bạn là `summary`?",
    ]


def test_all_problems_of_all_files_are_reported_together(tmp_path: Path) -> None:
    bad_fee = GOOD + "fees:\n  - name: Lệ phí\n    amount: -5000\n"
    bad_date = GOOD.replace("id: dang-ky-khai-sinh", "id: khac").replace(
        "2026-11-20", "2026-02-30")
    assert problems(tmp_path, {"ho-tich/a.yml": bad_fee, "ho-tich/b.yml": bad_date}) == [
        "procedures/ho-tich/a.yml:15: fees[0].amount: số tiền phải là số nguyên đồng không âm "
        "(đang là -5000). Cách sửa: ghi chữ số liền, không dấu chấm, không chữ `đồng`: "
        "`amount: 5000`; miễn phí ghi `0`.",
        "procedures/ho-tich/b.yml:12: updated: ngày '2026-02-30' không hợp lệ. "
        "Cách sửa: viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-11-20`.",
    ]


def test_duplicate_ids_dangling_related_and_unknown_category(tmp_path: Path) -> None:
    other = GOOD.replace("category: ho-tich", "category: ho-tic") + "related: [dang-ky-ket-hon]\n"
    assert problems(tmp_path, {"ho-tich/a.yml": GOOD, "ho-tich/b.yml": other}) == [
        "procedures/ho-tich/b.yml:1: id: mã `dang-ky-khai-sinh` đã được dùng cho thủ tục trong "
        "`procedures/ho-tich/a.yml`. Cách sửa: mỗi thủ tục cần một `id` riêng; đổi `id` trong "
        "tệp này.",
        "procedures/ho-tich/b.yml:3: category: lĩnh vực `ho-tic` không có trong categories.yml. "
        "Cách sửa: có phải ý bạn là `ho-tich`?",
        "procedures/ho-tich/b.yml:13: related[0]: thủ tục liên quan `dang-ky-ket-hon` không có "
        "trong danh mục. Cách sửa: sửa mã cho đúng `id` của thủ tục kia, hoặc xoá dòng này.",
    ]


def test_unsafe_yaml_links_and_paths_are_refused(tmp_path: Path) -> None:
    text = GOOD.replace("    originals: 1", "    originals: 1\n    form: ../../etc/passwd") + (
        "online: {level: full, url: 'javascript:alert(1)'}\n")
    tagged = "!!python/object/apply:os.system ['echo hi']\n"
    assert problems(tmp_path, {"ho-tich/a.yml": text, "ho-tich/b.yml": tagged}) == [
        "procedures/ho-tich/a.yml:8: documents[0].form: tệp mẫu đơn `../../etc/passwd` nằm "
        "ngoài thư mục dự án. Cách sửa: chép tệp vào trong dự án (ví dụ thư mục `mau-don/`) "
        "và ghi đường dẫn tính từ thư mục chứa mkdocs.yml.",
        "procedures/ho-tich/a.yml:14: online.url: địa chỉ 'javascript:alert(1)' không hợp lệ: "
        "chỉ nhận địa chỉ web bắt đầu bằng `http://` hoặc `https://`. Cách sửa: chép đầy đủ "
        "địa chỉ từ thanh địa chỉ của trình duyệt.",
        "procedures/ho-tich/b.yml:1: có thẻ YAML không được phép (như `!!python/...`); chỉ "
        "dùng YAML thông thường. Cách sửa: xoá phần bắt đầu bằng `!` hoặc `!!`.",
    ]


def test_non_utf8_file_says_how_to_resave(tmp_path: Path) -> None:
    raw = GOOD.replace("Đăng ký", "Dang ky").encode("utf-8") + "tên: Hà\n".encode("cp1258")
    assert problems(tmp_path, {"ho-tich/a.yml": raw}) == [
        "procedures/ho-tich/a.yml:13: tệp không được lưu bằng bảng mã UTF-8. Cách sửa: mở tệp "
        "trong trình soạn thảo và lưu lại với bảng mã UTF-8 (VS Code: Save with Encoding → "
        "UTF-8; Notepad: Lưu thành → Mã hoá UTF-8).",
    ]


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    tabbed = GOOD.replace("  - title: Nộp hồ sơ", "\t- title: Nộp hồ sơ")
    unclosed = GOOD.replace("summary: Làm giấy khai sinh cho trẻ.", 'summary: "Làm giấy khai')
    assert problems(tmp_path, {"ho-tich/a.yml": tabbed, "ho-tich/b.yml": unclosed}) == [
        "procedures/ho-tich/a.yml:9: có ký tự Tab dùng để thụt lề; YAML chỉ chấp nhận dấu cách. "
        "Cách sửa: thay mỗi Tab bằng dấu cách (thường là 2 dấu cách).",
        # The line where the quote was opened, not where the parser gave up.
        "procedures/ho-tich/b.yml:4: có dấu ngoặc kép hoặc ngoặc đơn chưa được đóng. "
        "Cách sửa: thêm dấu đóng ngoặc ở cuối đoạn văn bản.",
    ]
