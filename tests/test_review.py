"""`thutuc review`: what the commune still has to check, recording a check, overdue dates,
and the site option that keeps unchecked procedures off the site."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from tests.langproject import procedure, write_project, write_yaml

TODAY = datetime.date.today()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    imported = procedure("khai-sinh", code="1.003583", review="needed",
                         provenance={"national_code": "1.003583", "changed": ["title", "steps"]})
    overdue = procedure("ket-hon", review="done", review_due="2020-01-01",
                        reviewed={"date": "2019-06-01", "by": "Trần Thị B"})
    checked = procedure("khai-tu", review="done", reviewed={"date": "2026-11-30", "by": "C"})
    other = procedure("chung-thuc", category="chung-thuc", review="needed")
    return write_project(tmp_path / "p", [("vi", "Tiếng Việt")],
                         [imported, overdue, checked, other], {},
                         categories=[{"id": "ho-tich", "name": "Hộ tịch"},
                                     {"id": "chung-thuc", "name": "Chứng thực"}])


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_review_lists_by_category_with_code_and_what_changed(project: Path) -> None:
    code, out, _ = run("review", "-f", str(project / "mkdocs.yml"))
    assert code == 0
    assert out.splitlines() == [
        "Hộ tịch (2)",
        "  -  ket-hon  procedures/ho-tich/ket-hon.yml",
        "      quá hạn kiểm tra lại (2020-01-01)",
        "  1.003583  khai-sinh  procedures/ho-tich/khai-sinh.yml",
        "      chưa kiểm tra; cổng đã đổi: title, steps",
        "Chứng thực (1)",
        "  -  chung-thuc  procedures/ho-tich/chung-thuc.yml",
        "      chưa kiểm tra",
        "Tổng: 3 thủ tục cần kiểm tra (2 chưa kiểm tra, 1 quá hạn kiểm tra lại). Kiểm tra "
        "xong, ghi lại bằng `thutuc review done ID... --by \"Tên cán bộ\"`.",
    ]
    _, out, _ = run("review", "-f", str(project / "mkdocs.yml"), "--json")
    assert json.loads(out)[1] == {"id": "khai-sinh", "category": "ho-tich", "code": "1.003583",
                                  "file": "procedures/ho-tich/khai-sinh.yml", "needed": True,
                                  "overdue": False, "changed": ["title", "steps"]}


def test_review_done_records_the_check_and_keeps_every_other_line(project: Path) -> None:
    path = project / "procedures/ho-tich/khai-sinh.yml"
    path.write_text("# Ghi chú của biên tập viên.\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    code, out, _ = run("review", "done", "-f", str(project / "mkdocs.yml"), "khai-sinh",
                       "--by", "Nguyễn Văn A", "--date", "2026-12-01", "--due", "2027-06-01")
    assert code == 0, out
    assert "Đã ghi lần kiểm tra ngày 2026-12-01 (Nguyễn Văn A)" in out
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before]
    assert changed == ["updated: '2026-12-01'", "review: done",
                       "reviewed: {date: '2026-12-01', by: Nguyễn Văn A}",
                       "review_due: '2027-06-01'"]
    assert [line for line in before if line not in after] == [
        "updated: '2026-11-20'", "review: needed"]
    assert after[0] == "# Ghi chú của biên tập viên."
    code, out, err = run("check", "-f", str(project / "mkdocs.yml"))
    assert code == 0 and "1 thủ tục chưa được xã kiểm tra, 1 quá hạn kiểm tra lại" in out
    assert "procedures/ho-tich/ket-hon.yml:" in err and "đã quá hạn kiểm tra lại" in err


def test_review_done_with_an_unknown_id_writes_nothing(project: Path) -> None:
    files = {p: p.read_bytes() for p in (project / "procedures").rglob("*.yml")}
    code, _, err = run("review", "done", "-f", str(project / "mkdocs.yml"), "khai-sinh",
                       "khong-co", "--by", "A")
    assert code == 1 and "không có thủ tục `khong-co`" in err
    assert {p: p.read_bytes() for p in files} == files


@pytest.mark.site
def test_the_site_can_leave_unchecked_procedures_out(project: Path, tmp_path: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["thutuc"]["profile"]["unreviewed"] = "hide"
    write_yaml(project / "mkdocs.yml", config)
    out = tmp_path / "site"
    assert run("build", "-f", str(project / "mkdocs.yml"), "-d", str(out))[0] == 0
    built = sorted(p.name for p in (out / "thu-tuc").iterdir() if p.is_dir())
    assert built == ["ket-hon", "khai-tu"]


@pytest.mark.site
def test_pages_say_whether_the_commune_checked_them(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("build", "-f", str(project / "mkdocs.yml"), "-d", str(out))[0] == 0

    def answer(pid: str) -> str:
        html = (out / "thu-tuc" / pid / "index.html").read_text(encoding="utf-8")
        return html[html.index('class="tt-facts"'):html.index('class="tt-actions"')]

    assert "Xã chưa kiểm tra nội dung này" in answer("khai-sinh")
    assert "tt-review--needed" in answer("chung-thuc")
    assert "Đã kiểm tra ngày 30/11/2026 (cán bộ C)" in answer("khai-tu")
    assert "đã quá hạn kiểm tra lại (hạn 01/01/2020)" in answer("ket-hon")
