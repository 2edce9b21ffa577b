"""JSON Schema (draft 2020-12) of a procedure file, with Vietnamese descriptions, for editors'
YAML editors (VS Code's YAML extension autocompletes keys and underlines mistakes).

The keys, required keys, item keys and allowed values come from the validator's own tables
(`validate.py`, `provenance.py`, `fields.py`); this module adds only each key's shape and its
description, and fails loudly when the validator knows a key it has no description for.
"""

from __future__ import annotations

from typing import Any

from generator.load.field_reader import SLUG
from generator.load.procedures import (
    CHANNEL_TYPES,
    ITEM_KEYS,
    LEVELS,
    ONLINE_LEVELS,
    PROCEDURE_KEYS,
    REQUIRED_KEYS,
)
from generator.load.provenance import PROVENANCE_KEYS, REVIEW_STATES

TEXT: dict[str, Any] = {"type": "string"}
# YAML reads `code: 1.001193` or `name: 2024` as numbers; the validator takes them as text.
SCALAR_TEXT: dict[str, Any] = {"type": ["string", "number"]}
SLUG_TEXT: dict[str, Any] = {"type": "string", "pattern": SLUG.pattern}
COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}
DATE: dict[str, Any] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
URL: dict[str, Any] = {"type": "string", "pattern": r"^https?://\S+$"}

DESCRIPTIONS = {
    "id": "Mã trang của thủ tục: chữ thường không dấu, chữ số và dấu `-`. Là địa chỉ trang và "
          "nằm trong mã QR đã in, nên không bao giờ đổi.",
    "code": "Mã thủ tục quốc gia, ví dụ \"1.001193\" (đặt trong ngoặc kép).",
    "title": "Tên thủ tục.",
    "category": "Lĩnh vực: một `id` trong categories.yml.",
    "level": "Cấp thực hiện: `xa` (cấp xã) hoặc `tinh` (cấp tỉnh); có thể ghi cả hai.",
    "summary": "Một hai câu dễ hiểu: thủ tục dùng để làm gì, ai cần làm.",
    "applicants": "Đối tượng thực hiện, mỗi đối tượng một dòng.",
    "agency": "Cơ quan thực hiện (hồ sơ đơn vị có thể ghi đè).",
    "conditions": "Yêu cầu, điều kiện (Markdown).",
    "documents": "Thành phần hồ sơ: mỗi giấy tờ một mục.",
    "steps": "Trình tự thực hiện: mỗi bước một mục.",
    "channels": "Cách thức thực hiện: nộp trực tiếp, trực tuyến hoặc qua bưu chính.",
    "online": "Dịch vụ công trực tuyến của thủ tục.",
    "duration": "Thời hạn giải quyết, ví dụ \"Ngay trong ngày làm việc\".",
    "fees": "Phí, lệ phí: mỗi khoản một mục.",
    "result": "Kết quả thực hiện, ví dụ \"Giấy khai sinh (bản chính)\".",
    "legal_basis": "Căn cứ pháp lý, mỗi văn bản một dòng.",
    "faq": "Câu hỏi thường gặp.",
    "related": "Thủ tục liên quan: `id` của các thủ tục khác.",
    "keywords": "Từ khoá tìm kiếm thêm (cả không dấu, tên gọi địa phương).",
    "aliases": "Các `id` cũ của thủ tục; địa chỉ cũ vẫn dẫn tới trang này.",
    "events": "Nhóm sự kiện đời sống, ví dụ `sinh-con`, `ket-hon`.",
    "updated": "Ngày kiểm tra nội dung gần nhất, dạng NĂM-THÁNG-NGÀY.",
    "review": "Đã có người kiểm tra nội dung nhập tự động chưa: `needed` (cần kiểm tra) "
              "hoặc `done` (đã kiểm tra).",
    "provenance": "Nguồn nhập dữ liệu; do lệnh `thutuc import` ghi, người biên tập không sửa.",
}
ITEM_DESCRIPTIONS = {
    "documents": {"name": "Tên giấy tờ.", "originals": "Số bản chính.", "copies": "Số bản sao.",
                  "form": "Mẫu đơn, tờ khai: địa chỉ web hoặc đường dẫn tệp trong dự án.",
                  "note": "Ghi chú."},
    "steps": {"title": "Tên bước.", "text": "Nội dung bước (Markdown)."},
    "channels": {"type": "`direct` (trực tiếp), `online` (trực tuyến), `post` (bưu chính).",
                 "duration": "Thời hạn theo cách này.", "fee": "Phí, lệ phí theo cách này.",
                 "note": "Ghi chú."},
    "fees": {"name": "Tên khoản phí, lệ phí.",
             "amount": "Số tiền bằng đồng, chữ số liền; 0 là miễn phí.", "note": "Ghi chú."},
    "faq": {"q": "Câu hỏi.", "a": "Trả lời (Markdown)."},
    "online": {"level": "`full` (toàn trình), `partial` (một phần) hoặc `none`.",
               "url": "Trang của thủ tục trên Cổng Dịch vụ công."},
    "provenance": {"national_code": "Mã thủ tục quốc gia của bản ghi đã nhập.",
                   "url": "Trang nguồn trên Cổng Dịch vụ công quốc gia.",
                   "imported": "Ngày nhập.",
                   "fingerprints": "Dấu vân tay từng trường đã nhập, để lần nhập sau nhận ra "
                                   "trường người biên tập đã sửa.",
                   "extra": "Các trường của dữ liệu quốc gia chưa có chỗ trong định dạng."},
}
_SUB_SHAPES: dict[str, dict[str, Any]] = {
    "documents": {"name": TEXT, "originals": COUNT, "copies": COUNT, "form": TEXT, "note": TEXT},
    "steps": {"title": TEXT, "text": TEXT},
    "channels": {"type": {"enum": list(CHANNEL_TYPES)}, "duration": TEXT, "fee": SCALAR_TEXT,
                 "note": TEXT},
    "fees": {"name": TEXT, "amount": COUNT, "note": TEXT},
    "faq": {"q": TEXT, "a": TEXT},
    "online": {"level": {"enum": list(ONLINE_LEVELS)}, "url": URL},
    "provenance": {"national_code": SCALAR_TEXT, "url": URL, "imported": DATE,
                   "fingerprints": {"type": "object", "additionalProperties": TEXT},
                   "extra": {"type": "object", "additionalProperties": TEXT}},
}
# Items that may be written as plain text: `- Giấy chứng sinh` means `- name: Giấy chứng sinh`.
_SHORTHAND = {"documents", "steps"}


def _object(key: str, keys: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any]:
    properties = {sub: {**_SUB_SHAPES[key][sub], "description": ITEM_DESCRIPTIONS[key][sub]}
                  for sub in keys}
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


def _shape(key: str) -> dict[str, Any]:
    if key in ITEM_KEYS:
        item = _object(key, *ITEM_KEYS[key])
        if key == "online":
            return item
        items = {"anyOf": [{**TEXT, "minLength": 1}, item]} if key in _SHORTHAND else item
        return {"type": "array", "items": items}
    if key == "provenance":
        return _object(key, PROVENANCE_KEYS, ())
    shapes: dict[str, dict[str, Any]] = {
        "id": SLUG_TEXT, "category": SLUG_TEXT, "code": SCALAR_TEXT, "updated": DATE,
        "level": {"anyOf": [{"enum": list(LEVELS)},
                            {"type": "array", "items": {"enum": list(LEVELS)}}]},
        "review": {"enum": list(REVIEW_STATES)},
        "related": {"type": "array", "items": SLUG_TEXT},
        "aliases": {"type": "array", "items": SLUG_TEXT},
        "events": {"type": "array", "items": SLUG_TEXT},
        "applicants": {"type": "array", "items": SCALAR_TEXT},
        "keywords": {"type": "array", "items": SCALAR_TEXT},
        "legal_basis": {"type": "array", "items": SCALAR_TEXT},
    }
    return shapes.get(key, SCALAR_TEXT)


def procedure_schema() -> dict[str, Any]:
    """The JSON Schema of one procedure file (source language)."""
    properties = {key: {**_shape(key), "description": DESCRIPTIONS[key]}
                  for key in PROCEDURE_KEYS}
    for key in REQUIRED_KEYS:  # present and not empty, as the validator requires
        if properties[key].get("type") in ("string", ["string", "number"]):
            properties[key] = {**properties[key], "minLength": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Thủ tục hành chính (tệp danh mục thutuc)",
        "description": "Một thủ tục trong danh mục, bằng tiếng Việt. "
                       "Xem docs/huong-dan-bien-tap.md.",
        "type": "object",
        "properties": properties,
        "required": list(REQUIRED_KEYS),
        "additionalProperties": False,
    }
