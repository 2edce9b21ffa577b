"""Hand-written pages in `docs/`, per language: `NAME.md` in Vietnamese, `NAME.LANG.md` beside it.

A language without its own version of a page gets the Vietnamese one. Generated pages own
`index.md`, `linh-vuc/` and `thu-tuc/`; hand-written files there are not used.
"""

from __future__ import annotations

from pathlib import Path

from generator.urls import CATEGORY_DIR, HOME, PROCEDURE_DIR

RESERVED = (HOME, f"{CATEGORY_DIR}/", f"{PROCEDURE_DIR}/")


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
