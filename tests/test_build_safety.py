"""A failed build never touches the last good site; the same catalog always gives the same bytes."""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

import pytest

import generator.mkdocs.plugin
import generator.render.site_pages
from generator.cli import main as cli
from generator.problems import ThutucError
from generator.render.page_cache import CACHE_DIR as PAGES_CACHE
from tests.conftest import FIXTURES, build, copy_project


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path, with the SHA-256 of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def leftovers(site: Path) -> list[str]:
    """Staging or old folders a build left beside the site."""
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A writable copy of the mini project, its built site, and the site's tree."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    site = build(project, tmp_path / "public" / "site")
    return project, site, tree(site)


def test_bad_catalog_leaves_previous_site_untouched(built: tuple[Path, Path, dict[str, str]],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    project, site, before = built
    source = project / "procedures" / "ho-tich" / "dang-ky-khai-sinh.yml"
    source.write_text(source.read_text("utf-8").replace("updated: 2026-11-20",
                                                        "updated: 2026-02-30"), "utf-8")
    code = cli.main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)])
    assert code == 1
    assert "procedures/ho-tich/dang-ky-khai-sinh.yml:" in capsys.readouterr().err
    assert tree(site) == before
    assert leftovers(site) == []
    with pytest.raises(ThutucError):  # the plugin itself refuses too, before writing anything
        build(project, site)
    assert tree(site) == before
    assert leftovers(site) == []


@pytest.mark.parametrize("crash", [RuntimeError("render failed"), KeyboardInterrupt()],
                         ids=["error", "ctrl-c"])
def test_crash_mid_build_leaves_previous_site_untouched(
        built: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture, crash: BaseException) -> None:
    project, site, before = built
    render = generator.render.site_pages.render_procedure
    rendered_languages: list[str] = []  # by this process: the source language

    def render_then_crash(loc, ctx, terms):  # type: ignore[no-untyped-def]
        # Crash in the second language: the first is already written into the staging folder.
        if ctx.strings.lang == "en":
            raise crash
        rendered_languages.append(ctx.strings.lang)
        return render(loc, ctx, terms)

    monkeypatch.setattr(generator.render.site_pages, "render_procedure", render_then_crash)
    # The first build's pages are in the page cache: without it, every page is rendered.
    shutil.rmtree(project / PAGES_CACHE)
    # English builds in a worker process, which reports the crash to the build it serves.
    with pytest.raises(ThutucError), caplog.at_level(logging.ERROR, logger="mkdocs"):
        build(project, site)
    assert f"Ngôn ngữ en: {str(crash) or type(crash).__name__}" in caplog.messages
    assert "vi" in rendered_languages
    assert tree(site) == before
    assert leftovers(site) == []


def test_two_builds_on_different_days_in_different_folders_are_identical(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # MkDocs' build date: 2023-11-14
    first = build(copy_project(FIXTURES / "mini", tmp_path / "a" / "mini"), tmp_path / "a" / "s")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    second = build(copy_project(FIXTURES / "mini", tmp_path / "b" / "other"),
                   tmp_path / "b" / "deep" / "site")
    first_tree, second_tree = tree(first), tree(second)
    # Compressed, generated and per-language files are all part of the comparison.
    assert "sitemap.xml.gz" in first_tree
    assert any(path.startswith("search/") for path in first_tree)
    assert any(path.startswith("en/ma-qr/") for path in first_tree)
    assert sorted(first_tree) == sorted(second_tree)
    differing = [path for path in first_tree if first_tree[path] != second_tree[path]]
    assert differing == []



def test_a_stopped_build_leaves_nothing_to_the_next_build_of_the_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs keeps the plugin object for every build of a process (tests, `build --all`,
    `serve`): a build stopped half-way must not lend its catalog or its folder to the next
    one. (It did: the next build wrote into the stopped build's staging folder and published
    an empty site, reporting success.)"""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    write_worker = generator.mkdocs.plugin.service_worker.write
    stops = [KeyboardInterrupt()]  # Ctrl-C once every page of the source language is written

    def stop_once(*args: object) -> None:
        if stops:
            raise stops.pop()
        write_worker(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.mkdocs.plugin.service_worker, "write", stop_once)
    with pytest.raises(KeyboardInterrupt):
        build(project, tmp_path / "stopped")
    site = build(project, tmp_path / "site")
    for page in ("index.html", "thu-tuc/dang-ky-khai-sinh/index.html",
                 "rad/thu-tuc/dang-ky-khai-sinh/index.html", "data/catalog.json", "sw.js"):
        assert (site / page).is_file(), page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
