"""A broken cache is never published: cached QR codes are checked against key and content.

A cache entry truncated by a full disk, overwritten with garbage, or copied over another
code's entry is made again; the built site is byte for byte the same with a warm, a cold or
a corrupted cache, and a read-only cache only costs time.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.render import qr
from generator.render.qr import QrCache, qr_images
from tests.conftest import FIXTURES, build, copy_project
from tests.test_build_safety import tree

ADDRESS = "https://example.org/xa-thu/thu-tuc/khai-sinh/"
OTHER = "https://example.org/xa-thu/thu-tuc/ket-hon/"


def entry_of(cache: QrCache, data: str) -> Path:
    cache.images(data)
    return next(path for path in (cache.store.folder or Path()).rglob("*.qr")
                if path.stem == qr.cache_key(data))


def truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:4096 // 8])


def garbage(path: Path) -> None:
    path.write_bytes(b"<svg><script>alert(1)</script>" + bytes(range(256)))


def emptied(path: Path) -> None:
    path.write_bytes(b"")


def one_byte_changed(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))


def header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes().split(b"\n", 3)[0] + b"\n")


BREAKAGES: list[Callable[[Path], None]] = [truncated, garbage, emptied, one_byte_changed,
                                           header_only]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda b: b.__name__)
def test_a_broken_entry_is_made_again(tmp_path: Path, breakage: Callable[[Path], None]) -> None:
    cache = QrCache(tmp_path / "qr")
    path = entry_of(cache, ADDRESS)
    breakage(path)
    assert cache.images(ADDRESS) == qr_images(ADDRESS)
    assert cache.store.read(qr.cache_key(ADDRESS)) is not None  # rewritten whole


def test_another_codes_entry_copied_in_place_is_not_used(tmp_path: Path) -> None:
    cache = QrCache(tmp_path / "qr")
    mine, other = entry_of(cache, ADDRESS), entry_of(cache, OTHER)
    shutil.copyfile(other, mine)
    assert cache.images(ADDRESS) == qr_images(ADDRESS)


def test_a_read_only_cache_still_gives_the_code(tmp_path: Path) -> None:
    (tmp_path / "qr").write_text("một tệp chắn chỗ thư mục", encoding="utf-8")
    assert QrCache(tmp_path / "qr").images(ADDRESS) == qr_images(ADDRESS)


def test_site_is_byte_identical_with_warm_cold_and_corrupted_cache(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    cache = project / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = tree(build(project, tmp_path / "cold"))
    warm = tree(build(project, tmp_path / "warm"))
    entries = sorted(cache.rglob("*.qr"))
    assert entries
    for index, path in enumerate(entries):
        BREAKAGES[index % len(BREAKAGES)](path)
    corrupted = tree(build(project, tmp_path / "corrupted"))
    for built in (warm, corrupted):
        assert {k: v for k, v in built.items() if not k.startswith("sitemap.xml")} == \
            {k: v for k, v in cold.items() if not k.startswith("sitemap.xml")}
