"""Page templates: Jinja2 with autoescaping, shipped in `templates/`, overridable by the site.

A site's override folders (the MkDocs adapter passes the theme's `custom_dir`, `overrides/`)
are searched first, so a site's `procedure.html` replaces ours. It can extend ours, which is
always found as `thutuc/procedure.html`, and change one `{% block %}`.

Every `{{ value }}` a template prints is escaped there, once (`richtext.escape`), unless it is
already `Markup`: rendered Markdown, inline SVG, marked glossary terms, JSON for a script.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from generator.render.glossary_marks import PageTerms
from generator.render.jsonld import script_json
from generator.render.richtext import escape, markdown_to_html

TEMPLATE_DIR = Path(__file__).parent / "templates"
PACKAGED = "thutuc"  # `thutuc/NAME.html` is always our own template, even when a site overrides


def _printed(value: Any) -> Any:
    """What `{{ value }}` prints: text escaped here, once; HTML (`Markup`) as it is."""
    return escape(value) if isinstance(value, str) else value


@pass_context
def _terms(context: Context, text: str) -> str | Markup:
    """Filter `terms`: `text` with the page's glossary terms linked (procedure pages)."""
    terms: PageTerms | None = context.get("glossary")
    return terms.text(text) if terms is not None else text


@pass_context
def _markdown(context: Context, text: str) -> Markup:
    """Filter `markdown`: a Markdown field as safe HTML, its glossary terms linked."""
    return markdown_to_html(text, context.get("glossary"))


def _json(data: dict[str, Any]) -> Markup:
    """Filter `script_json`: JSON that cannot end the `<script>` element holding it."""
    return Markup(script_json(data))  # noqa: S704 - no `<`, `>` or `&` left in it


class Templates:
    """The page templates of one site: the site's override folders first, then ours."""

    def __init__(self, overrides: Sequence[Path] = ()) -> None:
        ours = FileSystemLoader(TEMPLATE_DIR)
        self.env = Environment(
            loader=ChoiceLoader([PrefixLoader({PACKAGED: ours}),
                                 FileSystemLoader([str(d) for d in overrides]), ours]),
            autoescape=True, finalize=_printed, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.do"])
        self.env.filters.update(terms=_terms, markdown=_markdown, script_json=_json)

    def render(self, template: str, /, **data: Any) -> str:
        """The template named `template` filled with `data` (plain values, small views)."""
        return self.env.get_template(template).render(**data)


@lru_cache(maxsize=8)
def site_templates(overrides: tuple[Path, ...] = ()) -> Templates:
    """The templates for a site with these override folders (made once per process)."""
    return Templates(overrides)
