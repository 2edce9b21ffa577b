"""Pictograms as inline SVG (Material's bundled icons), with a text alternative."""

from __future__ import annotations

import functools

from markupsafe import Markup

from generator.load.icons import icon_file
from generator.load.pictograms import Pictogram
from generator.render.richtext import escape


@functools.lru_cache(maxsize=256)
def _icon_svg(icon: str) -> str:
    path = icon_file(icon)
    return path.read_text(encoding="utf-8").strip() if path else ""


def icon_svg(icon: str, label: str = "", css_class: str = "tt-picto",
             label_lang: str = "") -> Markup:
    """A Material icon drawn inline (nothing fetched): named `label` (in `label_lang` when
    that is not the page's language) for screen readers, or hidden from them when the words
    beside it say the same."""
    svg = _icon_svg(icon)
    if not svg.startswith("<svg"):
        return Markup("")
    opening, rest = svg.split(">", 1)
    if label:
        spoken = f' lang="{label_lang}"' if label_lang else ""
        named = (f' role="img" aria-label="{escape(label)}"{spoken}>'
                 f"<title>{escape(label)}</title>")
    else:
        named = ' aria-hidden="true">'
    # Material's own SVG file, with the label escaped above.
    return Markup(f'{opening} class="{css_class}" focusable="false"{named}{rest}')  # noqa: S704


def beside_name(icon: str) -> Markup:
    """A category's or life event's icon, drawn before its name: decorative (hidden from
    screen readers, who hear the name); empty when it has none."""
    return icon_svg(icon, css_class="tt-icon") if icon else Markup("")


def pictogram_svg(pictogram: Pictogram | None, lang: str, source_lang: str = "vi") -> Markup:
    """A document's pictogram, its label in the page's language (else in Vietnamese, marked
    so); empty without one."""
    if pictogram is None:
        return Markup("")
    own = lang == source_lang or lang in pictogram.labels
    return icon_svg(pictogram.icon, pictogram.label_in(lang), label_lang="" if own else source_lang)
