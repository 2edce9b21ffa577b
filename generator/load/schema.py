"""JSON Schema (draft 2020-12) of a procedure file, with Vietnamese descriptions, for editors'
YAML editors (VS Code's YAML extension autocompletes keys and underlines mistakes).

Everything comes from the field registry (`generator/registry.py`): keys, required keys,
item keys, allowed values and descriptions; this module only turns each field's kind into
its JSON shape.
"""

from __future__ import annotations

from typing import Any

from generator import registry
from generator.load.field_reader import SLUG
from generator.registry import Field

TEXT: dict[str, Any] = {"type": "string"}
# YAML reads `code: 1.001193` or `name: 2024` as numbers; the validator takes them as text.
SCALAR_TEXT: dict[str, Any] = {"type": ["string", "number"]}
SLUG_TEXT: dict[str, Any] = {"type": "string", "pattern": SLUG.pattern}
COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}
DATE: dict[str, Any] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
URL: dict[str, Any] = {"type": "string", "pattern": r"^https?://\S+$"}


def _shape(field: Field) -> dict[str, Any]:
    """The JSON shape of one field."""
    kind = field.kind
    if kind in ("text", "markdown"):
        return SCALAR_TEXT
    if kind == "text_list":
        return {"type": "array", "items": SCALAR_TEXT}
    if kind == "slug":
        return SLUG_TEXT
    if kind == "slug_list":
        return {"type": "array", "items": SLUG_TEXT}
    if kind == "choice":
        return {"enum": list(field.choices)}
    if kind == "choices":
        return {"anyOf": [{"enum": list(field.choices)},
                          {"type": "array", "items": {"enum": list(field.choices)}}]}
    if kind == "date":
        return DATE
    if kind in ("count", "amount"):
        return COUNT
    if kind == "url":
        return URL
    if kind == "form":
        return TEXT
    if kind == "table":
        return {"type": "object", "additionalProperties": TEXT}
    item = {"type": "object",
            "properties": {sub.key: {**_shape(sub), "description": sub.description}
                           for sub in field.fields},
            "required": [sub.key for sub in field.fields if sub.required],
            "additionalProperties": False}
    if kind == "mapping":
        return item
    # Items that may be written as plain text: `- Giấy chứng sinh` means `- name: ...`.
    items = {"anyOf": [{**TEXT, "minLength": 1}, item]} if field.shorthand else item
    return {"type": "array", "items": items}


def procedure_schema() -> dict[str, Any]:
    """The JSON Schema of one procedure file (source language)."""
    properties = {f.key: {**_shape(f), "description": f.description}
                  for f in registry.fields()}
    for key in registry.required_keys():  # present and not empty, as the validator requires
        if properties[key].get("type") in ("string", ["string", "number"]):
            properties[key] = {**properties[key], "minLength": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Thủ tục hành chính (tệp danh mục thutuc)",
        "description": "Một thủ tục trong danh mục, bằng tiếng Việt. "
                       "Xem docs/huong-dan-bien-tap.md.",
        "type": "object",
        "properties": properties,
        "required": list(registry.required_keys()),
        "additionalProperties": False,
    }
