"""Printable A4 pages: one notice (tờ niêm yết) per procedure, one counter sheet per category.

Each is a single self-contained HTML file (CSS and QR codes inline, no script needed to read
or print it), so it prints from any browser, offline, or from a USB stick at a print shop.
The date on a notice is the procedure's `updated` date, never the build time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import Category, Procedure
from generator.render.context import PageContext, example_banner
from generator.render.qr import QrImages, short_address
from generator.render.richtext import escape
from generator.translate.resolve import Localized
from generator.urls import procedure_src

CSS = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")
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
    url = ctx.absolute(procedure_src(proc.id))
    bring = [_document_line(doc.name, doc.originals, doc.copies, ctx) for doc in proc.documents]
    dense = (len(bring) > DENSE_DOCUMENTS or sum(map(len, bring)) > DENSE_CHARACTERS
             or len(item.source.title) + len(proc.title) > 2 * DENSE_TITLE)
    facts = [_fact(t("poster_bring"), "<ul>" + "".join(f"<li>{escape(b)}</li>" for b in bring)
                   + "</ul>"),
             _fact(t("duration"), f"<p>{escape(proc.duration)}</p>")]
    if proc.fees:
        facts.append(_fact(t("fees"), "<ul>" + "".join(
            f"<li>{escape(fee.name)}: <strong>{escape(ctx.strings.money(fee.amount))}</strong>"
            "</li>" for fee in proc.fees) + "</ul>"))
    footer = [ctx.strings.date(proc.updated)]
    if proc.code:
        footer.append(t("code", code=proc.code))
    footer.append(t("poster_more"))
    body = (f'<section class="sheet poster{" dense" if dense else ""}">'
            f'{_office(ctx)}<p class="kind">{escape(ctx.category_name(proc.category))}</p>'
            f"{_titles(item, ctx, 'h1')}"
            f'<div class="qr">{_code(item, url, ctx)}'
            f'<p class="address">{escape(short_address(url))}</p>'
            f'<p class="scan">{escape(t("poster_scan"))}</p></div>'
            f'<div class="facts">{"".join(facts)}</div>'
            f'<p class="footer">{escape(" · ".join(footer))}</p></section>')
    return _document(ctx, proc.title, body)


def render_sheet(category: Category, items: list[PrintItem], ctx: PageContext) -> str:
    """The counter sheet of one category: A4 pages of codes, CELLS_PER_SHEET to a page."""
    t = ctx.strings.t
    chunks = [items[i:i + CELLS_PER_SHEET] for i in range(0, len(items), CELLS_PER_SHEET)]
    name = ctx.category_name(category.id)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        cells = []
        for item in chunk:
            url = ctx.absolute(procedure_src(item.id))
            cells.append(f'<div class="cell">{_titles(item, ctx, "h2")}{_code(item, url, ctx)}'
                         f'<p class="address">{escape(short_address(url))}</p></div>')
        page_label = t("sheet_page", page=number, pages=len(chunks))
        pages.append(f'<section class="sheet counter">{_office(ctx)}'
                     f'<p class="kind">{escape(t("sheet_title"))} — {escape(name)} · '
                     f'{escape(page_label)}</p><div class="grid">{"".join(cells)}</div></section>')
    return _document(ctx, f"{t('sheet_title')}: {name}", "".join(pages))


def _document(ctx: PageContext, title: str, body: str) -> str:
    t = ctx.strings.t
    # The button is a convenience on screen; the page prints with any browser's own command.
    toolbar = (f'<div class="toolbar"><button type="button" onclick="window.print()">'
               f'{escape(t("poster_print"))}</button> {escape(t("poster_print_hint"))}</div>')
    return (f'<!doctype html>\n<html lang="{escape(ctx.strings.lang)}"><head>'
            f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f"<title>{escape(title)} — {escape(ctx.profile.name)}</title>"
            f"<style>{CSS}</style></head><body>{toolbar}{body}</body></html>\n")


def _office(ctx: PageContext) -> str:
    return f'{example_banner(ctx)}<p class="office">{escape(ctx.profile.name)}</p>'


def _titles(item: PrintItem, ctx: PageContext, tag: str) -> str:
    """The Vietnamese title, and under it the title in the page's language when that differs."""
    own, source = item.loc.procedure.title, item.source.title
    if ctx.strings.lang == ctx.profile.source_language or own == source:
        return f"<{tag}>{escape(source)}</{tag}>"
    source_lang = ctx.profile.source_language
    if tag == "h1":
        return (f'<{tag} lang="{source_lang}">{escape(source)}</{tag}>'
                f'<p class="title-own">{escape(own)}</p>')
    return f'<{tag}>{escape(own)}</{tag}><p class="title-vi" lang="{source_lang}">' \
           f"{escape(source)}</p>"


def _code(item: PrintItem, url: str, ctx: PageContext) -> str:
    label = escape(ctx.strings.t("qr_alt", url=url))
    return (f'<div role="img" aria-label="{label}">{item.qr.svg.decode("utf-8").strip()}'
            "</div>")


def _fact(title: str, body: str) -> str:
    return f"<h2>{escape(title)}</h2>{body}"


def _document_line(name: str, originals: int, copies: int, ctx: PageContext) -> str:
    counts = [ctx.strings.t("originals", count=originals)] if originals else []
    counts += [ctx.strings.t("copies", count=copies)] if copies else []
    return f"{name} ({', '.join(counts)})" if counts else name
