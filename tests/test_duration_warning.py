"""`thutuc check` warns when the phone's first screen shortens a duration so much that it no
longer says how long for everyone (generator/first_screen.py): the file, the line, what the
first screen shows and how to rewrite it; a duration that still answers is not warned about."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from generator.cli.main import main
from tests.langproject import procedure, write_project

FOLDER = "procedures/ho-tich"
GUIDE = "docs/huong-dan-bien-tap.md, mục “Đầu trang thủ tục trên điện thoại”"
DURATIONS = {
    # The importer's durations by channel: the first screen keeps the first channel only.
    "theo-cach-nop": "Nộp trực tiếp: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; "
                     "Nộp trực tuyến: 03 ngày làm việc",
    # The number of days is in the second sentence.
    "giay-hen": "Theo giấy hẹn của Ủy ban nhân dân cấp xã. Thông thường 05 ngày làm việc kể "
                "từ khi nhận đủ hồ sơ.",
    # Too long a first clause is cut at its comma: the condition is left without its answer.
    "dieu-kien": "Trường hợp không phải xác minh, 03 ngày làm việc kể từ khi nhận đủ hồ sơ "
                 "hợp lệ; trường hợp phải xác minh thì 10 ngày làm việc.",
    # These still answer: same day; the whole procedure's time first (the guide's advice).
    "trong-ngay": "Ngay trong ngày làm việc. Nộp sau 15 giờ thì nhận kết quả vào ngày làm việc "
                  "tiếp theo.",
    "ca-ba-viec": "Cả ba việc: không quá 20 ngày làm việc kể từ khi nộp đủ hồ sơ; Giấy khai "
                  "sinh: ngay trong ngày.",
    "ngan": "03 ngày làm việc",
}


def check(tmp_path: Path) -> tuple[int, str]:
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt")],
                            [procedure(pid, duration=text) for pid, text in DURATIONS.items()],
                            {})
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["check", "-f", str(project / "mkdocs.yml")])
    return code, err.getvalue()


def line_of(tmp_path: Path, pid: str) -> int:
    text = (tmp_path / "p" / FOLDER / f"{pid}.yml").read_text(encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("duration:"))


def test_a_duration_the_first_screen_cuts_to_one_case_or_no_number_is_a_warning(
        tmp_path: Path) -> None:
    code, err = check(tmp_path)
    assert code == 0  # a warning: the site is still built
    warnings = [line for line in err.splitlines() if line.startswith("Cảnh báo:")]
    assert len(warnings) == 3, err
    where = {pid: f"Cảnh báo: {FOLDER}/{pid}.yml:{line_of(tmp_path, pid)}: duration: đầu trang "
             "trên điện thoại chỉ hiện" for pid in DURATIONS}
    by_channel, = (w for w in warnings if w.startswith(where["theo-cach-nop"]))
    assert ("“Nộp trực tiếp: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ” (phần đầu của "
            "`duration`): đó chỉ là thời gian của một trường hợp") in by_channel
    assert "Cách sửa: viết trước tiên thời gian áp dụng cho mọi người" in by_channel
    assert "`channels[].duration`" in by_channel and GUIDE in by_channel
    for pid, shown in (("giay-hen", "Theo giấy hẹn của Ủy ban nhân dân cấp xã"),
                       ("dieu-kien", "Trường hợp không phải xác minh")):
        warning, = (w for w in warnings if w.startswith(where[pid]))
        assert f"“{shown}” (phần đầu của `duration`): số ngày, số giờ nằm ở phần bị lược bỏ." \
            in warning
        assert "Cách sửa: đưa thời gian giải quyết (số ngày làm việc) lên đầu" in warning
        assert GUIDE in warning
