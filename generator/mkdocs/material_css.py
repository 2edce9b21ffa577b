"""Material's stylesheets cut down to the rules that can match thutuc's pages.

Material for MkDocs ships 149 KB of CSS (main + palette: 25 KB gzip) for every feature it
has: code highlighting, tabs, annotations, tooltips, the blog, right-to-left scripts. Our
pages use its header, drawer, navigation, search box, footer, typography and admonitions, and
a phone parses and matches every rule before it paints. This module keeps a rule only when
each class, id and attribute its selector needs is one our pages carry (MATERIAL_CLASSES,
IDS, ATTRIBUTES; `tests/test_material_css.py` checks these against built sites and checks,
in Chromium, that every element gets the same computed style as with Material's whole CSS).
Custom properties no kept rule reads and keyframes no kept rule plays are dropped too.

The result is checked in (theme/assets/material.css), so that a build reads no CSS parser
and every site gets the same file. After upgrading Material, or when a template or script
starts using one of its classes, run

    python -m generator.mkdocs.material_css

and review the diff. It needs tinycss2 (a test dependency), not needed to build a site.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import material

from generator.mkdocs.theme_setup import THEME_DIR
from generator.writer import write_file

MATERIAL_DIR = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
OUTPUT = THEME_DIR / "assets" / "material.css"
# Our own stylesheets read Material's custom properties: those must survive.
READERS = ("thutuc.css", "thutuc-sheet.css")

# Material's classes on our pages: its partials we include (header, nav, toc, footer, top,
# logo), our templates (theme/, render/templates/), what our scripts add (search results),
# and what the Markdown extensions of a thutuc site produce (admonition: every type looks
# like a note; the others produce no classes Material styles).
MATERIAL_CLASSES = frozenset({
    "js", "no-js", "md-banner", "md-banner__inner", "md-button", "md-button--primary",
    "md-container", "md-content", "md-content__inner", "md-copyright", "md-copyright__highlight",
    "md-ellipsis", "md-footer", "md-footer-meta", "md-footer-meta__inner", "md-grid", "md-header",
    "md-header--shadow", "md-header__button", "md-header__ellipsis", "md-header__inner",
    "md-header__option", "md-header__title", "md-header__topic", "md-icon", "md-logo", "md-main",
    "md-main__inner", "md-nav", "md-nav--primary", "md-nav--secondary", "md-nav__button",
    "md-nav__container", "md-nav__icon", "md-nav__item", "md-nav__item--active",
    "md-nav__item--nested", "md-nav__item--section", "md-nav__link", "md-nav__link--active",
    "md-nav__link--passed", "md-nav__list", "md-nav__title", "md-nav__toggle", "md-overlay",
    "md-search", "md-search-result", "md-search-result__article", "md-search-result__icon",
    "md-search-result__item", "md-search-result__link", "md-search-result__list",
    "md-search-result__meta", "md-search__form", "md-search__icon", "md-search__inner",
    "md-search__input", "md-search__options", "md-search__output", "md-search__overlay",
    "md-search__scrollwrap", "md-select", "md-select__inner", "md-select__item", "md-select__link",
    "md-select__list", "md-sidebar", "md-sidebar--primary", "md-sidebar--secondary",
    "md-sidebar__inner", "md-sidebar__scrollwrap", "md-skip", "md-toggle", "md-top", "md-typeset",
    "admonition", "admonition-title",
})
# The ids our pages have that Material's selectors name (`#__drawer`...).
IDS = frozenset({"__drawer", "__search", "__toc"})
# Attributes our pages (or the browser) set, with the values they take (None: any value).
# Not here, so dropped: dir=rtl (every language of Vietnam is written left to right), the
# attributes only Material's script sets (data-md-state, data-md-scrolllock...), table
# sorting, annotations, comments, images for the dark scheme.
ATTRIBUTES: dict[str, frozenset[str] | None] = {
    "dir": frozenset({"ltr"}),
    "hidden": None, "class": None, "href": None, "id": None, "type": None, "for": None,
    "open": None, "align": None, "role": frozenset({"dialog", "search", "presentation"}),
    "data-md-toggle": None, "data-md-color-scheme": None, "data-md-color-primary": None,
    "data-md-color-accent": None, "data-md-component": None, "data-md-type": None,
    "data-md-level": None,
}
# Pseudo-classes whose argument is a list of alternatives: usable if one alternative is.
_ANY_OF = {"is", "where", "has", "matches", "-webkit-any", "-moz-any"}
_ATTRIBUTE = re.compile(r"""^\s*([\w-]+)\s*(?:[~|^$*]?=\s*["']?([^"'\]\s]*)["']?\s*[is]?)?\s*$""")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _split(tokens: Iterable[Any]) -> list[list[Any]]:
    """A selector list's tokens, split at its top-level commas."""
    parts: list[list[Any]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _usable(selector: list[Any]) -> bool:
    """Whether `selector` (its tokens) can match an element of our pages."""
    dot = False
    for token in selector:
        if dot and token.type == "ident" and token.value not in MATERIAL_CLASSES:
            return False
        dot = token.type == "literal" and token.value == "."
        if token.type == "hash" and token.value not in IDS:
            return False
        if token.type == "[] block" and not _attribute_usable(token):
            return False
        if token.type == "function" and token.lower_name in _ANY_OF \
                and not any(_usable(part) for part in _split(token.arguments)):
            return False
        # `:not(...)` matches where its classes are absent: never a reason to drop.
    return True


def _attribute_usable(block: Any) -> bool:
    import tinycss2

    found = _ATTRIBUTE.match(tinycss2.serialize(block.content))
    if not found:
        return False
    name, value = found.group(1).lower(), found.group(2)
    if name not in ATTRIBUTES:
        return False
    values = ATTRIBUTES[name]
    return values is None or value is None or value in values


def _selectors(rule: Any) -> str:
    import tinycss2

    kept = [tinycss2.serialize(part).strip() for part in _split(rule.prelude) if _usable(part)]
    return ",".join(kept)


def _declarations(rule: Any) -> list[Any]:
    import tinycss2

    return [item for item in tinycss2.parse_blocks_contents(
        rule.content, skip_whitespace=True, skip_comments=True) if item.type == "declaration"]


def _rules(content: Any) -> list[Any]:
    import tinycss2

    return list(tinycss2.parse_rule_list(content, skip_whitespace=True, skip_comments=True))


def _kept_rules(rules: Iterable[Any]) -> Iterator[tuple[str, list[Any] | str]]:
    """(prelude, declarations) of the style rules to keep, and (at-rule prelude, nested
    list) for @media and @supports; @keyframes and @page as (prelude, their text)."""
    import tinycss2

    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule)
            if selectors:
                yield selectors, _declarations(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = list(_kept_rules(_rules(rule.content)))
            if inner:
                prelude = tinycss2.serialize(rule.prelude).strip()
                yield f"@{rule.lower_at_keyword} {prelude}", inner  # type: ignore[misc]
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("keyframes", "page"):
            yield (f"@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()}",
                   tinycss2.serialize(rule.content))


def _walk(kept: list[Any]) -> Iterator[Any]:
    """Every declaration of the kept style rules, nested ones included."""
    for prelude, body in kept:
        if isinstance(body, list) and prelude.startswith("@"):
            yield from _walk(body)
        elif isinstance(body, list):
            yield from body


def _read(declarations: Iterable[Any], readers: str) -> set[str]:
    """The custom properties read by the declarations (and by `readers`' CSS), followed
    through properties that read other properties."""
    import tinycss2

    values: dict[str, list[str]] = {}
    read = set(_VAR.findall(readers))
    for item in declarations:
        text = tinycss2.serialize(item.value)
        if item.name.startswith("--"):
            values.setdefault(item.name, []).append(text)
        else:
            read.update(_VAR.findall(text))
    todo = list(read)
    while todo:
        for text in values.get(todo.pop(), []):
            new = set(_VAR.findall(text)) - read
            read |= new
            todo += new
    return read


def _serialize(kept: list[Any], variables: set[str], animations: str) -> str:
    import tinycss2

    out = []
    for prelude, body in kept:
        if isinstance(body, str):
            name = prelude.split()[-1] if prelude.startswith("@keyframes") else ""
            if not name or re.search(rf"\b{re.escape(name)}\b", animations):
                out.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@"):
            inner = _serialize(body, variables, animations)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        else:
            text = ";".join(
                f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                + ("!important" if d.important else "")
                for d in body if not d.name.startswith("--") or d.name in variables)
            if text:
                out.append(f"{prelude}{{{text}}}")
    return "".join(out)


def trim(stylesheet: str, readers: str = "") -> str:
    """`stylesheet` with only the rules that can match our pages; custom properties kept
    when a kept rule (or the CSS `readers`) reads them."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(stylesheet, skip_whitespace=True, skip_comments=True)
    kept = list(_kept_rules(rules))
    declarations = list(_walk(kept))
    variables = _read(declarations, readers)
    animations = " ".join(tinycss2.serialize(d.value) for d in declarations
                          if d.name in ("animation", "animation-name"))
    return _serialize(kept, variables, animations)


def sources() -> list[Path]:
    """Material's main and palette stylesheets, as installed."""
    found = [sorted(MATERIAL_DIR.glob(f"{name}.*.min.css")) for name in ("main", "palette")]
    if not all(len(paths) == 1 for paths in found):
        raise SystemExit(f"{MATERIAL_DIR}: cần đúng một main.*.min.css và một "
                         "palette.*.min.css (Material đã đổi cách đặt tên?)")
    return [paths[0] for paths in found]


def generate() -> str:
    """The text of theme/assets/material.css for the installed Material."""
    from importlib.metadata import version

    paths = sources()
    stylesheet = "".join(path.read_text(encoding="utf-8") for path in paths)
    readers = "".join((THEME_DIR / "assets" / name).read_text(encoding="utf-8")
                      for name in READERS)
    body = trim(stylesheet, readers)
    names = ", ".join(path.name for path in paths)
    header = (f"/* Material for MkDocs {version('mkdocs-material')} ({names}), only the rules "
              "that can match thutuc's pages.\n"
              "   Written by generator/mkdocs/material_css.py: do not edit, run "
              "`python -m generator.mkdocs.material_css`.\n"
              "   Material for MkDocs: Copyright (c) 2016-2025 Martin Donath, MIT License. */\n")
    charset = '@charset "UTF-8";' if not body.isascii() else ""
    return charset + header + body + "\n"


def main() -> int:
    write_file(OUTPUT, generate().encode("utf-8"), durable=False)
    print(f"{OUTPUT.relative_to(THEME_DIR.parent.parent.parent)}: "
          f"{OUTPUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
