"""Pack a built site into one zip, to upload through a portal's file manager or copy to a USB stick.

The site's files sit at the root of the zip, so unpacking it into the portal's folder gives
the site. The zip is deterministic: entries in sorted path order, every entry with the same
timestamp (1980-01-01, the earliest a zip can hold) and permissions (rw-r--r--), and no
folder entries, so the same site gives a byte-identical zip on any machine and file system.
It is written through `generator.writer` (a temporary file renamed into place when
complete): a failed write leaves no partial zip, and an older zip stays as it was.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.problems import ThutucError
from generator.writer import atomic_stream

EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644
UNIX = 3  # `create_system` value: the permission bits below are Unix ones, on any machine


def site_files(site: Path) -> list[str]:
    """The paths (relative, with `/`) of every file under `site`, sorted."""
    return sorted(path.relative_to(site).as_posix()
                  for path in site.rglob("*") if path.is_file())


def check_target(site: Path, target: Path) -> None:
    """Refuse a zip inside the site folder (the build replaces that folder, and the next zip
    would hold the previous one); call it before building, to fail before any work."""
    if target.resolve().is_relative_to(site.resolve()):
        raise ThutucError(f"Không ghi tệp nén {target} vào trong thư mục trang web {site}. "
                          "Cách sửa: chọn đường dẫn ở ngoài thư mục đó, ví dụ --zip trang-web.zip.")


def write_zip(site: Path, target: Path) -> int:
    """Write every file of the built site `site` into the zip `target`; return the file count.

    Raises `ThutucError` with a Vietnamese message when the zip cannot be written.
    """
    check_target(site, target)
    site, target = site.resolve(), target.resolve()
    names = site_files(site)
    with atomic_stream(target, after="Trang web đã tạo xong, chỉ thiếu tệp nén.",
                       what="tệp nén") as stream, \
            zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(_entry(name), (site / name).read_bytes())
    return len(names)


def _entry(name: str) -> zipfile.ZipInfo:
    """The zip entry of one file: fixed timestamp, permissions and compression."""
    info = zipfile.ZipInfo(name, date_time=EPOCH)
    info.create_system = UNIX
    info.external_attr = (0o100000 | FILE_MODE) << 16  # a regular file, rw-r--r--
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
