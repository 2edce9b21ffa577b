"""Read the glossary files of a catalog: `glossary.yml` and its translations `glossary.LANG.yml`.

`glossary.yml` (source language) is a list of
`{id, term, variants?, explain}`; a translation `glossary.LANG.yml` is
`{status?, translator?, terms: [{id, term?, variants?, explain?}]}`, matched by `id`. Both
files are optional: a catalog without them has no glossary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.field_reader import LANG_CODE, FieldReader, join
from generator.load.yaml_reader import Mapping, load_yaml
from generator.problems import Problems, did_you_mean

FILE_STEM = "glossary"
TERM_KEYS = ("id", "term", "variants", "explain")
TRANSLATION_KEYS = ("status", "translator", "terms")
STATUSES = ("draft", "reviewed")


@dataclass(frozen=True)
class Term:
    """One term in the source language."""

    id: str
    term: str
    explain: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermText:
    """The translatable part of a term in one language; empty fields fall back to the source."""

    term: str = ""
    variants: tuple[str, ...] = ()
    explain: str = ""


@dataclass(frozen=True)
class LocalTerm:
    """A term as shown in one language: its words there, the Vietnamese words, the explanation."""

    id: str
    term: str
    source_term: str
    explain: str
    phrases: tuple[str, ...]  # every spelling to find in text, this language's and Vietnamese
    translated: bool


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    translations: dict[str, dict[str, TermText]] = field(default_factory=dict)
    drafts: frozenset[str] = frozenset()  # languages whose translation is marked draft

    def in_language(self, lang: str) -> tuple[LocalTerm, ...]:
        """Every term as a reader of `lang` sees it (Vietnamese where it is not translated)."""
        own = self.translations.get(lang, {})
        result = []
        for term in self.terms:
            text = own.get(term.id, TermText())
            phrases = (*(text.variants or ()), *((text.term,) if text.term else ()),
                       term.term, *term.variants)
            result.append(LocalTerm(
                id=term.id, term=text.term or term.term, source_term=term.term,
                explain=text.explain or term.explain, phrases=tuple(dict.fromkeys(phrases)),
                translated=bool(text.explain)))
        return tuple(result)


def read_glossary(catalog_dir: Path, shown_dir: str, problems: Problems) -> Glossary:
    """The catalog's glossary, or an empty one; every mistake goes to `problems`."""
    source = catalog_dir / f"{FILE_STEM}.yml"
    if not source.is_file():
        return Glossary()
    reader = FieldReader(f"{shown_dir}/{source.name}", problems)
    terms = _read_terms(load_yaml(source, reader.file, problems), reader)
    ids = {t.id for t in terms}
    translations: dict[str, dict[str, TermText]] = {}
    drafts = set()
    for path in sorted(catalog_dir.glob(f"{FILE_STEM}.*.yml")):
        lang = path.name.removeprefix(f"{FILE_STEM}.").removesuffix(".yml")
        reader = FieldReader(f"{shown_dir}/{path.name}", problems)
        if not LANG_CODE.match(lang):
            reader.report(None, None, "", f"`{lang}` không phải là mã ngôn ngữ.",
                          "đặt tên tệp theo dạng glossary.MÃ-NGÔN-NGỮ.yml, ví dụ glossary.en.yml.")
            continue
        data = load_yaml(path, reader.file, problems)
        node = reader.mapping(data, data, None, "") if data is not None else None
        if node is None:
            continue
        reader.known_keys(node, "", TRANSLATION_KEYS)
        if reader.choice(node, "status", "", STATUSES) != "reviewed":
            drafts.add(lang)
        translations[lang] = _read_translation(node, reader, ids)
    return Glossary(terms=tuple(terms), translations=translations, drafts=frozenset(drafts))


def _read_terms(data: Any, reader: FieldReader) -> list[Term]:
    if data is None:
        return []
    terms: list[Term] = []
    seen: dict[str, str] = {}  # a spelling -> the id that owns it
    for node, path in reader.records(
            data, f"{FILE_STEM}.yml phải là một danh sách thuật ngữ.",
            "mỗi thuật ngữ bắt đầu bằng `- id: ...`, rồi `term: ...` và `explain: ...`.",
            TERM_KEYS, ("id", "term", "explain")):
        term = Term(id=reader.slug(node, "id", path), term=reader.text(node, "term", path),
                    explain=reader.text(node, "explain", path),
                    variants=reader.text_list(node, "variants", path))
        for spelling in (term.term, *term.variants):
            other = seen.get(spelling.lower())
            if other is not None:
                reader.report(node, "term", join(path, "term"),
                              f"cách viết `{spelling}` đã có ở thuật ngữ `{other}`.",
                              "mỗi cách viết chỉ thuộc về một thuật ngữ; xoá một trong hai.")
            seen.setdefault(spelling.lower(), term.id)
        if term.id in {t.id for t in terms}:
            reader.report(node, "id", join(path, "id"), f"thuật ngữ `{term.id}` bị trùng.",
                          "đổi `id` cho khác các thuật ngữ khác.")
        elif term.id:
            terms.append(term)
    return terms


def _read_translation(node: Mapping, reader: FieldReader, ids: set[str]) -> dict[str, TermText]:
    result: dict[str, TermText] = {}
    for index, (item, path, seq) in enumerate(reader.items(node, "terms")):
        entry = reader.record(item, seq, index, path, TERM_KEYS, ("id",))
        if entry is None:
            continue
        term_id = reader.text(entry, "id", path)
        if term_id and term_id not in ids:
            reader.report(entry, "id", join(path, "id"),
                          f"thuật ngữ `{term_id}` không có trong glossary.yml.",
                          did_you_mean(term_id, ids) or "sửa `id` cho đúng với glossary.yml.")
            continue
        result[term_id] = TermText(term=reader.text(entry, "term", path),
                                   variants=reader.text_list(entry, "variants", path),
                                   explain=reader.text(entry, "explain", path))
    return result
