"""The page cache: the same bytes with a warm, a cold or a damaged cache, and a changed
page (its procedure, a related title, a template) or printed notice is never taken from it
stale."""

from __future__ import annotations

import dataclasses
import datetime
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.render.site_pages
from generator.load.site import load_site
from generator.load.strings import Text
from generator.mkdocs.plugin import CATALOG_MEMO, site_source
from generator.mkdocs.project import _config
from generator.render.page_cache import CACHE_DIR, PageCache, digest, pack, unpack
from generator.render.site_pages import page_sets
from generator.urls import poster_path, sheet_path
from tests.conftest import FIXTURES, ROOT, build, copy_project, write_files
from tests.test_build_safety import tree

KEY = "ab" + "0" * 62
SOURCE = "thu-tuc/dang-ky-khai-sinh/index.html"  # its related procedure: dang-ky-ket-hon


def entries(project: Path) -> list[Path]:
    return sorted(p for p in (project / CACHE_DIR).rglob("*.html") if p.is_file())


def test_an_entry_is_used_only_whole_and_for_its_own_key(tmp_path: Path) -> None:
    page = "<!doctype html><p>Đăng ký khai sinh</p>\n"
    cache = PageCache(tmp_path)
    cache.write(KEY, page)
    assert cache.read(KEY) == page
    path = tmp_path / KEY[:2] / f"{KEY}.html"
    entry = path.read_bytes()
    other = "cd" + KEY[2:]
    (tmp_path / other[:2]).mkdir()
    (tmp_path / other[:2] / f"{other}.html").write_bytes(entry)  # copied under another key
    assert cache.read(other) is None
    for broken in (entry[:-3], b"garbage", entry[:40] + b"x" + entry[41:], b"\0" * 10):
        path.write_bytes(broken)  # truncated, garbage, a byte changed in the digest, zeros
        assert cache.read(KEY) is None
    assert unpack(pack(page)) == page and unpack(b"not zlib") is None
    assert PageCache(None).read(KEY) is None


def test_entries_no_build_used_for_a_month_are_removed(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    old, used = "cd" + "1" * 62, "ef" + "2" * 62
    cache.write(old, "<p>cũ</p>")
    cache.write(used, "<p>mới</p>")
    month_ago = time.time() - 31 * 86400
    for key in (old, used):
        os.utime(tmp_path / key[:2] / f"{key}.html", (month_ago, month_ago))
    assert cache.read(used) == "<p>mới</p>"  # read now: kept
    cache.prune()
    assert cache.read(old) is None
    assert cache.read(used) == "<p>mới</p>"


def test_a_digest_tells_interface_text_by_its_language() -> None:
    """`Mục lục` shown as Vietnamese on an Ê Đê page is marked lang="vi": another page."""
    assert digest(Text("Mục lục", "vi")) != digest(Text("Mục lục", ""))
    assert digest(Text("Mục lục", "vi")) == digest(Text("Mục lục", "vi"))


def test_a_digest_is_the_same_in_every_process() -> None:
    value = (frozenset({"summary", "steps[2].text", "fees"}), {"b": 1, "a": [datetime.date(2026,
                                                                                          1, 2)]})
    code = ("from generator.render.page_cache import digest; import datetime; "
            "print(digest((frozenset({'summary', 'steps[2].text', 'fees'}), "
            "{'b': 1, 'a': [datetime.date(2026, 1, 2)]})))")
    found = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, text=True,  # noqa: S603
                            capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed,
                                                      "PYTHONPATH": str(ROOT)}).stdout.strip()
             for seed in ("1", "2", "3")}
    assert found == {digest(value)}


def test_a_page_s_inputs_follow_its_procedure_code_and_review_date(
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = _config(FIXTURES / "mini" / "mkdocs.yml")
    site = load_site(site_source(config, config.plugins["thutuc"].config), CATALOG_MEMO)
    _, pages = page_sets(site, "vi")
    src = "thu-tuc/dang-ky-khai-sinh.md"

    def inputs_on(day: datetime.date, of: str = src) -> str:
        pages.ctx = dataclasses.replace(pages.ctx, today=day)  # the day the pages are made
        return pages.inputs(of)

    today = datetime.date(2026, 12, 2)
    first = inputs_on(today)
    assert inputs_on(today) == first
    assert inputs_on(today, "thu-tuc/dang-ky-ket-hon.md") != first
    loc = pages.by_src[src]
    due = datetime.date(2027, 3, 1)
    pages.by_src[src] = dataclasses.replace(loc, procedure=dataclasses.replace(
        loc.procedure, review_due=due))
    before = inputs_on(due - datetime.timedelta(days=1))
    assert inputs_on(due) == before  # due today: not late yet
    assert inputs_on(due + datetime.timedelta(days=1)) != before  # the overdue notice
    monkeypatch.setattr(generator.render.site_pages, "code_version", lambda: "another version")
    _, again = page_sets(site, "vi")
    again.ctx = dataclasses.replace(again.ctx, today=today)
    assert again.inputs(src) != first


def test_a_warm_cold_or_damaged_cache_gives_the_same_site(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold = tree(build(project, tmp_path / "cold"))
    stored = entries(project)
    # Three procedures in each of three languages: their pages, notices and counter sheets.
    assert len(stored) >= 3 * 3 * 2 + 3 * 2
    written = {path: path.stat().st_ino for path in stored}  # a rewrite is a new file
    warm = tree(build(project, tmp_path / "warm"))
    assert warm == cold
    assert {path: path.stat().st_ino for path in entries(project)} == written  # all read
    before = {path: path.read_bytes() for path in stored}
    stored[0].write_bytes(stored[0].read_bytes()[:100])  # truncated
    stored[1].write_bytes(b"garbage")
    stored[2].write_bytes(before[stored[0]])  # another page's entry under this name
    assert tree(build(project, tmp_path / "damaged")) == cold
    assert {path: path.read_bytes() for path in stored} == before  # rewritten


def test_an_edit_or_a_new_template_is_never_shown_stale(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    write_files(project, {"overrides/procedure.html": '{% extends "thutuc/procedure.html" %}\n'})
    first = build(project, tmp_path / "first")
    old = (first / SOURCE).read_text("utf-8")
    related = project / "procedures" / "ho-tich" / "dang-ky-ket-hon.yml"
    related.write_text(related.read_text("utf-8").replace(
        "title: Đăng ký kết hôn", "title: Đăng ký kết hôn (sửa)"), "utf-8")
    write_files(project, {"overrides/procedure.html": (
        '{% extends "thutuc/procedure.html" %}\n'
        '{% block review %}<p class="tt-test-block">Mẫu mới</p>{{ super() }}{% endblock %}\n')})
    edited = build(project, tmp_path / "edited")
    page = (edited / SOURCE).read_text("utf-8")
    assert page != old
    assert "Đăng ký kết hôn (sửa)" in page  # the related procedure's new title
    assert "tt-test-block" in page and "tt-test-block" in (edited / "en" / SOURCE).read_text()
    shutil.rmtree(project / CACHE_DIR)
    assert tree(edited) == tree(build(project, tmp_path / "cold"))


def test_an_edit_shows_on_the_notices_and_counter_sheet(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    printed = [poster_path("dang-ky-ket-hon"), sheet_path("ho-tich"),
               "en/" + poster_path("dang-ky-ket-hon")]
    first = build(project, tmp_path / "first")
    old = {path: (first / path).read_text("utf-8") for path in printed}
    edited_file = project / "procedures" / "ho-tich" / "dang-ky-ket-hon.yml"
    edited_file.write_text(edited_file.read_text("utf-8").replace(
        "title: Đăng ký kết hôn", "title: Đăng ký kết hôn (sửa)"), "utf-8")
    edited = build(project, tmp_path / "edited")
    for path in printed:  # the English notice shows the Vietnamese title too
        page = (edited / path).read_text("utf-8")
        assert page != old[path]
        assert "Đăng ký kết hôn (sửa)" in page
    shutil.rmtree(project / CACHE_DIR)
    assert tree(edited) == tree(build(project, tmp_path / "cold"))
