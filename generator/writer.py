"""The one writer of files: every file the tool writes goes through `write_file`.

A write is atomic: the bytes go into a temporary file beside the target, which replaces the
target in one rename only when it is complete, so a full disk, a crash or Ctrl-C leaves the
old file whole (never half a file, never an empty one). The temporary file is removed on any
failure. A new file is readable by everyone (rw-r--r--, whatever the umask: a web server
must read the site); a file that exists keeps its permissions.

Operating-system errors are described in one place, `os_error_message`, in Vietnamese, with
the path and what to do; `WriteError` carries that message to the command line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from generator.problems import ThutucError

FILE_MODE = 0o644
DIR_MODE = 0o755
# A temporary name is `.NAME.RANDOM.tmp`; NAME is cut so that it never exceeds the 255 bytes
# file systems allow, even for a target whose own name is near that limit.
_TEMP_NAME_PART = 40

# What an error means and what to do, by errno: the only table of OS errors in the tool.
_EXPLAINED: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("ổ đĩa đã đầy",
                   "giải phóng chỗ trống trên ổ đĩa (xoá tệp không cần, dọn thùng rác) rồi "
                   "chạy lại lệnh"),
    errno.EDQUOT: ("đã hết hạn mức dung lượng của tài khoản trên ổ đĩa",
                   "xoá bớt tệp hoặc nhờ quản trị viên nâng hạn mức, rồi chạy lại lệnh"),
    errno.EACCES: ("không có quyền truy cập",
                   "kiểm tra quyền của tệp và thư mục (ls -l), hoặc chạy lệnh bằng tài khoản "
                   "có quyền ghi vào đó"),
    errno.EPERM: ("hệ điều hành không cho phép thao tác này",
                  "kiểm tra quyền và thuộc tính của tệp và thư mục (ls -l, lsattr), hoặc "
                  "chọn thư mục khác"),
    errno.EROFS: ("ổ đĩa chỉ cho phép đọc",
                  "chọn thư mục ở ổ đĩa ghi được (ví dụ -d ../trang-web), hoặc gắn lại ổ đĩa "
                  "với quyền ghi"),
    errno.ENAMETOOLONG: ("tên tệp hoặc đường dẫn quá dài",
                         "đặt dự án ở thư mục có đường dẫn ngắn hơn, hoặc rút ngắn tên tệp "
                         "(mã `id`)"),
    errno.ELOOP: ("có liên kết tượng trưng (symlink) trỏ vòng về chính nó",
                  "xoá hoặc sửa liên kết đó (ls -l cho biết nó trỏ tới đâu)"),
    errno.EBUSY: ("tệp hoặc thư mục đang được dùng (có thể là điểm gắn ổ đĩa)",
                  "đóng chương trình đang dùng nó, hoặc chọn thư mục khác"),
    errno.EXDEV: ("không chuyển được giữa hai ổ đĩa khác nhau",
                  "chọn thư mục đích trên cùng ổ đĩa với thư mục cha của nó"),
    errno.ENOENT: ("không tìm thấy tệp hoặc thư mục",
                   "kiểm tra đường dẫn, hoặc tạo thư mục đó trước"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp chứ không phải thư mục",
                    "đổi tên hoặc xoá tệp đang chắn chỗ thư mục đó"),
    errno.EISDIR: ("đường dẫn là một thư mục, không phải tệp",
                   "chọn tên tệp khác, hoặc đổi tên thư mục đang chắn chỗ"),
    errno.EEXIST: ("đã có tệp hoặc thư mục mang tên này",
                   "đổi tên hoặc xoá tệp đang chắn chỗ"),
    errno.ENOTEMPTY: ("thư mục không trống",
                      "xoá hoặc chuyển nội dung của thư mục đó đi chỗ khác"),
    errno.EIO: ("lỗi đọc ghi của ổ đĩa (ổ đĩa hỏng hoặc bị rút ra)",
                "kiểm tra ổ đĩa (USB, thẻ nhớ) rồi chạy lại lệnh"),
    errno.EMFILE: ("mở quá nhiều tệp cùng lúc",
                   "chạy lại lệnh với ít tiến trình hơn (-j 1)"),
    errno.ENFILE: ("hệ thống mở quá nhiều tệp cùng lúc",
                   "đóng bớt chương trình rồi chạy lại lệnh"),
}


class WriteError(ThutucError):
    """A file could not be written (or read, or moved); the message says where and what to do."""


def os_error_message(error: OSError, action: str = "ghi", path: str | os.PathLike[str] = "",
                     after: str = "", what: str = "") -> str:
    """`Không <action> được <what> <path>: <reason>. <after> Cách sửa: <fix>.` for an OS
    error. `action` says what was being done ("ghi", "đọc"), `what` names the file's kind
    ("tệp nén"), `after` what state things are in now (the old file is unchanged)."""
    where = (f"{what} " if what else "") + os.fspath(path or error.filename or "")
    reason, fix = _EXPLAINED.get(error.errno or 0, (
        error.strerror or type(error).__name__,
        "kiểm tra tệp và thư mục này rồi chạy lại lệnh"))
    other = f" (và {error.filename2})" if error.filename2 else ""
    state = f" {after}" if after else ""
    return f"Không {action} được {where}{other}: {reason}.{state} Cách sửa: {fix}."


def write_file(path: Path, content: bytes | str, *, durable: bool = True,
               if_changed: bool = False, after: str = "", what: str = "") -> bool:
    """Replace `path` with `content` (text is written as UTF-8).

    `durable` waits until the bytes are on the disk before the rename (for files people keep:
    the catalog, the address record; caches and a site's staging copy do without).
    `if_changed` leaves a file whose bytes are already `content` alone (its time included)
    and returns False. Raises `WriteError` when the file cannot be written; `after` says in
    that message what state things are left in (by default: the old file is unchanged) and
    `what` names the kind of file.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if if_changed and _has_bytes(path, data):
        return False
    with atomic_stream(path, durable=durable, after=after, what=what) as stream:
        stream.write(data)
    return True


@contextlib.contextmanager
def atomic_stream(path: Path, *, durable: bool = True, after: str = "",
                  what: str = "") -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace `path` when the `with` block ends without error
    (for files too big to hold in memory, such as a site's zip); see `write_file`."""
    temporary = ""
    try:
        make_folder(path.parent)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name[:_TEMP_NAME_PART]}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
        temporary = ""
    except OSError as error:
        raise WriteError(os_error_message(error, "ghi", path, after or (
            "Tệp cũ (nếu có) vẫn giữ nguyên."), what)) from error
    finally:
        if temporary:  # any failure, Ctrl-C included: never leave a partial file behind
            Path(temporary).unlink(missing_ok=True)


def make_folder(folder: Path) -> None:
    """Create `folder` and its parents, readable by everyone whatever the umask."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir()
        except FileExistsError:
            if not candidate.is_dir():  # a file where a folder must go
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR),
                                         str(candidate)) from None
            continue
        os.chmod(candidate, DIR_MODE)


def make_readable(root: Path) -> None:
    """Give every file under `root` rw-r--r-- and every folder rwxr-xr-x (a web server reads
    them, whatever umask the build ran with; MkDocs writes files with the process's umask)."""
    os.chmod(root, DIR_MODE)
    for folder, folders, files in os.walk(root):
        for name in folders:
            os.chmod(os.path.join(folder, name), DIR_MODE)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return FILE_MODE


def _has_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
