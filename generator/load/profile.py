"""The site profile: who publishes the site (a commune), where, when, and in which languages.

A profile is a YAML file named by the plugin's `profile` option (or that option's mapping).
Its `name`, `site_url` and `languages` default to mkdocs.yml's `site_name`, `site_url` and the
plugin's `languages`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.load.field_reader import LANG_CODE, FieldReader, join
from generator.load.yaml_reader import Mapping, Sequence, from_plain, load_yaml
from generator.model import Language, LocalOverride, SiteProfile
from generator.names import PhoneNumber, language_code_problem, parse_phones, site_url_problem
from generator.problems import Problems
from generator.registry import LEVELS
from generator.safe_text import balance_bidi

PROFILE_KEYS = ("name", "address", "hours", "phone", "email", "map_url", "portal_url",
                "site_url", "example", "languages", "categories", "procedures", "overrides",
                "levels", "unreviewed")
UNREVIEWED = ("publish", "hide")  # what to do with procedures not checked yet
OVERRIDE_KEYS = ("agency", "address", "note", "fee_note")


def load_profile(origin: Path | dict[str, Any] | None, shown_as: str, problems: Problems, *,
                 name: str, site_url: str, languages: list[Any]) -> SiteProfile | None:
    """Read the profile (a file, the mapping written in mkdocs.yml, or none) with the
    defaults from mkdocs.yml."""
    data: Any = from_plain(origin if isinstance(origin, dict) else {})
    if isinstance(origin, Path):
        data = load_yaml(origin, shown_as, problems)
        if data is None:
            if not problems:
                problems.add(shown_as, 0, "", "tệp hồ sơ đơn vị trống.")
            return None
    reader = FieldReader(shown_as, problems)
    node = reader.mapping(data, data, None, "")
    if node is None:
        return None
    reader.known_keys(node, "", PROFILE_KEYS)
    url = reader.url(node, "site_url", rule=site_url_problem) if node.get("site_url") \
        else _mkdocs_site_url(site_url, problems)
    if not node.get("site_url") and not site_url:
        reader.report(node, None, "site_url",
                      "thiếu địa chỉ công khai của trang (`site_url`), là địa chỉ mã QR dẫn tới.",
                      "thêm `site_url: https://ten-mien-cua-xa/thu-tuc/` vào mkdocs.yml.")
    phone = reader.text(node, "phone")
    return SiteProfile(
        name=reader.text(node, "name") or balance_bidi(name),
        site_url=url.rstrip("/") + "/" if url else "",
        languages=_languages(node.get("languages") or languages, node, reader),
        address=reader.text(node, "address"),
        hours=_hours(node, reader),
        phone=phone,
        phones=_phones(phone, node, reader),
        email=reader.text(node, "email"),
        map_url=reader.url(node, "map_url"),
        portal_url=reader.url(node, "portal_url"),
        example=reader.flag(node, "example"),
        categories=reader.slug_list(node, "categories"),
        procedures=reader.slug_list(node, "procedures"),
        overrides=_overrides(node, reader),
        levels=_site_levels(node, reader),
        unreviewed=reader.choice(node, "unreviewed", "", UNREVIEWED) or UNREVIEWED[0],
    )


def _mkdocs_site_url(value: str, problems: Problems) -> str:
    """mkdocs.yml's `site_url`, checked like the profile's."""
    problem = site_url_problem(value) if value else ""
    if problem:
        problems.add("mkdocs.yml", 0, "site_url",
                     f"địa chỉ `site_url` {value!r} không hợp lệ: {problem}.",
                     "ghi địa chỉ công khai của trang, ví dụ "
                     "`site_url: https://ten-mien-cua-xa/thu-tuc/`.")
        return ""
    return value


def _phones(phone: str, node: Mapping, reader: FieldReader) -> tuple[PhoneNumber, ...]:
    """The numbers of the profile's `phone` (one "Gọi điện" button each)."""
    if not phone:
        return ()
    numbers, problem = parse_phones(phone)
    if problem:
        reader.report(node, "phone", "phone", f"số điện thoại không đọc được: {problem}.",
                      "ghi các số cách nhau bằng dấu phẩy, số máy lẻ trong ngoặc, ví dụ "
                      "`phone: \"0262 3851 234 (máy lẻ 105), 0905 123 456\"`.")
    return numbers


def _site_levels(node: Mapping, reader: FieldReader) -> tuple[str, ...]:
    levels = reader.slug_list(node, "levels")
    for level in levels:
        if level not in LEVELS:
            reader.report(node, "levels", "levels", f"cấp `{level}` không hợp lệ; chỉ dùng: "
                          + ", ".join(f"`{known}`" for known in LEVELS) + ".")
    return tuple(level for level in levels if level in LEVELS) or ("xa",)


def _hours(node: Mapping, reader: FieldReader) -> tuple[str, ...]:
    if isinstance(node.get("hours"), Sequence):
        return reader.text_list(node, "hours")
    text = reader.text(node, "hours")
    return (text,) if text else ()


def _languages(value: Any, node: Mapping, reader: FieldReader) -> tuple[Language, ...]:
    """Languages in order, the source language (`vi`) first."""
    if not value:
        return (Language("vi", "Tiếng Việt"),)
    holder = from_plain({"languages": value}, node.line_of("languages"))
    languages = []
    for index, (item, path, seq) in enumerate(reader.items(holder, "languages")):
        if isinstance(item, str):
            item = from_plain({"code": item, "name": item}, seq.line_of(index))
        entry = reader.mapping(item, seq, index, path)
        if entry is None:
            continue
        reader.known_keys(entry, path, ("code", "name"))
        code = reader.text(entry, "code", path)
        if not LANG_CODE.match(code):
            reader.report(entry, "code", join(path, "code"),
                          f"`{code}` không phải là mã ngôn ngữ BCP 47 (ví dụ `vi`, `en`, `rad`).")
            continue
        if problem := language_code_problem(code):
            reader.report(entry, "code", join(path, "code"), *problem)
            continue
        languages.append(Language(code, reader.text(entry, "name", path) or code))
    codes = [language.code for language in languages]
    if codes and codes[0] != "vi":
        reader.report(holder, "languages", "languages",
                      "ngôn ngữ đầu tiên phải là tiếng Việt (`vi`), ngôn ngữ của bản gốc.",
                      "đưa `vi` lên đầu danh sách.")
    if len(set(codes)) != len(codes):
        reader.report(holder, "languages", "languages", "có ngôn ngữ được khai báo hai lần.")
    return tuple(languages) or (Language("vi", "Tiếng Việt"),)


def _overrides(node: Mapping, reader: FieldReader) -> dict[str, LocalOverride]:
    value = node.get("overrides")
    if value is None:
        return {}
    table = reader.mapping(value, node, "overrides", "overrides")
    if table is None:
        return {}
    overrides = {}
    for procedure_id in table:
        path = join("overrides", procedure_id)
        entry = reader.mapping(table[procedure_id], table, procedure_id, path)
        if entry is None:
            continue
        reader.known_keys(entry, path, OVERRIDE_KEYS)
        overrides[procedure_id] = LocalOverride(**{key: reader.text(entry, key, path)
                                                   for key in OVERRIDE_KEYS})
    return overrides
