"""JSON Schema (draft 2020-12) of a procedure file, with Vietnamese descriptions, for editors'
YAML editors (VS Code's YAML extension autocompletes keys and underlines mistakes).

Everything comes from the field registry (`generator/registry.py`): keys, required keys,
item keys, allowed values and descriptions; this module only turns each field's kind into
its JSON shape, each with the Vietnamese `errorMessage` that yaml-language-server shows in
place of its English one, worded as the loader's own messages (load/field_reader.py).
"""

from __future__ import annotations

from typing import Any

from generator import registry
from generator.load.events import EVENT_KEYS
from generator.load.field_reader import SLUG
from generator.load.glossary import TERM_KEYS
from generator.load.overlays import META_KEYS
from generator.load.procedures import CATEGORY_KEYS
from generator.load.profile import PROFILE_KEYS
from generator.registry import Field

TEXT: dict[str, Any] = {"type": "string", "errorMessage": "giá trị này phải là chữ."}
# YAML reads `code: 1.001193` or `name: 2024` as numbers; the validator takes them as text.
SCALAR_TEXT: dict[str, Any] = {"type": ["string", "number"],
                               "errorMessage": "giá trị này phải là chữ (một dòng văn bản)."}
SLUG_TEXT: dict[str, Any] = {"type": "string", "pattern": SLUG.pattern,
                             "errorMessage": "không phải là mã hợp lệ: chỉ dùng chữ thường "
                                             "không dấu, chữ số và dấu `-`."}
COUNT: dict[str, Any] = {"type": "integer", "minimum": 0,
                         "errorMessage": "phải là số nguyên không âm; ghi một số, ví dụ `1`, "
                                         "hoặc `0` nếu không cần."}
DATE: dict[str, Any] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                        "errorMessage": "ngày không hợp lệ: viết theo dạng YYYY-MM-DD, "
                                        "ví dụ 2026-11-20 (năm-tháng-ngày)."}
URL: dict[str, Any] = {"type": "string", "pattern": r"^https?://\S+$",
                       "errorMessage": "địa chỉ không hợp lệ: viết đầy đủ, bắt đầu bằng "
                                       "`https://`."}
LIST = "phải là một danh sách, mỗi mục một dòng bắt đầu bằng `- `."


def _choices(allowed: tuple[str, ...]) -> str:
    """The loader's message for a value outside a fixed list."""
    return "giá trị không hợp lệ; chỉ dùng: " + ", ".join(f"`{a}`" for a in allowed) + "."


def _mapping(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """An object with only `properties`, `required` ones present: an unknown key names the
    allowed ones and each missing key is its own message (yaml-language-server gives a
    schema one `errorMessage` for all its failures, hence one subschema per message)."""
    allowed = "khoá này không có trong định dạng; xoá khoá này hoặc sửa chính tả; " \
              "các khoá được dùng: " + ", ".join(f"`{k}`" for k in properties) + "."
    shape = {"type": "object", "properties": properties, "additionalProperties": False,
             "errorMessage": allowed}
    if required:  # an empty `allOf` is not a valid schema
        shape["allOf"] = [{"required": [key], "errorMessage": _missing(key, properties[key])}
                          for key in required]
    return shape


def _missing(key: str, shape: dict[str, Any]) -> str:
    """The loader's message for a missing required key (a list says how to write items)."""
    fix = f"thêm `{key}:` rồi các mục bên dưới, mỗi mục một dòng `- ...`." \
        if shape.get("type") == "array" else f"thêm dòng `{key}: ...`."
    return f"thiếu trường bắt buộc `{key}`: {fix}"


def _shape(field: Field) -> dict[str, Any]:
    """The JSON shape of one field."""
    kind = field.kind
    if kind in ("text", "markdown"):
        return SCALAR_TEXT
    if kind == "text_list":
        return {"type": "array", "items": SCALAR_TEXT, "errorMessage": LIST}
    if kind == "slug":
        return SLUG_TEXT
    if kind == "slug_list":
        return {"type": "array", "items": SLUG_TEXT, "errorMessage": LIST}
    if kind == "choice":
        return {"enum": list(field.choices), "errorMessage": _choices(field.choices)}
    if kind == "choices":
        return {"anyOf": [{"enum": list(field.choices)},
                          {"type": "array", "items": {"enum": list(field.choices)}}],
                "errorMessage": _choices(field.choices)}
    if kind == "date":
        return DATE
    if kind in ("count", "amount"):
        return COUNT
    if kind == "url":
        return URL
    if kind == "form":
        return TEXT
    if kind == "table":
        return {"type": "object", "additionalProperties": TEXT,
                "errorMessage": "phải là các dòng `khoá: giá trị`."}
    item = _mapping({sub.key: {**_shape(sub), "description": sub.description}
                     for sub in field.fields},
                    [sub.key for sub in field.fields if sub.required])
    if kind == "mapping":
        return item
    # Items that may be written as plain text: `- Giấy chứng sinh` means `- name: ...`.
    items = {"anyOf": [{**TEXT, "minLength": 1}, item]} if field.shorthand else item
    return {"type": "array", "items": items, "errorMessage": LIST}


def procedure_schema() -> dict[str, Any]:
    """The JSON Schema of one procedure file (source language)."""
    properties = {f.key: {**_shape(f), "description": f.description}
                  for f in registry.fields()}
    for key in registry.required_keys():  # present and not empty, as the validator requires
        if properties[key].get("type") in ("string", ["string", "number"]):
            # A date or a pattern keeps its own message; a free text says it is empty.
            message = properties[key]["errorMessage"] if "pattern" in properties[key] else (
                f"trường bắt buộc `{key}` phải là chữ, không để trống: điền giá trị ngay sau "
                f"`{key}:`.")
            properties[key] = {**properties[key], "minLength": 1, "errorMessage": message}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Thủ tục hành chính (tệp danh mục thutuc)",
        "description": "Một thủ tục trong danh mục, bằng tiếng Việt. "
                       "Xem docs/huong-dan-bien-tap.md.",
        **_mapping(properties, list(registry.required_keys())),
    }


def _document(title: str, shape: dict[str, Any]) -> dict[str, Any]:
    """A whole schema document around one shape."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **shape}


def _records(title: str, keys: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any]:
    """A file that is a list of records with the reader's keys (values checked by `check`)."""
    item = _mapping({key: {} for key in keys}, list(required))
    return _document(title, {"type": "array", "items": item, "errorMessage": LIST})


def overlay_schema() -> dict[str, Any]:
    """The JSON Schema of a translation file NAME.LANG.yml: only the translatable fields
    and the translation's own keys (their values are checked by `thutuc check`)."""
    keys = (*META_KEYS, *(f.key for f in registry.translatable()))
    return _document("Bản dịch một thủ tục (tệp NAME.LANG.yml)",
                     _mapping({key: {} for key in keys}, []))


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema `thutuc schema --all` writes, by file name."""
    return {
        "thutuc.schema.json": procedure_schema(),
        "thutuc.overlay.schema.json": overlay_schema(),
        "thutuc.categories.schema.json": _records("Lĩnh vực (categories.yml)",
                                                  CATEGORY_KEYS, ("id", "name")),
        "thutuc.events.schema.json": _records("Sự kiện trong đời (events.yml)",
                                              EVENT_KEYS, ("id", "name")),
        "thutuc.glossary.schema.json": _records("Giải thích từ ngữ (glossary.yml)",
                                                TERM_KEYS, ("id", "term", "explain")),
        "thutuc.profile.schema.json": _document("Hồ sơ xã (profiles/*.yml)",
                                                _mapping({key: {} for key in PROFILE_KEYS},
                                                         [])),
    }
