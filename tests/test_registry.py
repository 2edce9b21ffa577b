"""The field registry is the one list of procedure fields: every stage reads it.

The main tests declare a new optional text field, and a new item field of `documents`, at run
time, one `Field(...)` and nothing else (and a site's template block to show it), and find
each validated, in overlays, in translation reports, in the rows exported to translators, in
open data, in the JSON Schema, on the page and in its JSON-LD, in the search index and in
the recorded guides' scripts.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator import model, registry
from generator.fingerprints import fingerprint
from generator.load.schema import SCALAR_TEXT, procedure_schema
from generator.load.site import Site, load_site, strings_for
from generator.mkdocs.plugin import site_source
from generator.problems import CatalogError
from generator.publish.opendata import catalog_document
from generator.registry import Field
from generator.render.site_pages import language_pages
from generator.search.index import SearchDoc
from generator.search.site_index import language_docs
from generator.translate.exchange import export_rows
from generator.translate.recording_status import script
from generator.translate.resolve import Localized, localized_procedures, overlays_for
from generator.translate.status import statuses
from tests.conftest import FIXTURES, ROOT, copy_project, write_files

KS = "procedures/ho-tich/dang-ky-khai-sinh.yml"
KS_EN = "procedures/ho-tich/dang-ky-khai-sinh.en.yml"
PARKING = Field("parking", "text", "Chỗ gửi xe cho người đến nộp hồ sơ.", translatable=True,
                note="chỗ gửi xe", section="where", open_data="when_set", search="body",
                schema="disambiguatingDescription", recorded=("where",))
ISSUER = Field("issuer", "text", "Nơi cấp giấy tờ này.", translatable=True, note="nơi cấp",
               open_data="when_set", search="body", recorded=("", "documents"))
# What a site writes to show the two fields: one block each, reading them by key.
OVERRIDE = """{% extends "thutuc/procedure.html" %}
{% from "macros.html" import lang %}
{% block where %}{{ super() }}
<p class="parking"{{ lang(view.lang("parking")) }}>{{ proc.value("parking") }}</p>
{% endblock %}
{% block documents %}{{ super() }}
{% for doc in proc.documents %}{% if doc.value("issuer") %}
<p class="issuer"{{ lang(view.lang("documents", loop.index0, "issuer")) }}>{{ doc.value("issuer") }}</p>
{% endif %}{% endfor %}
{% endblock %}
"""  # noqa: E501 - markup lines


def _site(project: Path) -> Site:
    config = load_config(str(project / "mkdocs.yml"))
    return load_site(site_source(config, config.plugins["thutuc"].config))  # type: ignore


def _append(project: Path, name: str, text: str) -> None:
    path = project / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _project(tmp_path: Path) -> Path:
    """The mini project with `OVERRIDE` as its `overrides/procedure.html`."""
    project = copy_project(FIXTURES / "mini", tmp_path / "xa")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    write_files(project, {"overrides/procedure.html": OVERRIDE})
    return project


def _khai_sinh(site: Site, lang: str) -> tuple[Localized, str, SearchDoc]:
    """Đăng ký khai sinh in `lang`: as localized, its page's HTML (body and JSON-LD), and as
    the search index reads it."""
    localized = next(loc for loc in localized_procedures(site, lang)
                     if loc.procedure.id == "dang-ky-khai-sinh")
    page = next(p for p in language_pages(site, lang) if p.src == "thu-tuc/dang-ky-khai-sinh.md")
    searched = next(d for d in language_docs(site, lang) if d.id == "dang-ky-khai-sinh")
    return localized, page.head + page.html, searched


def _script(site: Site, part: str, lang: str = "vi") -> dict[str, str]:
    """The text a recording of `part` of Đăng ký khai sinh reads, by field path."""
    source = next(p for p in site.procedures if p.id == "dang-ky-khai-sinh")
    overlay = overlays_for(site.catalog, lang).get(source.id) if lang != "vi" else None
    return {piece.path: piece.text
            for piece in script(source, overlay, part, strings_for(site, lang), "vi")}


def test_a_new_optional_text_field_is_one_registry_entry(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _append(project, KS, "parking: Sân sau trụ sở, miễn phí.\n")
    with registry.registered(PARKING):
        site = _site(project)
        source = next(p for p in site.procedures if p.id == "dang-ky-khai-sinh")
        assert source.value("parking") == "Sân sau trụ sở, miễn phí."
        # The page shows it (the site's block), states it in JSON-LD; search finds it; the
        # recording of the "where" part reads it.
        vietnamese, html, searched = _khai_sinh(site, "vi")
        assert '<p class="parking">Sân sau trụ sở, miễn phí.</p>' in html
        assert '"disambiguatingDescription":"Sân sau trụ sở, miễn phí."' in html
        assert "Sân sau trụ sở, miễn phí." in dict(searched.fields)["body"]
        assert _script(site, "where")["parking"] == "Sân sau trụ sở, miễn phí."
        assert "parking" not in _script(site, "")
        english, html, _ = _khai_sinh(site, "en")
        assert '<p class="parking" lang="vi">Sân sau trụ sở, miễn phí.</p>' in html
        # Translation reports and exported rows know it, before anyone translates it.
        status = next(s for s in statuses(site, ["en"]) if s.id == "dang-ky-khai-sinh")
        assert "parking" in status.missing
        row = next(r for r in export_rows(site, project, "en") if r.path == "parking")
        assert (row.source, row.note, row.missing) == (
            "Sân sau trụ sở, miễn phí.", "Trang «Đăng ký khai sinh»: chỗ gửi xe.", True)
        # An overlay may translate it; the English page's procedure then carries it.
        _append(project, KS_EN, "parking: Behind the office, free.\n")
        site = _site(project)
        english = next(loc for loc in localized_procedures(site, "en")
                       if loc.procedure.id == "dang-ky-khai-sinh")
        assert english.procedure.value("parking") == "Behind the office, free."
        assert "parking" not in english.missing
        english, html, searched = _khai_sinh(site, "en")
        assert '<p class="parking">Behind the office, free.</p>' in html
        assert "Behind the office, free." in dict(searched.fields)["body"]
        assert _script(site, "where", "en")["parking"] == "Behind the office, free."
        # Open data carries each language's text; the JSON Schema describes it.
        document = catalog_document(site)
        published = next(p for p in document["procedures"] if p["id"] == "dang-ky-khai-sinh")
        assert published["text"]["vi"]["parking"] == "Sân sau trụ sở, miễn phí."
        assert published["text"]["en"]["parking"] == "Behind the office, free."
        assert "parking" not in published  # text is under `text` only
        assert procedure_schema()["properties"]["parking"] == {
            **SCALAR_TEXT, "description": PARKING.description}
        # And it is validated like every text field.
        path = project / KS
        path.write_text(path.read_text(encoding="utf-8").replace(
            "parking: Sân sau trụ sở, miễn phí.", "parking: [Sân sau]"), encoding="utf-8")
        with pytest.raises(CatalogError) as error:
            _site(project)
        assert f"{KS}:" in error.value.report()
        assert "parking: phải là văn bản (đang là một danh sách)." in error.value.report()
    # Without the declaration the key is unknown again.
    with pytest.raises(CatalogError) as error:
        _site(project)
    assert "parking: khoá `parking` không có trong định dạng." in error.value.report()
    assert "parking" not in procedure_schema()["properties"]


def test_a_new_item_field_is_one_registry_entry(tmp_path: Path) -> None:
    """The same for an item field of a list: `documents[].issuer`, without a model attribute."""
    project = _project(tmp_path)
    path = project / KS
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - name: Tờ khai đăng ký khai sinh\n",
        "  - name: Tờ khai đăng ký khai sinh\n    issuer: Bộ phận Một cửa\n"), encoding="utf-8")
    with registry.registered(ISSUER, within="documents"):
        site = _site(project)
        source = next(p for p in site.procedures if p.id == "dang-ky-khai-sinh")
        assert source.documents[0].value("issuer") == "Bộ phận Một cửa"
        assert source.documents[1].value("issuer") == ""
        vietnamese, html, searched = _khai_sinh(site, "vi")
        assert '<p class="issuer">Bộ phận Một cửa</p>' in html
        assert "Bộ phận Một cửa" in dict(searched.fields)["body"]
        # Read with its document, in the whole guide and in the documents' part only.
        for part in ("", "documents"):
            paths = list(_script(site, part))
            assert paths.index("documents[0].issuer") == paths.index("documents[0].name") + 1
        assert "documents[0].issuer" not in _script(site, "steps")
        # Translation reports and exported rows know it, before anyone translates it.
        english, html, _ = _khai_sinh(site, "en")
        assert english.untranslated("documents", 0, "issuer")
        assert '<p class="issuer" lang="vi">Bộ phận Một cửa</p>' in html
        row = next(r for r in export_rows(site, project, "en") if r.path == "documents[0].issuer")
        assert row.source == "Bộ phận Một cửa" and row.missing
        assert row.note.endswith("giấy tờ số 1: nơi cấp.")
        # An overlay may translate it (lists are matched item by item).
        _append(project, KS_EN, "documents:\n  - {name: Birth registration form, issuer: "
                                "The one-stop desk}\n  - {name: Birth certificate}\n"
                                "  - {name: Identity papers}\n")
        site = _site(project)
        english, html, searched = _khai_sinh(site, "en")
        assert english.procedure.documents[0].value("issuer") == "The one-stop desk"
        assert not english.untranslated("documents", 0, "issuer")
        assert '<p class="issuer">The one-stop desk</p>' in html
        assert "The one-stop desk" in dict(searched.fields)["body"]
        assert _script(site, "documents", "en")["documents[0].issuer"] == "The one-stop desk"
        # Open data carries each language's text; the JSON Schema describes it.
        published = next(p for p in catalog_document(site)["procedures"]
                         if p["id"] == "dang-ky-khai-sinh")
        assert published["text"]["vi"]["documents"][0]["issuer"] == "Bộ phận Một cửa"
        assert published["text"]["en"]["documents"][0]["issuer"] == "The one-stop desk"
        assert all("issuer" not in d for d in published["documents"])  # text under `text`
        item = procedure_schema()["properties"]["documents"]["items"]["anyOf"][1]
        assert item["properties"]["issuer"] == {**SCALAR_TEXT, "description": ISSUER.description}
        # And it is validated like every text field.
        path.write_text(path.read_text(encoding="utf-8").replace(
            "issuer: Bộ phận Một cửa", "issuer: [Một cửa]"), encoding="utf-8")
        with pytest.raises(CatalogError) as error:
            _site(project)
        assert "documents[0].issuer: phải là văn bản (đang là một danh sách)." in \
            error.value.report()
    # Without the declaration the key is unknown again.
    with pytest.raises(CatalogError) as error:
        _site(project)
    report = error.value.report()
    assert f"{KS}:12: documents[0].issuer: khoá `issuer` không có trong định dạng." in report
    assert f"{KS_EN}:11: documents[0].issuer: khoá `issuer` không có trong định dạng." in report
    assert "issuer" not in json.dumps(procedure_schema())


def test_the_contract_additions_are_read_and_optional(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "xa")
    path = project / KS
    text = path.read_text(encoding="utf-8")
    assert "\ndocuments:\n  - name: Tờ khai đăng ký khai sinh\n" in text
    path.write_text(text.replace(
        "\ndocuments:\n  - name: Tờ khai đăng ký khai sinh\n",
        "\ndocuments:\n  - name: Tờ khai đăng ký khai sinh\n"
        "    when: nếu người đi đăng ký không phải cha, mẹ của trẻ\n")
        + "review: done\nreviewed: {date: 2026-11-30, by: Công chức tư pháp}\n"
          "review_due: 2027-05-30\n", encoding="utf-8")
    procedure = next(p for p in _site(project).procedures if p.id == "dang-ky-khai-sinh")
    assert procedure.documents[0].when == "nếu người đi đăng ký không phải cha, mẹ của trẻ"
    assert procedure.reviewed == model.Reviewed(datetime.date(2026, 11, 30), "Công chức tư pháp")
    assert procedure.review_due == datetime.date(2027, 5, 30)
    path.write_text(path.read_text(encoding="utf-8")
                    .replace("{date: 2026-11-30, by: Công chức tư pháp}", "{by: Ai đó}")
                    .replace("review_due: 2027-05-30", "review_due: 30/05/2027"),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        _site(project)
    report = error.value.report()
    assert "reviewed.date: thiếu trường bắt buộc `date`." in report
    assert "review_due: ngày '30/05/2027' không hợp lệ." in report


def test_the_model_holds_exactly_the_registry_fields() -> None:
    """model.py declares types; the registry declares fields: they must name the same keys."""
    bookkeeping = {"source_file", "lines", "more"}
    attributes = [f.name for f in dataclasses.fields(model.Procedure)]
    assert set(attributes) - bookkeeping == set(registry.procedure_keys())
    for field in registry.fields():
        if field.model is not None:
            assert [f.name for f in dataclasses.fields(field.model) if f.name != "more"] == \
                list(field.item_keys)


def test_the_registry_is_consistent() -> None:
    for field in registry.fields():
        assert field.description.endswith((".", ")")), field.key
        assert bool(field.fields) == (field.kind in ("items", "mapping")), field.key
        assert bool(field.choices) == (field.kind in ("choice", "choices")), field.key
        if field.translatable or field.text_items:
            # Translators see a note beside every text they translate.
            assert field.note and all(sub.note for sub in field.fields if sub.translatable)
    assert registry.imported_keys() == (
        "code", "title", "category", "level", "summary", "applicants", "agency", "conditions",
        "documents", "steps", "channels", "duration", "fees", "result", "legal_basis",
        "keywords")


def test_each_section_is_a_block_of_the_procedure_template() -> None:
    """`Field.section` names where the page shows a field: one hop from field to markup."""
    template = (ROOT / "generator" / "render" / "templates" / "procedure.html").read_text(
        encoding="utf-8")
    blocks = set(re.findall(r"{%-? block (\w+)", template))
    for field in registry.fields():
        assert not field.section or field.section in blocks, field.key
    assert registry.field("duration").section == "duration"


def test_one_fingerprint_encoding_for_stamps_and_imports() -> None:
    # Values fixed when stamps were first committed: a change here makes every committed
    # `source:` stamp and every `provenance.fingerprints` entry look changed.
    assert fingerprint("Đăng ký khai sinh") == "a5307f67"
    assert fingerprint(("Cha hoặc mẹ", "Ông, bà")) == fingerprint(["Cha hoặc mẹ", "Ông, bà"])
    assert fingerprint(None) == "74234e98"
    assert fingerprint({"b": 1, "a": datetime.date(2026, 11, 20)}) == \
        fingerprint({"a": "2026-11-20", "b": 1})
