"""The translators' commands: status (exact), stamp, export and import."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import polib
import pytest

from generator.cli.main import main
from generator.translate.exchange_sheet import write_xlsx
from tests.langproject import procedure, write_project

LANGS = [("vi", "Tiếng Việt"), ("en", "English"), ("rad", "Êđê")]
HEADER = "# Bản dịch tiếng Anh.\n# Người dịch: Test.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Three procedures: fully translated, steps partly translated, not translated."""
    full = {"status": "reviewed", "title": "One", "summary": "One summary.",
            "documents": [{"name": "Paper 1"}, {"name": "Paper 2"}],
            "steps": [{"title": "S1", "text": "T1"}, {"title": "S2", "text": "T2"}],
            "duration": "Same working day", "result": "Result one"}
    partial = {"status": "draft", "title": "Two",
               "steps": [{"title": "S1", "text": "T1"}, {"title": "S2"}]}
    root = write_project(tmp_path / "p", LANGS,
                         [procedure("mot"), procedure("hai"), procedure("ba")],
                         {("mot", "en"): full, ("hai", "en"): partial})
    path = root / "procedures/ho-tich/mot.en.yml"
    path.write_text(HEADER + path.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def run(project: Path, *args: str) -> tuple[int, str, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["translations", "-f", str(project / "mkdocs.yml"), *args])
    return code, out.getvalue(), err.getvalue()


def status(project: Path, lang: str = "en") -> dict[str, dict]:
    code, out, _ = run(project, "--json", "--lang", lang)
    assert code == 0
    return {item["id"]: item for item in json.loads(out)}


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for p in sorted((project / "procedures").rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_json_reports_states_exactly(project: Path) -> None:
    code, out, _ = run(project, "--json")
    assert code == 0
    assert json.loads(out) == [
        {"id": "ba", "lang": "en", "state": "missing", "review": None,
         "missing": ["title", "summary", "documents", "steps", "duration", "result"],
         "stale": []},
        {"id": "hai", "lang": "en", "state": "partial", "review": "draft",
         "missing": ["summary", "documents", "steps[1].text", "duration", "result"],
         "stale": []},
        {"id": "mot", "lang": "en", "state": "complete", "review": "reviewed",
         "missing": [], "stale": []},
        *({"id": pid, "lang": "rad", "state": "missing", "review": None,
           "missing": ["title", "summary", "documents", "steps", "duration", "result"],
           "stale": []} for pid in ("ba", "hai", "mot")),
    ]


def test_table_counts_and_worst_first(project: Path) -> None:
    code, out, _ = run(project, "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split() == ["en", "(English)", "1", "1", "1", "0", "1"]
    todo = lines[lines.index("en (English): cần làm, việc nhiều nhất trước") + 1:][:2]
    assert [line.split(":")[0].strip() for line in todo] == ["ba", "hai"]
    assert "Chuỗi giao diện: đã dịch" in out


def test_stamp_then_one_field_edit_makes_exactly_that_field_stale(project: Path) -> None:
    overlay = project / "procedures/ho-tich/mot.en.yml"
    before = overlay.read_text(encoding="utf-8")
    code, out, _ = run(project, "stamp", "--lang", "en", "mot")
    assert code == 0 and "Đã ghi dấu 1 tệp dịch" in out
    after = overlay.read_text(encoding="utf-8")
    # Only the source block was added; the rest (comments included) is byte for byte as before.
    assert after.replace(after[after.index("source:"):after.index("\ntitle:") + 1], "") == before
    assert "hai.en.yml" not in out  # only the named procedure
    edit(project / "procedures/ho-tich/mot.yml", "Nội dung bước 2 của mot.", "Nội dung mới.")
    assert status(project)["mot"]["stale"] == ["steps[1].text"]
    edit(project / "procedures/ho-tich/mot.yml", "Tóm tắt của mot.", "Tóm tắt mới.")
    assert status(project)["mot"]["stale"] == ["summary", "steps[1].text"]
    assert main(["stamp", "-f", str(project / "mkdocs.yml")]) == 0  # the short form
    assert status(project)["mot"]["stale"] == []
    assert run(project, "stamp")[1].endswith("Đã ghi dấu 0 tệp dịch; 2 tệp đã đúng sẵn.\n")


def test_older_stamp_forms_still_work(project: Path) -> None:
    overlay = project / "procedures/ho-tich/mot.en.yml"
    edit(overlay, "status: reviewed", "status: reviewed\nsource: 0badf00d")
    item = status(project)["mot"]
    assert item["stale"] == ["title", "summary", "documents", "steps", "duration", "result"]
    edit(overlay, "source: 0badf00d", "source: {steps: 0badf00d}")
    assert status(project)["mot"]["stale"] == ["steps"]


def test_unknown_language_or_id_stamps_nothing(project: Path) -> None:
    before = snapshot(project)
    code, _, err = run(project, "stamp", "--lang", "xx")
    assert code == 1 and "`xx` không phải là một ngôn ngữ dịch" in err and "chưa ghi tệp nào" in err
    code, _, err = run(project, "stamp", "khong-co")
    assert code == 1 and "không có thủ tục `khong-co`" in err
    assert snapshot(project) == before


@pytest.mark.parametrize("fmt", ["csv", "po"])
def test_export_import_round_trip(project: Path, tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / f"en.{fmt}"
    assert run(project, "export", "--lang", "en", "-o", str(exported))[0] == 0
    before = snapshot(project)
    code, out, _ = run(project, "import", str(exported))
    assert code == 0 and "không có gì thay đổi" in out
    assert snapshot(project) == before
    # A translator fills in the missing texts (keeping `hai`'s step 2 text) and re-imports.
    filled = translate_file(exported, fmt, lambda pid, path: f"EN {pid} {path}",
                            skip={("hai", "steps[1].text")})
    code, out, _ = run(project, "import", str(filled))
    assert code == 0, out
    assert "Tạo procedures/ho-tich/ba.en.yml" in out
    items = status(project)
    assert items["ba"]["state"] == "complete" and items["ba"]["review"] == "draft"
    assert items["hai"]["missing"] == ["steps[1].text"]
    assert items["mot"] == {"id": "mot", "lang": "en", "state": "complete",
                            "review": "reviewed", "missing": [], "stale": []}
    mot = (project / "procedures/ho-tich/mot.en.yml").read_text(encoding="utf-8")
    assert mot.startswith(HEADER) and "title: One" in mot  # kept: the file had it already
    ba = (project / "procedures/ho-tich/ba.en.yml").read_text(encoding="utf-8")
    assert "title: EN ba title" in ba and "\\u" not in ba
    # Exporting again gives back exactly what was imported: nothing was lost.
    again = tmp_path / f"again.{fmt}"
    run(project, "export", "--lang", "en", "-o", str(again))
    assert rows(again, fmt) == rows(filled, fmt)
    assert run(project, "import", str(again))[1].endswith("không có gì thay đổi.\n")


def test_import_of_older_source_stays_stale(project: Path, tmp_path: Path) -> None:
    run(project, "stamp")
    exported = tmp_path / "en.csv"
    run(project, "export", "--lang", "en", "-o", str(exported))
    edit(project / "procedures/ho-tich/ba.yml", "Tóm tắt của ba.", "Tóm tắt mới của ba.")
    filled = translate_file(exported, "csv", lambda pid, path: f"EN {pid} {path}")
    code, out, _ = run(project, "import", str(filled))
    assert code == 0 and "1 dịch từ bản gốc cũ" in out
    assert status(project)["ba"]["stale"] == ["summary"]


def test_mismatched_or_broken_imports_write_nothing(project: Path, tmp_path: Path) -> None:
    exported = tmp_path / "en.csv"
    run(project, "export", "--lang", "en", "-o", str(exported))
    good = exported.read_bytes().decode("utf-8-sig")
    run(project, "export", "--lang", "en", "-o", str(tmp_path / "en.po"))
    po = (tmp_path / "en.po").read_text(encoding="utf-8")
    cases = {
        "rad.csv": (good.replace("\r\nen,", "\r\nvi,"), "ngôn ngữ `vi` không phải"),
        "mixed.csv": (good.replace("\r\nen,hai", "\r\nrad,hai"), "đúng một ngôn ngữ"),
        "id.csv": (good.replace(",mot,", ",khong-co,"), "không có thủ tục `khong-co`"),
        "field.csv": (good.replace("steps[1].title", "steps[9].title"), "`steps[9].title`"),
        "header.csv": (good.replace("translation", "ban dich", 1), "thiếu cột `translation`"),
        "broken.po": (po.replace('msgstr "Two"', 'msgstr "Tw'), "thiếu dấu ngoặc kép đóng"),
        "syntax.po": (po.replace('msgstr "Two"', 'msgstr "Two"\nmsgstr "2"'), "tệp PO hỏng"),
        "latin1.csv": (None, "UTF-8"),
    }
    # One good change in every file: it must not be written either.
    for name, (text, message) in cases.items():
        before = snapshot(project)
        path = tmp_path / name
        if text is None:
            path.write_bytes(good.replace("Thủ tục", "Th\xfa t\xfac").encode("latin-1",
                                                                                "replace"))
        else:
            path.write_bytes(text.replace(",One,", ",Uno,").encode())
        code, _, err = run(project, "import", str(path))
        assert code == 1, name
        assert message in err and err.rstrip().endswith("chưa ghi tệp nào."), (name, err)
        assert snapshot(project) == before, name


def translate_file(path: Path, fmt: str, translate, skip=frozenset()) -> Path:
    """Fill every empty translation of an exported file, as a translator would."""
    out = path.with_name("filled-" + path.name)
    if fmt == "po":
        po = polib.pofile(str(path))
        for entry in po:
            pid, _, field = entry.msgctxt.partition("|")
            if not entry.msgstr and (pid, field) not in skip:
                entry.msgstr = translate(pid, field)
        po.save(str(out))
        return out
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for row in table[1:]:
        if not row[4] and (row[1], row[2]) not in skip:
            row[4] = translate(row[1], row[2])
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    out.write_text(buffer.getvalue(), encoding="utf-8")
    return out


def rows(path: Path, fmt: str) -> list[tuple[str, str, str]]:
    """(id and field, source, translation) of every row of an exported file."""
    if fmt == "po":
        return [(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(path))]
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    return [(f"{r[1]}|{r[2]}", r[3], r[4]) for r in table[1:]]


def test_csv_cells_that_look_like_formulas_round_trip(project: Path, tmp_path: Path) -> None:
    edit(project / "procedures/ho-tich/ba.yml", "Tóm tắt của ba.", '"=HYPERLINK(\\"x\\")"')
    exported = tmp_path / "en.csv"
    run(project, "export", "--lang", "en", "-o", str(exported), "ba")
    table = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    summary = next(row for row in table if row[2] == "summary")
    assert summary[3] == "'=HYPERLINK(\"x\")"  # a spreadsheet shows it as text, never runs it
    notes = {row[2]: row[6] for row in table[1:]}
    assert notes["steps[1].text"] == \
        "Trang «Thủ tục ba»: mục «Các bước thực hiện», bước số 2: nội dung."
    assert notes["documents[0].name"] == \
        "Trang «Thủ tục ba»: mục «Hồ sơ cần nộp», giấy tờ số 1: tên."
    filled = translate_file(exported, "csv", lambda pid, path: f"- EN {path}")
    assert run(project, "import", str(filled))[0] == 0
    ba = (project / "procedures/ho-tich/ba.en.yml").read_text(encoding="utf-8")
    assert "summary: '- EN summary'" in ba
    assert status(project)["ba"] == {"id": "ba", "lang": "en", "state": "complete",
                                     "review": "draft", "missing": [], "stale": []}


def test_a_workbook_does_not_say_when_it_was_written() -> None:
    """Two exports of the same rows are the same bytes, even a second apart: the workbook's
    own `modified` date (which openpyxl's `save` sets to now) stays fixed."""
    workbook = zipfile.ZipFile(io.BytesIO(write_xlsx("en", "English", "", [])))
    core = workbook.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core) == [
        ("created", "2000-01-01T00:00:00Z"), ("modified", "2000-01-01T00:00:00Z")]
