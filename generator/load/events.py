"""Life events (nhóm sự kiện): the registry `events.yml` in the catalog folder, and their order.

`events.yml` is a list of `{id, name, names?, icon?, procedures?}`; `procedures` lists
procedure ids in the order people usually do them. A procedure whose own `events` field names
an event but which the registry does not list comes after the listed ones, A-Z. The file is
optional: without it, the site has no life-event pages (events need names people can read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.field_reader import FieldReader, join
from generator.load.icons import check_icon
from generator.load.procedures import language_names
from generator.load.yaml_reader import Mapping, Sequence, load_yaml
from generator.model import Procedure
from generator.problems import Problems, did_you_mean
from generator.textsort import sort_key

FILE_NAME = "events.yml"
EVENT_KEYS = ("id", "name", "names", "icon", "procedures")


@dataclass(frozen=True)
class LifeEvent:
    id: str
    name: str
    names: dict[str, str] = field(default_factory=dict)
    icon: str = ""
    procedures: tuple[str, ...] = ()  # in the order people do them

    def name_in(self, lang: str) -> str:
        return self.names.get(lang) or self.name


def read_events(catalog_dir: Path, shown_dir: str, procedures: tuple[Procedure, ...],
                problems: Problems) -> tuple[LifeEvent, ...]:
    """The registry, checked against the catalog's procedures; mistakes go to `problems`."""
    path = catalog_dir / FILE_NAME
    if not path.is_file():
        return ()
    reader = FieldReader(f"{shown_dir}/{FILE_NAME}", problems)
    events = _read(load_yaml(path, reader.file, problems), reader, {p.id for p in procedures})
    known = {e.id for e in events}
    for procedure in procedures:
        for index, event_id in enumerate(procedure.events):
            if event_id not in known:
                problems.add(procedure.source_file, procedure.line(f"events[{index}]"),
                             f"events[{index}]", f"sự kiện `{event_id}` không có trong "
                             f"{FILE_NAME}.", did_you_mean(event_id, known)
                             or f"thêm sự kiện vào {FILE_NAME}, hoặc dùng một mã có sẵn.")
    return tuple(events)


def _read(data: Any, reader: FieldReader, ids: set[str]) -> list[LifeEvent]:
    if data is None:
        return []
    events: list[LifeEvent] = []
    for node, path in reader.records(data, f"{FILE_NAME} phải là một danh sách sự kiện.",
                                     "mỗi sự kiện bắt đầu bằng `- id: ...` rồi `name: ...`.",
                                     EVENT_KEYS, ("id", "name")):
        event = LifeEvent(id=reader.slug(node, "id", path), name=reader.text(node, "name", path),
                          names=language_names(node, path, reader),
                          icon=check_icon(reader, node, path),
                          procedures=reader.slug_list(node, "procedures", path))
        _check_listed(node, path, reader, ids)
        if any(e.id == event.id for e in events):
            reader.report(node, "id", join(path, "id"), f"sự kiện `{event.id}` bị trùng.",
                          "đổi `id` cho khác các sự kiện khác.")
        elif len(set(event.procedures)) != len(event.procedures):
            reader.report(node, "procedures", join(path, "procedures"),
                          "một thủ tục được ghi hai lần.", "mỗi thủ tục chỉ ghi một lần.")
        elif event.id:
            events.append(event)
    return events


def _check_listed(node: Mapping, path: str, reader: FieldReader, ids: set[str]) -> None:
    """Every id in an event's `procedures` must name a procedure of the catalog."""
    listed = node.get("procedures")
    if not isinstance(listed, Sequence):
        return
    for index, pid in enumerate(listed):
        if isinstance(pid, str) and pid not in ids:
            reader.report(listed, index, f"{join(path, 'procedures')}[{index}]",
                          f"thủ tục `{pid}` không có trong danh mục.",
                          did_you_mean(pid, ids) or "sửa cho đúng `id` của thủ tục, hoặc xoá.")


def event_procedures(event: LifeEvent, published: list[Procedure]) -> list[Procedure]:
    """The published procedures of an event, in the registry's order, then the others A-Z."""
    by_id = {p.id: p for p in published}
    listed = [by_id[pid] for pid in event.procedures if pid in by_id]
    others = sorted((p for p in published if event.id in p.events and p.id not in event.procedures),
                    key=lambda p: sort_key(p.title))
    return listed + others
