"""`thutuc posters`: write every notice and counter sheet to a folder, optionally as PDF.

Files go to `DIR/<lang>/<id>.html` and `DIR/<lang>/linh-vuc/<category>.html` (with `.pdf`
beside them when asked). They are the same files the site build publishes under `niem-yet/`.
PDFs are made by WeasyPrint (the optional `pdf` extra) with the system's Noto fonts, which
cover Vietnamese and the letters of minority languages (Ê Đê Č, Ƀ, ŏ, ŭ).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from generator.load.site import Site
from generator.problems import ThutucError
from generator.publish.print_files import print_files
from generator.render.page_cache import PageCache
from generator.render.qr import QrCache
from generator.urls import POSTER_DIR
from generator.writer import write_file

PDF_MISSING = ("Cần cài WeasyPrint để tạo tệp PDF: `pip install 'thutuc[pdf]'` (trên Debian/"
               "Ubuntu cần thêm gói `libpango-1.0-0` và `fonts-noto-core`). Không có PDF, vẫn "
               "in được các tệp .html bằng trình duyệt.")


def write_posters(site: Site, out: Path, languages: list[str], directory_urls: bool,
                  cache: QrCache, pages: PageCache, pdf: bool = False) -> list[Path]:
    """Write the notices and counter sheets of `languages` into `out` (those a build kept in
    `pages` as they are); the files written."""
    render = _pdf_renderer() if pdf else None
    written = []
    for lang in languages:
        for site_path, content in print_files(site, lang, directory_urls, cache, pages):
            target = out / lang / site_path.removeprefix(POSTER_DIR + "/")
            write_file(target, content, durable=False)
            written.append(target)
            if render is not None:
                written.append(render(content.decode("utf-8"), target.with_suffix(".pdf")))
    return written


def _pdf_renderer() -> Callable[[str, Path], Path]:
    """A function writing one HTML page as PDF; `ThutucError` when WeasyPrint cannot run here."""
    try:
        import weasyprint
    except (ImportError, OSError):  # OSError: the package is there but Pango is not
        raise ThutucError(PDF_MISSING) from None
    # WeasyPrint reports every CSS property it does not know (screen-only ones) as a warning.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def render(html: str, target: Path) -> Path:
        weasyprint.HTML(string=html).write_pdf(target)
        return target

    return render
