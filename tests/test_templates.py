"""Page templates: a site overrides one block in `overrides/`, and text is escaped once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.cli import main as cli
from generator.load.site import Site, load_site
from generator.mkdocs.plugin import site_source
from generator.render.site_pages import language_pages
from generator.render.templating import Templates
from generator.urls import hashed_path
from tests.conftest import FIXTURES, ROOT, build, copy_project, write_files
from tests.golden import check_golden, theme_hashes_hidden

# The README's worked example: a commune's own line under "Nơi nộp hồ sơ", ours kept.
OVERRIDE = ROOT.joinpath("README.md").read_text(encoding="utf-8").split(
    "a commune writes `overrides/procedure.html`:\n\n```jinja\n")[1].split("```")[0]


def test_the_readme_names_every_block_of_the_procedure_page() -> None:
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    listed = readme.split("(only what is under the heading):\n")[1].split(". For example")[0]
    named = set(re.findall(r"`([a-z_]+)`", listed))
    blocks = set(Templates().env.get_template("procedure.html").blocks)
    sections = {name.removesuffix("_section") for name in blocks if name.endswith("_section")}
    assert named == blocks - {f"{name}_section" for name in sections}
    assert sections <= named


def _site(project: Path) -> Site:
    config = load_config(str(project / "mkdocs.yml"))
    return load_site(site_source(config, config.plugins["thutuc"].config))  # type: ignore


# A commune's own stylesheets (one in its theme folder, one beside its pages) and its logo
# (beside its pages, as Material's guide says).
OWN_FILES = {"overrides/assets/xa.css": ".xa-gui-xe{font-weight:700}\n",
             "docs/assets/stylesheets/trang.css": ".md-typeset h1{letter-spacing:0}\n",
             "docs/assets/logo.png": b"\x89PNG\r\n\x1a\n not really a logo"}


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project as a commune named "UBND xã A & B", with `overrides/procedure.html`
    and `OWN_FILES` (`extra_css`, `theme.logo`)."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("commune") / "project")
    mkdocs_yml = project / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"
                        "  logo: assets/logo.png\n")
    text = text.replace("name: UBND xã Thử", 'name: "UBND xã A & B"')
    text += "extra_css: [assets/xa.css, assets/stylesheets/trang.css]\n"
    mkdocs_yml.write_text(text, encoding="utf-8")
    write_files(project, {"overrides/procedure.html": OVERRIDE, **OWN_FILES})
    return project


def test_an_overridden_block_shows_on_every_procedure_page(commune: Path) -> None:
    site = _site(commune)
    assert site.template_dirs == (commune / "overrides",)
    for lang in ("vi", "en", "rad"):
        pages = language_pages(site, lang)
        procedures = [p for p in pages if p.src.startswith("thu-tuc/")]
        assert len(procedures) == 3
        for page in procedures:
            where = page.html.split('<section class="tt-section" id="noi-nop-muc">')[1]
            where = where.split("</section>")[0]
            # The packaged body is still there (super()), the commune's line after it.
            assert where.index('<dl class="tt-where">') < where.index(
                '<p class="xa-gui-xe">Có chỗ gửi xe máy miễn phí trước cổng UBND xã A &amp; B.'
                "</p>")
        assert not any("xa-gui-xe" in p.html for p in pages if p not in procedures)


def test_without_overrides_the_packaged_templates_are_used() -> None:
    site = _site(FIXTURES / "mini")
    assert site.template_dirs == ()
    assert not any("xa-gui-xe" in p.html for p in language_pages(site, "vi"))


@pytest.fixture(scope="module")
def commune_site(commune: Path) -> Path:
    return build(commune, commune / "site")


def test_built_pages_show_the_override_and_escape_the_commune_name_once(
        commune_site: Path) -> None:
    pages = sorted(commune_site.rglob("*.html"))
    procedure_pages = [p for p in pages if p.parent.parent.name == "thu-tuc"]
    assert len(procedure_pages) == 9  # 3 procedures x 3 languages
    for path in procedure_pages:
        assert 'class="xa-gui-xe"' in path.read_text(encoding="utf-8"), path
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "&amp;amp;" not in html, path  # escaped twice
        assert "A & B" not in html, path  # not escaped
    home = (commune_site / "index.html").read_text(encoding="utf-8")
    # The logo's tooltip in the header and in the navigation drawer; the site name beside it.
    logos = re.findall(r'<a href="[^"]*" title="([^"]*)" class="md-(?:header|nav)__button md-logo"',
                       home)
    assert logos == ["UBND xã A &amp; B", "UBND xã A &amp; B"]
    assert '<span class="md-ellipsis">\n            UBND xã A &amp; B\n' in home


def test_a_communes_stylesheets_and_logo_are_published_once_under_hashed_names(
        commune_site: Path) -> None:
    for name, content in OWN_FILES.items():
        published = hashed_path(name.split("/", 1)[1], content if isinstance(content, bytes)
                                else content.encode())
        assert (commune_site / published).is_file(), published
        copies = [p for p in commune_site.rglob(Path(published).name) if p.is_file()]
        assert copies == [commune_site / published]
        for page in ("index.html", "en/index.html", "rad/thu-tuc/dang-ky-khai-sinh/index.html"):
            depth = "../" * page.count("/")
            assert f'="{depth}{published}"' in (commune_site / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["thu-tuc/dang-ky-khai-sinh", "en/thu-tuc/dang-ky-khai-sinh"])
def test_whole_procedure_page_matches_golden_file(mini_site: Path, page: str) -> None:
    """The themed page as a browser receives it: Material's frame, our head and body."""
    html = (mini_site / page / "index.html").read_text(encoding="utf-8")
    check_golden(f"mini-site/{page}.html", theme_hashes_hidden(html))


@pytest.mark.site
def test_a_mistake_in_a_sites_template_is_one_message_naming_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    write_files(project, {"overrides/procedure.html": OVERRIDE.replace("view.office",
                                                                       "view.ofice")})
    assert cli.main(["build", "-f", str(mkdocs_yml), "-d", str(tmp_path / "site")]) == 1
    assert (
        "overrides/procedure.html:4: mẫu trang dùng một giá trị không có: "
        "'generator.render.procedure.ProcedureView object' has no attribute 'ofice'. Cách sửa: "
        "chỉ dùng dữ liệu kể ở đầu mẫu gốc `thutuc/procedure.html`.") in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
