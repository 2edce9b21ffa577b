"""Read the glossary: the default one shipped with the tool, extended by a catalog's own.

Every catalog gets the default glossary of official terms (`generator/glossary/vi.yml`, with
its translations `generator/glossary/LANG.yml`). A catalog's `glossary.yml` (source language)
is a list of `{id, term, variants?, explain}` that extends it term by term: a new `id` adds a
term, the `id` of a default term replaces it (its default translations too), and
`{id, hidden: true}` drops a default term, and so does a catalog term spelt like it. A
translation `glossary.LANG.yml` is `{status?, translator?, terms: [{id, term?, variants?,
explain?}]}`, matched by `id` against every term shown. The catalog's files are optional.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.field_reader import LANG_CODE, FieldReader, join
from generator.load.yaml_reader import Mapping, load_yaml
from generator.problems import Problems, did_you_mean

FILE_STEM = "glossary"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "glossary"
DEFAULT_SHOWN = "thutuc/glossary"  # how problems in the shipped files name them
DEFAULT_SOURCE = "vi"  # the default glossary's source-language file stem
TERM_KEYS = ("id", "term", "variants", "explain", "hidden")
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


@dataclass(frozen=True)
class _Entry:
    """One entry of a glossary file: a term, or (`term` None) a default term to hide."""

    id: str
    term: Term | None
    node: Mapping
    path: str


@dataclass(frozen=True)
class _Translations:
    """The translation files of one glossary, by language."""

    texts: dict[str, dict[str, TermText]] = field(default_factory=dict)
    drafts: frozenset[str] = frozenset()


def read_glossary(catalog_dir: Path, shown_dir: str, problems: Problems,
                  default_dir: Path = DEFAULT_DIR) -> Glossary:
    """The default glossary extended by the catalog's; every mistake goes to `problems`."""
    default_reader = FieldReader(f"{DEFAULT_SHOWN}/{DEFAULT_SOURCE}.yml", problems)
    default = [e.term for e in _read_terms(
        load_yaml(default_dir / f"{DEFAULT_SOURCE}.yml", default_reader.file, problems),
        default_reader, allow_hidden=False) if e.term]
    default_ids = {t.id for t in default}
    default_texts = _read_translations(
        [p for p in sorted(default_dir.glob("*.yml")) if p.stem != DEFAULT_SOURCE],
        DEFAULT_SHOWN, lambda path: path.stem, default_ids, problems)

    source = catalog_dir / f"{FILE_STEM}.yml"
    reader = FieldReader(f"{shown_dir}/{source.name}", problems)
    entries = _read_terms(load_yaml(source, reader.file, problems), reader, allow_hidden=True) \
        if source.is_file() else []
    for entry in entries:
        if entry.term is None and entry.id not in default_ids:
            reader.report(entry.node, "id", join(entry.path, "id"),
                          f"thuật ngữ `{entry.id}` không có trong bảng thuật ngữ mặc định.",
                          did_you_mean(entry.id, default_ids)
                          or "chỉ ẩn được thuật ngữ của bảng mặc định; xoá mục này.")
    own = {e.id: e.term for e in entries}  # a term, or None for a hidden default term
    # A default term spelt like one of the catalog's is the catalog's word: its own explanation
    # wins, so a glossary.yml written before the default existed keeps its meaning.
    spelt = {s.lower() for e in entries if e.term for s in (e.term.term, *e.term.variants)}
    dropped = set(own) | {t.id for t in default
                          if spelt & {s.lower() for s in (t.term, *t.variants)}}
    terms = (*(own.get(t.id) or t for t in default  # replaced in place, dropped, or kept
               if t.id not in dropped or own.get(t.id) is not None),
             *(e.term for e in entries if e.term and e.id not in default_ids))
    ids = {t.id for t in terms}
    # A replaced term's default translations explained the default's words, not the catalog's.
    texts = {lang: {i: text for i, text in by_id.items() if i not in dropped}
             for lang, by_id in default_texts.texts.items()}
    drafts = {lang for lang in default_texts.drafts if texts.get(lang)}
    catalog_texts = _read_translations(
        sorted(catalog_dir.glob(f"{FILE_STEM}.*.yml")), shown_dir,
        lambda path: path.name.removeprefix(f"{FILE_STEM}.").removesuffix(".yml"), ids, problems)
    for lang, by_id in catalog_texts.texts.items():
        texts.setdefault(lang, {}).update(by_id)
    return Glossary(terms=terms, translations=texts,
                    drafts=frozenset(drafts | catalog_texts.drafts))


def _read_translations(paths: list[Path], shown_dir: str, lang_of: Callable[[Path], str],
                       ids: set[str], problems: Problems) -> _Translations:
    """The translations in `paths` (language from `lang_of(path)`), matched against `ids`."""
    translations: dict[str, dict[str, TermText]] = {}
    drafts = set()
    for path in paths:
        lang = lang_of(path)
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
    return _Translations(translations, frozenset(drafts))


def _read_terms(data: Any, reader: FieldReader, allow_hidden: bool) -> list[_Entry]:
    """The entries of one glossary file; `hidden: true` ones only where `allow_hidden`."""
    if data is None:
        return []
    entries: list[_Entry] = []
    seen: dict[str, str] = {}  # a spelling -> the id that owns it
    for node, path in reader.records(
            data, f"{FILE_STEM}.yml phải là một danh sách thuật ngữ.",
            "mỗi thuật ngữ bắt đầu bằng `- id: ...`, rồi `term: ...` và `explain: ...`.",
            TERM_KEYS if allow_hidden else TERM_KEYS[:-1], ("id",)):
        term_id = reader.slug(node, "id", path)
        if term_id in {e.id for e in entries}:
            reader.report(node, "id", join(path, "id"), f"thuật ngữ `{term_id}` bị trùng.",
                          "đổi `id` cho khác các thuật ngữ khác.")
            continue
        if allow_hidden and reader.flag(node, "hidden", path):
            if term_id:
                entries.append(_Entry(term_id, None, node, path))
            continue
        reader.require(node, path, ("term", "explain"))
        term = Term(id=term_id, term=reader.text(node, "term", path),
                    explain=reader.text(node, "explain", path),
                    variants=reader.text_list(node, "variants", path))
        for spelling in (term.term, *term.variants):
            other = seen.get(spelling.lower())
            if other is not None:
                reader.report(node, "term", join(path, "term"),
                              f"cách viết `{spelling}` đã có ở thuật ngữ `{other}`.",
                              "mỗi cách viết chỉ thuộc về một thuật ngữ; xoá một trong hai.")
            seen.setdefault(spelling.lower(), term.id)
        if term.id:
            entries.append(_Entry(term.id, term, node, path))
    return entries


def _read_translation(node: Mapping, reader: FieldReader, ids: set[str]) -> dict[str, TermText]:
    result: dict[str, TermText] = {}
    for index, (item, path, seq) in enumerate(reader.items(node, "terms")):
        entry = reader.record(item, seq, index, path, TERM_KEYS[:-1], ("id",))
        if entry is None:
            continue
        term_id = reader.text(entry, "id", path)
        if term_id and term_id not in ids:
            reader.report(entry, "id", join(path, "id"),
                          f"thuật ngữ `{term_id}` không có trong glossary.yml "
                          "hay bảng thuật ngữ mặc định.",
                          did_you_mean(term_id, ids) or "sửa `id` cho đúng với glossary.yml.")
            continue
        result[term_id] = TermText(term=reader.text(entry, "term", path),
                                   variants=reader.text_list(entry, "variants", path),
                                   explain=reader.text(entry, "explain", path))
    return result
