"""What the tool writes and prints from odd text: safe for old phones, tabs and terminals.

U+2028 stays text but never reaches JavaScript raw (a syntax error on KaiOS feature phones);
an unterminated right-to-left override no longer reverses what follows it; a broken
interface-strings file, a record nested too deep, a translation into a language the site
does not have, and the longest id accepted each end in a message or a working site.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli.main import main as cli
from generator.names import MAX_NAME_LENGTH
from tests.bad_catalogs.base import KET_HON, KET_HON_PATH, KHAI_SINH, KHAI_SINH_PATH, Case, edit
from tests.conftest import build

SEPARATOR_TITLE = edit(KHAI_SINH_PATH, "title: Đăng ký khai sinh",
                       'title: "Đăng ký\\u2028khai sinh"')


@pytest.fixture(scope="module")
def separator_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base project with U+2028 in a title and a right-to-left override in the name."""
    root = tmp_path_factory.mktemp("separator")
    files = {**SEPARATOR_TITLE, **edit("mkdocs.yml", "        name: UBND xã Thử",
                                       '        name: "UBND xã \\u202eThử"')}
    config = Case("separator", files, []).write(root / "project")
    return build(config.parent, root / "site")


def scripts(site: Path) -> list[Path]:
    return sorted(site.rglob("search/*.js"))


def test_search_scripts_never_hold_a_raw_line_separator(separator_site: Path) -> None:
    found = [p for p in scripts(separator_site) if "\\u2028" in p.read_text("utf-8")]
    assert found, "the title is in the search index"
    assert all("\u2028" not in p.read_text("utf-8") for p in scripts(separator_site))


def test_open_data_and_json_ld_escape_the_line_separator(separator_site: Path) -> None:
    catalog = (separator_site / "data" / "catalog.json").read_text("utf-8")
    assert "\u2028" not in catalog and "\\u2028" in catalog
    assert json.loads(catalog)  # still valid JSON
    page = (separator_site / "thu-tuc" / "khai-sinh" / "index.html").read_text("utf-8")
    head = page[page.index('<script type="application/ld+json">'):]
    assert "\u2028" not in head[:head.index("</script>")]


def test_unterminated_override_is_closed_in_the_tab_title(separator_site: Path) -> None:
    page = (separator_site / "index.html").read_text("utf-8")
    title = page[page.index("<title>"):page.index("</title>")]
    assert "\u202e" in title
    assert title.count("\u202c") >= title.count("\u202e")  # closed before the title ends


@pytest.mark.site
def test_broken_interface_strings_file_is_a_message(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    files = {"strings/en.yml": "call: Gọi\n  sai: thụt lề\n",
             **edit("mkdocs.yml", "      languages: [vi, en]",
                    "      languages: [vi, en]\n      strings: strings")}
    config = Case("strings", files, []).write(tmp_path / "project")
    assert cli(["build", "-f", str(config), "-d", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "strings/en.yml:2:" in err and "Cách sửa:" in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_record_nested_too_deep_skips_only_that_record(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    source = tmp_path / "national"
    source.mkdir()
    (source / "a.json").write_text(json.dumps({
        "ma_thu_tuc": "1.000001", "ten_thu_tuc": "Đăng ký khai sinh", "linh_vuc": "Hộ tịch"},
        ensure_ascii=False), encoding="utf-8")
    (source / "b.json").write_text('{"ma_thu_tuc": ' + "[" * 100_000 + "]" * 100_000 + "}",
                                   encoding="utf-8")
    code = cli(["import", "national", str(source), "-o", str(tmp_path / "procedures"),
                "--date", "2026-11-01"])
    out = capsys.readouterr().out
    assert code == 0
    assert "(b.json) [bỏ qua]" in out and "1 mới" in out
    assert len([p for p in (tmp_path / "procedures").rglob("*.yml")
                if p.name != "categories.yml"]) == 1


def test_translation_into_a_language_the_site_lacks_is_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {"procedures/ho-tich/khai-sinh.fr.yml": "status: draft\ntitle: Naissance\n"}
    config = Case("fr", files, []).write(tmp_path / "project")
    assert cli(["check", "-f", str(config)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "Cảnh báo: procedures/ho-tich/khai-sinh.fr.yml: bản dịch sang `fr` không được dùng: "
        "trang web này không có ngôn ngữ `fr` (các ngôn ngữ: vi, en). Cách sửa: thêm `fr` "
        "vào `languages:` của trang, hoặc đổi tên tệp nếu gõ nhầm mã ngôn ngữ."]


@pytest.mark.site
def test_the_longest_id_accepted_builds_everywhere_it_is_used(tmp_path: Path) -> None:
    long_id = ("thu-tuc-" * 20)[:MAX_NAME_LENGTH].rstrip("-")
    files = {KET_HON_PATH: KET_HON.replace("id: ket-hon", f"id: {long_id}"),
             KHAI_SINH_PATH: KHAI_SINH.replace("related: [ket-hon]", f"related: [{long_id}]")}
    config = Case("long", files, []).write(tmp_path / "project")
    site = build(config.parent, tmp_path / "site")
    assert (site / "thu-tuc" / long_id / "index.html").is_file()
    assert (site / "en" / "ma-qr" / f"{long_id}.svg").is_file()
    assert (site / "niem-yet" / f"{long_id}.html").is_file()
    assert any(long_id in p.read_text("utf-8") for p in scripts(site))
    assert f"thu-tuc/{long_id}/" in (site / "sitemap.xml").read_text("utf-8")
