"""Turn parsed YAML of categories and procedures into validated model objects.

Checks one file at a time (keys, types, required fields, slugs, counts, dates, URLs, form
paths); checks that need the whole catalog (duplicate ids, unknown categories, dangling
`related`) live in `catalog.py`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator import registry
from generator.load.field_reader import FieldReader, describe, is_web_url, join
from generator.load.icons import check_icon
from generator.load.yaml_reader import Mapping, Sequence
from generator.model import Category, Procedure
from generator.registry import Field

CATEGORY_KEYS = ("id", "name", "names", "icon")


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
                                   icon=check_icon(reader, node, path)))
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
    """A procedure from a parsed source-language file, or None when it is unusable.

    Every field is read as its registry declaration says; `id` and `updated` first, as a
    file without them is not a procedure at all.
    """
    node = reader.mapping(data, data, None, "")
    if node is None:
        return None
    reader.known_keys(node, "", registry.procedure_keys())
    reader.require(node, "", registry.required_keys(),
                   lists=tuple(f.key for f in registry.fields() if f.kind == "items"))
    updated = reader.date(node, "updated")
    procedure_id = reader.slug(node, "id")
    if not procedure_id or updated is None:
        return None
    values = {f.key: read_field(f, node, "", reader, project_root)
              for f in registry.fields() if f.key not in ("id", "updated")}
    return Procedure.of({"id": procedure_id, "updated": updated, **values},
                        source_file=reader.file, lines=_key_lines(node))


def read_field(field: Field, node: Mapping, path: str, reader: FieldReader,
               project_root: Path) -> Any:
    """The value of one field of `node` (empty when absent or wrong, with a problem)."""
    key, kind = field.key, field.kind
    if kind in ("text", "markdown"):
        return reader.text(node, key, path)
    if kind == "text_list":
        return reader.text_list(node, key, path)
    if kind == "slug":
        return reader.slug(node, key, path)
    if kind == "slug_list":
        return reader.slug_list(node, key, path)
    if kind == "choice":
        return reader.choice(node, key, path, field.choices) or field.default
    if kind == "choices":
        return _choices(field, node, path, reader)
    if kind == "date":
        return reader.date(node, key, path)
    if kind == "count":
        return reader.count(node, key, path, field.label)
    if kind == "amount":
        return _amount(node, path, reader)
    if kind == "url":
        return reader.url(node, key, path)
    if kind == "form":
        return _form(node, path, reader, project_root)
    if kind == "items":
        return tuple(_model(field, item, item_path, reader, project_root)
                     for item, item_path in _list_of_mappings(node, field, reader))
    if kind == "mapping":
        return _mapping(field, node, path, reader, project_root)
    assert kind == "table", kind
    return _table(node, key, path, reader)


def _model(field: Field, node: Mapping, path: str, reader: FieldReader,
           project_root: Path) -> Any:
    """An item (or mapping) of `field` as its model object."""
    assert field.model is not None, field.key
    return field.model.of({sub.key: read_field(sub, node, path, reader, project_root)
                           for sub in field.fields})


def _mapping(field: Field, node: Mapping, path: str, reader: FieldReader,
             project_root: Path) -> Any:
    if node.get(field.key) is None:
        return None
    where = join(path, field.key)
    item = reader.mapping(node[field.key], node, field.key, where)
    if item is None:
        return None
    reader.known_keys(item, where, field.item_keys)
    reader.require(item, where, field.required_items)
    values = {sub.key: read_field(sub, item, where, reader, project_root) for sub in field.fields}
    if any(sub.required and values[sub.key] is None for sub in field.fields):
        return None  # a required date missing or wrong (`reviewed` without `date`): reported
    assert field.model is not None, field.key
    return field.model.of(values)


def _table(node: Mapping, key: str, path: str, reader: FieldReader) -> dict[str, str]:
    """A mapping of names to text (`provenance.extra`)."""
    if node.get(key) is None:
        return {}
    where = join(path, key)
    table = reader.mapping(node[key], node, key, where)
    return {name: reader.text(table, name, where) for name in table} if table else {}


def _key_lines(node: Mapping) -> dict[str, int]:
    lines = dict(node.key_lines)
    for field in registry.fields():
        value = node.get(field.key)
        # Each item of a list (`related[2]`, `documents[3]`): warnings about one name its line.
        if isinstance(value, Sequence):
            lines.update({f"{field.key}[{i}]": value.line_of(i) for i in range(len(value))})
    return lines


def _choices(field: Field, node: Mapping, path: str, reader: FieldReader) -> tuple[str, ...]:
    """One allowed value, or a list of them (`level: [xa, tinh]`)."""
    key = field.key
    value = node.get(key)
    if isinstance(value, Sequence):
        chosen = reader.text_list(node, key, path)
    else:
        chosen = (reader.text(node, key, path),) if value is not None else ()
    allowed = " hoặc ".join(f"`{choice}`" for choice in field.choices)
    for choice in chosen:
        if choice not in field.choices:
            reader.report(node, key, join(path, key),
                          f"{field.label} `{choice}` không hợp lệ; chỉ dùng {allowed}.")
    return tuple(choice for choice in chosen if choice in field.choices)


def _list_of_mappings(node: Mapping, field: Field,
                      reader: FieldReader) -> list[tuple[Mapping, str]]:
    """Items of a list of mappings with their paths, keys and required fields checked.

    With a `shorthand`, a plain text item stands for `{shorthand: text}`: editors often write
    `- Tờ khai đăng ký khai sinh` for a document that needs nothing more. An `amount` is
    checked by `_amount`, with its own message (0 means free, not "missing").
    """
    required = tuple(sub.key for sub in field.fields if sub.required and sub.kind != "amount")
    result = []
    for index, (item, path, seq) in enumerate(reader.items(node, field.key)):
        if field.shorthand and isinstance(item, str) and item.strip():
            expanded = Mapping({field.shorthand: item})
            expanded.line, expanded.key_lines = seq.line_of(index), {}
            result.append((expanded, path))
            continue
        mapping = reader.record(item, seq, index, path, field.item_keys, required)
        if mapping is not None:
            result.append((mapping, path))
    return result


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


def _amount(item: Mapping, path: str, reader: FieldReader) -> int:
    """A fee's amount: whole đồng, 0 for free; a missing or mistyped one is explained."""
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
        return 0
    return amount


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
