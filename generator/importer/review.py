"""What the commune still has to check, and recording a check (`thutuc review`).

A procedure needs review when it says `review: needed` (the importer sets it, and a
re-import sets it again when the national text changed) or when its `review_due` date has
passed. Marking procedures reviewed edits only the lines of `review`, `reviewed`,
`review_due` and `updated` in their files: every other line, comments included, stays as
the editor wrote it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model import Catalog, Procedure
from generator.problems import ThutucError
from generator.writer import write_file
from generator.yaml_text import scalar_style


@dataclass(frozen=True)
class Pending:
    """One procedure to check, and why."""

    procedure: Procedure
    needed: bool  # `review: needed`
    overdue: bool  # `review_due` has passed

    @property
    def changed(self) -> tuple[str, ...]:
        """The fields the last import found changed on the national portal."""
        return self.procedure.provenance.changed if self.procedure.provenance else ()

    def reason(self) -> str:
        parts = []
        if self.needed:
            parts.append("chưa kiểm tra")
        if self.overdue and self.procedure.review_due:
            parts.append(f"quá hạn kiểm tra lại ({self.procedure.review_due.isoformat()})")
        if self.needed and self.changed:
            parts.append("cổng đã đổi: " + ", ".join(self.changed))
        return "; ".join(parts)


def is_overdue(procedure: Procedure, today: datetime.date) -> bool:
    return procedure.review_due is not None and procedure.review_due < today


def pending(catalog: Catalog, today: datetime.date) -> list[Pending]:
    """Procedures to check, by category (in categories.yml's order), then by id."""
    order = {category.id: index for index, category in enumerate(catalog.categories)}
    found = [Pending(p, p.review == "needed", is_overdue(p, today)) for p in catalog.procedures]
    found = [item for item in found if item.needed or item.overdue]
    return sorted(found, key=lambda item: (order.get(item.procedure.category, len(order)),
                                           item.procedure.id))


def listing(catalog: Catalog, today: datetime.date) -> str:
    """The text `thutuc review` prints: one block per category."""
    items = pending(catalog, today)
    names = {category.id: category.name for category in catalog.categories}
    lines: list[str] = []
    category = None
    for item in items:
        proc = item.procedure
        if proc.category != category:
            category = proc.category
            count = sum(1 for other in items if other.procedure.category == category)
            lines.append(f"{names.get(category, category)} ({count})")
        code = proc.code or (proc.provenance.national_code if proc.provenance else "") or "-"
        lines.append(f"  {code}  {proc.id}  {proc.source_file}")
        lines.append(f"      {item.reason()}")
    needed = sum(1 for item in items if item.needed)
    overdue = sum(1 for item in items if item.overdue)
    if not items:
        lines.append("Không có thủ tục nào cần kiểm tra.")
    else:
        lines.append(f"Tổng: {len(items)} thủ tục cần kiểm tra ({needed} chưa kiểm tra, "
                     f"{overdue} quá hạn kiểm tra lại). Kiểm tra xong, ghi lại bằng "
                     "`thutuc review done ID... --by \"Tên cán bộ\"`.")
    return "\n".join(lines)


def mark_reviewed(catalog: Catalog, project_root: Path, ids: list[str], by: str,
                  date: datetime.date, due: datetime.date | None) -> list[Path]:
    """Record a check of the procedures `ids` in their files; returns the files written.
    Raises `ThutucError` (writing nothing) for an unknown id or a file it cannot edit safely.
    """
    if not by.strip():
        raise ThutucError("thiếu tên người kiểm tra. Cách sửa: thêm `--by \"Tên cán bộ\"`.")
    by_id = {p.id: p for p in catalog.procedures}
    unknown = [pid for pid in ids if pid not in by_id]
    if unknown:
        raise ThutucError("không có thủ tục " + ", ".join(f"`{pid}`" for pid in unknown)
                          + " trong danh mục. Cách sửa: xem các mã bằng `thutuc review`.")
    values: dict[str, object] = {"updated": date.isoformat(), "review": "done",
                                 "reviewed": {"date": date.isoformat(), "by": by.strip()}}
    if due:
        values["review_due"] = due.isoformat()
    edits = []
    for pid in dict.fromkeys(ids):
        path = project_root / by_id[pid].source_file
        text = path.read_text(encoding="utf-8")
        edits.append((path, set_top_keys(text, values, path.as_posix())))
    for path, text in edits:  # only once every file could be edited
        write_file(path, text)
    return [path for path, _ in edits]


_TOP_KEY = re.compile(r"^([^\s#-][^:]*):")
# Where the review keys go when a file has none yet: before these, in the contract's order.
_BEFORE = ("provenance",)


def set_top_keys(text: str, values: dict[str, object], shown_as: str) -> str:
    """`text` with the top-level keys of `values` set (replaced in place, or inserted before
    `provenance`, else at the end); every other line unchanged."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for key, value in values.items():
        block = _block(key, value)
        span = _span(lines, key)
        if span:
            lines[span[0]:span[1]] = block
        else:
            at = next((i for i, line in enumerate(lines) if (m := _TOP_KEY.match(line))
                       and m[1] in _BEFORE), len(lines))
            lines[at:at] = block
    edited = "".join(lines)
    try:
        before, after = yaml.safe_load(text), yaml.safe_load(edited)
    except yaml.YAMLError as error:
        raise ThutucError(f"{shown_as}: tệp không đọc được ({error}). Cách sửa: chạy "
                          "`thutuc check` và sửa tệp trước.") from error
    if not isinstance(before, dict) or not isinstance(after, dict) or \
            {k: v for k, v in before.items() if k not in values} != \
            {k: v for k, v in after.items() if k not in values}:
        raise ThutucError(f"{shown_as}: không sửa được an toàn các dòng `review`, `reviewed`. "
                          "Cách sửa: ghi tay `review: done` và `reviewed: {date: ..., by: ...}`.")
    return edited


def _span(lines: list[str], key: str) -> tuple[int, int] | None:
    """The lines of a top-level key and its indented value, without trailing blank lines."""
    start = next((i for i, line in enumerate(lines) if (m := _TOP_KEY.match(line))
                  and m[1].strip() == key), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def _block(key: str, value: object) -> list[str]:
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {_scalar(str(v))}" for k, v in value.items())
        return [f"{key}: {{{inner}}}\n"]
    return [f"{key}: {_scalar(str(value))}\n"]


def _scalar(text: str) -> str:
    """A one-line value as YAML: quoted when a plain word would change meaning or break
    the flow mapping."""
    if scalar_style(text) or re.search(r"[:#,{}\[\]&*!|>'\"%@`]|^\s|\s$", text):
        return "'" + text.replace("'", "''") + "'"
    return text
