"""Page templates: Jinja2 with autoescaping, shipped in `templates/`, overridable by the site.

A site's override folders (the MkDocs adapter passes the theme's `custom_dir`, `overrides/`)
are searched first, so a site's `procedure.html` replaces ours. It can extend ours, which is
always found as `thutuc/procedure.html`, and change one `{% block %}`.

Every `{{ value }}` a template prints is escaped there, once (`richtext.escape`), unless it is
already `Markup`: rendered Markdown, inline SVG, marked glossary terms, JSON for a script.

Interface text (`t("key")`) the page's language lacks is shown in Vietnamese; the element
showing it says so with `| lang_attr` (` lang="vi"`: a `Text` knows its language). Catalog
text shown untranslated is marked by the language code the view gives (`lang(code)`,
macros.html).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from generator.load.strings import Text
from generator.problems import ThutucError
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


def lang_attr(text: object) -> Markup:
    """Filter `lang_attr`: ` lang="vi"` for the element that shows `text` when it is a `Text`
    in another language than the page's (interface text the page's language lacks, shown in
    Vietnamese), else nothing. `<h2{{ title | lang_attr }}>{{ title }}</h2>`."""
    lang = text.lang if isinstance(text, Text) else ""
    return Markup(' lang="{}"').format(lang) if lang else Markup("")


def _json(data: dict[str, Any]) -> Markup:
    """Filter `script_json`: JSON that cannot end the `<script>` element holding it."""
    return Markup(script_json(data))  # noqa: S704 - no `<`, `>` or `&` left in it


class Templates:
    """The page templates of one site: the site's override folders first, then ours."""

    def __init__(self, overrides: Sequence[Path] = ()) -> None:
        self.overrides = tuple(overrides)
        ours = FileSystemLoader(TEMPLATE_DIR)
        self.env = Environment(
            loader=ChoiceLoader([PrefixLoader({PACKAGED: ours}),
                                 FileSystemLoader([str(d) for d in overrides]), ours]),
            autoescape=True, finalize=_printed, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.do"])
        self.env.filters.update(terms=_terms, markdown=_markdown, script_json=_json,
                                lang_attr=lang_attr)

    def render(self, template: str, /, **data: Any) -> str:
        """The template named `template` filled with `data` (plain values, small views).

        A mistake in a template (a site's own, mostly) is a `ThutucError` naming its file and
        line, never a traceback."""
        try:
            return self.env.get_template(template).render(**data)
        except TemplateSyntaxError as error:
            where = self._where(error.filename, error.lineno)
            raise ThutucError(f"{where}: mẫu trang viết sai: {error.message}. Cách sửa: xem lại "
                              "dòng này (mỗi `{% block %}` cần `{% endblock %}`, mỗi `{{` cần "
                              f"`}}}}`) và so với mẫu gốc `{PACKAGED}/{template}`.") from None
        except Exception as error:
            frame = _template_frame(error.__traceback__)
            if frame is None:
                raise  # not a template's mistake
            where = self._where(*frame)
            if isinstance(error, TemplateNotFound):
                raise ThutucError(
                    f"{where}: không có mẫu trang `{error.name}`. Cách sửa: mẫu gốc của thutuc "
                    f"có tên `{PACKAGED}/TÊN.html`, ví dụ "
                    f'`{{% extends "{PACKAGED}/procedure.html" %}}`.') from None
            if isinstance(error, RecursionError):  # `{% extends "procedure.html" %}` in itself
                raise ThutucError(
                    f"{where}: mẫu trang kế thừa chính nó. Cách sửa: viết "
                    f'`{{% extends "{PACKAGED}/{template}" %}}` để dùng mẫu gốc.') from None
            what = "dùng một giá trị không có" if isinstance(error, UndefinedError) else "bị lỗi"
            raise ThutucError(f"{where}: mẫu trang {what}: {error}. Cách sửa: chỉ dùng dữ liệu "
                              f"kể ở đầu mẫu gốc `{PACKAGED}/{template}`.") from None

    def _where(self, filename: str | None, line: int | None) -> str:
        """`overrides/procedure.html:3`: a template file as the site's people know it."""
        path = Path(filename or "?")
        for folder in self.overrides:
            if path.is_relative_to(folder):
                return f"{folder.name}/{path.relative_to(folder).as_posix()}:{line}"
        if path.is_relative_to(TEMPLATE_DIR):
            return f"{PACKAGED}/{path.relative_to(TEMPLATE_DIR).as_posix()}:{line}"
        return f"{path.as_posix()}:{line}"


def _template_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template file and line in a traceback (Jinja puts templates' own
    lines there), or None when no template is in it."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


@lru_cache(maxsize=8)
def site_templates(overrides: tuple[Path, ...] = ()) -> Templates:
    """The templates for a site with these override folders (made once per process)."""
    return Templates(overrides)
