"""The editors' commands of `thutuc`: `import national`, `new`, `review`, `schema`.

Kept apart from `cli/main.py` (check, build, serve) so that each stays short; `register` adds
them to the main parser.
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.importer.record import LEVELS
from generator.importer.review import listing, mark_reviewed, pending
from generator.importer.run import DEFAULT_LEVELS, import_national
from generator.importer.scaffold import scaffold
from generator.load.schema import procedure_schema, schemas
from generator.load.site import Site
from generator.problems import ThutucError
from generator.writer import write_file

# Loads the site of the project named by `-f`, and gives its root folder.
SiteLoader = Callable[[Path], tuple[Site, Path]]


def register(commands: Any, load: SiteLoader) -> None:
    """Add the editors' sub-commands to the `thutuc` parser's sub-parsers; `load` reads the
    site of the project named by `-f`."""
    importer = commands.add_parser("import", help="import procedures from another source")
    sources = importer.add_subparsers(required=True, metavar="SOURCE")
    national = sources.add_parser("national", help="records of the National Public Service "
                                  "Portal (one JSON file per procedure)")
    national.add_argument("source", type=Path, help="folder of records (*.json, any depth)")
    national.add_argument("-o", "--output", type=Path, default=Path("procedures"),
                          help="catalog folder to write into (default: %(default)s)")
    national.add_argument("--report", type=Path, help="also write the parse report here")
    national.add_argument("--date", type=datetime.date.fromisoformat,
                          help="import date to record (YYYY-MM-DD, default: today)")
    national.add_argument("--level", action="append", choices=[slug for _, slug in LEVELS],
                          help="only procedures carried out at this level: xa (commune), tinh "
                          "(province), bo (ministry), khac (other agency); repeatable "
                          "(default: xa)")
    national.set_defaults(run=_import)

    new = commands.add_parser("new", help="start a procedure file with every field explained")
    new.add_argument("title", help="the procedure's name, e.g. \"Đăng ký khai sinh\"")
    new.add_argument("--category", required=True, help="category id from categories.yml")
    new.add_argument("-o", "--catalog", type=Path, default=Path("procedures"),
                     help="catalog folder (default: %(default)s)")
    new.set_defaults(run=_new)

    review = commands.add_parser(
        "review", help="list what the commune still has to check; record a check",
        description="thutuc review: what needs checking (by category, with the national "
        "code and what changed upstream). thutuc review done ID... --by NAME: record a check.")
    review.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                        help="the site's mkdocs.yml (default: %(default)s)")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.set_defaults(run=lambda args, counter: _review(args, load))
    actions = review.add_subparsers(dest="action", metavar="ACTION")
    done = actions.add_parser("done", help="record that these procedures were checked")
    # SUPPRESS: `review -f X done` keeps X (a sub-parser's default would replace it).
    done.add_argument("-f", "--config-file", default=argparse.SUPPRESS, type=Path,
                      help="the site's mkdocs.yml (default: mkdocs.yml)")
    done.add_argument("ids", nargs="+", metavar="ID", help="procedure ids")
    done.add_argument("--by", required=True, help="who checked (a name)")
    done.add_argument("--date", type=datetime.date.fromisoformat,
                      help="date of the check (YYYY-MM-DD, default: today)")
    done.add_argument("--due", type=datetime.date.fromisoformat,
                      help="check again by this date (YYYY-MM-DD)")
    done.set_defaults(run=lambda args, counter: _review_done(args, load))

    schema = commands.add_parser("schema", help="write the JSON Schema of a procedure file")
    schema.add_argument("-o", "--output", type=Path, help="file to write (default: print)")
    schema.add_argument("--all", action="store_true",
                        help="write every schema (procedures, overlays, categories, events, "
                             "glossary, profiles) into the folder given with -o")
    schema.set_defaults(run=_schema)


def _import(args: argparse.Namespace, counter: object) -> int:
    if not args.source.is_dir():
        raise ThutucError(f"Không tìm thấy thư mục dữ liệu {args.source}.")
    levels = tuple(dict.fromkeys(args.level)) if args.level else DEFAULT_LEVELS
    report = import_national(args.source, args.output, args.date or datetime.date.today(),
                             levels)
    text = report.text()
    print(text)
    if args.report:
        write_file(args.report, text + "\n")
        print(f"Đã ghi báo cáo vào {args.report}.")
    return 0


def _review(args: argparse.Namespace, load: SiteLoader) -> int:
    site, _ = load(args.config_file)
    today = datetime.date.today()
    if args.json:
        print(json.dumps([{"id": item.procedure.id, "category": item.procedure.category,
                           "code": item.procedure.code, "file": item.procedure.source_file,
                           "needed": item.needed, "overdue": item.overdue,
                           "changed": list(item.changed)}
                          for item in pending(site.catalog, today)],
                         ensure_ascii=False, indent=2))
    else:
        print(listing(site.catalog, today))
    return 0


def _review_done(args: argparse.Namespace, load: SiteLoader) -> int:
    site, root = load(args.config_file)
    date = args.date or datetime.date.today()
    written = mark_reviewed(site.catalog, root, args.ids, args.by, date, args.due)
    for path in written:
        print(f"Đã ghi lần kiểm tra ngày {date.isoformat()} ({args.by.strip()}) vào "
              f"{path.relative_to(root).as_posix() if path.is_relative_to(root) else path}.")
    return 0


def _new(args: argparse.Namespace, counter: object) -> int:
    path = scaffold(args.title, args.category, args.catalog, datetime.date.today())
    print(f"Đã tạo {path}. Điền các trường còn trống rồi chạy `thutuc check`.")
    return 0


def _schema(args: argparse.Namespace, counter: object) -> int:
    if args.all:
        if not args.output:
            raise ThutucError("`thutuc schema --all` cần `-o THƯ_MỤC`, ví dụ `-o .vscode`.")
        for name, schema in schemas().items():
            write_file(args.output / name, json.dumps(schema, ensure_ascii=False, indent=2)
                       + "\n")
        print(f"Đã ghi các lược đồ JSON vào {args.output}.")
        return 0
    text = json.dumps(procedure_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_file(args.output, text)
        print(f"Đã ghi lược đồ JSON vào {args.output}.")
    else:
        print(text, end="")
    return 0
