"""`thutuc new`: start a procedure file with every field explained in Vietnamese comments.

The file is written from the field registry. It has `id`, `title`, `category`, `level` and
`updated` filled in; the other required fields are left empty on purpose, so `thutuc check`
names each one (file, line, how to fix) until the editor has written it. Optional fields are
shown as comments with an example.
"""

from __future__ import annotations

import datetime
import json
import textwrap
from pathlib import Path

import yaml

from generator import registry
from generator.importer.ids import base_id
from generator.load.catalog import CATALOG_FILES, catalog_files
from generator.load.field_reader import SLUG
from generator.problems import ThutucError, did_you_mean
from generator.writer import write_file

HEADER = """\
# Thủ tục mới, tạo bằng `thutuc new`. Dòng bắt đầu bằng # là chú thích: trang web bỏ qua.
# Điền các trường BẮT BUỘC còn trống, bỏ dấu # ở các trường không bắt buộc muốn dùng,
# rồi chạy `thutuc check` để kiểm tra. Hướng dẫn: docs/huong-dan-bien-tap.md
"""
REQUIRED = "BẮT BUỘC."
# Written by the command itself; `level: xa` because most procedures on a commune's site are
# the commune's own.
FILLED = ("id", "title", "category", "updated", "level")
WIDTH = 95


def scaffold_text(values: dict[str, str]) -> str:
    """The commented file: per registry field, its description then its value or example.

    `values` fills the fields in `FILLED`; other required fields stay empty so that `thutuc
    check` names each one; optional fields appear as commented examples (none without one).
    """
    blocks = []
    for field in registry.fields():
        if field.key not in values and not field.required and not field.example:
            continue
        comment = f"{REQUIRED} {field.description}" if field.required else field.description
        block = [f"# {line}" for line in textwrap.wrap(comment, WIDTH - 2,
                                                       break_on_hyphens=False)]
        # One line per item field (never "#   ", which would read as a commented example).
        block += [f"# - `{sub.key}`: {sub.description}" for sub in field.fields]
        example = field.example.splitlines()
        if field.key in values:
            block.append(f"{field.key}: {values[field.key]}")
        elif field.required:
            block.append(f"{field.key}:")
            block += [f"#   {line}" for line in example]
        elif len(example) == 1 and not example[0].startswith("- "):
            block.append(f"# {field.key}: {example[0]}")
        else:
            block.append(f"# {field.key}:")
            block += [f"#   {line}" for line in example]
        blocks.append("\n".join(block) + "\n")
    return HEADER + "\n" + "".join(blocks)


def scaffold(title: str, category: str, catalog_dir: Path, today: datetime.date) -> Path:
    """Write `catalog_dir/<category>/<id>.yml` for a new procedure; return its path."""
    title = " ".join(title.split())
    if not title:
        raise ThutucError("Hãy ghi tên thủ tục, ví dụ: thutuc new \"Đăng ký khai sinh\" "
                          "--category ho-tich")
    if not SLUG.match(category):
        raise ThutucError(f"Lĩnh vực `{category}` không hợp lệ: chỉ dùng chữ thường không dấu, "
                          "chữ số và dấu `-`.")
    known = _categories(catalog_dir / "categories.yml")
    if known and category not in known:
        hint = did_you_mean(category, known)
        raise ThutucError(f"Lĩnh vực `{category}` không có trong "
                          f"{catalog_dir / 'categories.yml'}. "
                          + (f"Cách sửa: {hint}" if hint
                             else "Cách sửa: thêm lĩnh vực vào tệp đó."))
    procedure_id = base_id(title, "moi")
    path = catalog_dir / category / f"{procedure_id}.yml"
    if path.exists():
        raise ThutucError(f"Tệp {path} đã có; mở tệp đó để sửa, hoặc đặt tên thủ tục khác.")
    if holder := _holder_of(procedure_id, catalog_dir):
        # Two files with one id would give one page address to two procedures.
        raise ThutucError(f"Mã `{procedure_id}` đã được dùng trong {holder} (là `id` hoặc một "
                          "`aliases` cũ). Cách sửa: mở tệp đó nếu là cùng thủ tục, hoặc đặt tên "
                          "thủ tục khác để có mã khác.")
    values = {"id": procedure_id, "title": json.dumps(title, ensure_ascii=False),
              "category": category, "updated": today.isoformat(), "level": "xa"}
    assert set(values) == set(FILLED)
    write_file(path, scaffold_text(values))
    return path


def _holder_of(procedure_id: str, catalog_dir: Path) -> str:
    """The procedure file whose `id` or `aliases` already hold `procedure_id`, or ""."""
    if not catalog_dir.is_dir():
        return ""
    for path in catalog_files(catalog_dir):
        if path.parent == catalog_dir and path.stem in CATALOG_FILES or "." in path.stem:
            continue  # categories, events, glossary and translations hold no procedure ids
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # `thutuc check` reports it; its id cannot be known here
        if not isinstance(data, dict):
            continue
        aliases = data.get("aliases")
        names = [data.get("id"), *(aliases if isinstance(aliases, list) else [])]
        if procedure_id in map(str, names):
            return path.as_posix()
    return ""


def _categories(path: Path) -> list[str]:
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [str(e["id"]) for e in data if isinstance(e, dict) and "id" in e] \
        if isinstance(data, list) else []
