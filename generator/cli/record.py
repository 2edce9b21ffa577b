"""`thutuc record`: the recording workbench, and stamps for recordings copied in by hand.

    thutuc record --lang hre [--host H] [--port P]   open the workbench for one language
    thutuc record --stamp [--lang L] [ID...]         recordings match their text now
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.cli.workbench import Workbench, make_server
from generator.load.site import Site
from generator.problems import Problems
from generator.translate.recording_status import RecordingState
from generator.translate.takes import stamp_recordings

SiteLoader = Callable[[Path], tuple[Site, Path]]


def register(commands: Any, load: SiteLoader) -> None:
    """Add `record` to the `thutuc` command line."""
    parser = commands.add_parser("record", help="record spoken guides (a local page)",
                                 description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: %(default)s)")
    parser.add_argument("--lang", action="append",
                        help="the language to record (one; with --stamp: may be repeated)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: %(default)s, this computer "
                        "only; 0.0.0.0 lets a phone on the same network open it)")
    parser.add_argument("--port", type=int, default=8010, help="default: %(default)s")
    parser.add_argument("--stamp", action="store_true",
                        help="record that the recordings match their text now, and exit")
    parser.add_argument("ids", nargs="*", metavar="ID", help="with --stamp: only these")
    parser.set_defaults(run=lambda args, counter: _run(args, load))


def _run(args: argparse.Namespace, load: SiteLoader) -> int:
    site, root = load(args.config_file)
    problems = Problems()
    if args.stamp:
        done = stamp_recordings(site, root, args.lang or [], args.ids, problems)
        problems.raise_if_any("chưa ghi tệp nào")
        for item in done:
            print(f"{'Đã ghi dấu' if item.changed else 'Không đổi'}: {item.file}")
        print(f"Đã ghi dấu {sum(i.changed for i in done)} bản ghi âm; "
              f"{sum(not i.changed for i in done)} bản đã đúng sẵn.")
        return 0
    codes = [language.code for language in site.profile.languages]
    if not args.lang or len(args.lang) != 1 or args.lang[0] not in codes or args.ids:
        problems.add("", 0, "--lang", "cần chọn đúng một ngôn ngữ của trang để ghi âm.",
                     "ví dụ `thutuc record --lang " + (codes[-1] if codes else "vi")
                     + "`; các ngôn ngữ: " + ", ".join(codes) + ".")
        problems.raise_if_any("chưa mở trang ghi âm")
    server = make_server(Workbench(site, root, args.lang[0]), args.host, args.port)
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "") else args.host  # noqa: S104
    print(f"Trang ghi âm: http://{shown}:{server.server_port}/ (mở bằng Chrome hoặc Firefox; "
          "bấm Ctrl+C để dừng).")
    if args.host != "127.0.0.1":
        print("Trên điện thoại cùng mạng: mở http://ĐỊA-CHỈ-MÁY-NÀY:"
              f"{server.server_port}/; trình duyệt điện thoại chỉ cho ghi trực tiếp trên trang "
              "an toàn, nên ở đó hãy dùng nút chọn tệp ghi âm.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Đã dừng trang ghi âm.")
    finally:
        server.server_close()
    return 0


def format_recordings(site: Site, states: list[RecordingState]) -> str:
    """The recordings part of `thutuc translations`: per language how many procedures have a
    recorded guide, then every stale or unstamped recording."""
    published = len(site.procedures)
    counts = []
    for language in site.profile.languages:
        whole = {s.recording.procedure_id for s in states
                 if s.recording.lang == language.code and not s.recording.section}
        stale = sum(s.state == "stale" for s in states if s.recording.lang == language.code)
        if whole or stale or any(s.recording.lang == language.code for s in states):
            counts.append(f"{language.code} {len(whole)}/{published} thủ tục"
                          + (f", {stale} bản lỗi thời" if stale else ""))
    lines = ["Bản ghi âm: " + ("; ".join(counts) if counts else "chưa có.")]
    stale_lines = [f"  {s.recording.file} ({', '.join(s.stale)})" for s in states
                   if s.state == "stale"]
    if stale_lines:
        lines += ["Bản ghi âm lỗi thời: văn bản đã đổi sau khi ghi, nên ghi lại "
                  "(`thutuc record --lang MÃ`):", *stale_lines]
    unstamped = [f"  {s.recording.file}" for s in states if s.state == "unstamped"]
    if unstamped:
        lines += ["Bản ghi âm chưa ghi dấu (chạy `thutuc record --stamp` nếu đúng văn bản):",
                  *unstamped]
    return "\n".join(lines)
