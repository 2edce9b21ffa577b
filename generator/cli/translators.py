"""`thutuc translations`: what is left to translate, and the translators' tools.

    thutuc translations [--lang L] [--json]       how far each language is, worst first
    thutuc translations stamp [--lang L] [ID...]  mark translations as matching the source now
                                                  (also `thutuc stamp`)
    thutuc translations export --lang L [--format csv|po] [-o FILE] [ID...]
    thutuc translations import FILE               write a translated file back into overlays
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.cli.record import format_recordings
from generator.load.site import Site
from generator.problems import Problems
from generator.translate.exchange import export_rows, plan_import
from generator.translate.exchange_formats import FORMATS, read_exchange, write_exchange
from generator.translate.overlay_file import write_atomically
from generator.translate.recording_status import Scripts
from generator.translate.stamp import stamp_overlays
from generator.translate.status import (
    LanguageSummary,
    Status,
    check_targets,
    needing_work,
    statuses,
    summaries,
)

# Loads the site of the project named by `-f`, and gives its root folder.
SiteLoader = Callable[[Path], tuple[Site, Path]]
NOT_WRITTEN = "chưa ghi tệp nào"


def register(commands: Any, load: SiteLoader) -> None:
    """Add `translations` and its sub-commands to the `thutuc` command line."""
    parser = commands.add_parser("translations", help="translation status and tools",
                                 description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(parser, sub=False)
    parser.add_argument("--json", action="store_true", help="print JSON, one object per "
                        "procedure and language")
    parser.set_defaults(run=lambda args, counter: _report(args, load))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    # `thutuc translations stamp`, and `thutuc stamp` for short.
    for group, sub in ((actions, True), (commands, False)):
        stamp = group.add_parser("stamp", help="record that translations match the source now")
        _common(stamp, sub=sub)
        stamp.add_argument("ids", nargs="*", metavar="ID", help="only these procedures")
        stamp.set_defaults(run=lambda args, counter: _stamp(args, load))
    export = actions.add_parser("export", help="write one language to a CSV or PO file")
    _common(export, sub=True)
    export.add_argument("--format", choices=FORMATS, help="csv (spreadsheets) or po "
                        "(Poedit, Weblate); default: from -o, else csv")
    export.add_argument("-o", "--output", type=Path, help="file to write "
                        "(default: thutuc-LANG.FORMAT)")
    export.add_argument("ids", nargs="*", metavar="ID", help="only these procedures")
    export.set_defaults(run=lambda args, counter: _export(args, load))
    load_file = actions.add_parser("import", help="write a translated CSV or PO file back")
    _common(load_file, sub=True, with_lang=False)
    load_file.add_argument("file", type=Path, help="the CSV or PO file")
    load_file.set_defaults(run=lambda args, counter: _import(args, load))


def _common(parser: argparse.ArgumentParser, sub: bool, with_lang: bool = True) -> None:
    # A sub-command's options default to SUPPRESS so that `translations -f X stamp` keeps the
    # value given before the sub-command (argparse would overwrite it with the default).
    parser.add_argument("-f", "--config-file", type=Path,
                        default=argparse.SUPPRESS if sub else Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: mkdocs.yml)")
    if with_lang:
        parser.add_argument("--lang", action="append", default=argparse.SUPPRESS if sub else None,
                            help="only this language (may be repeated)")


def _report(args: argparse.Namespace, load: SiteLoader) -> int:
    site, _ = load(args.config_file)
    items = statuses(site, args.lang)
    if args.json:
        print(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=1))
        return 0
    print(format_report(summaries(site, items), items))
    if site.recordings:
        print("\n" + format_recordings(site, Scripts(site).states(args.lang)))
    return 0


def format_report(langs: list[LanguageSummary], items: list[Status]) -> str:
    """The readable report: a table of counts, then per language what needs work."""
    heads = ("Ngôn ngữ", "Đủ", "Một phần", "Chưa dịch", "Lỗi thời", "Bản nháp")
    rows = [(f"{s.lang} ({s.name})", s.complete, s.partial, s.missing, s.stale, s.draft)
            for s in langs]
    width = max([len(heads[0])] + [len(r[0]) for r in rows])
    lines = [heads[0].ljust(width) + "".join(h.rjust(11) for h in heads[1:])]
    lines += [str(r[0]).ljust(width) + "".join(str(v).rjust(11) for v in r[1:]) for r in rows]
    for summary in langs:
        lines += ["", f"{summary.lang} ({summary.name}): cần làm, việc nhiều nhất trước"]
        todo = needing_work([item for item in items if item.lang == summary.lang])
        lines += [f"  {_describe(item)}" for item in todo] or ["  (không còn gì)"]
        have = summary.total_strings - len(summary.missing_strings)
        lines.append(f"  Chuỗi giao diện: đã dịch {have}/{summary.total_strings}"
                     + (f"; còn thiếu: {', '.join(summary.missing_strings)}"
                        if summary.missing_strings else ""))
        if summary.missing_category_names:
            lines.append("  Tên lĩnh vực chưa dịch (`names` trong categories.yml): "
                         + ", ".join(summary.missing_category_names))
    return "\n".join(lines)


def _describe(item: Status) -> str:
    state = {"missing": "chưa dịch", "partial": "một phần", "complete": "đủ"}[item.state]
    parts = [f"{item.id}: {state}"]
    if item.review == "draft":
        parts.append("bản nháp, chưa kiểm duyệt")
    if item.missing and item.state != "missing":
        parts.append("thiếu " + ", ".join(item.missing))
    if item.stale:
        parts.append("lỗi thời " + ", ".join(item.stale))
    return "; ".join(parts)


def _stamp(args: argparse.Namespace, load: SiteLoader) -> int:
    site, root = load(args.config_file)
    problems = Problems()
    done = stamp_overlays(site, root, args.lang or [], args.ids, problems)
    problems.raise_if_any(NOT_WRITTEN)
    for item in done:
        print(f"{'Đã ghi dấu' if item.changed else 'Không đổi'}: {item.file}")
    print(f"Đã ghi dấu {sum(i.changed for i in done)} tệp dịch; "
          f"{sum(not i.changed for i in done)} tệp đã đúng sẵn.")
    return 0


def _export(args: argparse.Namespace, load: SiteLoader) -> int:
    site, _ = load(args.config_file)
    problems = Problems()
    if not args.lang or len(args.lang) != 1:
        problems.add("", 0, "--lang", "cần chọn đúng một ngôn ngữ để xuất.",
                     "ví dụ `thutuc translations export --lang en`.")
    problems.raise_if_any(NOT_WRITTEN)
    lang = args.lang[0]
    check_targets(site, [lang], args.ids, problems)
    problems.raise_if_any(NOT_WRITTEN)
    fmt = args.format or (args.output.suffix.lstrip(".") if args.output and
                          args.output.suffix.lstrip(".") in FORMATS else "csv")
    output = args.output or Path(f"thutuc-{lang}.{fmt}")
    rows = export_rows(site, lang, args.ids)
    write_atomically(output, write_exchange(fmt, lang, rows))
    todo = sum(row.missing or row.stale for row in rows)
    print(f"Đã xuất {len(rows)} đoạn văn bản ({len({r.id for r in rows})} thủ tục, {todo} "
          f"đoạn cần dịch hoặc xem lại) vào {output}.")
    return 0


def _import(args: argparse.Namespace, load: SiteLoader) -> int:
    site, root = load(args.config_file)
    problems = Problems()
    shown = str(args.file)
    try:
        data = args.file.read_bytes()
    except OSError as error:
        problems.add(shown, 0, "", f"không đọc được tệp ({error.strerror}).")
        problems.raise_if_any(NOT_WRITTEN)
    file = read_exchange(data, shown, problems)
    changes = plan_import(site, root, file, shown, problems) if file else []
    problems.raise_if_any(NOT_WRITTEN)
    for change in changes:
        write_atomically(change.path, change.text)
        what = [f"{change.added} mới", f"{change.changed} sửa"]
        if change.restamped:
            what.append(f"{change.restamped} ghi dấu lại")
        if change.from_older_source:
            what.append(f"{change.from_older_source} dịch từ bản gốc cũ, vẫn đánh dấu lỗi thời")
        verb = "Tạo" if change.created else "Cập nhật"
        print(f"{verb} {change.path.relative_to(root).as_posix()}: {', '.join(what)}.")
    print(f"Đã nhập {shown}: {len(changes)} tệp dịch thay đổi." if changes
          else f"Đã đọc {shown}: không có gì thay đổi.")
    return 0
