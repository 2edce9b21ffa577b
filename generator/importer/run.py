"""`thutuc import national SRC -o procedures/`: import every record, report what was not read.

Records are read in path order and every output is derived from them and the files already
in the catalog, so the same inputs always give the same files.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.importer.artefacts import CLASSES, artefacts
from generator.importer.categories import CategoryMap
from generator.importer.ids import assign_ids, strip_prefix
from generator.importer.merge import merge
from generator.importer.record import Converted, convert, field_text, provenance, record_levels
from generator.importer.yamlout import dump_procedure
from generator.load.catalog import CATALOG_FILES, catalog_files
from generator.load.yaml_reader import load_yaml, typed_text
from generator.problems import Problems
from generator.writer import write_file

DEFAULT_LEVELS = ("xa",)  # a commune's site: the procedures its office carries out
OTHER_LEVEL = "ngoài cấp"
DUPLICATE = "có thể trùng"
# Only the plain data of existing files is needed here (no line numbers): libyaml is faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class RecordReport:
    source: str  # the record's file, relative to the source folder
    code: str = ""
    procedure_id: str = ""
    status: str = ""  # mới | cập nhật | không đổi | bỏ qua | ngoài cấp | có thể trùng
    lines: list[str] = field(default_factory=list)
    artefacts: list[str] = field(default_factory=list)  # ids of `artefacts.CLASSES` shown


@dataclass
class ImportReport:
    records: list[RecordReport] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)
    levels: tuple[str, ...] = DEFAULT_LEVELS  # the levels imported

    def count(self, status: str) -> int:
        return sum(1 for r in self.records if r.status == status)

    def text(self) -> str:
        """The whole report: one block per record with something to say, then totals."""
        lines = []
        for record in self.records:
            if record.lines:
                lines.append(f"{record.code or '?'} {record.procedure_id} ({record.source}) "
                             f"[{record.status}]")
                lines += [f"  - {line}" for line in record.lines]
        noted = sum(1 for r in self.records if r.lines)
        lines += self.artefact_lines()
        lines.append(f"Đã đọc {len(self.records)} bản ghi: {self.count('mới')} mới, "
                     f"{self.count('cập nhật')} cập nhật, {self.count('không đổi')} không đổi, "
                     f"{self.count('bỏ qua')} bỏ qua, {self.count(DUPLICATE)} có thể trùng với "
                     f"thủ tục viết tay, {self.count(OTHER_LEVEL)} ngoài cấp đã chọn "
                     f"({', '.join(self.levels)}); {noted} bản ghi có phần chưa đọc được; "
                     f"{len(self.new_categories)} lĩnh vực mới.")
        return "\n".join(lines)


    def artefact_lines(self) -> list[str]:
        """How many imported records still show each class of the portal's leftovers."""
        read = [r for r in self.records if r.status not in ("bỏ qua", OTHER_LEVEL)]
        if not read:
            return []
        shown = sum(1 for r in read if r.artefacts)
        lines = [f"Dấu vết của bảng cổng còn lại: {shown}/{len(read)} bản ghi "
                 f"({100 * shown / len(read):.1f}%)"]
        for kind in CLASSES:
            count = sum(1 for r in read if kind.id in r.artefacts)
            lines.append(f"  - {kind.id}: {count} ({kind.label})")
        return lines


@dataclass
class _Existing:
    path: Path
    data: dict[str, Any]


def import_national(source: Path, out: Path, today: datetime.date,
                    levels: tuple[str, ...] = DEFAULT_LEVELS) -> ImportReport:
    """Import the records under `source` into the catalog folder `out`, only those carried
    out at one of `levels` (`xa`, `tinh`, `bo`, `khac`; see `record.LEVELS`)."""
    report = ImportReport(levels=levels)
    existing, taken, hand_written = _existing(out)
    categories = CategoryMap(out / "categories.yml")
    converted: list[tuple[RecordReport, Converted, str]] = []
    seen: set[str] = set()
    for path in sorted(source.rglob("*.json")):
        entry = RecordReport(source=path.relative_to(source).as_posix())
        report.records.append(entry)
        record = _read(path, entry)
        if record is None:
            continue
        entry.code = field_text(record, "ma_thu_tuc").strip()
        if not entry.code or entry.code in seen:
            entry.status = "bỏ qua"
            entry.lines.append("thiếu mã thủ tục (ma_thu_tuc)" if not entry.code
                               else "mã thủ tục trùng với một bản ghi đã đọc")
            continue
        seen.add(entry.code)
        found_levels = record_levels(record)
        if not found_levels:
            entry.lines.append("cap_thuc_hien: không rõ cấp thực hiện; vẫn nhập, cần xem lại")
        elif not set(found_levels) & set(levels):
            entry.status = OTHER_LEVEL  # counted, not listed: there may be thousands
            continue
        category = categories.category_for(field_text(record, "linh_vuc"))
        result = convert(record, category)
        entry.lines += result.report
        entry.artefacts = artefacts(result.data)
        if entry.artefacts:
            entry.lines.append("còn dấu vết của bảng cổng: " + ", ".join(entry.artefacts))
        converted.append((entry, result, field_text(record, "detail_url").strip()))
    ids = assign_ids({c.code: c.data["title"] for _, c, _ in converted if c.code not in existing},
                     taken)
    for entry, result, url in converted:
        found = existing.get(result.code)
        twin = hand_written.get(title_key(result.data["title"])) if not found else None
        if twin is not None:
            # Publishing both would show citizens the same procedure twice.
            entry.status, entry.procedure_id = DUPLICATE, str(twin.data.get("id", ""))
            entry.lines.append(
                f"có thể trùng với thủ tục viết tay {twin.path.as_posix()} (cùng tên); chưa "
                f"nhập. Nếu là cùng một thủ tục, thêm dòng `code: \"{result.code}\"` vào tệp đó: "
                "lần nhập sau bổ sung những trường còn trống và giữ nội dung đã viết.")
            continue
        procedure_id = str(found.data.get("id")) if found else ids[result.code]
        fresh = {"id": procedure_id, **result.data}
        merged = merge(found.data if found else None, fresh, provenance(result, url, today),
                       today)
        entry.procedure_id = procedure_id
        entry.lines += [f"{key}: giữ nội dung biên tập viên đã sửa" for key in merged.kept
                        if key not in merged.conflicts]
        entry.lines += [f"{key}: biên tập viên đã sửa, nhưng dữ liệu quốc gia cũng đã đổi; "
                        "giữ bản đã sửa, cần xem lại" for key in merged.conflicts]
        entry.lines += [f"{key}: dữ liệu quốc gia đã đổi; lấy nội dung mới, cần xem lại"
                        for key in merged.changed if key not in merged.conflicts]
        if merged.reread:
            entry.lines.append("bản ghi trên cổng không đổi; công cụ đọc lại tốt hơn: "
                               + ", ".join(merged.updated) + " (giữ trạng thái kiểm tra)")
        path = found.path if found else out / result.data["category"] / f"{procedure_id}.yml"
        if found and merged.data is found.data:
            entry.status = "không đổi"
            continue
        entry.status = "cập nhật" if found else "mới"
        write_file(path, dump_procedure(merged.data), after=(
            "Tệp cũ vẫn nguyên vẹn; các tệp đã nhập trước tệp này đã được ghi. Nhập lại sau khi "
            "sửa: những tệp đã ghi sẽ được báo là không đổi."))
    report.new_categories = [f"{cid}: {name}" for cid, name in sorted(categories.added)]
    categories.save()
    return report


def _read(path: Path, entry: RecordReport) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        # RecursionError: JSON nested deeper than Python can read; only this record is skipped.
        entry.status = "bỏ qua"
        entry.lines.append(f"không đọc được tệp JSON: {error}")
        return None
    if not isinstance(record, dict):
        entry.status = "bỏ qua"
        entry.lines.append("tệp JSON không phải là một bản ghi (đối tượng {...})")
        return None
    return record


def title_key(title: str) -> str:
    """A title as compared for likely duplicates: without "Thủ tục", case and spacing."""
    return " ".join(strip_prefix(str(title)).split()).casefold().rstrip(" .")


def _typed_code(path: Path) -> object:
    """A hand-written file's `code` as its editor typed it: unquoted, YAML 1.1 reads
    `code: 1.000080` as the number 1.00008, which matches no national code."""
    data = load_yaml(path, path.as_posix(), Problems())
    return (typed_text(data, "code") or data.get("code")) if isinstance(data, dict) else None


def _existing(out: Path) -> tuple[dict[str, _Existing], set[str], dict[str, _Existing]]:
    """Procedure files already in the catalog by national code, every id in use, and the
    files written by hand without a code by their title; raises `CatalogError` when one
    cannot be read."""
    problems = Problems()
    found: dict[str, _Existing] = {}
    taken: set[str] = set()
    hand_written: dict[str, _Existing] = {}
    if not out.is_dir():
        return found, taken, hand_written
    for path in catalog_files(out):
        if path.parent == out and path.stem in CATALOG_FILES or "." in path.stem:
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FAST_LOADER)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            # Its national code is unknown: importing now could give the procedure twice.
            problems.add(path.as_posix(), 0, "", "tệp trong danh mục không đọc được, nên "
                         "chưa nhập gì.", "chạy `thutuc check` để sửa tệp này rồi nhập lại.")
            continue
        if not isinstance(data, dict):
            continue
        taken.add(str(data.get("id", "")))
        origin = data.get("provenance")
        code = origin.get("national_code") if isinstance(origin, dict) else _typed_code(path)
        if code:
            found.setdefault(str(code), _Existing(path, data))
        elif data.get("title"):
            hand_written.setdefault(title_key(data["title"]), _Existing(path, data))
    problems.raise_if_any()
    return found, taken, hand_written
