"""The procedure page's QR section: the code of this very page, its address, print links.

Only links are written here; the image files themselves are made by `printfiles.py`.
"""

from __future__ import annotations

from generator.render.context import PageContext
from generator.render.qr import short_address
from generator.render.richtext import escape
from generator.translate.resolve import Localized
from generator.urls import poster_path, procedure_src, qr_path


def render_qr_section(loc: Localized, ctx: PageContext, src: str) -> str:
    """A large code (sized for print by CSS), the short address, PNG/SVG and poster links."""
    t = ctx.strings.t
    pid = loc.procedure.id
    url = ctx.absolute(procedure_src(pid))
    svg, png = ctx.site_link(src, qr_path(pid, "svg")), ctx.site_link(src, qr_path(pid, "png"))
    poster = ctx.site_link(src, poster_path(pid))
    return (f'<figure class="tt-qr"><img class="tt-qr__code" src="{escape(svg)}" '
            f'width="240" height="240" alt="{escape(t("qr_alt", url=url))}">'
            f'<figcaption class="tt-qr__url">{escape(short_address(url))}</figcaption></figure>'
            f'<p class="tt-lead tt-qr__lead">{escape(t("qr_lead"))}</p>'
            f'<p class="tt-actions tt-qr__actions">'
            f'<a class="md-button md-button--primary tt-button tt-poster-link" '
            f'href="{escape(poster)}">{escape(t("print_poster"))}</a>'
            f'<a class="md-button tt-button tt-qr-png" href="{escape(png)}" download>'
            f'{escape(t("qr_download_png"))}</a>'
            f'<a class="md-button tt-button tt-qr-svg" href="{escape(svg)}" download>'
            f'{escape(t("qr_download_svg"))}</a></p>')
