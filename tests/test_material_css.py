"""Material's CSS cut down to what our pages use (generator/mkdocs/material_css.py).

The checked-in stylesheet is what the trimming makes of the installed Material; no Material
class on our pages is left out; and in Chromium every element of the sample site's pages
(header, drawer, search box, language menu, guides with tables and code, print) gets the same
computed style as with Material's whole main and palette stylesheets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.mkdocs import material_css
from generator.mkdocs.theme_setup import THEME_DIR

# (page, media, what to do after it loads): the header's states on one page, each kind of page.
CASES = [
    ("thu-tuc/dang-ky-khai-sinh/", "screen", ""),
    ("thu-tuc/dang-ky-khai-sinh/", "screen",
     "document.getElementById('__drawer').checked = true"),
    ("thu-tuc/dang-ky-khai-sinh/", "screen",
     "document.getElementById('__search').checked = true;"
     "document.querySelector('.md-search__input').focus()"),
    ("thu-tuc/dang-ky-khai-sinh/", "screen", "document.querySelector('.tt-lang').focus()"),
    ("thu-tuc/dang-ky-khai-sinh/", "print", ""),
    ("", "screen", ""),
    ("linh-vuc/ho-tich/", "screen", ""),
    ("huong-dan-bien-tap/", "screen", ""),
    ("huong-dan-bien-tap/", "print", ""),
    ("tat-ca-thu-tuc/", "screen", ""),
    ("en/thu-tuc/dang-ky-ket-hon/", "screen", ""),
]
SCRIPTS = (THEME_DIR / "assets", THEME_DIR.parent.parent / "search")
# Every element's computed style (and its ::before and ::after when they have content), by
# element number: a hash of it, or its text for the `wanted` elements.
_COLLECT = """(wanted) => {
  const props = [...getComputedStyle(document.documentElement)].filter((p) =>
    !p.startsWith("--") && !p.startsWith("transition") && !p.startsWith("animation")).sort();
  const hash = (text) => { let h = 2166136261;
    for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
    return h >>> 0; };
  const found = {};
  document.querySelectorAll("*").forEach((el, i) => {
    for (const pseudo of ["", "::before", "::after"]) {
      const key = i + pseudo;
      if (wanted && !wanted.includes(key)) continue;
      const style = getComputedStyle(el, pseudo || null);
      if (pseudo && (style.content === "none" || style.content === "normal")) continue;
      const text = props.map((p) => p + ": " + style.getPropertyValue(p));
      const name = el.tagName.toLowerCase() + (typeof el.className === "string" && el.className
        ? "." + el.className.trim().split(/\\s+/).join(".") : "") + pseudo;
      found[key] = wanted ? [name, ...text] : hash(text.join(";"));
    }
  });
  return found;
}"""
# No transition or animation between the states and the stylesheets being compared, and every
# section laid out (thutuc.css lays out those off screen only when they come near it: sizes
# would then depend on timing).
_STILL = ("*,*::before,*::after{transition:none!important;animation:none!important;"
          "content-visibility:visible!important}")


def _answer_with(css: str):
    """A Playwright route handler answering with the stylesheet `css`."""
    return lambda route: route.fulfill(body=css, content_type="text/css")


def test_the_checked_in_stylesheet_is_materials_trimmed() -> None:
    pytest.importorskip("tinycss2")
    made = material_css.generate()
    if os.environ.get("UPDATE_GOLDEN"):
        material_css.main()
    assert material_css.OUTPUT.read_text(encoding="utf-8") == made, (
        "theme/assets/material.css is not what `python -m generator.mkdocs.material_css` "
        "makes of the installed Material: run it and review the diff")


def test_the_stylesheet_is_small_and_drops_what_no_page_has() -> None:
    text = material_css.OUTPUT.read_text(encoding="utf-8")
    assert len(text.encode()) < 60_000
    for gone in ("[dir=rtl]", ".highlight", ".tabbed-set", ".md-annotation", ".md-tooltip",
                 "--md-admonition-icon--bug"):
        assert gone not in text, gone
    for kept in (".md-header", "[data-md-toggle=drawer]:checked", ".md-search__input",
                 ".md-typeset table:not([class])", ".md-typeset .admonition", "@media print",
                 "[data-md-color-primary=indigo]"):
        assert kept in text, kept


def _material_classes() -> set[str]:
    """The classes Material's stylesheets style."""
    text = "".join(path.read_text(encoding="utf-8") for path in material_css.sources())
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", re.sub(r"url\([^)]*\)", "", text)))


def test_every_material_class_of_the_pages_and_scripts_is_kept(sample_site: Path) -> None:
    styled = _material_classes()
    used: set[str] = set()
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "/material." not in html:  # printed notices and sheets have their own CSS
            continue
        for value in re.findall(r'class="([^"]*)"', html):
            used.update(value.split())
    for folder in SCRIPTS:
        for script in folder.glob("*.js"):
            for value in re.findall(r'className\s*=\s*"([^"]*)"', script.read_text("utf-8")):
                used.update(value.split())
    assert used & styled - material_css.MATERIAL_CLASSES == set()


def _styles(tab, url: str, media: str, script: str, css: str | None,
            wanted: list[str] | None = None) -> dict:
    """`_COLLECT` on `url` after `script`, with our stylesheet or `css` in its place."""
    tab.unroute("**/assets/material.*.css")
    if css is not None:
        tab.route("**/assets/material.*.css", _answer_with(css))
    tab.emulate_media(media=media)
    tab.goto(url, wait_until="load")
    tab.add_style_tag(content=_STILL)
    if script:
        tab.evaluate(f"() => {{ {script}; }}")
    return tab.evaluate(_COLLECT, wanted)


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_look_as_with_materials_whole_stylesheet(sample_site: Path, serve, browser,
                                                       width: int) -> None:
    whole = "".join(path.read_text(encoding="utf-8") for path in material_css.sources())
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  is_mobile=width < 600, has_touch=width < 600,
                                  service_workers="block")
    tab = context.new_page()
    base = serve(sample_site)
    wrong: list[str] = []
    for path, media, script in CASES:
        ours = _styles(tab, base + path, media, script, None)
        material = _styles(tab, base + path, media, script, whole)
        differ = sorted(key for key in ours.keys() | material.keys()
                        if ours.get(key) != material.get(key))[:5]
        if not differ:
            continue
        ours = _styles(tab, base + path, media, script, None, differ)
        material = _styles(tab, base + path, media, script, whole, differ)
        for key in differ:
            a, b = ours.get(key, ["(none)"]), material.get(key, ["(none)"])
            lines = [f"{x} (Material: {y})" for x, y in zip(a[1:], b[1:], strict=False) if x != y]
            wrong.append(f"{width}px /{path} {media} {script[:30]}: {a[0]} / {b[0]}: "
                         + "; ".join(lines[:6]))
    context.close()
    assert wrong == []
