"""Open data: the built site's `data/catalog.json`, read as another portal or app would."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from generator.load.site import load_site
from generator.mkdocs.plugin import site_source
from generator.publish.opendata import PATH, render
from tests.conftest import FIXTURES, copy_project

SITE_URL = "https://example.org/xa-thu/"
FORMAT_KEYS = {"id", "code", "category", "level", "updated", "documents", "channels", "online",
               "fees", "legal_basis", "related", "aliases", "events", "review", "provenance",
               "local", "url", "text", "translation"}


@pytest.fixture(scope="module")
def raw(mini_site: Path) -> bytes:
    return (mini_site / PATH).read_bytes()


@pytest.fixture(scope="module")
def data(raw: bytes) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(raw.decode("utf-8"))
    return result


@pytest.fixture(scope="module")
def procedures(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {proc["id"]: proc for proc in data["procedures"]}


def test_one_file_at_the_site_root_only(mini_site: Path) -> None:
    assert sorted(p.relative_to(mini_site).as_posix() for p in mini_site.rglob("catalog.json")) \
        == [PATH]


def test_written_deterministically_as_readable_utf8(raw: bytes, data: dict[str, Any]) -> None:
    text = raw.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Đăng ký khai sinh" in text  # not \u escapes
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    # No time of build: the only dates are the catalog's own.
    assert set(re.findall(r"\d{4}-\d\d-\d\d", text)) == {"2026-10-05", "2026-11-01",
                                                          "2026-11-20"}
    assert not re.search(r"\d\d:\d\d:\d\d", text)


def test_header_publisher_and_categories(data: dict[str, Any]) -> None:
    assert data["format"] == {"name": "thutuc-catalog", "version": 1}
    assert data["generator"].startswith("thutuc ")
    publisher = data["publisher"]
    assert publisher["name"] == "UBND xã Thử" and publisher["phone"] == "0123 456 789"
    assert publisher["address"] == "Thôn 1, xã Thử" and publisher["site_url"] == SITE_URL
    assert publisher["example"] is True and publisher["source_language"] == "vi"
    assert [x["code"] for x in publisher["languages"]] == ["vi", "en", "rad"]
    assert data["categories"] == [
        {"id": "ho-tich", "icon": "material/account-child",
         "name": {"vi": "Hộ tịch", "en": "Civil status"}},
        {"id": "chung-thuc", "icon": "", "name": {"vi": "Chứng thực"}}]


def test_one_object_per_published_procedure_with_every_field(
        procedures: dict[str, dict[str, Any]]) -> None:
    assert sorted(procedures) == ["chung-thuc-ban-sao", "dang-ky-ket-hon", "dang-ky-khai-sinh"]
    for proc in procedures.values():
        assert set(proc) == FORMAT_KEYS
        assert set(proc["url"]) == set(proc["text"]) == set(proc["translation"]) \
            == {"vi", "en", "rad"}
    birth = procedures["dang-ky-khai-sinh"]
    assert (birth["code"], birth["category"], birth["level"]) == ("1.001193", "ho-tich", ["xa"])
    assert birth["updated"] == "2026-11-20"
    assert birth["related"] == ["dang-ky-ket-hon"] and birth["events"] == ["sinh-con"]
    assert birth["online"]["level"] == "full"
    assert birth["online"]["url"].endswith("ma_thu_tuc=1.001193")
    assert birth["legal_basis"] == ["Luật Hộ tịch số 60/2014/QH13"]
    assert [c["type"] for c in birth["channels"]] == ["direct", "online"]
    assert birth["local"]["note"] == "Mang theo sổ tiêm chủng của trẻ."
    # A form in the project is published at the site root's files folder.
    assert birth["documents"][0] == {"originals": 1, "copies": 0,
                                     "form": SITE_URL + "tep/forms/to-khai.txt"}


def test_fees_are_integers_and_text_lines_up_by_position(
        procedures: dict[str, dict[str, Any]]) -> None:
    birth = procedures["dang-ky-khai-sinh"]
    assert birth["fees"] == [{"amount": 0}, {"amount": 8000}]
    assert all(type(fee["amount"]) is int for p in procedures.values() for fee in p["fees"])
    assert [fee["name"] for fee in birth["text"]["vi"]["fees"]] == [
        "Lệ phí đăng ký khai sinh đúng hạn", "Phí cấp bản sao trích lục"]
    assert len(birth["text"]["vi"]["documents"]) == len(birth["documents"]) == 3


def test_english_text_comes_from_the_overlay_and_gaps_are_listed(
        procedures: dict[str, dict[str, Any]]) -> None:
    birth = procedures["dang-ky-khai-sinh"]
    english = birth["text"]["en"]
    assert english["title"] == "Birth registration"
    assert english["summary"] == "Get a birth certificate for a newborn child."
    assert english["steps"] == [{"title": "Prepare the papers", "text": "Fill in the form."},
                                {"title": "Submit"}, {"title": "Collect the result"}]
    # Untranslated text is listed, not passed off as English.
    assert "result" not in english and "documents" not in english
    state = birth["translation"]["en"]
    assert state["draft"] is True and state["translator"] == "Test"
    assert {"result", "documents", "fees", "steps[1].text"} <= set(state["missing"])
    assert "title" not in state["missing"] and state["stale"] == []
    assert birth["translation"]["vi"] == {"draft": False, "translator": "", "missing": [],
                                          "stale": []}
    assert birth["text"]["rad"] == {}
    assert set(birth["translation"]["rad"]["missing"]) == set(birth["text"]["vi"])


def test_page_addresses_per_language(procedures: dict[str, dict[str, Any]]) -> None:
    assert procedures["dang-ky-khai-sinh"]["url"] == {
        "vi": SITE_URL + "thu-tuc/dang-ky-khai-sinh/",
        "en": SITE_URL + "en/thu-tuc/dang-ky-khai-sinh/",
        "rad": SITE_URL + "rad/thu-tuc/dang-ky-khai-sinh/"}


def test_addresses_lead_to_built_pages(mini_site: Path,
                                       procedures: dict[str, dict[str, Any]]) -> None:
    for proc in procedures.values():
        for url in proc["url"].values():
            assert (mini_site / url.removeprefix(SITE_URL) / "index.html").is_file()


def test_hostile_text_is_kept_as_data(procedures: dict[str, dict[str, Any]]) -> None:
    summary = procedures["dang-ky-ket-hon"]["text"]["vi"]["summary"]
    assert summary == "Đăng ký kết hôn <script>alert('x')</script> & chia sẻ"


def test_stale_translation_review_and_provenance(tmp_path: Path) -> None:
    """What the mini catalog lacks: a stale translation, an imported procedure to review."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    folder = project / "procedures"
    overlay = folder / "ho-tich" / "dang-ky-khai-sinh.en.yml"
    # A one-value stamp that is not the source's fingerprint: every translated text is stale.
    overlay.write_text(overlay.read_text("utf-8") + "source: 00000000\n", encoding="utf-8")
    copy = folder / "chung-thuc" / "chung-thuc-ban-sao.yml"
    copy.write_text(copy.read_text("utf-8") + "review: needed\nprovenance:\n"
                    "  national_code: '2.000815'\n  url: https://dichvucong.gov.vn/x\n"
                    "  imported: 2026-11-24\n  fingerprints: {title: 3f2a9c1b}\n",
                    encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    site = load_site(site_source(config, config.plugins["thutuc"].config))  # type: ignore
    procedures = {p["id"]: p for p in json.loads(render(site))["procedures"]}
    state = procedures["dang-ky-khai-sinh"]["translation"]["en"]
    assert {"title", "summary", "steps[0].title", "steps[0].text"} <= set(state["stale"])
    imported = procedures["chung-thuc-ban-sao"]
    assert imported["review"] == "needed"
    assert imported["provenance"] == {"national_code": "2.000815",
                                      "url": "https://dichvucong.gov.vn/x",
                                      "imported": "2026-11-24", "extra": {}}
