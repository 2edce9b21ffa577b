"""The index builder and the ranking rules, run with the site's own engine.js in Node."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from generator.search import index
from generator.search.index import SearchDoc, build_index, code_words
from generator.search.site_index import write_index
from tests.search_node import js_count, js_search


def doc(id_: str, title: str, keywords: tuple[str, ...] = (), body: str = "",
        code: str = "") -> SearchDoc:
    return SearchDoc(id=id_, title=title, code=code, teaser=body,
                     fields=(("title", title), ("code", code_words(code)),
                             ("keywords", " ; ".join(keywords)), ("body", body)),
                     phrases=(title, *keywords))


DOCS = [
    doc("ho-tro-hoc-phi", "Hỗ trợ học phí", body="Cho học sinh hộ nghèo."),
    doc("ho-tich", "Cấp bản sao hộ tịch", body="Trích lục hỗ trợ việc học."),
    doc("tro-cap-tuoi-gia", "Hưởng trợ cấp hưu trí xã hội", keywords=("tiền già", "người già")),
    doc("nha-o", "Hỗ trợ nhà ở", body="Ưu tiên người già neo đơn, người khuyết tật."),
    doc("khai-sinh", "Thủ tục đăng ký khai sinh", code="1.001193",
        keywords=("làm giấy khai sinh",)),
    doc("khai-sinh-luu-dong", "Thủ tục đăng ký khai sinh lưu động",
        body="Đăng ký khai sinh tại nhà cho người không đi được."),
    doc("khai-tu", "Đăng ký khai tử", body="Khi có người mất."),
    doc("ket-hon", "Đăng ký kết hôn", keywords=("lấy vợ", "lấy chồng")),
    doc("y-te", "Cấp thẻ bảo hiểm y tế cho trẻ em"),
    doc("ky-thuat", "Cấp chứng chỉ kĩ thuật viên", body="Nộp tại Mĩ Tho"),
    doc("my-tho", "Tiếp công dân tại Mỹ Tho"),
] + [doc(f"khac-{n}", f"Thủ tục khác số {n}", body=f"Văn bản {n} về đất đai và nhà ở")
     for n in range(40)]


def search(tmp_path: Path, queries: list[str]) -> list[list[str]]:
    write_index(build_index(DOCS), tmp_path)
    return js_search(tmp_path / "search", queries)


def first(tmp_path: Path, queries: list[str]) -> list[str]:
    return [ids[0] if ids else "" for ids in search(tmp_path, queries)]


def test_typed_accents_rank_exact_spellings_first(tmp_path: Path) -> None:
    with_ho_tro, with_ho_tich, plain = search(tmp_path, ["hỗ trợ", "hộ", "ho"])
    assert with_ho_tro[:2] == ["ho-tro-hoc-phi", "nha-o"]
    assert with_ho_tich[0] == "ho-tich"
    assert {"ho-tro-hoc-phi", "ho-tich", "nha-o"} <= set(plain)


def test_keywords_and_titles_weigh_more_than_body(tmp_path: Path) -> None:
    assert first(tmp_path, ["nguoi gia", "hoc phi", "dang ky khai sinh"]) == [
        "tro-cap-tuoi-gia", "ho-tro-hoc-phi", "khai-sinh"]


def test_everyday_words_codes_and_questions(tmp_path: Path) -> None:
    assert first(tmp_path, ["tien gia", "lay chong", "1.001193", "001193",
                            "lam giay khai sinh o dau", "thu tuc ket hon nhu the nao"]) == [
        "tro-cap-tuoi-gia", "ket-hon", "khai-sinh", "khai-sinh", "khai-sinh", "ket-hon"]


def test_the_last_word_is_a_prefix_only_while_typing(tmp_path: Path) -> None:
    typing, typed, nothing = search(tmp_path, ["dang ky khai t", "khai si", "xyzw"])
    assert typing[0] == "khai-tu"
    assert typed[0] in {"khai-sinh", "khai-sinh-luu-dong"}
    assert nothing == []


def test_only_the_word_being_typed_is_a_prefix_and_its_accents_count(tmp_path: Path) -> None:
    # "gia" begins "giấy" (in "làm giấy khai sinh"): while it is the only word, that page is
    # a candidate; beside a whole word ("tien") it lets no page in by itself.
    alone, beside, accented, tone_to_come = search(tmp_path, ["gia", "tien gia", "già", "giâ"])
    assert "khai-sinh" in alone
    assert beside[0] == "tro-cap-tuoi-gia" and "khai-sinh" not in beside
    assert "khai-sinh" not in accented and accented[0] == "tro-cap-tuoi-gia"
    assert "khai-sinh" in tone_to_come
    one_letter, spaced = js_count(tmp_path / "search", ["tien g", "tien gia "])
    assert one_letter == spaced == 2  # "tiền" is on two pages; "g" and "gia " are no prefix


def test_pages_with_every_word_of_the_query_come_first(tmp_path: Path) -> None:
    # Only the mobile birth registration has "tại nhà"; the other has a closer title.
    assert first(tmp_path, ["khai sinh tai nha"]) == ["khai-sinh-luu-dong"]


def test_kí_ký_mĩ_mỹ_and_decomposed_unicode_match(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "ĐĂNG KÍ KHAI SINH")
    assert first(tmp_path, [nfd, "mi tho", "Mĩ Tho", "kỹ thuật"]) == [
        "khai-sinh", "my-tho", "my-tho", "ky-thuat"]


def test_small_shards_give_the_same_results(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ["dang ky khai sinh", "hỗ trợ", "nha o", "tien gia", "1.001193", "van ban 3",
               "dang ky khai t", "lam giay khai sinh"]
    whole = search(tmp_path / "one", queries)
    monkeypatch.setattr(index, "SHARD_LIMIT", 300)
    assert len([n for n in build_index(DOCS).files if n.startswith("s")]) > 10
    assert search(tmp_path / "many", queries) == whole


def test_files_are_deterministic_and_named_by_their_content() -> None:
    files = build_index(DOCS).files
    assert build_index(DOCS).files == files
    for name, text in files.items():
        stem = name.removesuffix(".js")
        assert text.startswith(f'thutucSearch("{stem}",')
        data = re.sub(r'^thutucSearch\("[a-z0-9]+",|\);\n$', "", text)
        assert stem[1:] == hashlib.sha256(data.encode()).hexdigest()[:12]
