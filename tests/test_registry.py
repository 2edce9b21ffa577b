"""The field registry is the one list of procedure fields: every stage reads it.

The main test declares a new optional text field at run time, one `Field(...)` and nothing
else, and finds it validated, in overlays, in translation reports, in the JSON Schema, in
open data and in the rows exported to translators.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator import model, registry
from generator.fingerprints import fingerprint
from generator.load.schema import SCALAR_TEXT, procedure_schema
from generator.load.site import Site, load_site
from generator.mkdocs.plugin import site_source
from generator.problems import CatalogError
from generator.publish.opendata import catalog_document
from generator.registry import Field
from generator.translate.exchange import export_rows
from generator.translate.resolve import localized_procedures
from generator.translate.status import statuses
from tests.conftest import FIXTURES, ROOT, copy_project

KS = "procedures/ho-tich/dang-ky-khai-sinh.yml"
KS_EN = "procedures/ho-tich/dang-ky-khai-sinh.en.yml"
PARKING = Field("parking", "text", "Chỗ gửi xe cho người đến nộp hồ sơ.", translatable=True,
                note="chỗ gửi xe", section="parking", open_data="when_set")


def _site(project: Path) -> Site:
    config = load_config(str(project / "mkdocs.yml"))
    return load_site(site_source(config, config.plugins["thutuc"].config))  # type: ignore


def _append(project: Path, name: str, text: str) -> None:
    path = project / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_new_optional_text_field_is_one_registry_entry(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "xa")
    _append(project, KS, "parking: Sân sau trụ sở, miễn phí.\n")
    with registry.registered(PARKING):
        site = _site(project)
        source = next(p for p in site.procedures if p.id == "dang-ky-khai-sinh")
        assert source.value("parking") == "Sân sau trụ sở, miễn phí."
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
        # Open data carries each language's text; the JSON Schema describes it.
        document = catalog_document(site)
        published = next(p for p in document["procedures"] if p["id"] == "dang-ky-khai-sinh")
        assert published["text"]["vi"]["parking"] == "Sân sau trụ sở, miễn phí."
        assert published["text"]["en"]["parking"] == "Behind the office, free."
        assert "parking" not in published  # text is under `text` only
        assert procedure_schema()["properties"]["parking"] == {
            **SCALAR_TEXT, "description": PARKING.description}
        # And it is validated like every text field.
        _append(project, KS, "")
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
            assert [f.name for f in dataclasses.fields(field.model)] == list(field.item_keys)


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
