"""Faults while writing files: full disk, read-only disk, no permission, Ctrl-C, umask.

Each case names what the person sees: the old file whole, no temporary file left beside it,
and one message in Vietnamese with the path and what to do, never a traceback.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator import writer
from generator.writer import WriteError, write_file
from tests.bad_catalogs.base import Case
from tests.faults.disks import (
    NOBODY,
    ROOT,
    can_run_as_nobody,
    fill,
    remount_read_only,
    thutuc,
    tmpfs,
)

OLD = "nội dung cũ, giữ nguyên\n" * 40


def beside(path: Path) -> list[str]:
    """Every name in the folder of `path` (a temporary file left behind would show here)."""
    return sorted(os.listdir(path.parent))


def test_full_disk_leaves_the_old_file_whole(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", 64) as disk:
        target = disk / "_published.yml"
        target.write_text(OLD, encoding="utf-8")
        fill(disk)
        with pytest.raises(WriteError) as raised:
            write_file(target, "mới " * 50_000)
        assert target.read_text(encoding="utf-8") == OLD
        assert beside(target) == [".filler", "_published.yml"]
    message = str(raised.value)
    assert f"Không ghi được {target}: ổ đĩa đã đầy." in message
    assert "Tệp cũ (nếu có) vẫn giữ nguyên." in message and "Cách sửa: giải phóng" in message


def test_read_only_disk_says_so(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", 64) as disk:
        (disk / "a.yml").write_text(OLD, encoding="utf-8")
        remount_read_only(disk)
        with pytest.raises(WriteError, match="ổ đĩa chỉ cho phép đọc.*Cách sửa: chọn thư mục"):
            write_file(disk / "a.yml", "mới")
        assert (disk / "a.yml").read_text(encoding="utf-8") == OLD


def test_name_too_long_says_so(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="tên tệp hoặc đường dẫn quá dài"):
        write_file(tmp_path / ("a" * 300 + ".yml"), "x")
    assert os.listdir(tmp_path) == []


def test_a_file_in_the_way_of_a_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "ho-tich").write_text("không phải thư mục", encoding="utf-8")
    with pytest.raises(WriteError, match="một phần của đường dẫn là tệp"):
        write_file(tmp_path / "ho-tich" / "a.yml", "x")


def test_ctrl_c_in_the_middle_leaves_no_partial_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yml"
    target.write_text(OLD, encoding="utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, "mới")
    assert target.read_text(encoding="utf-8") == OLD
    assert beside(target) == ["a.yml"]


def test_new_files_are_readable_by_a_web_server_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_file(tmp_path / "moi" / "trang.html", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "moi" / "trang.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "moi").stat().st_mode) == 0o755


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "rieng.yml"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o600)
    write_file(target, "mới")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unchanged_file_is_not_touched(tmp_path: Path) -> None:
    target = tmp_path / "a.yml"
    target.write_text(OLD, encoding="utf-8")
    os.utime(target, (1_000_000, 1_000_000))
    assert write_file(target, OLD, if_changed=True) is False
    assert target.stat().st_mtime == 1_000_000


def test_no_permission_says_so(tmp_path: Path) -> None:
    if not can_run_as_nobody():
        pytest.skip("needs root, and the tool readable by user nobody")
    folder = tmp_path / "cua-nguoi-khac"
    folder.mkdir()
    folder.chmod(0o755)  # root's: `nobody` may read but not write
    tmp_path.chmod(0o755)
    code = ("from pathlib import Path; from generator.writer import write_file; "
            f"write_file(Path({str(folder / 'a.yml')!r}), 'x')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          preexec_fn=lambda: (os.setgid(NOBODY), os.setuid(NOBODY)),
                          check=False)
    assert "không có quyền truy cập" in done.stderr
    assert os.listdir(folder) == []


# --- whole commands on a full or read-only disk ---

PUBLISHED = ("published:\n" + "".join(f"  thu-tuc-{n}: procedures/ho-tich/thu-tuc-{n}.yml\n"
                                       for n in range(1, 6)))
FIVE = {f"procedures/ho-tich/thu-tuc-{n}.yml":
        f"id: thu-tuc-{n}\ntitle: Thủ tục {n}\ncategory: ho-tich\nsummary: Thử.\n"
        "documents: [Tờ khai]\nsteps: [Nộp]\nduration: 1 ngày\nresult: Giấy\n"
        "updated: 2026-11-01\n" for n in range(1, 6)}


def project_on(disk: Path) -> Path:
    """The base project with five published procedures, on `disk`."""
    config = Case("five", {**FIVE, "procedures/_published.yml": PUBLISHED}, []).write(
        disk / "project")
    return config


def test_full_disk_keeps_the_record_of_published_addresses(tmp_path: Path) -> None:
    """The record was cut at 4 KB on a full disk; renaming an id then passed `check`."""
    with tmpfs(tmp_path / "disk", 2048) as disk:
        config = project_on(disk)
        record = config.parent / "procedures" / "_published.yml"
        before = record.read_bytes()
        fill(disk)
        done = thutuc("build", "-f", str(config), "-d", str(tmp_path / "site"))
        assert done.returncode == 1, done.stderr
        assert "procedures/_published.yml: ổ đĩa đã đầy. Bản ghi cũ vẫn nguyên vẹn" in done.stderr
        assert "Traceback" not in done.stderr
        assert record.read_bytes() == before
        assert not [n for n in os.listdir(record.parent) if n.endswith(".tmp")]
        os.remove(disk / ".filler")
        renamed = config.parent / "procedures" / "ho-tich" / "thu-tuc-3.yml"
        renamed.write_text(renamed.read_text("utf-8").replace("id: thu-tuc-3", "id: moi-3"),
                           encoding="utf-8")
        check = thutuc("check", "-f", str(config))
    assert check.returncode == 1
    assert "`id` đã đổi từ `thu-tuc-3` thành `moi-3`" in check.stderr


def test_reimport_on_a_full_disk_keeps_the_editors_file(tmp_path: Path) -> None:
    source = tmp_path / "national"
    source.mkdir()
    (source / "a.json").write_text(json.dumps({
        "ma_thu_tuc": "1.000080", "ten_thu_tuc": "Đăng ký khai sinh", "linh_vuc": "Hộ tịch",
        "trinh_tu_thuc_hien": "Nộp hồ sơ. " * 2000}, ensure_ascii=False), encoding="utf-8")
    with tmpfs(tmp_path / "disk", 1024) as disk:
        out = disk / "procedures"
        first = thutuc("import", "national", str(source), "-o", str(out), "--date", "2026-11-01")
        assert first.returncode == 0, first.stderr
        written = next(out.rglob("*.yml"), None)
        files = sorted(p for p in out.rglob("*.yml") if p.name != "categories.yml")
        assert files, first.stdout
        edited = files[0]
        text = edited.read_text("utf-8").replace("Đăng ký khai sinh", "Đăng ký khai sinh (xã)")
        edited.write_text(text, encoding="utf-8")
        record = json.loads((source / "a.json").read_text("utf-8"))
        record["trinh_tu_thuc_hien"] = "Nộp hồ sơ mới. " * 4000
        (source / "a.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        fill(disk)
        again = thutuc("import", "national", str(source), "-o", str(out), "--date", "2026-11-02")
        assert written is not None
        assert edited.read_text("utf-8") == text
        assert not [n for n in os.listdir(edited.parent) if n.endswith(".tmp")]
    assert again.returncode == 1
    assert "ổ đĩa đã đầy. Tệp cũ vẫn nguyên vẹn" in again.stderr
    assert "Traceback" not in again.stderr


def test_scaffold_into_a_read_only_catalog_says_so(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", 256) as disk:
        config = Case("base", {}, []).write(disk / "project")
        remount_read_only(disk)
        done = thutuc("new", "Đăng ký giám hộ", "--category", "ho-tich", "--catalog",
                      str(config.parent / "procedures"))
    assert done.returncode == 1
    assert "ổ đĩa chỉ cho phép đọc" in done.stderr and "Traceback" not in done.stderr


def test_schema_onto_a_full_disk_says_so(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", 64) as disk:
        fill(disk)
        done = thutuc("schema", "-o", str(disk / "schema.json"))
        assert not (disk / "schema.json").exists()
        assert [n for n in os.listdir(disk) if n != ".filler"] == []
    assert done.returncode == 1
    assert "schema.json: ổ đĩa đã đầy" in done.stderr and "Traceback" not in done.stderr


def test_translation_stamp_on_a_full_disk_keeps_the_translation(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", 2048) as disk:
        config = Case("base", {}, []).write(disk / "project")
        overlay = config.parent / "procedures" / "ho-tich" / "khai-sinh.en.yml"
        before = overlay.read_bytes()
        fill(disk)
        done = thutuc("translations", "stamp", "-f", str(config))
        assert overlay.read_bytes() == before
        assert not [n for n in os.listdir(overlay.parent) if n.endswith(".tmp")]
    assert done.returncode == 1
    assert "khai-sinh.en.yml: ổ đĩa đã đầy" in done.stderr and "Traceback" not in done.stderr


def test_zip_onto_a_full_disk_leaves_no_partial_zip(tmp_path: Path) -> None:
    config = Case("base", {}, []).write(tmp_path / "project")
    with tmpfs(tmp_path / "disk", 64) as disk:
        done = thutuc("build", "-f", str(config), "-d", str(tmp_path / "site"), "--zip",
                      str(disk / "trang.zip"))
        assert os.listdir(disk) == []
    assert done.returncode == 1
    assert (f"Không ghi được tệp nén {disk / 'trang.zip'}: ổ đĩa đã đầy. Trang web đã tạo xong, "
            "chỉ thiếu tệp nén.") in done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
