"""`thutuc translations`: what is left to translate, and the translators' tools.

    thutuc translations [--lang L] [--json]       how far each language is, worst first
    thutuc translations stamp [--lang L] [ID...]  mark translations as matching the source now
                                                  (also `thutuc stamp`)
    thutuc translations export --lang L [--format csv|po|xlsx] [-o FILE] [ID...]
    thutuc translations import FILE               write a translated file back into overlays
    thutuc translations check FILE                what the import would do; writes nothing
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
from generator.translate.exchange import KINDS, Finding, Plan, export_file, plan_import
from generator.translate.exchange_formats import FORMATS, read_exchange
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
from generator.writer import write_file

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
    export = actions.add_parser("export", help="write one language to a PO, xlsx or CSV file")
    _common(export, sub=True)
    export.add_argument("--format", choices=FORMATS, help="po (Poedit, Weblate), xlsx "
                        "(LibreOffice, Excel) or csv; default: from -o, else csv")
    export.add_argument("-o", "--output", type=Path, help="file to write "
                        "(default: thutuc-LANG.FORMAT)")
    export.add_argument("ids", nargs="*", metavar="ID", help="only these procedures")
    export.set_defaults(run=lambda args, counter: _export(args, load))
    for name, what, run in (("import", "write a translated PO, xlsx or CSV file back", _import),
                            ("check", "say what importing a file would do; write nothing",
                             _check)):
        action = actions.add_parser(name, help=what)
        _common(action, sub=True, with_lang=False)
        action.add_argument("file", type=Path, help="the PO, xlsx or CSV file")
        action.set_defaults(run=lambda args, counter, run=run: run(args, load))


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
    if item.suggestions:
        parts.append("bản nháp (fuzzy) chưa lên trang: " + ", ".join(item.suggestions))
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
    site, root = load(args.config_file)
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
    data, rows = export_file(site, root, fmt, lang, args.ids)
    write_file(output, data)
    todo = sum(row.missing or row.stale for row in rows)
    drafts = sum(row.fuzzy for row in rows)
    print(f"Đã xuất {len(rows)} đoạn văn bản ({len({r.id for r in rows})} thủ tục, {todo} "
          f"đoạn cần dịch hoặc xem lại" + (f", {drafts} bản nháp" if drafts else "")
          + f") vào {output}.")
    return 0


def _planned(args: argparse.Namespace, load: SiteLoader, outcome: str) -> tuple[Plan, Path]:
    """Read the file and plan its import; raises with every problem found."""
    site, root = load(args.config_file)
    problems = Problems()
    shown = str(args.file)
    try:
        data = args.file.read_bytes()
    except OSError as error:
        problems.add(shown, 0, "", f"không đọc được tệp ({error.strerror}).")
        problems.raise_if_any(outcome)
    file = read_exchange(data, shown, problems)
    plan = plan_import(site, root, file, shown, problems) if file else Plan([], [])
    problems.raise_if_any(outcome)
    return plan, root


def _findings(shown: str, findings: list[Finding], kinds: tuple[str, ...]) -> list[str]:
    return [f"{shown}:{f.line}: {f.where}: {KINDS[f.kind]}" + (f": {f.detail}" if f.detail
                                                                else "")
            for f in findings if f.kind in kinds]


def _counts(plan: Plan) -> str:
    count = {kind: sum(f.kind == kind for f in plan.findings) for kind in KINDS}
    return (f"{count['new']} bản dịch mới, {count['changed']} sửa, {count['suggestion']} bản "
            f"nháp giữ làm gợi ý, {count['confirmed']} xác nhận, {count['markup']} chỗ khác "
            f"bản gốc, {count['comment']} ghi chú")


def _check(args: argparse.Namespace, load: SiteLoader) -> int:
    plan, root = _planned(args, load, "chưa ghi tệp nào (chỉ kiểm tra)")
    shown = str(args.file)
    for line in _findings(shown, plan.findings, tuple(KINDS)):
        print(line)
    files = ", ".join(c.path.relative_to(root).as_posix() for c in plan.changes)
    print(f"Kiểm tra {shown}: {_counts(plan)}. Khi nhập sẽ ghi {len(plan.changes)} tệp dịch"
          + (f" ({files})" if files else "") + ". Chưa ghi tệp nào (chỉ kiểm tra).")
    return 0


def _import(args: argparse.Namespace, load: SiteLoader) -> int:
    plan, root = _planned(args, load, NOT_WRITTEN)
    shown = str(args.file)
    for line in _findings(shown, plan.findings, ("suggestion", "older", "markup", "comment")):
        print(line)
    for change in plan.changes:
        write_file(change.path, change.text)
        what = [f"{change.added} mới", f"{change.changed} sửa"]
        if change.restamped:
            what.append(f"{change.restamped} ghi dấu lại")
        if change.from_older_source:
            what.append(f"{change.from_older_source} dịch từ bản gốc cũ, vẫn đánh dấu lỗi thời")
        if change.suggested:
            what.append(f"{change.suggested} bản nháp giữ làm gợi ý (không lên trang)")
        if change.translator:
            what.append(f"người dịch: {change.translator}")
        verb = "Tạo" if change.created else "Cập nhật"
        print(f"{verb} {change.path.relative_to(root).as_posix()}: {', '.join(what)}.")
    print(f"Đã nhập {shown}: {len(plan.changes)} tệp dịch thay đổi ({_counts(plan)})."
          if plan.changes else f"Đã đọc {shown}: không có gì thay đổi.")
    return 0
