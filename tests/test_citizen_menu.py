"""The citizens' menu is for citizens: staff guides are listed on "Dành cho cán bộ" (linked
from the footer), and a site publishes hand-written pages only in its own languages."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import FIXTURES, build, copy_project, write_files

STAFF_GUIDE = "---\naudience: staff\n---\n# Hướng dẫn cho người biên tập\n\nCách sửa danh mục.\n"


def _project(tmp_path: Path, languages: str) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = project / "mkdocs.yml"
    text = re.sub(r"      languages:\n(        - .*\n)+", f"      languages:\n{languages}",
                  config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    write_files(project / "docs", {
        "huong-dan-bien-tap.md": STAFF_GUIDE,
        "huong-dan-bien-tap.en.md": "---\naudience: staff\n---\n# Guide for editors\n\nHow.\n",
        "gioi-thieu.en.md": "# About this site\n\nWhat it is for.\n",
    })
    return project


def test_staff_guides_leave_the_menu_for_a_page_linked_from_the_footer(tmp_path: Path) -> None:
    site = build(_project(tmp_path, "        - {code: vi, name: Tiếng Việt}\n"
                                    "        - {code: en, name: English}\n"), tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    start = home.index('<nav class="md-nav md-nav--primary"')
    menu = home[start:home.index('<div class="md-content"', start)]
    assert "huong-dan-bien-tap" not in menu and "gioi-thieu" in menu
    footer = home[home.index('<footer'):]
    assert re.search(r'<a href="danh-cho-can-bo/">\s*Dành cho cán bộ\s*</a>', footer)
    staff = (site / "danh-cho-can-bo" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../huong-dan-bien-tap/">Hướng dẫn cho người biên tập</a>' in staff
    english = (site / "en" / "danh-cho-can-bo" / "index.html").read_text(encoding="utf-8")
    assert "For commune staff" in english and ">Guide for editors</a>" in english
    assert (site / "huong-dan-bien-tap" / "index.html").is_file(), "still published"


def test_a_site_without_english_publishes_no_english_pages(tmp_path: Path) -> None:
    site = build(_project(tmp_path, "        - {code: vi, name: Tiếng Việt}\n"
                                    "        - {code: rad, name: Êđê}\n"), tmp_path / "site")
    stray = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.en"))
    assert stray == [] and not (site / "gioi-thieu.en").exists()
    assert "gioi-thieu.en" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "rad" / "gioi-thieu" / "index.html").is_file()
