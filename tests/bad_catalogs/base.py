"""A small valid project that every bad-catalog case breaks in one place.

A case is the base project plus files that replace or add to it (text, or bytes for
encodings); `edit` makes one textual change to a base file so a case reads as the mistake.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import write_files

MKDOCS = """\
site_name: Xã Thử
site_url: https://example.org/xa-thu/
theme:
  name: material
  language: vi
  font: false
plugins:
  - thutuc:
      profile:
        name: UBND xã Thử
      languages: [vi, en]
"""

CATEGORIES = """\
- id: ho-tich
  name: Hộ tịch
- id: chung-thuc
  name: Chứng thực
"""

KHAI_SINH = """\
id: khai-sinh
title: Đăng ký khai sinh
category: ho-tich
summary: Làm giấy khai sinh cho trẻ mới sinh.
documents:
  - name: Tờ khai đăng ký khai sinh
    originals: 1
    form: forms/to-khai.txt
steps:
  - title: Nộp hồ sơ
    text: Nộp tại bộ phận một cửa.
channels:
  - {type: direct, duration: Ngay trong ngày}
online: {level: full, url: "https://dichvucong.gov.vn/"}
duration: Ngay trong ngày
fees:
  - {name: Lệ phí, amount: 0}
result: Giấy khai sinh
related: [ket-hon]
updated: 2026-11-20
"""

KET_HON = """\
id: ket-hon
title: Đăng ký kết hôn
category: ho-tich
summary: Đăng ký kết hôn cho hai người.
documents:
  - Tờ khai đăng ký kết hôn
steps:
  - Nộp hồ sơ
duration: Ngay trong ngày
result: Giấy chứng nhận kết hôn
updated: 2026-11-01
"""

KHAI_SINH_EN = """\
status: draft
title: Birth registration
documents:
  - name: Birth registration form
steps:
  - title: Submit the papers
"""

KHAI_SINH_PATH = "procedures/ho-tich/khai-sinh.yml"
KET_HON_PATH = "procedures/ho-tich/ket-hon.yml"
EN_PATH = "procedures/ho-tich/khai-sinh.en.yml"
CATEGORIES_PATH = "procedures/categories.yml"

BASE: dict[str, str | bytes] = {
    "mkdocs.yml": MKDOCS,
    CATEGORIES_PATH: CATEGORIES,
    KHAI_SINH_PATH: KHAI_SINH,
    KET_HON_PATH: KET_HON,
    EN_PATH: KHAI_SINH_EN,
    "forms/to-khai.txt": "Tờ khai (mẫu trống)\n",
    "docs/.gitkeep": "",
}


def edit(path: str, old: str, new: str) -> dict[str, str | bytes]:
    """The base file `path` with its one occurrence of `old` replaced by `new`."""
    text = BASE[path]
    assert isinstance(text, str) and text.count(old) == 1, f"{old!r} not once in {path}"
    return {path: text.replace(old, new)}


@dataclass(frozen=True)
class Case:
    """One realistic mistake and the exact lines `thutuc check` must print for it."""

    name: str
    files: dict[str, str | bytes | None]  # None removes a base file
    expected: list[str]
    symlinks: dict[str, str] = field(default_factory=dict)  # link -> target (may be outside)

    def write(self, root: Path) -> Path:
        """Write the project into `root`; return its mkdocs.yml."""
        if root.exists():
            shutil.rmtree(root)
        write_files(root, {path: content for path, content in {**BASE, **self.files}.items()
                           if content is not None})
        for link, target_text in self.symlinks.items():
            (root / link).parent.mkdir(parents=True, exist_ok=True)
            (root / link).symlink_to(target_text.replace("{root}", str(root)))
        return root / "mkdocs.yml"
