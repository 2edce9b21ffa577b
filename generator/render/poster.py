"""Printable A4 pages: one notice (tờ niêm yết) per procedure, one counter sheet per category.

Each is a single self-contained HTML file (`templates/notice.html`, `counter-sheet.html`: CSS
and QR codes inline, no script needed to read or print it), so it prints from any browser,
offline, or from a USB stick at a print shop.
The date on a notice is the procedure's `updated` date, never the build time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.load.strings import joined
from generator.model import Category, Procedure
from generator.render.context import PageContext
from generator.render.listen import LISTEN_ICON
from generator.render.pictograms import icon_svg, pictogram_svg
from generator.render.qr import QrImages, short_address
from generator.translate.resolve import Localized
from generator.urls import procedure_src

# Our own stylesheet, put inline as it is (a template would escape its quotes).
CSS = Markup((Path(__file__).parent / "print.css").read_text(encoding="utf-8"))  # noqa: S704
CELLS_PER_SHEET = 6
# Beyond this much text a notice uses the smaller layout (`.dense`): documents, characters
# of their lines, characters of the title.
DENSE_DOCUMENTS, DENSE_CHARACTERS, DENSE_TITLE = 6, 450, 110


@dataclass(frozen=True)
class PrintItem:
    """One procedure as printed in one language: its text, its source title and its code."""

    loc: Localized
    source: Procedure  # the Vietnamese original, whose title every notice also shows
    qr: QrImages

    @property
    def id(self) -> str:
        return self.source.id


def render_poster(item: PrintItem, ctx: PageContext) -> str:
    """The notice of one procedure, in the language of `ctx`."""
    proc, t = item.loc.procedure, ctx.strings.t
    # Documents needed in every case first, fees everyone pays first; the others say in
    # which case ("nếu ...").
    order = sorted(range(len(proc.documents)), key=lambda i: bool(proc.documents[i].when))
    bring = [_document_line(doc.name, doc.originals, doc.copies, ctx)
             + (f" ({doc.when})" if doc.when else "")
             for doc in (proc.documents[i] for i in order)]
    dense = (len(bring) > DENSE_DOCUMENTS or sum(map(len, bring)) > DENSE_CHARACTERS
             or len(item.source.title) + len(proc.title) > 2 * DENSE_TITLE)
    footer = [ctx.strings.date(proc.updated), *([t("code", code=proc.code)] if proc.code else []),
              t("poster_more")]
    return ctx.templates.render(
        "notice.html", **_frame(ctx, proc.title), item=_printed(item, ctx), proc=proc,
        category=ctx.category_name(proc.category), bring=bring, dense=dense,
        fees=sorted(proc.fees, key=lambda fee: bool(fee.when)),
        footer=joined(" · ", footer), money=ctx.strings.money,
        pictures=_pictures(proc.id, order, ctx), listen=(proc.id, "") in ctx.listen,
        listen_icon=icon_svg(LISTEN_ICON, css_class="picto"))


def _pictures(procedure_id: str, order: list[int], ctx: PageContext) -> list[Markup]:
    """The pictogram (chosen from its Vietnamese name) of each document in the notice's
    `order` (positions in the catalog's list), or nothing."""
    chosen = ctx.pictures.get(procedure_id, ())
    return [pictogram_svg(chosen[i] if i < len(chosen) else None, ctx.strings.lang,
                          ctx.profile.source_language) for i in order]


def render_sheet(category: Category, items: list[PrintItem], ctx: PageContext) -> str:
    """The counter sheet of one category: A4 pages of codes, CELLS_PER_SHEET to a page."""
    name = ctx.category_name(category.id)
    printed = [_printed(item, ctx) for item in items]
    pages = [printed[i:i + CELLS_PER_SHEET] for i in range(0, len(printed), CELLS_PER_SHEET)]
    return ctx.templates.render("counter-sheet.html",
                                **_frame(ctx, f"{ctx.strings.t('sheet_title')}: {name}"),
                                category=name, pages=pages)


@dataclass(frozen=True)
class Printed:
    """One procedure as a printed page shows it: its titles, its address and its code."""

    title: str  # in the page's language
    source_title: str  # in Vietnamese, which every notice also shows
    url: str
    short: str
    svg: Markup


def _printed(item: PrintItem, ctx: PageContext) -> Printed:
    url = ctx.absolute(procedure_src(item.id))
    # segno's own SVG, the one piece of markup the templates take as it is.
    svg = Markup(item.qr.svg.decode("utf-8").strip())  # noqa: S704
    return Printed(item.loc.procedure.title, item.source.title, url, short_address(url), svg)


def _frame(ctx: PageContext, title: str) -> dict[str, object]:
    """What print-page.html needs: language, title, commune, sample banner, CSS, strings."""
    return {"lang": ctx.strings.lang, "title": title, "office": ctx.profile.name,
            "banner": ctx.example_notice, "css": CSS, "t": ctx.strings.t,
            "source_lang": ctx.profile.source_language}


def _document_line(name: str, originals: int, copies: int, ctx: PageContext) -> str:
    counts = [ctx.strings.t("originals", count=originals)] if originals else []
    counts += [ctx.strings.t("copies", count=copies)] if copies else []
    return f"{name} ({', '.join(counts)})" if counts else name
