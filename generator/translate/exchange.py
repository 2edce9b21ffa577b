"""Export a language's translations to a file translators edit, and import it back safely.

Import checks the whole file against the catalog first (language, procedures, fields) and
writes nothing when anything is wrong. A translation the file leaves out, or leaves empty,
is kept. Each imported text is stamped with the fingerprint of the source text shown beside
it in the file, so a translation made from an older source text stays marked stale.

Text a translator marked fuzzy (Poedit's "needs work", a `fuzzy` state in a spreadsheet, a
translation-memory pre-fill) is kept in the overlay's `suggestions:`: reported and counted,
exported again as fuzzy, never published, until the translator clears the flag.
The same plan, without writing, is `thutuc translations check`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from generator import registry
from generator.fingerprints import fingerprint
from generator.load.field_reader import FieldReader
from generator.load.overlays import check_against_source, read_overlay
from generator.load.site import Site, strings_for
from generator.load.strings import Strings
from generator.load.yaml_reader import parse_yaml
from generator.model import Overlay, Procedure
from generator.problems import Problems
from generator.translate.exchange_formats import write_csv
from generator.translate.exchange_history import previous_texts
from generator.translate.exchange_markup import differences, keep_note, unwrapped
from generator.translate.exchange_po import PoHeader, write_po
from generator.translate.exchange_rows import ExchangeFile, Row
from generator.translate.exchange_sheet import write_xlsx
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

LIST_NOTE = ("Danh sách, mỗi mục một dòng (trong Poedit: một chuỗi); bản dịch có thể có "
             "nhiều hay ít mục hơn bản gốc.")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_EMAIL = re.compile(r"\s*<[^>]*>\s*$")


def is_markdown(path: str) -> bool:
    """Whether the text at `path` is Markdown (`conditions`, `steps[i].text`, `faq[i].a`)."""
    key, _, rest = path.partition("[")
    field = registry.field(key)
    return (field.item(rest.partition("].")[2]) if rest else field).is_markdown


def cell_text(path: str, value: Leaf) -> str:
    """A text as a translator's file shows it: lists one item per line, Markdown unwrapped."""
    text = "\n".join(value) if isinstance(value, tuple) else value
    return unwrapped(text) if is_markdown(path) else text


def leaf_of(path: str, cell: str) -> Leaf:
    """Cell text as an overlay holds it: stripped, NFC, lists one item per line."""
    text = unicodedata.normalize("NFC", cell.replace("\r\n", "\n")).strip()
    if field_of(path) in registry.text_list_fields():
        return tuple(line.strip() for line in text.split("\n") if line.strip())
    return text


def export_rows(site: Site, project_root: Path, lang: str, ids: list[str] | None = None,
                history: bool = False) -> list[Row]:
    """One row per source text of the published procedures (or `ids`), in page order;
    `history`: look up the Vietnamese stale translations were made from (PO's `#|`), which
    costs git commands per stale procedure."""
    overlays = overlays_for(site.catalog, lang)
    strings = strings_for(site, site.profile.languages[0].code)
    rows = []
    for procedure in sorted(site.procedures, key=lambda p: p.id):
        if ids and procedure.id not in ids:
            continue
        overlay = overlays.get(procedure.id)
        done = overlay_leaves(overlay) if overlay else {}
        suggested = overlay.suggestions if overlay else {}
        stale = set(stale_paths(procedure, overlay))
        stamp = normalized_stamp(procedure, overlay)
        previous = previous_texts(project_root, procedure.source_file,
                                  {path: stamp[path] for path in stale if path in stamp}) \
            if history else {}
        for path, text in source_leaves(procedure).items():
            shown = suggested.get(path, done.get(path))
            rows.append(Row(
                id=procedure.id, path=path, source=cell_text(path, text),
                translation=cell_text(path, shown) if shown else "",
                stale=path in stale, missing=path not in done, fuzzy=path in suggested,
                note=note_for(procedure, path, text, strings), file=procedure.source_file,
                previous=cell_text(path, previous[path]) if path in previous else None))
    return rows


def export_file(site: Site, project_root: Path, fmt: str, lang: str,
                ids: list[str] | None = None) -> tuple[bytes, list[Row]]:
    """The bytes of an export in format `fmt` (csv, po, xlsx), and its rows."""
    rows = export_rows(site, project_root, lang, ids, history=fmt == "po")
    header = po_header(site, lang, rows)
    if fmt == "po":
        return write_po(header, rows).encode("utf-8"), rows
    if fmt == "xlsx":
        name = {language.code: language.name for language in site.profile.languages}[lang]
        return write_xlsx(lang, name, header.translator, rows), rows
    return write_csv(lang, rows), rows


def note_for(procedure: Procedure, path: str, text: Leaf, strings: Strings) -> str:
    """For the translator: where the text appears on the page, and what to keep."""
    key, _, rest = path.partition("[")
    field = registry.field(key)
    if field.place:
        where = field.place
    else:
        where = f"mục «{strings.t(field.heading)}»" if field.heading else field.note
        if rest:
            index, _, sub = rest.partition("].")
            where += f", {field.noun or 'mục'} số {int(index) + 1}: {field.item(sub).note}"
    lines = [f"Trang «{procedure.title}»: {where}."]
    if key in registry.text_list_fields():
        lines.append(LIST_NOTE)
    elif is_markdown(path):
        keep = keep_note(cell_text(path, text))
        if keep:
            lines.append(keep)
    return "\n".join(lines)


def po_header(site: Site, lang: str, rows: list[Row]) -> PoHeader:
    """The header of a PO export: the site, the language, the overlays' translator."""
    names = {language.code: language.name for language in site.profile.languages}
    overlays = overlays_for(site.catalog, lang)
    ids = {row.id for row in rows}
    translators = sorted({o.translator for i, o in overlays.items() if i in ids and o.translator})
    dates = [p.updated.isoformat() for p in site.procedures if p.id in ids]
    return PoHeader(
        project=f"thutuc {site.profile.name}", lang=lang,
        team=f"{names.get(lang, lang)}, {site.profile.name}",
        translator=", ".join(translators), date=max(dates, default="2000-01-01"),
        comments=(f"Bản dịch {names.get(lang, lang)} ({lang}) các thủ tục hành chính của "
                  f"{site.profile.name}.",
                  "Tạo bằng `thutuc translations export`; msgctxt là «mã thủ tục|trường».",
                  "Mục «fuzzy» (Poedit: «Cần xem lại») là bản nháp: được giữ lại, không lên "
                  "trang."))


@dataclass(frozen=True)
class Finding:
    """What an import does with one row of the file, or what it noticed there."""

    line: int
    where: str  # `procedure id|field path`
    kind: str  # one of KINDS
    detail: str = ""


KINDS = {"new": "bản dịch mới", "changed": "sửa bản dịch", "suggestion":
         "bản nháp (fuzzy): giữ làm gợi ý, không lên trang", "confirmed":
         "xác nhận bản dịch vẫn đúng với bản gốc mới", "older": "dịch từ bản gốc cũ: vẫn đánh "
         "dấu lỗi thời", "markup": "khác bản gốc", "comment": "ghi chú của người dịch"}


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
    suggested: int
    created: bool
    translator: str  # the translator now named in the file


@dataclass(frozen=True)
class Plan:
    """What an import would do: the files it writes, and what it found row by row."""

    changes: list[Change]
    findings: list[Finding]


def plan_import(site: Site, project_root: Path, file: ExchangeFile, shown: str,
                problems: Problems) -> Plan:
    """What importing `file` would do; every problem of the file goes to `problems` (the
    caller writes nothing then)."""
    codes = [language.code for language in site.profile.languages]
    if file.lang not in codes[1:]:
        problems.add(shown, 0, "lang", f"ngôn ngữ `{file.lang}` không phải là một ngôn ngữ dịch "
                     "của trang (" + ", ".join(f"`{c}`" for c in codes[1:]) + ").",
                     "nhập tệp vào đúng dự án, hoặc khai báo ngôn ngữ trong mkdocs.yml.")
        return Plan([], [])
    by_id = {p.id: p for p in site.catalog.procedures}
    grouped: dict[str, list[Row]] = {}
    seen: set[tuple[str, str]] = set()
    for row in file.rows:
        procedure = by_id.get(row.id)
        where = f"{row.id}|{row.path}"
        if procedure is None:
            problems.add(shown, row.line, where, f"không có thủ tục `{row.id}` trong danh mục.",
                         "dùng tệp xuất từ đúng danh mục này; không sửa cột `id` (msgctxt).")
        elif row.path not in source_leaves(procedure):
            problems.add(shown, row.line, where,
                         f"thủ tục `{row.id}` không có trường `{row.path}` để dịch.",
                         "xuất lại tệp (bản gốc có thể đã đổi); không sửa cột `field` "
                         "(msgctxt).")
        elif (row.id, row.path) in seen:
            problems.add(shown, row.line, where, "trường này xuất hiện hai lần trong tệp.",
                         "giữ lại một dòng.")
        else:
            grouped.setdefault(row.id, []).append(row)
        seen.add((row.id, row.path))
    if problems:
        return Plan([], [])
    overlays = overlays_for(site.catalog, file.lang)
    translator = _EMAIL.sub("", file.translator)  # an address is not for a public page
    changes: list[Change] = []
    findings: list[Finding] = []
    for procedure_id, rows in grouped.items():
        change = _plan_one(by_id[procedure_id], overlays.get(procedure_id), file.lang, rows,
                           translator, project_root, problems, findings)
        if change is not None:
            changes.append(change)
    return Plan(changes, findings)


def _plan_one(procedure: Procedure, overlay: Overlay | None, lang: str, rows: list[Row],
              translator: str, project_root: Path, problems: Problems,
              findings: list[Finding]) -> Change | None:
    leaves: dict[str, Leaf] = overlay_leaves(overlay) if overlay else {}
    suggestions = dict(overlay.suggestions) if overlay else {}
    old = (dict(leaves), dict(suggestions))
    stamp = normalized_stamp(procedure, overlay)
    old_stamp = dict(stamp)
    sources = source_leaves(procedure)
    current = leaf_fingerprints(procedure)
    stale = set(stale_paths(procedure, overlay))
    added = changed = older = suggested = 0
    for row in rows:
        where = f"{row.id}|{row.path}"
        if row.comment:
            findings.append(Finding(row.line, where, "comment", row.comment))
        shown = cell_text(row.path, sources[row.path])
        value = leaf_of(row.path, _restored(row.translation, shown))
        if not value:
            continue  # an empty cell never deletes a translation
        from_current = leaf_of(row.path, _restored(row.source, shown)) == \
            leaf_of(row.path, shown)
        made_from = current[row.path] if from_current else \
            fingerprint(leaf_of(row.path, row.source))
        have = leaves.get(row.path)
        same = have is not None and leaf_of(row.path, cell_text(row.path, have)) == value
        if row.fuzzy:
            if not same and suggestions.get(row.path) != value:
                suggestions[row.path] = value
                suggested += 1
                findings.append(Finding(row.line, where, "suggestion"))
            continue
        if is_markdown(row.path):
            for difference in differences(shown, cell_text(row.path, value)):
                findings.append(Finding(row.line, where, "markup", difference))
        if same:
            if row.path in stale and not row.stale and from_current:
                stamp[row.path] = made_from  # the translator cleared the stale mark: checked
                findings.append(Finding(row.line, where, "confirmed"))
            continue
        stamp[row.path] = made_from  # new text: made from the source shown beside it
        if not from_current:
            older += 1
            findings.append(Finding(row.line, where, "older"))
        findings.append(Finding(row.line, where, "changed" if have is not None else "new"))
        added += have is None
        changed += have is not None
        leaves[row.path] = value
        suggestions.pop(row.path, None)  # superseded by the translation
    if (leaves, suggestions) == old and stamp == old_stamp:
        return None
    restamped = sum(1 for p in stamp if p in old_stamp and stamp[p] != old_stamp[p])
    source_path = project_root / procedure.source_file
    path = source_path.with_name(f"{source_path.name.split('.')[0]}.{lang}{source_path.suffix}")
    if overlay is not None:
        path = project_root / overlay.source_file
    header = header_comments(path.read_text(encoding="utf-8-sig")) if path.exists() else ""
    name = translator if translator and (leaves, suggestions) != old else \
        (overlay.translator if overlay else "")
    ordered = {p: stamp[p] for p in sources if p in stamp and p in leaves}
    text = overlay_text(overlay.status if overlay else "draft", name, ordered,
                        leaves_to_fields(leaves, procedure), header,
                        {p: suggestions[p] for p in sources if p in suggestions})
    _check_written(text, procedure, lang, path.name, problems)
    return Change(path, text, procedure.id, added, changed, restamped, older, suggested,
                  overlay is None, name)


def _restored(cell: str, source: str) -> str:
    """A cell as the source wrote it when a spreadsheet made a number of it: a source text
    that is only a number (`0262341107`, `1.000080`) and a cell with the same value."""
    if cell == source or not _NUMBER.fullmatch(source.strip()):
        return cell
    if _NUMBER.fullmatch(cell.strip()) and _value(cell) is not None and \
            _value(cell) == _value(source):
        return source
    return cell


def _value(number: str) -> Decimal | None:
    try:
        return Decimal(number.strip().replace(",", "."))
    except InvalidOperation:
        return None


def _check_written(text: str, procedure: Procedure, lang: str, shown: str,
                   problems: Problems) -> None:
    """Read what would be written, as the catalog will: it must be a valid overlay."""
    reader = FieldReader(shown, problems)
    data = parse_yaml(text, shown, problems)
    overlay = read_overlay(data, reader, procedure.id, lang) if data is not None else None
    if overlay is not None:
        check_against_source(overlay, procedure, reader, data)
