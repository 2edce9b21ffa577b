"""Hand-written pages in `docs/`, per language: `NAME.md` in Vietnamese, `NAME.LANG.md` beside it.

A language without its own version of a page gets the Vietnamese one; a version in a language
the site does not publish (`gioi-thieu.en.md` on a site without English) is left out.
Generated pages own `index.md`, `linh-vuc/`, `thu-tuc/`, the A-Z page and the staff page;
hand-written files there are not used.

Pages for commune staff (front matter `audience: staff`: the editors', translators' and
deployment guides) stay out of the citizens' menu; the page "Dành cho cán bộ" (STAFF_SRC),
linked from the footer, lists them.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.urls import A_TO_Z, CATEGORY_DIR, HOME, PROCEDURE_DIR, STAFF_SRC

RESERVED = (HOME, f"{CATEGORY_DIR}/", f"{PROCEDURE_DIR}/", STAFF_SRC, A_TO_Z)
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")  # ISO 639-1 or -3, as language codes are written
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def language_docs(docs_dir: Path, lang: str, codes: list[str]) -> list[tuple[str, Path]]:
    """(page path as MkDocs sees it, file to read) for every hand-written page in `lang`."""
    if not docs_dir.is_dir():
        return []
    pages: dict[str, Path] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(("_", ".")) for part in Path(rel).parts):
            continue
        stem, _, suffix = rel.removesuffix(".md").rpartition(".")
        if stem and suffix in codes:
            if suffix == lang:
                pages[f"{stem}.md"] = path  # this language's version replaces the source's
            continue
        if stem and _LANGUAGE.match(suffix) and (docs_dir / f"{stem}.md").is_file():
            continue  # a translation into a language this site does not publish
        pages.setdefault(rel, path)
    return [(src, path) for src, path in sorted(pages.items())
            if not src.startswith(RESERVED) and src != HOME]


def is_fallback(path: Path, lang: str, source_lang: str) -> bool:
    """Whether `path`, used for a page in `lang`, is the source language's version."""
    return lang != source_lang and not path.name.endswith(f".{lang}.md")


def nav_docs(srcs: list[str]) -> list[str]:
    """The hand-written pages that go into the navigation.

    A folder with an `index.md` is represented by that page alone: it lists the folder's
    other pages in the order they are meant to be read (as `huong-dan/index.md` lists the
    guides), which the navigation could only show A-Z by file name.
    """
    indexed = {src.rpartition("/")[0] for src in srcs if "/" in src and src.endswith("/index.md")}
    return [src for src in srcs
            if src.endswith("/index.md") or src.rpartition("/")[0] not in indexed]


def _front_matter(path: Path) -> dict[str, object]:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8-sig"))
    data = yaml.safe_load(match.group(1)) if match else None
    return data if isinstance(data, dict) else {}


def staff_docs(docs: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """The hand-written pages for commune staff (front matter `audience: staff`)."""
    return [(src, path) for src, path in docs if _front_matter(path).get("audience") == "staff"]


def staff_page(docs: list[tuple[str, Path]], title: str, lead: str) -> str:
    """The Markdown of the page listing the guides for staff, each under its own heading."""
    items = []
    for src, path in docs:
        heading = _HEADING.search(path.read_text(encoding="utf-8-sig"))
        name = heading.group(1) if heading else src.removesuffix(".md")
        items.append(f"- [{name}]({src})")
    return f"# {title}\n\n{lead}\n\n" + "\n".join(items) + "\n"
