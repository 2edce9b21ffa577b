"""Interface text of our pages, one YAML file per language, falling back to Vietnamese.

The generator ships `generator/strings/LANG.yml`; a project may add or override languages in
a folder of its own (the plugin's `strings` option) with files of the same form.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.load.field_reader import FieldReader
from generator.load.yaml_reader import load_yaml
from generator.problems import Problems

PACKAGED = Path(__file__).parent.parent / "strings"  # generator/strings/LANG.yml
SOURCE_LANGUAGE = "vi"


class Text(str):
    """Text for a page that knows `lang`, the code of the language it is in when that is not
    the page's, else "": interface text as `Strings.t` gives it (Vietnamese, for a key the
    page's language lacks), a page's title. Templates mark its element with `| lang_attr`.
    Text joined from it (`+`, `~`, `format`) is a plain `str`: whoever joins says its
    language (`joined`)."""

    lang: str

    def __new__(cls, text: str, lang: str = "") -> Text:
        made = super().__new__(cls, text)
        made.lang = lang
        return made


def joined(separator: str, texts: Sequence[Text]) -> Text:
    """Interface texts shown as one (`Cập nhật ngày 25/11/2026 · Mã thủ tục: 1.001193`): in
    Vietnamese when any of them is."""
    return Text(separator.join(texts), next((text.lang for text in texts if text.lang), ""))


@dataclass(frozen=True)
class Strings:
    """Interface text of one language; `missing` lists keys shown in Vietnamese instead."""

    lang: str
    own: dict[str, str]
    fallback: dict[str, str]

    def t(self, key: str, **values: object) -> Text:
        """The text for `key` in this language (or Vietnamese), with `{name}`s filled in."""
        template = self.own.get(key) or self.fallback[key]
        return Text(template.format(**values) if values else template, self.lang_of(key))

    def is_own(self, key: str) -> bool:
        """Whether this language has its own text for `key` (else it is shown in
        Vietnamese)."""
        return bool(self.own.get(key))

    def lang_of(self, *keys: str) -> str:
        """The code of the language the texts of `keys`, shown together, are in when that is
        not this language: Vietnamese when this language lacks any of them, else ""."""
        return "" if all(self.is_own(key) for key in keys) else SOURCE_LANGUAGE

    def money(self, amount: int) -> Text:
        """`20.000 đồng` (Vietnamese grouping), or the word for free when 0."""
        if amount == 0:
            return self.t("free")
        grouped = f"{amount:,}".replace(",", self.t("thousands_separator"))
        return self.t("money", amount=grouped)

    def date(self, day: datetime.date) -> Text:
        """Day/month/year, as dates are written in Vietnam."""
        return self.t("updated", date=f"{day.day:02d}/{day.month:02d}/{day.year}")

    @property
    def missing(self) -> list[str]:
        return sorted(key for key in self.fallback if not self.own.get(key))


def _read(path: Path) -> dict[str, str]:
    """The strings of one file; `CatalogError` (file, line, fix) when it is broken."""
    if not path.is_file():
        return {}
    problems = Problems()
    data = load_yaml(path, path.as_posix(), problems)
    reader = FieldReader(path.as_posix(), problems)
    node = reader.mapping(data, data, None, "") if data is not None else None
    strings = {key: reader.text(node, key) for key in node} if node is not None else {}
    problems.raise_if_any("chưa tạo trang nào")
    return {key: text for key, text in strings.items() if text}


def load_strings(lang: str, extra_dir: Path | None = None) -> Strings:
    """Strings of `lang`: the project's file over the packaged one, Vietnamese underneath."""
    def layered(code: str) -> dict[str, str]:
        merged = _read(PACKAGED / f"{code}.yml")
        if extra_dir is not None:
            merged.update(_read(extra_dir / f"{code}.yml"))
        return merged

    fallback = layered(SOURCE_LANGUAGE)
    own = fallback if lang == SOURCE_LANGUAGE else layered(lang)
    return Strings(lang=lang, own=own, fallback=fallback)
