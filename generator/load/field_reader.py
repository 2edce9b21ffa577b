"""Field readers: each domain rule (a slug, a count, a date, a URL...) checked in one place.

A `FieldReader` reads values out of one parsed YAML file. Every method returns a usable
value (an empty one when the input is wrong) and records a `Problem` naming the file, the
line and the key path, so a whole file is always read to the end and all mistakes surface.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.load.yaml_reader import Mapping, Sequence, line_of, typed_text
from generator.names import name_problem, url_problem
from generator.problems import Problems, did_you_mean

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def join(path: str, key: str | int) -> str:
    """Key path of a child: `documents` + 2 -> `documents[2]`, + `name` -> `documents[2].name`."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def describe(value: Any) -> str:
    """A short, safe description of a wrong value for an error message."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (Mapping, dict)):
        return "một mục có các khoá"
    if isinstance(value, (Sequence, list)):
        return "một danh sách"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass
class FieldReader:
    """Reads fields of one file, reporting problems under `file`."""

    file: str
    problems: Problems

    def report(self, node: Any, key: str | int | None, path: str, message: str,
               fix: str = "") -> None:
        self.problems.add(self.file, line_of(node, key), path, message, fix)

    def mapping(self, value: Any, parent: Any, key: str | int | None, path: str) -> Mapping | None:
        if isinstance(value, Mapping):
            return value
        self.report(parent, key, path, f"phải là một mục có các khoá (đang là {describe(value)}).",
                    "viết các dòng `khoá: giá trị` thụt lề bên dưới.")
        return None

    def records(self, data: Any, not_a_list: str, fix: str, keys: tuple[str, ...],
                required: tuple[str, ...]) -> list[tuple[Mapping, str]]:
        """(item, key path) of each mapping in a file that is a list of records, each checked
        for unknown and missing keys; a file that is not a list is reported (`not_a_list`)."""
        if not isinstance(data, Sequence):
            self.report(data, None, "", not_a_list, fix)
            return []
        found = []
        for index, item in enumerate(data):
            node = self.record(item, data, index, f"[{index}]", keys, required)
            if node is not None:
                found.append((node, f"[{index}]"))
        return found

    def record(self, item: Any, parent: Sequence, index: int, path: str, keys: tuple[str, ...],
               required: tuple[str, ...]) -> Mapping | None:
        """One mapping of a list, checked for unknown and missing keys; None if not a mapping."""
        node = self.mapping(item, parent, index, path)
        if node is not None:
            self.known_keys(node, path, keys)
            self.require(node, path, required)
        return node

    def known_keys(self, node: Mapping, path: str, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in node:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                fix = hint or "xoá khoá này; các khoá được dùng: " + ", ".join(
                    f"`{a}`" for a in allowed) + "."
                self.report(node, key, join(path, key), f"khoá `{key}` không có trong định dạng.",
                            fix)

    def require(self, node: Mapping, path: str, keys: Iterable[str],
                lists: Iterable[str] = ()) -> None:
        """Report required keys that are missing or present without a value; `lists` are
        the keys whose value is a list, which must have at least one item."""
        keys, lists = list(keys), set(lists)
        for key in keys:
            if key not in node and difflib.get_close_matches(key, [k for k in node
                                                                   if k not in keys],
                                                             n=1, cutoff=0.8):
                continue  # misspelt: `known_keys` already says "did you mean `key`?"
            item = f"thêm ít nhất một mục dưới `{key}:`, mỗi mục một dòng bắt đầu bằng `- `."
            value = node.get(key)
            if key not in node:
                self.report(node, None, join(path, key), f"thiếu trường bắt buộc `{key}`.",
                            f"thêm `{key}:` rồi các mục bên dưới, mỗi mục một dòng `- ...`."
                            if key in lists else f"thêm dòng `{key}: ...`.")
            elif value is None or (isinstance(value, str) and not value.strip()):
                # The line is there: only its value is missing (the scaffold leaves it so).
                self.report(node, key, join(path, key), f"trường bắt buộc `{key}` đang để trống.",
                            item if key in lists else f"điền giá trị ngay sau `{key}:`.")
            elif key in lists and isinstance(value, Sequence) and not isinstance(value, str) \
                    and len(value) == 0:
                self.report(node, key, join(path, key),
                            f"danh sách bắt buộc `{key}` đang trống (`[]`).", item)

    def text(self, node: Mapping, key: str, path: str = "") -> str:
        """A text field, exactly as typed (`code: 1.000080` is "1.000080", `title: no` "no")."""
        value = node.get(key)
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        typed = typed_text(node, key)
        if typed is not None:
            return typed.strip()
        self._not_text(node, key, join(path, key), value)
        return ""

    def _not_text(self, node: Mapping | Sequence, key: str | int, path: str, value: Any) -> None:
        """A text field holding a list, a mapping, or a value whose typed text is unknown (a
        number in mkdocs.yml, which MkDocs has already read as YAML 1.1)."""
        if isinstance(value, (Mapping, Sequence, dict, list)):
            self.report(node, key, path, f"phải là văn bản (đang là {describe(value)}).",
                        "viết văn bản trên cùng dòng, hoặc đặt trong ngoặc kép.")
        else:
            self.report(node, key, path,
                        f"phải là văn bản, nhưng YAML đã đọc giá trị này thành {describe(value)}"
                        " nên không biết chính xác chữ đã gõ.",
                        "đặt giá trị trong dấu ngoặc kép, ví dụ `\"0262 3851 234\"`.")

    def items(self, node: Mapping, key: str, path: str = "") -> list[tuple[Any, str, Sequence]]:
        """The items of a list field with their key paths; reports a non-list."""
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, Sequence):
            self.report(node, key, join(path, key),
                        f"phải là một danh sách (đang là {describe(value)}).",
                        "viết mỗi mục trên một dòng bắt đầu bằng `- `.")
            return []
        return [(item, join(join(path, key), i), value) for i, item in enumerate(value)]

    def text_list(self, node: Mapping, key: str, path: str = "") -> tuple[str, ...]:
        result = []
        for index, (item, item_path, seq) in enumerate(self.items(node, key, path)):
            text = item if isinstance(item, str) else typed_text(seq, index)
            if item is None:
                self.report(seq, index, item_path, f"phải là văn bản (đang là {describe(item)}).")
            elif text is None:
                self._not_text(seq, index, item_path, item)
            elif text.strip():
                result.append(text.strip())
        return tuple(result)

    def slug(self, node: Mapping, key: str, path: str = "") -> str:
        """An id: lowercase ASCII letters, digits and `-`, and a name every system can hold."""
        value = self.text(node, key, path)
        if value and not SLUG.match(value):
            self.report(node, key, join(path, key),
                        f"`{value}` không hợp lệ: chỉ dùng chữ thường không dấu, chữ số "
                        "và dấu `-`.",
                        f"ví dụ `{suggest_slug(value)}`.")
            return ""
        if value and (problem := name_problem(value)):
            self.report(node, key, join(path, key), *problem)
            return ""
        return value

    def slug_list(self, node: Mapping, key: str, path: str = "") -> tuple[str, ...]:
        result = []
        for index, (item, item_path, seq) in enumerate(self.items(node, key, path)):
            item = typed_text(seq, index) or item  # `- 2024` is the id "2024"
            problem = name_problem(item) if isinstance(item, str) and SLUG.match(item) else None
            if problem:
                self.report(seq, index, item_path, *problem)
            elif isinstance(item, str) and SLUG.match(item):
                result.append(item)
            else:
                self.report(seq, index, item_path,
                            f"{describe(item)} không phải là mã hợp lệ "
                            "(chữ thường không dấu, chữ số và dấu `-`).")
        return tuple(result)

    def count(self, node: Mapping, key: str, path: str, what: str) -> int:
        value = node.get(key, 0)
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.report(node, key, join(path, key),
                        f"{what} phải là số nguyên không âm (đang là {describe(value)}).",
                        f"ghi một số, ví dụ `{key}: 1`, hoặc `0` nếu không cần.")
            return 0
        return value

    def date(self, node: Mapping, key: str, path: str = "") -> datetime.date | None:
        value = node.get(key)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if value is None:
            return None
        text = str(value).strip()
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            return datetime.date.fromisoformat(text)
        except ValueError:
            self.report(node, key, join(path, key),
                        f"ngày {describe(value)} không hợp lệ.",
                        "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-11-20`.")
            return None

    def choice(self, node: Mapping, key: str, path: str, allowed: tuple[str, ...]) -> str:
        value = self.text(node, key, path)
        if value and value not in allowed:
            hint = did_you_mean(value, allowed)
            self.report(node, key, join(path, key),
                        f"giá trị `{value}` không hợp lệ; chỉ dùng: "
                        + ", ".join(f"`{a}`" for a in allowed) + ".", hint)
            return ""
        return value

    def url(self, node: Mapping, key: str, path: str = "",
            rule: Callable[[str], str] = url_problem) -> str:
        """A web address; `rule` says why a value is refused (`names.url_problem`)."""
        value = self.text(node, key, path)
        problem = rule(value) if value else ""
        if problem:
            self.report(node, key, join(path, key),
                        f"địa chỉ {describe(value)} không hợp lệ: {problem}.",
                        "chép đầy đủ địa chỉ từ thanh địa chỉ của trình duyệt.")
            return ""
        return value

    def flag(self, node: Mapping, key: str, path: str = "") -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.report(node, key, join(path, key), "phải là `true` hoặc `false`.")
            return False
        return value


def is_web_url(value: str) -> bool:
    """True for an absolute http(s) URL that goes where it reads (`names.url_problem`)."""
    return not url_problem(value)


def suggest_slug(text: str) -> str:
    """An ASCII slug for a Vietnamese title: 'Đăng ký khai sinh' -> 'dang-ky-khai-sinh'."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "ma-thu-tuc"
