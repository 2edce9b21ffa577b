"""`thutuc`: check the catalog, build the site safely, preview it.

    thutuc check            validate only; exit 0 when the catalog is fine, 1 when not
    thutuc build [-d DIR]   build into DIR (default: site/) through a temporary folder that
                            replaces DIR only when the build succeeded
    thutuc build --offline  the offline edition for kiosks and USB sticks, opened from disk
                            (default DIR: site-offline/)
    thutuc build --zip FILE.zip   also pack the built site into a zip (for a portal's file
                            manager; see docs/huong-dan-trien-khai.md)
    thutuc serve            preview with live reload (mkdocs serve)
    thutuc build --profile profiles/xa-a.yml      one commune's site from the shared catalog
    thutuc build --all profiles/ [-d OUT]         every commune's site, into OUT/<name>/
    thutuc import national SRC -o procedures/     import the national portal's records
    thutuc new "Tên thủ tục" --category ho-tich   start a procedure file
    thutuc review [done ID... --by NAME]          what needs checking; record a check
    thutuc schema [-o FILE]                       JSON Schema of a procedure file (VS Code)
    thutuc translations     what is left to translate; stamp, export, import (see its --help)
    thutuc record --lang hre                      record spoken guides (a local page)
    thutuc posters [--lang L] [--pdf] [-d DIR]
                            write the printable notices and counter sheets (default: niem-yet/)
"""

from __future__ import annotations

import argparse
import datetime
import logging
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator.cli import editors, record, translators
from generator.importer.review import is_overdue
from generator.load.addresses import publish_record
from generator.load.site import Site
from generator.mkdocs import multisite
from generator.mkdocs.project import build_atomically, load_project, serve
from generator.problems import ThutucError
from generator.publish import archive
from generator.publish.atomic import Terminated, sigterm_unwinds
from generator.publish.posters import write_posters
from generator.render.page_cache import CACHE_DIR as PAGES_CACHE
from generator.render.page_cache import PageCache
from generator.render.qr import CACHE_DIR, QrCache
from generator.safe_text import terminal_safe
from generator.writer import os_error_message

log = logging.getLogger("thutuc")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    counter = _setup_logging(args.verbose)
    try:
        with sigterm_unwinds():
            return int(args.run(args, counter) or 0)
    except ThutucError as error:
        print(terminal_safe(error.report()), file=sys.stderr)
        return 1
    except OSError as error:  # the one place where operating-system errors become a message
        print(terminal_safe(os_error_message(error, "đọc hoặc ghi")), file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Terminated) as stop:
        print("Đã dừng giữa chừng; không tệp nào bị ghi dở, trang web cũ (nếu có) giữ nguyên.",
              file=sys.stderr)
        return 130 if isinstance(stop, KeyboardInterrupt) else 143


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thutuc", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="show every build step")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for name, run, help_text in (("check", _check, "validate the catalog only"),
                                 ("build", _build, "build the site"),
                                 ("serve", _serve, "preview the site with live reload"),
                                 ("posters", _posters, "write printable notices and sheets")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                             help="the site's mkdocs.yml (default: %(default)s)")
        command.set_defaults(run=run)
        if name == "build":
            command.add_argument("-d", "--site-dir", type=Path, help="output folder (site/)")
            command.add_argument("--offline", action="store_true",
                                 help="build the edition that opens from disk (file://)")
            which = command.add_mutually_exclusive_group()
            which.add_argument("--profile", type=Path, help="build for this commune profile")
            which.add_argument("--all", type=Path, metavar="PROFILES",
                               help="build one site per profile file of this folder")
            command.add_argument("-j", "--jobs", type=int, default=0,
                                 help="processes building languages (with --all: communes) "
                                      "at once (default: one per core)")
            command.add_argument("--shard", type=_shard, metavar="K/N",
                                 help="with --all: build only the K-th of N slices of the "
                                      "profiles (one CI job each)")
            command.add_argument("--zip", type=Path, metavar="FILE",
                                 help="also write the built site into this zip file")
        if name == "posters":
            command.add_argument("-d", "--dir", default=Path("niem-yet"), type=Path,
                                 help="output folder (default: %(default)s)")
            command.add_argument("--lang", action="append",
                                 help="only this language (repeatable; default: all)")
            command.add_argument("--pdf", action="store_true",
                                 help="also write PDF files (needs WeasyPrint)")
        if name == "serve":
            command.add_argument("-a", "--dev-addr", default="127.0.0.1:8000",
                                 help="address to serve on (default: %(default)s)")
    editors.register(commands, _project)
    translators.register(commands, _project)
    record.register(commands, _project)
    return parser


class _Counter(logging.Handler):
    """Counts warnings for the summary."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += 1


def _setup_logging(verbose: bool) -> _Counter:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    counter = _Counter()
    for name in ("mkdocs", "thutuc"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler, counter]
        logger.setLevel(logging.DEBUG if verbose else logging.INFO)
        logger.propagate = False
    return counter


def _project(config_file: Path) -> tuple[Site, Path]:
    """The site of a project and its root folder (where mkdocs.yml is)."""
    project = load_project(config_file)
    return project.site, project.root


def _check(args: argparse.Namespace, counter: _Counter) -> int:
    site = load_project(args.config_file).site
    for warning in site.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    languages = ", ".join(lang.code for lang in site.profile.languages)
    print(f"Danh mục hợp lệ: {len(site.catalog.procedures)} thủ tục, "
          f"{len(site.catalog.categories)} lĩnh vực, {len(site.catalog.overlays)} bản dịch; "
          f"ngôn ngữ: {languages}.")
    if site.recordings:
        minutes = sum(r.info.duration for r in site.recordings) / 60
        print(f"{len(site.recordings)} bản ghi âm, {minutes:.1f} phút.")
    today = datetime.date.today()
    overdue = [p for p in site.catalog.procedures if is_overdue(p, today)]
    for proc in overdue:  # a reminder, not an error: the page says so too
        print(f"{proc.source_file}:{proc.line('review_due')}: review_due: đã quá hạn kiểm tra "
              f"lại ({proc.review_due}). Cách sửa: kiểm tra nội dung rồi chạy `thutuc review "
              f"done {proc.id} --by \"Tên cán bộ\"`.", file=sys.stderr)
    needed = sum(1 for p in site.catalog.procedures if p.review == "needed")
    if needed or overdue:
        print(f"{needed} thủ tục chưa được xã kiểm tra, {len(overdue)} quá hạn kiểm tra lại: "
              "xem danh sách bằng `thutuc review`.")
    return 0


def _shard(text: str) -> tuple[int, int]:
    try:
        return multisite.shard(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _build(args: argparse.Namespace, counter: _Counter) -> int:
    start = time.monotonic()
    # Fail fast, before any folder is touched.
    project = load_project(args.config_file, args.profile)
    default = project.site_dir
    if args.offline:  # never replace the online site by the offline edition by accident
        default = default.with_name(default.name + "-offline")
    target = args.site_dir or default
    if args.all and args.zip:
        raise ThutucError("--zip chỉ dùng khi tạo một trang web, không dùng cùng --all. "
                          "Cách sửa: tạo từng xã bằng --profile ... --zip ..., hoặc nén từng "
                          "thư mục con.")
    if args.zip:
        archive.check_target(target, args.zip)
    if args.all:
        # The shared catalog was read once above; every commune's process starts with it.
        results = multisite.build_all(args.config_file, args.all, target, args.jobs,
                                      offline=args.offline, part=args.shard)
        print(multisite.summary(results, target))
        built = {r.name for r in results if r.ok}
        for profile in multisite.shard_of(multisite.profiles_in(args.all), args.shard):
            if profile.stem in built:  # every commune's published ids go into the one record
                _record_published(load_project(args.config_file, profile).site, args.config_file)
        return 0 if all(r.ok for r in results) else 1
    site = project.site
    build_atomically(args.config_file, target, offline=args.offline, profile=args.profile,
                     jobs=args.jobs)
    _record_published(site, args.config_file)
    pages = sum(1 for _ in target.rglob("*.html"))
    print(f"Đã tạo trang web trong {target}: {len(site.procedures)} thủ tục, "
          f"{len(site.profile.languages)} ngôn ngữ, {pages} trang HTML, "
          f"{counter.warnings} cảnh báo, {time.monotonic() - start:.1f} giây.")
    if args.zip:
        files = archive.write_zip(target, args.zip)
        print(f"Đã ghi tệp nén {args.zip}: {files} tệp, {args.zip.stat().st_size // 1024} KB.")
    return 0


def _record_published(site: Site, config_file: Path) -> None:
    """Add what `site` published to the catalog's record of published addresses."""
    record = publish_record(site.catalog, site.procedures, config_file.parent)
    if record:
        print(f"Đã cập nhật {record}: hãy đưa tệp này vào git cùng danh mục.")


def _posters(args: argparse.Namespace, counter: _Counter) -> int:
    project = load_project(args.config_file)
    site = project.site
    codes = [language.code for language in site.profile.languages]
    unknown = [lang for lang in args.lang or [] if lang not in codes]
    if unknown:
        raise ThutucError(f"Trang không có ngôn ngữ {', '.join(unknown)}; các ngôn ngữ: "
                    f"{', '.join(codes)}.")
    cache = QrCache(args.config_file.parent / CACHE_DIR)
    pages = PageCache(args.config_file.parent / PAGES_CACHE)
    written = write_posters(site, args.dir, args.lang or codes, project.directory_urls,
                            cache, pages, pdf=args.pdf)
    print(f"Đã ghi {len(written)} tệp tờ niêm yết vào {args.dir}.")
    return 0


def _serve(args: argparse.Namespace, counter: _Counter) -> int:
    load_project(args.config_file)  # report catalog problems plainly first
    serve(args.config_file, args.dev_addr)
    return 0


def run() -> None:
    """The `thutuc` program: `main`, then exit with its code.

    `main` turns SIGTERM into a clean stop while it works. Before it starts, SIGTERM ends the
    program at once (nothing is written yet); once it has returned, only exit handlers are
    left (temporary theme folders), so SIGTERM no longer cuts them short.
    """
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    code = main()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    run()
