"""Turn parsed YAML of categories and procedures into validated model objects.

Checks one file at a time (keys, types, required fields, slugs, counts, dates, URLs, form
paths); checks that need the whole catalog (duplicate ids, unknown categories, dangling
`related`) live in `catalog.py`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.load.field_reader import FieldReader, describe, is_web_url, join
from generator.load.provenance import REVIEW_STATES, read_provenance
from generator.load.yaml_reader import Mapping, Sequence
from generator.model import Category, Channel, Document, Faq, Fee, Online, Procedure, Step

PROCEDURE_KEYS = (
    "id", "code", "title", "category", "level", "summary", "applicants", "agency",
    "conditions", "documents", "steps", "channels", "online", "duration", "fees", "result",
    "legal_basis", "faq", "related", "keywords", "aliases", "events", "updated",
    "review", "provenance",
)
REQUIRED_KEYS = ("id", "title", "category", "summary", "documents", "steps", "duration",
                 "result", "updated")
CATEGORY_KEYS = ("id", "name", "names", "icon")
# Keys of the items of list fields (and of `online`), with the required ones.
ITEM_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "documents": (("name", "originals", "copies", "form", "note"), ("name",)),
    "steps": (("title", "text"), ("title",)),
    "channels": (("type", "duration", "fee", "note"), ("type",)),
    "fees": (("name", "amount", "note"), ("name", "amount")),
    "faq": (("q", "a"), ("q", "a")),
    "online": (("level", "url"), ("level",)),
}
CHANNEL_TYPES = ("direct", "online", "post")
ONLINE_LEVELS = ("full", "partial", "none")
LEVELS = ("tinh", "xa")


def read_categories(data: Any, reader: FieldReader) -> list[Category]:
    """Categories from a parsed `categories.yml`."""
    categories: list[Category] = []
    for node, path in reader.records(data, "categories.yml phải là một danh sách lĩnh vực.",
                                     "mỗi lĩnh vực bắt đầu bằng `- id: ...` rồi `name: ...`.",
                                     CATEGORY_KEYS, ("id", "name")):
        names = language_names(node, path, reader)
        category_id = reader.slug(node, "id", path)
        if category_id and category_id in {c.id for c in categories}:
            reader.report(node, "id", join(path, "id"),
                          f"lĩnh vực `{category_id}` được khai báo hai lần.",
                          "xoá một trong hai mục, hoặc đổi `id` của một mục.")
            continue
        categories.append(Category(id=category_id,
                                   name=reader.text(node, "name", path), names=names,
                                   icon=reader.text(node, "icon", path)))
    return categories


def language_names(node: Mapping, path: str, reader: FieldReader) -> dict[str, str]:
    value = node.get("names")
    if value is None:
        return {}
    names = reader.mapping(value, node, "names", join(path, "names"))
    if names is None:
        return {}
    return {lang: reader.text(names, lang, join(path, "names")) for lang in names}


def read_procedure(data: Any, reader: FieldReader, project_root: Path) -> Procedure | None:
    """A procedure from a parsed source-language file, or None when it is unusable."""
    node = reader.mapping(data, data, None, "")
    if node is None:
        return None
    reader.known_keys(node, "", PROCEDURE_KEYS)
    reader.require(node, "", REQUIRED_KEYS)
    updated = reader.date(node, "updated")
    procedure_id = reader.slug(node, "id")
    if not procedure_id or updated is None:
        return None
    return Procedure(
        id=procedure_id,
        code=reader.text(node, "code"),
        title=reader.text(node, "title"),
        category=reader.slug(node, "category"),
        level=_levels(node, reader),
        summary=reader.text(node, "summary"),
        applicants=reader.text_list(node, "applicants"),
        agency=reader.text(node, "agency"),
        conditions=reader.text(node, "conditions"),
        documents=tuple(_documents(node, reader, project_root)),
        steps=tuple(_steps(node, reader)),
        channels=tuple(_channels(node, reader)),
        online=_online(node, reader),
        duration=reader.text(node, "duration"),
        fees=tuple(_fees(node, reader)),
        result=reader.text(node, "result"),
        legal_basis=reader.text_list(node, "legal_basis"),
        faq=tuple(_faq(node, reader)),
        related=reader.slug_list(node, "related"),
        keywords=reader.text_list(node, "keywords"),
        aliases=reader.slug_list(node, "aliases"),
        events=reader.slug_list(node, "events"),
        updated=updated,
        review=reader.choice(node, "review", "", REVIEW_STATES),
        provenance=read_provenance(node, reader),
        source_file=reader.file,
        lines=_key_lines(node),
    )


def _key_lines(node: Mapping) -> dict[str, int]:
    lines = dict(node.key_lines)
    for key in ("related", "aliases"):
        value = node.get(key)
        if isinstance(value, Sequence):
            lines.update({f"{key}[{i}]": value.line_of(i) for i in range(len(value))})
    return lines


def _levels(node: Mapping, reader: FieldReader) -> tuple[str, ...]:
    value = node.get("level")
    if isinstance(value, Sequence):
        levels = reader.text_list(node, "level")
    else:
        levels = (reader.text(node, "level"),) if value is not None else ()
    for level in levels:
        if level not in LEVELS:
            reader.report(node, "level", "level",
                          f"cấp thực hiện `{level}` không hợp lệ; chỉ dùng `xa` hoặc `tinh`.")
    return tuple(level for level in levels if level in LEVELS)


def _list_of_mappings(node: Mapping, key: str, reader: FieldReader, allowed: tuple[str, ...],
                      required: tuple[str, ...], shorthand: str = "") -> list[tuple[Mapping, str]]:
    """Items of a list of mappings with their paths, keys and required fields checked.

    With `shorthand`, a plain text item stands for `{shorthand: text}`: editors often write
    `- Tờ khai đăng ký khai sinh` for a document that needs nothing more.
    """
    result = []
    for index, (item, path, seq) in enumerate(reader.items(node, key)):
        if shorthand and isinstance(item, str) and item.strip():
            expanded = Mapping({shorthand: item})
            expanded.line, expanded.key_lines = seq.line_of(index), {}
            result.append((expanded, path))
            continue
        mapping = reader.record(item, seq, index, path, allowed, required)
        if mapping is not None:
            result.append((mapping, path))
    return result


def _documents(node: Mapping, reader: FieldReader, project_root: Path) -> list[Document]:
    documents = []
    for item, path in _list_of_mappings(node, "documents", reader, *ITEM_KEYS["documents"],
                                        shorthand="name"):
        documents.append(Document(
            name=reader.text(item, "name", path),
            originals=reader.count(item, "originals", path, "Số bản chính"),
            copies=reader.count(item, "copies", path, "Số bản sao"),
            form=_form(item, path, reader, project_root),
            note=reader.text(item, "note", path),
        ))
    return documents


def _form(item: Mapping, path: str, reader: FieldReader, project_root: Path) -> str:
    """A blank form: a web address, or a file inside the project (relative to its root)."""
    value = reader.text(item, "form", path)
    if not value or is_web_url(value):
        return value
    if ":" in value.split("/")[0]:
        reader.report(item, "form", join(path, "form"),
                      f"{value!r} không phải là địa chỉ web http(s) hay đường dẫn tệp.",
                      "ghi địa chỉ bắt đầu bằng `https://`, hoặc đường dẫn tệp trong dự án.")
        return ""
    target = (project_root / value).resolve()
    root = project_root.resolve()
    if value.startswith("/") or not target.is_relative_to(root):
        reader.report(item, "form", join(path, "form"),
                      f"tệp mẫu đơn `{value}` nằm ngoài thư mục dự án.",
                      "chép tệp vào trong dự án (ví dụ thư mục `mau-don/`) và ghi đường dẫn "
                      "tính từ thư mục chứa mkdocs.yml.")
        return ""
    if not target.is_file():
        reader.report(item, "form", join(path, "form"), f"không tìm thấy tệp mẫu đơn `{value}`.",
                      "kiểm tra tên tệp; đường dẫn tính từ thư mục chứa mkdocs.yml.")
        return ""
    return target.relative_to(root).as_posix()


def _steps(node: Mapping, reader: FieldReader) -> list[Step]:
    return [Step(title=reader.text(item, "title", path), text=reader.text(item, "text", path))
            for item, path in _list_of_mappings(node, "steps", reader, *ITEM_KEYS["steps"],
                                                shorthand="title")]


def _channels(node: Mapping, reader: FieldReader) -> list[Channel]:
    return [Channel(type=reader.choice(item, "type", path, CHANNEL_TYPES),
                    duration=reader.text(item, "duration", path),
                    fee=reader.text(item, "fee", path), note=reader.text(item, "note", path))
            for item, path in _list_of_mappings(node, "channels", reader,
                                                *ITEM_KEYS["channels"])]


def _online(node: Mapping, reader: FieldReader) -> Online | None:
    if node.get("online") is None:
        return None
    item = reader.mapping(node["online"], node, "online", "online")
    if item is None:
        return None
    reader.known_keys(item, "online", ITEM_KEYS["online"][0])
    reader.require(item, "online", ITEM_KEYS["online"][1])
    return Online(level=reader.choice(item, "level", "online", ONLINE_LEVELS) or "none",
                  url=reader.url(item, "url", "online"))


def _fees(node: Mapping, reader: FieldReader) -> list[Fee]:
    fees = []
    # `amount` is checked below with its own message (0 means free, not "missing").
    for item, path in _list_of_mappings(node, "fees", reader, ITEM_KEYS["fees"][0], ("name",)):
        if "amount" not in item:
            reader.report(item, None, join(path, "amount"), "thiếu số tiền `amount`.",
                          "ghi số tiền bằng đồng, ví dụ `amount: 20000`, hoặc `0` nếu miễn phí.")
        amount = item.get("amount", 0)
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            reader.report(item, "amount", join(path, "amount"),
                          f"số tiền phải là số nguyên đồng không âm (đang là {describe(amount)})"
                          f"{_amount_reading(amount)}.",
                          "ghi chữ số liền, không dấu chấm, không chữ `đồng`: "
                          f"`amount: {_amount_guess(amount)}`; miễn phí ghi `0`.")
            amount = 0
        fees.append(Fee(name=reader.text(item, "name", path), amount=amount,
                        note=reader.text(item, "note", path)))
    return fees


def _amount_reading(amount: object) -> str:
    """Why a number with a thousands dot went wrong: YAML reads `20.000` as twenty."""
    if isinstance(amount, float) and amount > 0:
        return (f"; dấu chấm làm YAML đọc số này là {amount:g}, "
                f"không phải {round(amount * 1000)}")
    return ""


def _amount_guess(amount: object) -> int:
    """The amount the editor most likely meant: `20.000` -> 20000, `20.000 đồng` -> 20000."""
    if isinstance(amount, float) and amount > 0:
        return round(amount * 1000)
    if isinstance(amount, int) and not isinstance(amount, bool):
        return abs(amount)
    digits = re.sub(r"\D", "", amount) if isinstance(amount, str) else ""
    return int(digits) if digits else 20000


def _faq(node: Mapping, reader: FieldReader) -> list[Faq]:
    return [Faq(q=reader.text(item, "q", path), a=reader.text(item, "a", path))
            for item, path in _list_of_mappings(node, "faq", reader, *ITEM_KEYS["faq"])]
