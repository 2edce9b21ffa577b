"""Addresses that last: the record of published procedure ids (`procedures/_published.yml`).

A printed QR code stays on a wall for years, so an address, once published, must keep
working. `thutuc build` records every published id (with the file it came from) in the
catalog folder; `thutuc check` (and every build) refuses a catalog where a recorded id is
no longer the `id` or one of the `aliases` of any procedure. A procedure that is really
abolished goes into the record's `retired:` list by hand: its old address then shows a page
saying that the procedure is no longer carried out, with a link to the current ones.
The record only grows: an id stays recorded after it became an alias.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.load.field_reader import SLUG, FieldReader
from generator.load.yaml_reader import Mapping, load_yaml
from generator.model import Catalog, Procedure
from generator.problems import Problems, shown_path
from generator.writer import write_file

RECORD_NAME = "_published.yml"  # starts with `_`: the catalog loader skips it
_HEADER = """\
# Địa chỉ đã công bố: `thutuc build` tự ghi tệp này; hãy đưa nó vào git cùng danh mục.
# Mỗi mã (id) ở đây có thể đã được in trên mã QR, nên phải luôn còn là `id` hoặc một
# mục trong `aliases:` của một thủ tục. Thủ tục đã bãi bỏ: thêm mã của nó vào `retired:`.
"""


@dataclass(frozen=True)
class AddressRecord:
    """Published ids and the source file each came from; ids retired on purpose."""

    published: dict[str, str] = field(default_factory=dict)
    retired: tuple[str, ...] = ()


def record_path(catalog: Catalog) -> Path:
    return catalog.root / RECORD_NAME


def read_record(path: Path, shown: str, problems: Problems) -> AddressRecord:
    """The record in `path` (an empty one when there is none yet)."""
    if not path.is_file():
        return AddressRecord()
    data = load_yaml(path, shown, problems)
    if data is None:
        return AddressRecord()
    reader = FieldReader(shown, problems)
    node = reader.mapping(data, data, None, "")
    if node is None:
        return AddressRecord()
    reader.known_keys(node, "", ("published", "retired"))
    published: dict[str, str] = {}
    entries = (reader.mapping(node["published"], node, "published", "published")
               if node.get("published") is not None else None) or Mapping()
    for pid in entries:
        if SLUG.match(str(pid)):
            published[str(pid)] = reader.text(entries, pid, "published")
        else:
            reader.report(entries, pid, f"published.{pid}", f"`{pid}` không phải là mã hợp lệ.",
                          "xoá dòng này; tệp do `thutuc build` ghi.")
    return AddressRecord(published, reader.slug_list(node, "retired"))


def check_record(catalog: Catalog, record: AddressRecord, shown: str,
                 problems: Problems) -> None:
    """Every published id must still lead somewhere: an id, an alias or a retired entry."""
    addresses = {a for p in catalog.procedures for a in (p.id, *p.aliases)} | set(record.retired)
    by_file = {p.source_file: p for p in catalog.procedures}
    for pid, file in sorted(record.published.items()):
        if pid in addresses:
            continue
        keep = (f"nếu thủ tục đã bị bãi bỏ thật, thêm `{pid}` vào mục `retired:` trong "
                f"`{shown}`.")
        now = by_file.get(file)
        if now is not None:
            problems.add(file, now.line("id"), "id",
                         f"`id` đã đổi từ `{pid}` thành `{now.id}`, nhưng địa chỉ cũ của "
                         f"thủ tục (`{pid}`) đã được công bố và có thể đã in trên mã QR.",
                         f"giữ `id: {now.id}` và thêm dòng `aliases: [{pid}]` vào tệp này để "
                         f"địa chỉ cũ tự chuyển tới trang mới; {keep}")
        else:
            problems.add(shown, 0, f"published.{pid}",
                         f"thủ tục `{pid}` (trước đây trong `{file}`) đã được công bố và có thể "
                         "đã in trên mã QR, nhưng nay không thủ tục nào có `id` hay `aliases` "
                         f"là `{pid}`.",
                         f"nếu đã đổi `id`, thêm `{pid}` vào `aliases:` của thủ tục mới; {keep}")


def updated_record(record: AddressRecord, catalog: Catalog,
                   published: tuple[Procedure, ...]) -> AddressRecord:
    """The record after publishing `published`: new ids added, old ones kept (now pointing
    at the file that holds them as an alias)."""
    owner = {a: p.source_file for p in catalog.procedures for a in (p.id, *p.aliases)}
    entries = {pid: owner.get(pid, file) for pid, file in record.published.items()}
    entries.update({p.id: p.source_file for p in published})
    return AddressRecord(dict(sorted(entries.items())), tuple(sorted(set(record.retired))))


def write_record(path: Path, record: AddressRecord) -> bool:
    """Write the record (sorted, stable); True when the file changed."""
    data: dict[str, object] = {"published": record.published}
    if record.retired:
        data["retired"] = list(record.retired)
    text = _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=100)
    # The record protects printed QR codes: a write that fails must leave it whole.
    return write_file(path, text, if_changed=True, after=(
        "Bản ghi cũ vẫn nguyên vẹn, nhưng các địa chỉ mới của lần tạo trang này chưa được ghi "
        "vào đó: chạy lại `thutuc build` sau khi sửa."))


def checked_record(catalog: Catalog, project_root: Path, problems: Problems) -> AddressRecord:
    """Read the catalog's record and check the catalog against it."""
    path = record_path(catalog)
    shown = shown_path(path, project_root)
    record = read_record(path, shown, problems)
    check_record(catalog, record, shown, problems)
    return record


def publish_record(catalog: Catalog, published: tuple[Procedure, ...],
                   project_root: Path) -> str:
    """After a successful build: record what was published. Returns the file's shown path
    when it changed, else an empty string."""
    path = record_path(catalog)
    record = read_record(path, shown_path(path, project_root), Problems())
    changed = write_record(path, updated_record(record, catalog, published))
    return shown_path(path, project_root) if changed else ""
