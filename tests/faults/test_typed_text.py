"""Text stays as typed: values YAML 1.1 would read as numbers, dates or booleans.

Each case writes one unquoted value into one kind of file (procedure, translation,
categories, life events, glossary, profile) and checks what the site shows: exactly the
characters typed (`1.000080`, never 1.00008; `0262341107`, never 46776903).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.load.site import Site
from generator.mkdocs.project import load_project
from tests.bad_catalogs.base import BASE, EN_PATH, KHAI_SINH_PATH, Case, edit
from tests.conftest import build

KS = KHAI_SINH_PATH
PROFILE = "profiles/xa.yml"
EVENTS = ("procedures/events.yml",
          "- id: sinh-con\n  name: 1:30\n  procedures: [khai-sinh]\n")
GLOSSARY = ("procedures/glossary.yml",
            "- id: ho-so\n  term: no\n  explain: 1.50\n")


def with_profile(text: str) -> dict[str, str | bytes | None]:
    """The base project with its profile in a file of its own."""
    mkdocs = BASE["mkdocs.yml"]
    assert isinstance(mkdocs, str)
    return {"mkdocs.yml": mkdocs.replace("      profile:\n        name: UBND xã Thử\n",
                                         f"      profile: {PROFILE}\n"),
            PROFILE: "name: UBND xã Thử\n" + text}


def procedure(site: Site) -> Any:
    return next(p for p in site.catalog.procedures if p.id == "khai-sinh")


# name, files, what the site holds, the value typed
TYPED: list[tuple[str, dict[str, str | bytes | None], Callable[[Site], object], object]] = [
    ("code-trailing-zero", edit(KS, "category: ho-tich", "code: 1.000080\ncategory: ho-tich"),
     lambda s: procedure(s).code, "1.000080"),
    ("code-leading-zero", edit(KS, "category: ho-tich", "code: 010\ncategory: ho-tich"),
     lambda s: procedure(s).code, "010"),
    ("code-like-a-date", edit(KS, "category: ho-tich", "code: 2026-11-20\ncategory: ho-tich"),
     lambda s: procedure(s).code, "2026-11-20"),
    ("duration-base-60", edit(KS, "duration: Ngay trong ngày\nfees", "duration: 1:30\nfees"),
     lambda s: procedure(s).duration, "1:30"),
    ("result-underscore", edit(KS, "result: Giấy khai sinh", "result: 1_000"),
     lambda s: procedure(s).result, "1_000"),
    ("title-no", edit(KS, "title: Đăng ký khai sinh", "title: no"),
     lambda s: procedure(s).title, "no"),
    ("title-on", edit(KS, "title: Đăng ký khai sinh", "title: On"),
     lambda s: procedure(s).title, "On"),
    ("agency-float", edit(KS, "result: Giấy khai sinh", "result: Giấy khai sinh\nagency: 1e3"),
     lambda s: procedure(s).agency, "1e3"),
    ("keywords-mixed", edit(KS, "result: Giấy khai sinh",
                            "result: Giấy khai sinh\nkeywords: [010, yes, 1.50]"),
     lambda s: procedure(s).keywords, ("010", "yes", "1.50")),
    ("legal-basis-year", edit(KS, "result: Giấy khai sinh",
                              "result: Giấy khai sinh\nlegal_basis:\n  - 2014\n"),
     lambda s: procedure(s).legal_basis, ("2014",)),
    ("document-note-number", edit(KS, "    form: forms/to-khai.txt",
                                  "    form: forms/to-khai.txt\n    note: 0905123456"),
     lambda s: procedure(s).documents[0].note, "0905123456"),
    ("amount-leading-zero", edit(KS, "{name: Lệ phí, amount: 0}", "{name: Lệ phí, amount: 020000}"),
     lambda s: procedure(s).fees[0].amount, 20000),
    ("count-leading-zero", edit(KS, "originals: 1", "originals: 010"),
     lambda s: procedure(s).documents[0].originals, 10),
    ("overlay-title-yes", edit(EN_PATH, "title: Birth registration", "title: yes"),
     lambda s: s.catalog.overlays[0].fields["title"], "yes"),
    ("category-name-off", edit("procedures/categories.yml", "name: Chứng thực", "name: off"),
     lambda s: s.catalog.categories[1].name, "off"),
    ("category-translated-name", edit("procedures/categories.yml", "name: Hộ tịch",
                                      "name: Hộ tịch\n  names: {en: 0.10}"),
     lambda s: s.catalog.categories[0].names, {"en": "0.10"}),
    ("event-name-base-60", dict([EVENTS]), lambda s: s.events[0].name, "1:30"),
    ("glossary-term-no", dict([GLOSSARY]), lambda s: s.glossary.terms[0].term, "no"),
    ("glossary-explain-float", dict([GLOSSARY]), lambda s: s.glossary.terms[0].explain, "1.50"),
    ("profile-phone-octal", with_profile("phone: 0262341107\n"),
     lambda s: (s.profile.phone, s.profile.phones[0].dial), ("0262341107", "0262341107")),
    ("profile-name-yes", with_profile("address: yes\n"), lambda s: s.profile.address, "yes"),
    ("profile-hours-base-60", with_profile("hours: [7:30]\n"), lambda s: s.profile.hours,
     ("7:30",)),
    ("profile-override-id-digits", with_profile("overrides:\n  khai-sinh: {note: 1.000}\n"),
     lambda s: s.profile.overrides["khai-sinh"].note, "1.000"),
]


@pytest.mark.parametrize(("name", "files", "held", "typed"), TYPED, ids=[t[0] for t in TYPED])
def test_value_is_kept_as_typed(name: str, files: dict[str, str | bytes | None],
                                held: Callable[[Site], object], typed: object,
                                tmp_path: Path) -> None:
    config = Case(name, files, []).write(tmp_path / "project")
    site = load_project(config).site
    assert held(site) == typed


@pytest.mark.site
def test_published_page_shows_the_code_as_typed(tmp_path: Path) -> None:
    """What a citizen quotes at the counter is the code the commune typed."""
    config = Case("code", edit(KS, "category: ho-tich", "code: 1.000080\ncategory: ho-tich"),
                  []).write(tmp_path / "project")
    site = build(config.parent, tmp_path / "site")
    page = (site / "thu-tuc" / "khai-sinh" / "index.html").read_text("utf-8")
    assert "1.000080" in page and "1.00008<" not in page
    catalog = (site / "data" / "catalog.json").read_text("utf-8")
    assert '"1.000080"' in catalog
