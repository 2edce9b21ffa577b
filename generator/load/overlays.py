"""Read translation overlays (`NAME.LANG.yml`): only translatable text, shaped like the source."""

from __future__ import annotations

from typing import Any

from generator import registry
from generator.load.field_reader import FieldReader, join
from generator.load.yaml_reader import Mapping
from generator.model import Overlay, Procedure

# An overlay holds the registry's translatable fields: texts, lists of text, and lists of
# items with their translatable item fields. Everything else (ids, amounts, dates, URLs)
# comes from the source.
META_KEYS = ("status", "translator", "source", "suggestions")
STATUSES = ("draft", "reviewed")


def read_overlay(data: Any, reader: FieldReader, procedure_id: str, lang: str) -> Overlay | None:
    """An overlay from a parsed translation file, or None when it is unusable."""
    node = reader.mapping(data, data, None, "")
    if node is None:
        return None
    text_fields, item_fields = registry.text_fields(), registry.item_fields()
    text_lists = registry.text_list_fields()
    allowed = META_KEYS + tuple(f.key for f in registry.translatable())
    from_source = [key for key in node if key in registry.procedure_keys() and key not in allowed]
    for key in from_source:
        reader.report(node, key, key,
                      f"`{key}` không phải là văn bản cần dịch: bản dịch luôn lấy giá trị này "
                      "từ bản gốc.", "xoá dòng này khỏi bản dịch; muốn sửa thì sửa bản gốc.")
    reader.known_keys(node, "", (*allowed, *from_source))
    fields: dict[str, object] = {}
    for key in text_fields:
        if reader.text(node, key):
            fields[key] = reader.text(node, key)
    for key in text_lists:
        if node.get(key) is not None:
            fields[key] = reader.text_list(node, key)
    for key, subfields in item_fields.items():
        items: list[dict[str, str]] = []
        for index, (item, path, seq) in enumerate(reader.items(node, key)):
            mapping = reader.mapping(item, seq, index, path) if item is not None else None
            if mapping is None:
                items.append({})
                continue
            reader.known_keys(mapping, path, subfields)
            items.append({sub: reader.text(mapping, sub, path) for sub in subfields
                          if reader.text(mapping, sub, path)})
        if node.get(key) is not None:
            fields[key] = tuple(items)
    return Overlay(
        procedure_id=procedure_id, lang=lang, source_file=reader.file,
        status=reader.choice(node, "status", "", STATUSES) or "draft",
        translator=reader.text(node, "translator"),
        source=_source(node, reader), fields=fields,
        suggestions=_suggestions(node, reader),
    )


def _source(node: Mapping, reader: FieldReader) -> str | dict[str, str]:
    value = node.get("source")
    if isinstance(value, Mapping):
        return {key: reader.text(value, key, join("source", key)) for key in value}
    return reader.text(node, "source")


def _suggestions(node: Mapping, reader: FieldReader) -> dict[str, str | tuple[str, ...]]:
    """`suggestions:`, field path -> text (a list of text for `applicants`, `keywords`)."""
    value = node.get("suggestions")
    if value is None:
        return {}
    found = reader.mapping(value, node, "suggestions", "suggestions")
    if found is None:
        return {}
    result: dict[str, str | tuple[str, ...]] = {}
    for key in found:
        if key in registry.text_list_fields():
            result[key] = reader.text_list(found, key, "suggestions")
        elif reader.text(found, key, "suggestions"):
            result[key] = reader.text(found, key, "suggestions")
    return result


def check_against_source(overlay: Overlay, source: Procedure, reader: FieldReader,
                         node: Any) -> None:
    """Report item lists whose length differs from the source's (they are matched by order)."""
    for key in registry.item_fields():
        if key not in overlay.fields:
            continue
        have, want = len(overlay.fields[key]), len(source.value(key))  # type: ignore[arg-type]
        if have != want:
            reader.report(node, key, key,
                          f"bản dịch có {have} mục nhưng bản gốc có {want} mục; các mục được "
                          "ghép theo thứ tự nên số mục phải bằng nhau.",
                          f"dịch đủ và đúng thứ tự {want} mục của `{key}` trong "
                          f"`{source.source_file}`.")
