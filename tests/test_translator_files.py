"""Translators' files as the tools they use write them: gettext, pofilter, spreadsheets.

The files are checked with the real tools (Debian's gettext, translate-toolkit's pofilter,
openpyxl, LibreOffice where it is installed) rather than with our own reader only. Every
translated text here is labelled test data (`TEST ...`): nothing pretends to be a translation.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from openpyxl import load_workbook

from generator.cli.main import main
from generator.translate.exchange_po import po_string
from tests.conftest import NATIONAL, ROOT
from tests.langproject import procedure, write_project

LANGS = [("vi", "Tiếng Việt"), ("en", "English"), ("rad", "Êđê")]
MARKDOWN = ("Điều kiện thứ nhất, viết xuống dòng\ngiữa câu như người biên tập hay viết.\n\n"
            "- Có **giấy hẹn**\n- Xem [hướng dẫn](https://example.org/huong-dan)")


def tool(name: str) -> str:
    """The path of a program a test needs: skipped without it, except in CI (which installs
    it in .ci/setup), where a missing tool is a failure."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"`{name}` is missing: .ci/setup installs it")
        pytest.skip(f"`{name}` is not installed")
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two procedures, one with Markdown and lists; `mot` translated into English (test
    text), committed to git so that stale entries can show their old Vietnamese."""
    mot = procedure("mot", conditions=MARKDOWN, keywords=["từ khoá một", "tu khoa mot", "0123"],
                    applicants=["Công dân", "Người nước ngoài"])
    root = write_project(tmp_path / "p", LANGS, [mot, procedure("hai")], {("mot", "en"): {
        "status": "draft", "translator": "Tester", "title": "TEST One",
        "summary": "TEST summary one.", "keywords": ["TEST keyword"]}})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "catalog")
    assert run(root, "stamp")[0] == 0
    return root


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t",
                    *args], check=True, capture_output=True)


def run(project: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["translations", "-f", str(project / "mkdocs.yml"), *args])
    return code, out.getvalue(), err.getvalue()


def status(project: Path) -> dict[str, dict]:
    code, out, _ = run(project, "--json", "--lang", "en")
    assert code == 0
    return {item["id"]: item for item in json.loads(out)}


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for p in sorted((project / "procedures").rglob("*")) if p.is_file()}


def export(project: Path, tmp_path: Path, name: str, *ids: str) -> Path:
    path = tmp_path / name
    code, out, err = run(project, "export", "--lang", "en", "-o", str(path), *ids)
    assert code == 0, err
    return path


def overlay(project: Path, procedure_id: str = "mot") -> str:
    return (project / f"procedures/ho-tich/{procedure_id}.en.yml").read_text(encoding="utf-8")


# --- PO files as gettext writes them -----------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "rad"])
def test_sample_po_exports_pass_msgfmt_msgcat_and_pofilter(tmp_path: Path, lang: str) -> None:
    exported = tmp_path / f"{lang}.po"
    code, _, err = run(ROOT, "export", "--lang", lang, "-o", str(exported))
    assert code == 0, err
    checked = subprocess.run([tool("msgfmt"), "-c", "-o", os.devnull, str(exported)],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == ""  # not one warning
    rewrapped = subprocess.run([tool("msgcat"), "--width=79", str(exported)],
                               capture_output=True, text=True, check=True).stdout
    assert rewrapped == exported.read_text(encoding="utf-8")  # Poedit's save changes nothing
    failures = tmp_path / "failures.po"
    subprocess.run([tool("pofilter"), "--progress=none", "-t", "newlines", str(exported),
                    str(failures)], check=True, capture_output=True)
    assert not failures.exists() or "(pofilter)" not in failures.read_text(encoding="utf-8")


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="national records not present")
def test_wrapping_matches_msgcat_on_every_national_text(tmp_path: Path) -> None:
    texts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str) and value.strip():
            texts.append(value.replace("\r", ""))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for record in sorted(NATIONAL.rglob("*.json")):
        collect(json.loads(record.read_text(encoding="utf-8")))
    # Texts of the length of catalog fields (5,000 of them): the longest records are whole
    # pages pasted into one field, and would only make the test slow.
    texts = [text for text in dict.fromkeys(texts) if len(text) <= 3000]
    assert len(texts) > 1000
    lines = [*po_string("msgid", ""), *po_string("msgstr", "Content-Type: text/plain; "
                                                           "charset=UTF-8\n")]
    for number, text in enumerate(texts):
        # As a stale entry: the previous msgid (`#| `) is wrapped narrower.
        lines += ["", "#, fuzzy", *po_string("msgid", text, prefix="#| "),
                  *po_string("msgctxt", str(number)), *po_string("msgid", text),
                  'msgstr "x"']
    ours = "\n".join(lines) + "\n"
    path = tmp_path / "national.po"
    path.write_text(ours, encoding="utf-8")
    theirs = subprocess.run([tool("msgcat"), "--width=79", str(path)], capture_output=True,
                            text=True, check=True).stdout
    assert theirs == ours


def test_po_header_comments_and_list_items(project: Path, tmp_path: Path) -> None:
    text = export(project, tmp_path, "en.po").read_text(encoding="utf-8")
    po = polib.pofile(text)
    assert po.metadata["Last-Translator"] == "Tester"
    assert po.metadata["Language"] == "en" and po.metadata["Plural-Forms"]
    assert po.metadata["PO-Revision-Date"] == "2026-11-20 00:00+0000"  # the catalog's date
    entries = {entry.msgctxt: entry for entry in po}
    conditions = entries["mot|conditions"]
    # The hard wrap inside the first paragraph is gone: only meaningful line breaks remain.
    assert conditions.msgid == ("Điều kiện thứ nhất, viết xuống dòng giữa câu như người biên "
                                "tập hay viết.\n\n- Có **giấy hẹn**\n- Xem [hướng dẫn]"
                                "(https://example.org/huong-dan)")
    assert conditions.comment.splitlines() == [
        "Trang «Thủ tục mot»: mục «Điều kiện».",
        "Giữ nguyên: 1 liên kết [chữ](địa chỉ): dịch chữ trong [ ], giữ nguyên địa chỉ trong "
        "( ); chữ đậm **...**; 2 dòng danh sách (bắt đầu bằng «- » hoặc «1. »); 2 đoạn, cách "
        "nhau bằng một dòng trống."]
    assert conditions.occurrences == [("procedures/ho-tich/mot.yml", "")]
    assert [entries[f"mot|keywords[{i}]"].msgstr for i in range(3)] == ["TEST keyword", "", ""]
    assert entries["mot|applicants[1]"].msgid == "Người nước ngoài"


def test_stale_entry_is_fuzzy_with_the_old_vietnamese(project: Path, tmp_path: Path) -> None:
    source = project / "procedures/ho-tich/mot.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Tóm tắt của mot.", "Tóm tắt mới của mot."), encoding="utf-8")
    git(project, "commit", "-q", "-am", "summary changed")
    exported = export(project, tmp_path, "en.po")
    entry = next(e for e in polib.pofile(str(exported)) if e.msgctxt == "mot|summary")
    assert entry.flags == ["fuzzy"] and entry.msgstr == "TEST summary one."
    assert entry.msgid == "Tóm tắt mới của mot."
    assert entry.previous_msgid == "Tóm tắt của mot."
    assert '#| msgid "Tóm tắt của mot."' in exported.read_text(encoding="utf-8")
    # Left fuzzy, it stays stale; with the flag cleared (the translator checked it), fresh.
    assert run(project, "import", str(exported))[1].endswith("không có gì thay đổi.\n")
    assert status(project)["mot"]["stale"] == ["summary"]
    po = polib.pofile(str(exported))
    next(e for e in po if e.msgctxt == "mot|summary").flags.remove("fuzzy")
    po.save(str(exported))
    code, out, _ = run(project, "import", str(exported))
    assert code == 0 and "1 ghi dấu lại" in out, out
    assert status(project)["mot"]["stale"] == []


def test_fuzzy_entries_are_kept_as_suggestions_never_published(project: Path,
                                                                tmp_path: Path) -> None:
    exported = export(project, tmp_path, "en.po")
    po = polib.pofile(str(exported))
    for entry in po:
        if entry.msgctxt == "hai|title":
            entry.msgstr, entry.flags = "TEST Two (draft)", ["fuzzy"]  # Poedit: "needs work"
        if entry.msgctxt == "hai|summary":
            entry.msgstr = "TEST summary two."
    po.metadata["Last-Translator"] = "Người Thử <thu@example.org>"
    po.save(str(exported))
    code, out, _ = run(project, "check", str(exported))
    assert code == 0
    assert f"{exported}:{entry_line(exported, 'hai|title')}: hai|title: bản nháp (fuzzy)" in out
    assert "1 bản dịch mới, 0 sửa, 1 bản nháp giữ làm gợi ý" in out
    assert "Chưa ghi tệp nào (chỉ kiểm tra)." in out
    code, out, _ = run(project, "import", str(exported))
    assert code == 0 and "1 bản nháp giữ làm gợi ý (không lên trang)" in out, out
    assert "người dịch: Người Thử" in out
    hai = overlay(project, "hai")
    assert "suggestions:\n  title: TEST Two (draft)\n" in hai
    assert "translator: Người Thử\n" in hai and "example.org" not in hai
    assert status(project)["hai"]["missing"][0] == "title"  # the page shows Vietnamese
    assert status(project)["hai"]["suggestions"] == ["title"]  # counted, for the translator
    assert "bản nháp (fuzzy) chưa lên trang: title" in run(project, "--lang", "en")[1]
    again = polib.pofile(str(export(project, tmp_path, "again.po")))
    title = next(e for e in again if e.msgctxt == "hai|title")
    assert title.msgstr == "TEST Two (draft)" and title.flags == ["fuzzy"]
    title.flags = []  # the translator accepts the draft
    again.save(str(tmp_path / "again.po"))
    assert run(project, "import", str(tmp_path / "again.po"))[0] == 0
    assert "suggestions" not in overlay(project, "hai")
    assert status(project)["hai"]["missing"] == ["documents", "steps", "duration", "result"]


def entry_line(path: Path, context: str) -> int:
    return next(e.linenum for e in polib.pofile(str(path)) if e.msgctxt == context)


def test_rewrapped_po_imports_exactly_the_translated_entries(project: Path,
                                                               tmp_path: Path) -> None:
    exported = export(project, tmp_path, "en.po")
    po = polib.pofile(str(exported))
    for entry in po:
        if entry.msgctxt == "mot|conditions":
            entry.msgstr = entry.msgid.replace("Điều kiện", "TEST condition")
        if entry.msgctxt == "mot|keywords[2]":
            entry.msgstr = "0123\nTEST extra keyword"  # one more item than the source
    po.save(str(exported))
    narrow = tmp_path / "narrow.po"  # another tool, another width
    subprocess.run([tool("msgcat"), "--width=60", "-o", str(narrow), str(exported)], check=True)
    code, out, _ = run(project, "import", str(narrow))
    assert code == 0 and "1 mới, 1 sửa" in out, out
    text = overlay(project)
    assert "conditions: |-\n  TEST condition thứ nhất, viết xuống dòng giữa câu" in text
    assert "keywords:\n  - TEST keyword\n  - '0123'\n  - TEST extra keyword\n" in text
    assert run(project, "import", str(exported))[1].endswith("không có gì thay đổi.\n")


def test_check_reports_unknown_entries_and_markup_with_lines(project: Path,
                                                              tmp_path: Path) -> None:
    exported = export(project, tmp_path, "en.po")
    po = polib.pofile(str(exported))
    for entry in po:
        if entry.msgctxt == "mot|conditions":
            entry.msgstr = "TEST condition, no link, no list."
        if entry.msgctxt == "hai|title":
            entry.msgstr, entry.tcomment = "TEST Two", "Câu hỏi thử: có đúng không?"
    po.save(str(exported))
    code, out, _ = run(project, "check", str(exported))
    line = entry_line(exported, "mot|conditions")
    assert f"{exported}:{line}: mot|conditions: khác bản gốc: thiếu liên kết tới " \
           "`https://example.org/huong-dan`" in out
    assert "mot|conditions: khác bản gốc: dòng danh sách: bản gốc 2, bản dịch 0" in out
    assert "hai|title: ghi chú của người dịch: Câu hỏi thử: có đúng không?" in out
    before = snapshot(project)
    text = exported.read_text(encoding="utf-8").replace('"hai|result"', '"hai|ket-qua"')
    exported.write_text(text, encoding="utf-8")
    code, _, err = run(project, "check", str(exported))
    line = entry_line(exported, "hai|ket-qua")
    assert code == 1 and f"{exported}:{line}: hai|ket-qua: thủ tục `hai` không có trường " \
        "`ket-qua` để dịch." in err
    assert err.rstrip().endswith("chưa ghi tệp nào (chỉ kiểm tra).")
    assert snapshot(project) == before


# --- spreadsheets -------------------------------------------------------------------------

def csv_table(path: Path, separator: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")),
                           delimiter=separator))


def fill(table: list[list[str]], values: dict[str, str]) -> None:
    """Type translations into a table's rows, by `id|field`, as a translator would."""
    for row in table[1:]:
        key = f"{row[1]}|{row[2]}"
        if key in values:
            row[4] = values[key]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
@pytest.mark.parametrize("bom", [True, False])
def test_csv_with_any_separator_and_bom_or_not(project: Path, tmp_path: Path, separator: str,
                                               bom: bool) -> None:
    table = csv_table(export(project, tmp_path, "en.csv"))
    fill(table, {"hai|title": "TEST Two", "hai|summary": "- TEST list-like summary"})
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator).writerows(table)
    saved = tmp_path / "saved.csv"
    saved.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")
    code, out, err = run(project, "import", str(saved))
    assert code == 0 and "Tạo procedures/ho-tich/hai.en.yml: 2 mới, 0 sửa" in out, err
    assert "summary: '- TEST list-like summary'" in overlay(project, "hai")


def test_csv_resaved_in_latin1_or_garbled_says_save_as_utf8(project: Path,
                                                             tmp_path: Path) -> None:
    exported = export(project, tmp_path, "en.csv")
    text = exported.read_text(encoding="utf-8-sig")
    before = snapshot(project)
    cases = {
        # cp1258 re-save: Vietnamese letters in Windows-1258 bytes.
        "cp1258.csv": text.replace("TEST One", "TEST Một").encode("cp1258", "replace"),
        # Opened as Latin-1 (LibreOffice's default here), saved as UTF-8: "ạ" is now "áº¡".
        "garbled.csv": text.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        code, _, err = run(project, "import", str(tmp_path / name))
        assert code == 1, name
        assert "lưu bằng UTF-8" in err and "Unicode (UTF-8)" in err, (name, err)
        assert snapshot(project) == before
    assert "tệp này không được lưu bằng bảng mã UTF-8" in run(
        project, "import", str(tmp_path / "cp1258.csv"))[2]


def test_spreadsheet_numbers_keep_their_leading_zeros(project: Path, tmp_path: Path) -> None:
    table = csv_table(export(project, tmp_path, "en.csv"))
    keywords = next(row for row in table if row[2] == "keywords")
    assert keywords[3] == "từ khoá một\ntu khoa mot\n0123"
    edit = tmp_path / "phone.csv"
    hai = next(row for row in table if row[1] == "hai" and row[2] == "duration")
    (project / "procedures/ho-tich/hai.yml").write_text(
        (project / "procedures/ho-tich/hai.yml").read_text(encoding="utf-8").replace(
            "Ngay trong ngày làm việc", "'0262341107'"), encoding="utf-8")
    hai[3], hai[4] = "262341107", "262341107"  # what a spreadsheet made of both cells
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    edit.write_text(buffer.getvalue(), encoding="utf-8")
    code, out, err = run(project, "import", str(edit))
    assert code == 0, err
    assert "duration: '0262341107'" in overlay(project, "hai")
    assert status(project)["hai"]["stale"] == []  # made from the current source


def test_xlsx_locked_wrapped_and_edited_with_openpyxl(project: Path, tmp_path: Path) -> None:
    exported = export(project, tmp_path, "en.xlsx")
    assert exported.read_bytes() == export(project, tmp_path, "again.xlsx").read_bytes()
    book = load_workbook(exported)
    sheet = book["Dịch"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["lang", "id", "field", "source", "translation", "state", "note",
                      "comment"]
    assert sheet.protection.sheet
    second = sheet[2]
    assert second[3].protection.locked and not second[4].protection.locked
    assert not second[5].protection.locked and not second[7].protection.locked
    assert second[3].alignment.wrap_text and second[4].number_format == "@"
    rows = {f"{r[1].value}|{r[2].value}": r for r in sheet.iter_rows(min_row=2)}
    assert rows["mot|keywords"][3].value == "từ khoá một\ntu khoa mot\n0123"
    rows["hai|title"][4].value = "TEST Two"
    rows["hai|summary"][4].value = "=TEST not a formula"
    rows["hai|summary"][4].data_type = "s"
    rows["hai|result"][4].value = "TEST result, draft"
    rows["hai|result"][5].value = "fuzzy"
    rows["hai|duration"][7].value = "Câu hỏi thử của người dịch"
    book["Thông tin"]["B2"] = "Người Thử"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    code, out, err = run(project, "import", str(edited))
    assert code == 0, err
    assert "Tạo procedures/ho-tich/hai.en.yml: 2 mới, 0 sửa, 1 bản nháp" in out
    assert "hai|duration: ghi chú của người dịch: Câu hỏi thử của người dịch" in out
    hai = overlay(project, "hai")
    assert "title: TEST Two\n" in hai and "summary: =TEST not a formula\n" in hai
    assert "suggestions:\n  result: TEST result, draft\n" in hai
    assert "translator: Người Thử\n" in hai
    sheet = book["Dịch"]
    sheet["E3"] = "=1+1"  # a real formula
    book.save(edited)
    code, _, err = run(project, "import", str(edited))
    assert code == 1 and "ô E3 là một công thức" in err


# --- LibreOffice: open and save as a translator's office computer does ---------------------

def soffice(tmp_path: Path, source: Path, target: str, *options: str) -> Path:
    """Open `source` in LibreOffice (headless, its own profile) and save it as `target`."""
    out = tmp_path / "lo-out"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([tool("soffice"), f"-env:UserInstallation={profile}", "--headless",
                    *options, "--convert-to", target, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out / (source.stem + "." + target.split(":")[0])


def test_libreoffice_open_and_save(project: Path, tmp_path: Path) -> None:
    # xlsx, edited (openpyxl), then opened and saved again in LibreOffice with its defaults.
    exported = export(project, tmp_path, "en.xlsx")
    book = load_workbook(exported)
    rows = {f"{r[1].value}|{r[2].value}": r for r in book["Dịch"].iter_rows(min_row=2)}
    rows["hai|title"][4].value = "TEST Two"
    rows["mot|keywords"][4].value = "TEST keyword\n0123"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    saved = soffice(tmp_path, edited, "xlsx")
    code, out, err = run(project, "import", str(saved))
    assert code == 0, err
    assert "Tạo procedures/ho-tich/hai.en.yml: 1 mới" in out and "title: TEST Two" in overlay(
        project, "hai")
    assert "keywords:\n  - TEST keyword\n  - '0123'\n" in overlay(project)
    # The CSV opened and saved with LibreOffice's defaults (UTF-8 here: the BOM is read).
    before = snapshot(project)
    csv_file = export(project, tmp_path, "en.csv")
    assert run(project, "import", str(soffice(tmp_path, csv_file, "csv")))[1].endswith(
        "không có gì thay đổi.\n")
    # Saved with `;`, as spreadsheets do where the decimal mark is a comma.
    semicolons = soffice(tmp_path, csv_file, "csv:Text - txt - csv (StarCalc):59,34,76",
                         "--infilter=CSV:44,34,76")
    assert semicolons.read_text(encoding="utf-8").startswith("lang;id;field;")
    assert run(project, "import", str(semicolons))[1].endswith("không có gì thay đổi.\n")
    # A Western-European office computer opens it as Windows-1252 (mojibake) and saves it
    # so; a translation typed there is in Windows-1252 too: refused, with how to save UTF-8.
    text = csv_file.read_bytes().replace(b",TEST One,", ",TEST One ê,".encode("cp1252"))
    typed = tmp_path / "typed.csv"
    typed.write_bytes(text)
    western = soffice(tmp_path, typed, "csv:Text - txt - csv (StarCalc):44,34,1",
                      "--infilter=CSV:44,34,1")
    code, _, err = run(project, "import", str(western))
    assert code == 1 and "không được lưu bằng bảng mã UTF-8" in err
    assert snapshot(project) == before
