"""Printed codes never die: aliases redirect, and `thutuc check` refuses a lost address."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.main import main
from tests.conftest import FIXTURES, copy_project

RECORD = """\
# Địa chỉ đã công bố: `thutuc build` tự ghi tệp này; hãy đưa nó vào git cùng danh mục.
# Mỗi mã (id) ở đây có thể đã được in trên mã QR, nên phải luôn còn là `id` hoặc một
# mục trong `aliases:` của một thủ tục. Thủ tục đã bãi bỏ: thêm mã của nó vào `retired:`.
published:
  chung-thuc-ban-sao: procedures/chung-thuc/chung-thuc-ban-sao.yml
  dang-ky-ket-hon: procedures/ho-tich/dang-ky-ket-hon.yml
  dang-ky-khai-sinh: procedures/ho-tich/dang-ky-khai-sinh.yml
"""


@pytest.fixture
def published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A copy of the mini project, built once with `thutuc build` (which writes the record)."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert _run("build", project, "-d", str(tmp_path / "site")) == 0
    assert "Đã cập nhật procedures/_published.yml" in capsys.readouterr().out
    return project


def _run(command: str, project: Path, *args: str) -> int:
    return main([command, "-f", str(project / "mkdocs.yml"), *args])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_build_records_published_ids_sorted_and_stable(published: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    record = published / "procedures" / "_published.yml"
    assert record.read_text(encoding="utf-8") == RECORD
    assert _run("build", published, "-d", str(tmp_path / "site")) == 0
    assert "_published.yml" not in capsys.readouterr().out  # nothing new: not rewritten
    assert record.read_text(encoding="utf-8") == RECORD


def test_changed_id_is_refused_until_the_old_id_is_an_alias(
        published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = published / "procedures" / "chung-thuc" / "chung-thuc-ban-sao.yml"
    _edit(source, "id: chung-thuc-ban-sao\n", "id: chung-thuc-ban-sao-giay-to\n")
    assert _run("check", published) == 1
    assert capsys.readouterr().err == (
        "procedures/chung-thuc/chung-thuc-ban-sao.yml:1: id: `id` đã đổi từ "
        "`chung-thuc-ban-sao` thành `chung-thuc-ban-sao-giay-to`, nhưng địa chỉ cũ của thủ "
        "tục (`chung-thuc-ban-sao`) đã được công bố và có thể đã in trên mã QR. Cách sửa: "
        "giữ `id: chung-thuc-ban-sao-giay-to` và thêm dòng `aliases: [chung-thuc-ban-sao]` "
        "vào tệp này để địa chỉ cũ tự chuyển tới trang mới; nếu thủ tục đã bị bãi bỏ thật, "
        "thêm `chung-thuc-ban-sao` vào mục `retired:` trong `procedures/_published.yml`.\n"
        "Tìm thấy 1 lỗi; chưa tạo trang nào.\n")
    assert _run("build", published, "-d", str(tmp_path / "site")) == 1  # the build refuses too

    _edit(source, "category:", "aliases: [chung-thuc-ban-sao]\ncategory:")
    assert _run("check", published) == 0
    site = tmp_path / "site"
    assert _run("build", published, "-d", str(site)) == 0
    redirect = (site / "thu-tuc" / "chung-thuc-ban-sao" / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../chung-thuc-ban-sao-giay-to/">' \
        in redirect
    assert ('<link rel="canonical" '
            'href="https://example.org/xa-thu/en/thu-tuc/chung-thuc-ban-sao-giay-to/">') in \
        (site / "en" / "thu-tuc" / "chung-thuc-ban-sao" / "index.html").read_text("utf-8")
    record = (published / "procedures" / "_published.yml").read_text(encoding="utf-8")
    assert ("  chung-thuc-ban-sao: procedures/chung-thuc/chung-thuc-ban-sao.yml\n"
            "  chung-thuc-ban-sao-giay-to: procedures/chung-thuc/chung-thuc-ban-sao.yml\n"
            ) in record


def test_removed_procedure_is_refused_until_retired(
        published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (published / "procedures" / "chung-thuc" / "chung-thuc-ban-sao.yml").unlink()
    assert _run("check", published) == 1
    assert capsys.readouterr().err == (
        "procedures/_published.yml: published.chung-thuc-ban-sao: thủ tục `chung-thuc-ban-sao` "
        "(trước đây trong `procedures/chung-thuc/chung-thuc-ban-sao.yml`) đã được công bố và "
        "có thể đã in trên mã QR, nhưng nay không thủ tục nào có `id` hay `aliases` là "
        "`chung-thuc-ban-sao`. Cách sửa: nếu đã đổi `id`, thêm `chung-thuc-ban-sao` vào "
        "`aliases:` của thủ tục mới; nếu thủ tục đã bị bãi bỏ thật, thêm `chung-thuc-ban-sao` "
        "vào mục `retired:` trong `procedures/_published.yml`.\n"
        "Tìm thấy 1 lỗi; chưa tạo trang nào.\n")

    record = published / "procedures" / "_published.yml"
    record.write_text(record.read_text(encoding="utf-8") + "retired: [chung-thuc-ban-sao]\n",
                      encoding="utf-8")
    assert _run("check", published) == 0
    site = tmp_path / "site"
    assert _run("build", published, "-d", str(site)) == 0
    notice = (site / "thu-tuc" / "chung-thuc-ban-sao" / "index.html").read_text("utf-8")
    assert "Thủ tục này không còn được thực hiện tại đây." in notice
    assert '<a href="../../">Thủ tục hành chính</a>' in notice
    assert record.read_text(encoding="utf-8").endswith("retired:\n- chung-thuc-ban-sao\n")


def test_broken_record_is_reported_with_its_line(published: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    record = published / "procedures" / "_published.yml"
    record.write_text("published:\n  dang-ky-khai-sinh: x.yml\nretired: [Cũ]\n", "utf-8")
    assert _run("check", published) == 1
    assert capsys.readouterr().err.startswith(
        "procedures/_published.yml:3: retired[0]: 'Cũ' không phải là mã hợp lệ")


def test_old_address_lands_on_the_new_page(printing_site: Path, serve, browser) -> None:
    base = serve(printing_site)
    # Without JavaScript too: the redirect is a plain meta refresh.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "en/thu-tuc/trich-luc-ho-tich.html")
    page.wait_for_url(base + "en/thu-tuc/cap-ban-sao-trich-luc.html")
    assert page.locator("h1").first.inner_text() == "Cấp bản sao trích lục hộ tịch"
    # And from a copy of the site opened as files (a USB stick at the commune office).
    page.goto((printing_site / "thu-tuc" / "khai-sinh.html").as_uri())
    page.wait_for_url((printing_site / "thu-tuc" / "dang-ky-khai-sinh.html").as_uri())
    assert page.locator("h1").first.inner_text() == "Đăng ký khai sinh"
    context.close()
