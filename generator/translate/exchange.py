"""Export a language's translations to a file translators edit, and import it back safely.

Import checks the whole file against the catalog first (language, procedures, fields) and
writes nothing when anything is wrong. A translation the file leaves out, or leaves empty,
is kept. Each imported text is stamped with the fingerprint of the source text shown beside
it in the file, so a translation made from an older source text stays marked stale.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator import registry
from generator.fingerprints import fingerprint
from generator.load.field_reader import FieldReader
from generator.load.overlays import check_against_source, read_overlay
from generator.load.site import Site
from generator.load.yaml_reader import parse_yaml
from generator.model import Overlay, Procedure
from generator.problems import Problems
from generator.translate.exchange_formats import ExchangeFile, Row
from generator.translate.field_paths import (
    Leaf,
    field_of,
    leaf_fingerprints,
    leaves_to_fields,
    normalized_stamp,
    overlay_leaves,
    source_leaves,
    stale_paths,
)
from generator.translate.overlay_file import header_comments, overlay_text
from generator.translate.resolve import overlays_for


def export_rows(site: Site, lang: str, ids: list[str] | None = None) -> list[Row]:
    """One row per source text of the published procedures (or `ids`), in page order."""
    overlays = overlays_for(site.catalog, lang)
    rows = []
    for procedure in sorted(site.procedures, key=lambda p: p.id):
        if ids and procedure.id not in ids:
            continue
        overlay = overlays.get(procedure.id)
        done = overlay_leaves(overlay) if overlay else {}
        stale = set(stale_paths(procedure, overlay))
        for path, text in source_leaves(procedure).items():
            rows.append(Row(id=procedure.id, path=path, source=_cell(text),
                            translation=_cell(done[path]) if path in done else "",
                            stale=path in stale, missing=path not in done,
                            note=note_for(path)))
    return rows


def note_for(path: str) -> str:
    """What a field is and how to write it, for the translator (from the field registry)."""
    key, _, rest = path.partition("[")
    field = registry.field(key)
    note, text = field.note, field
    if rest:
        index, _, sub = rest.partition("].")
        text = field.item(sub)
        note += f" số {int(index) + 1}, {text.note}"
    if field.kind == "text_list":
        note += "; mỗi dòng một mục"
    if text.is_markdown:
        note += "; Markdown: giữ nguyên **, [chữ](địa chỉ), - đầu dòng"
    return note


@dataclass(frozen=True)
class Change:
    """One overlay file an import writes, and what changed in it."""

    path: Path
    text: str
    procedure_id: str
    added: int
    changed: int
    restamped: int
    from_older_source: int
    created: bool


def plan_import(site: Site, project_root: Path, file: ExchangeFile, shown: str,
                problems: Problems) -> list[Change]:
    """The overlay files an import would write; every problem of the file goes to `problems`
    (the caller writes nothing then)."""
    codes = [language.code for language in site.profile.languages]
    if file.lang not in codes[1:]:
        problems.add(shown, 0, "lang", f"ngôn ngữ `{file.lang}` không phải là một ngôn ngữ dịch "
                     "của trang (" + ", ".join(f"`{c}`" for c in codes[1:]) + ").",
                     "nhập tệp vào đúng dự án, hoặc khai báo ngôn ngữ trong mkdocs.yml.")
        return []
    by_id = {p.id: p for p in site.catalog.procedures}
    grouped: dict[str, list[Row]] = {}
    seen: set[tuple[str, str]] = set()
    for row in file.rows:
        procedure = by_id.get(row.id)
        where = f"{row.id}|{row.path}"
        if procedure is None:
            problems.add(shown, row.line, where, f"không có thủ tục `{row.id}` trong danh mục.",
                         "dùng tệp xuất từ đúng danh mục này; không sửa cột `id`.")
        elif row.path not in source_leaves(procedure):
            problems.add(shown, row.line, where,
                         f"thủ tục `{row.id}` không có trường `{row.path}` để dịch.",
                         "xuất lại tệp (bản gốc có thể đã đổi); không sửa cột `field`.")
        elif (row.id, row.path) in seen:
            problems.add(shown, row.line, where, "trường này xuất hiện hai lần trong tệp.",
                         "giữ lại một dòng.")
        else:
            grouped.setdefault(row.id, []).append(row)
        seen.add((row.id, row.path))
    if problems:
        return []
    overlays = overlays_for(site.catalog, file.lang)
    changes = []
    for procedure_id, rows in grouped.items():
        change = _plan_one(by_id[procedure_id], overlays.get(procedure_id), file.lang, rows,
                           project_root, problems)
        if change is not None:
            changes.append(change)
    return changes


def _plan_one(procedure: Procedure, overlay: Overlay | None, lang: str, rows: list[Row],
              project_root: Path, problems: Problems) -> Change | None:
    leaves: dict[str, Leaf] = overlay_leaves(overlay) if overlay else {}
    old_leaves = dict(leaves)
    stamp = normalized_stamp(procedure, overlay)
    old_stamp = dict(stamp)
    current = leaf_fingerprints(procedure)
    stale = set(stale_paths(procedure, overlay))
    added = changed = older = 0
    for row in rows:
        value = _leaf(row.translation, row.path)
        if not value:
            continue  # an empty cell never deletes a translation
        made_from = fingerprint(_leaf(row.source, row.path))
        if value != leaves.get(row.path):
            stamp[row.path] = made_from  # new text: made from the source shown beside it
            older += made_from != current[row.path]
        elif row.path in stale and not row.stale and made_from == current[row.path]:
            stamp[row.path] = made_from  # the translator cleared the stale mark: checked
        added += row.path not in leaves
        changed += row.path in leaves and leaves[row.path] != value
        leaves[row.path] = value
    if leaves == old_leaves and stamp == old_stamp:
        return None
    restamped = sum(1 for p in stamp if p in old_stamp and stamp[p] != old_stamp[p])
    source_path = project_root / procedure.source_file
    path = source_path.with_name(f"{source_path.name.split('.')[0]}.{lang}{source_path.suffix}")
    if overlay is not None:
        path = project_root / overlay.source_file
    header = header_comments(path.read_text(encoding="utf-8-sig")) if path.exists() else ""
    ordered = {p: stamp[p] for p in source_leaves(procedure) if p in stamp and p in leaves}
    text = overlay_text(overlay.status if overlay else "draft",
                        overlay.translator if overlay else "", ordered,
                        leaves_to_fields(leaves, procedure), header)
    _check_written(text, procedure, lang, path.name, problems)
    return Change(path, text, procedure.id, added, changed, restamped, older, overlay is None)


def _check_written(text: str, procedure: Procedure, lang: str, shown: str,
                   problems: Problems) -> None:
    """Read what would be written, as the catalog will: it must be a valid overlay."""
    reader = FieldReader(shown, problems)
    data = parse_yaml(text, shown, problems)
    overlay = read_overlay(data, reader, procedure.id, lang) if data is not None else None
    if overlay is not None:
        check_against_source(overlay, procedure, reader, data)


def _cell(value: Leaf) -> str:
    return "\n".join(value) if isinstance(value, tuple) else value


def _leaf(cell: str, path: str) -> Leaf:
    """Cell text as an overlay holds it: stripped, lists one item per line."""
    text = unicodedata.normalize("NFC", cell.replace("\r\n", "\n")).strip()
    if field_of(path) in registry.text_list_fields():
        return tuple(line.strip() for line in text.split("\n") if line.strip())
    return text

