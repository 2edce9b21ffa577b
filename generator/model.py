"""The catalog as plain, validated, immutable data: what every later stage works on.

Text fields hold the source language (Vietnamese). Fields marked Markdown in the format
contract keep their Markdown source; rendering decides how it becomes HTML.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from generator.names import PhoneNumber


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    names: dict[str, str] = field(default_factory=dict)
    icon: str = ""


@dataclass(frozen=True)
class Fields:
    """Values of fields declared in `registry.py`: a procedure, an item of one of its lists
    (a document, a step...) or one of its mappings (`online`, `reviewed`).

    The typed attributes are the fields mypy knows; a field declared in the registry without
    an attribute (a site's own field, or one of an item) is kept in `more`. Read any field
    with `value(key)`, make one with `of(values)`, change some with `replaced(values)`.
    """

    more: dict[str, object] = field(default_factory=dict, kw_only=True, hash=False)

    def value(self, key: str) -> Any:
        """A field's value by its registry key, wherever this object keeps it."""
        return getattr(self, key) if key in self._attributes() else self.more.get(key, "")

    @classmethod
    def of(cls, values: dict[str, Any], **bookkeeping: Any) -> Self:
        """An object with `values` by registry key: attributes where it has them, else `more`."""
        known = cls._attributes()
        return cls(**{k: v for k, v in values.items() if k in known}, **bookkeeping,
                   more={k: v for k, v in values.items() if k not in known})

    def replaced(self, values: dict[str, Any]) -> Self:
        """A copy with `values` (by registry key) replacing this object's."""
        known = self._attributes()
        return dataclasses.replace(self, **{k: v for k, v in values.items() if k in known},
                                   more={**self.more, **{k: v for k, v in values.items()
                                                         if k not in known}})

    @classmethod
    def _attributes(cls) -> frozenset[str]:
        """The typed attributes (computed once per class: `value` is called a lot)."""
        known = _ATTRIBUTES.get(cls)
        if known is None:
            known = _ATTRIBUTES[cls] = frozenset(cls.__dataclass_fields__) - {"more"}
        return known


_ATTRIBUTES: dict[type, frozenset[str]] = {}


@dataclass(frozen=True)
class Document(Fields):
    name: str
    originals: int = 0
    copies: int = 0
    form: str = ""  # an http(s) URL, or a path relative to the project root
    note: str = ""
    when: str = ""  # the case in which it is needed; empty: needed in every case


@dataclass(frozen=True)
class Step(Fields):
    title: str
    text: str = ""  # Markdown


@dataclass(frozen=True)
class Channel(Fields):
    type: str  # direct | online | post
    duration: str = ""
    fee: str = ""
    note: str = ""


@dataclass(frozen=True)
class Online(Fields):
    level: str  # full | partial | none
    url: str = ""


@dataclass(frozen=True)
class Fee(Fields):
    name: str
    amount: int
    note: str = ""
    when: str = ""  # the case in which it is paid ("nếu cần bản sao"); empty: everyone pays it


@dataclass(frozen=True)
class Faq(Fields):
    q: str
    a: str  # Markdown


@dataclass(frozen=True)
class Provenance(Fields):
    """Where an imported procedure came from (see `_PROVENANCE` in `registry.py`)."""

    national_code: str = ""
    url: str = ""
    imported: datetime.date | None = None
    record: str = ""  # fingerprint of the national record as last imported
    fingerprints: dict[str, str] = field(default_factory=dict)  # per imported field
    changed: tuple[str, ...] = ()  # fields the last import found changed upstream
    extra: dict[str, str] = field(default_factory=dict)  # national fields without a key here


@dataclass(frozen=True)
class Reviewed(Fields):
    """The last time a person checked a procedure's text."""

    date: datetime.date
    by: str = ""


@dataclass(frozen=True)
class Procedure(Fields):
    """A procedure in the source language; its fields are declared in `registry.py`."""

    id: str
    title: str
    category: str
    summary: str
    documents: tuple[Document, ...]
    steps: tuple[Step, ...]
    duration: str
    result: str
    updated: datetime.date
    source_file: str  # as shown to people, relative to the project root
    code: str = ""
    level: tuple[str, ...] = ()
    applicants: tuple[str, ...] = ()
    agency: str = ""
    conditions: str = ""  # Markdown
    channels: tuple[Channel, ...] = ()
    online: Online | None = None
    fees: tuple[Fee, ...] = ()
    legal_basis: tuple[str, ...] = ()
    faq: tuple[Faq, ...] = ()
    related: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    review: str = ""  # needed | done; empty: written by hand, nothing to review
    reviewed: Reviewed | None = None
    review_due: datetime.date | None = None
    provenance: Provenance | None = None
    # Line of each top-level key and of each list item ("related[0]", "documents[2]"), for
    # messages about the whole catalog; not part of the content.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def documents_always(self) -> tuple[tuple[int, Document], ...]:
        """The documents needed in every case (no `when`), with their place in the list."""
        return tuple((i, d) for i, d in enumerate(self.documents) if not d.when)

    def review_overdue(self, today: datetime.date) -> bool:
        """Whether, on `today`, the date by which the commune should check the text again has
        passed (the page then says so)."""
        return bool(self.review_due and self.review_due < today)

    def line(self, path: str) -> int:
        """The line of `path` (`documents[2].name`) in the procedure's file: of that value,
        else of its list item, else of its field; 0 when unknown."""
        item = path.split("]")[0] + "]"
        return self.lines.get(path) or self.lines.get(item) or self.lines.get(
            path.split("[")[0], 0)


@dataclass(frozen=True)
class Overlay:
    """A translation file: only the translatable text, keyed like the source."""

    procedure_id: str
    lang: str
    source_file: str
    status: str  # draft | reviewed
    translator: str
    # Fingerprint of the source text it was made from, as the tool wrote it: one value for
    # the whole text, or one per field; empty when never stamped.
    source: str | dict[str, str]
    fields: dict[str, object]  # translatable fields: text, tuple of text, or tuple of dicts
    # Text a translator left fuzzy ("needs work" in Poedit), by field path: kept for them to
    # finish, counted in reports, never shown on a page.
    suggestions: dict[str, str | tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalog:
    root: Path  # the folder holding categories.yml
    categories: tuple[Category, ...]
    procedures: tuple[Procedure, ...]
    overlays: tuple[Overlay, ...] = ()


@dataclass(frozen=True)
class LocalOverride:
    """What one commune says differently about one procedure."""

    agency: str = ""
    address: str = ""
    note: str = ""
    fee_note: str = ""  # the commune's own fee (set by the province's people's council)


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, for the switcher


@dataclass(frozen=True)
class SiteProfile:
    """The commune (or province) publishing the site."""

    name: str
    site_url: str
    languages: tuple[Language, ...]
    address: str = ""
    hours: tuple[str, ...] = ()
    phone: str = ""  # as written, extensions and all
    email: str = ""
    map_url: str = ""
    portal_url: str = ""
    example: bool = False  # a sample profile: the site says so on every page
    categories: tuple[str, ...] = ()  # empty: publish every category
    procedures: tuple[str, ...] = ()  # empty: publish every procedure of those categories
    overrides: dict[str, LocalOverride] = field(default_factory=dict)
    phones: tuple[PhoneNumber, ...] = ()  # `phone` parsed: what the "Gọi điện" buttons dial
    # The levels whose procedures its office carries out (xa: a commune); a procedure of
    # other levels only is done elsewhere, and its page names that agency instead.
    levels: tuple[str, ...] = ("xa",)
    # `publish`: procedures nobody at the commune has checked yet (`review: needed`) are
    # published, marked as such; `hide`: they are left out until checked.
    unreviewed: str = "publish"

    @property
    def source_language(self) -> str:
        return self.languages[0].code
