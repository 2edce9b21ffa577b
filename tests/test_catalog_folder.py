"""The catalog folder's listing: what is skipped, and that a kept listing sees new files."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.folder import visible_files


def _age(folder: Path) -> None:
    """Date every folder under `folder` an hour back, as folders nobody is editing."""
    for path in (folder, *(p for p in folder.rglob("*") if p.is_dir())):
        os.utime(path, (os.stat(path).st_atime, os.stat(path).st_mtime - 3600))


def test_hidden_names_are_skipped_and_paths_come_in_order(tmp_path: Path) -> None:
    for name in ("b/x.yml", "a.yml", "a/z.yml", "_draft/y.yml", "b/.swap.yml", "b/_old.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "b" / "link").symlink_to(tmp_path / "a")  # a link to a folder: not followed
    assert [p.relative_to(tmp_path).as_posix() for p in visible_files(tmp_path)] == \
        ["a/z.yml", "a.yml", "b/x.yml"]


def test_a_kept_listing_sees_a_file_added_removed_or_renamed(tmp_path: Path) -> None:
    (tmp_path / "ho-tich").mkdir()
    (tmp_path / "ho-tich" / "a.yml").write_text("id: a\n", encoding="utf-8")
    _age(tmp_path)
    assert visible_files(tmp_path) == [tmp_path / "ho-tich" / "a.yml"]
    (tmp_path / "ho-tich" / "b.yml").write_text("id: b\n", encoding="utf-8")
    assert visible_files(tmp_path) == [tmp_path / "ho-tich" / "a.yml",
                                       tmp_path / "ho-tich" / "b.yml"]
    _age(tmp_path)
    (tmp_path / "ho-tich" / "a.yml").rename(tmp_path / "ho-tich" / "c.yml")
    assert visible_files(tmp_path) == [tmp_path / "ho-tich" / "b.yml",
                                       tmp_path / "ho-tich" / "c.yml"]
