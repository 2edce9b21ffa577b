"""Recordings in the catalog: found, checked, stamped, stale; refused with file and fix.

Every recording here is a generated test tone (tests/fixtures/audio), never speech.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.cli.workbench import Workbench
from generator.mkdocs.project import load_project
from tests.langproject import procedure, write_project

AUDIO = Path(__file__).parent / "fixtures" / "audio"
LANGS = [("vi", "Tiếng Việt"), ("en", "English"), ("hre", "Hrê")]
FOLDER = "procedures/ho-tich"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two procedures, one translated into English."""
    return write_project(tmp_path / "p", LANGS, [procedure("mot"), procedure("hai")],
                         {("mot", "en"): {"status": "draft", "title": "One",
                                          "summary": "One summary."}})


def run(project: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([args[0], "-f", str(project / "mkdocs.yml"), *args[1:]])
    return code, out.getvalue(), err.getvalue()


def put(project: Path, name: str, fixture: str = "tone.opus") -> Path:
    target = project / FOLDER / name
    shutil.copyfile(AUDIO / fixture, target)
    return target


def recordings_of(project: Path, lang: str) -> list[dict]:
    code, out, err = run(project, "translations", "--json", "--lang", lang)
    assert code == 0, err
    return [dict(r, id=item["id"]) for item in json.loads(out)
            for r in item.get("recordings", [])]


def test_a_recording_is_found_with_its_length(project: Path) -> None:
    put(project, "mot.hre.webm", "mediarecorder.webm")
    put(project, "mot.vi.steps.m4a", "tone.m4a")
    code, out, err = run(project, "check")
    assert (code, err) == (0, "")
    assert "2 bản ghi âm" in out
    found = recordings_of(project, "hre")
    assert found == [{"id": "mot", "file": f"{FOLDER}/mot.hre.webm", "section": "",
                      "state": "unstamped", "stale": [], "seconds": 2.4, "kbps": 21.0}]


def test_stamp_then_an_edit_of_the_text_makes_it_stale(project: Path) -> None:
    put(project, "mot.en.opus")
    put(project, "mot.vi.documents.mp3", "tone.mp3")
    code, out, _ = run(project, "record", "--stamp")
    assert code == 0
    assert "Đã ghi dấu 2 bản ghi âm" in out
    stamp = (project / FOLDER / "mot.en.opus.yml").read_text(encoding="utf-8")
    assert '  "title": ' in stamp and '  "summary": ' in stamp
    assert [r["state"] for r in recordings_of(project, "en")] == ["fresh"]
    # The English summary is what was read: changing it makes the recording stale...
    overlay = project / FOLDER / "mot.en.yml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace("One summary.",
                                                                   "The first summary."),
                       encoding="utf-8")
    assert [(r["state"], r["stale"]) for r in recordings_of(project, "en")] == \
        [("stale", ["summary"])]
    # ...and so does a document's name in Vietnamese, for the Vietnamese documents part and for
    # the English guide, which read it in Vietnamese (not translated); the readable report
    # lists them with the translations.
    source = project / FOLDER / "mot.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("Giấy tờ 2 của mot",
                                                                 "Giấy tờ thứ hai"),
                      encoding="utf-8")
    code, out, _ = run(project, "translations")
    assert "Bản ghi âm lỗi thời:" in out
    assert f"{FOLDER}/mot.vi.documents.mp3 (documents[1].name)" in out
    assert f"{FOLDER}/mot.en.opus (summary, documents[1].name)" in out


def test_a_heavy_recording_is_a_warning_with_the_command_to_shrink_it(project: Path) -> None:
    put(project, "hai.vi.opus", "heavy-stereo.opus")
    code, out, err = run(project, "check")
    assert code == 0
    assert f"Cảnh báo: {FOLDER}/hai.vi.opus: bản ghi âm hai kênh (stereo), 135 kbps" in err
    assert "-ac 1 -c:a libopus -b:a 20k" in err


CASES = {
    "language the site lacks": ({"mot.de.opus": "tone.opus"},
                                "mot.de.opus: trang không có ngôn ngữ `de` (các ngôn ngữ: vi, "
                                "en, hre). Cách sửa: thêm ngôn ngữ vào `languages` của trang, "
                                "hoặc sửa mã trong tên tệp."),
    "no language": ({"mot.opus": "tone.opus"},
                    "mot.opus: tên tệp ghi âm phải có dạng TÊN.MÃ-NGÔN-NGỮ.ĐUÔI (hoặc "
                    "TÊN.MÃ-NGÔN-NGỮ.PHẦN.ĐUÔI). Cách sửa: ví dụ `mot.vi.opus` cho bản tiếng "
                    "Việt."),
    "unknown part": ({"mot.vi.giay-to.opus": "tone.opus"},
                     "mot.vi.giay-to.opus: `giay-to` không phải là một phần được ghi âm riêng. "
                     "Cách sửa: dùng `documents`, `where`, `steps`, hoặc đặt tên `mot.vi.opus` "
                     "cho bản ghi cả thủ tục."),
    "no procedure": ({"ba.vi.opus": "tone.opus"},
                     "ba.vi.opus: tệp ghi âm không có thủ tục `ba.yml` bên cạnh. Cách sửa: đặt "
                     "tệp cùng thư mục với thủ tục, tên bắt đầu bằng tên tệp thủ tục."),
    "empty": ({"mot.vi.opus": b""}, "mot.vi.opus: không đọc được tệp ghi âm: tệp trống (0 "
              "byte). Cách sửa: ghi âm lại bằng `thutuc record`, hoặc chuyển đổi:"),
    "not audio": ({"mot.vi.webm": b"<html></html>"},
                  "mot.vi.webm: không đọc được tệp ghi âm: nội dung tệp không phải là WebM như "
                  "đuôi tệp nói."),
    "cut short": ({"mot.vi.ogg": "cut:tone.ogg"},
                  "mot.vi.ogg: không đọc được tệp ghi âm: tệp bị hỏng hoặc bị cắt cụt giữa "
                  "chừng."),
    "too big": ({"mot.vi.mp3": b"\xff" * (2048 * 1024 + 1)},
                "mot.vi.mp3: tệp ghi âm nặng 2048 KB, quá giới hạn 2048 KB (người dân tải bằng "
                "2G/3G). Cách sửa: nén lại ở 16–24 kbps một kênh:"),
    "a format browsers may not play": ({"mot.hre.amr": b"#!AMR\n"},
                                       "mot.hre.amr: trình duyệt của người dân không chắc phát "
                                       "được tệp `.amr`. Cách sửa: chuyển sang Opus:"),
    "two files for one part": ({"mot.vi.opus": "tone.opus", "mot.vi.mp3": "tone.mp3"},
                               "mot.vi.opus: đã có bản ghi âm `mot.vi.mp3` cho cùng thủ tục, "
                               "ngôn ngữ và phần. Cách sửa: giữ một tệp, xoá tệp kia."),
    "stamp without recording": ({"mot.vi.opus.yml": b"source: {}\n"},
                                "mot.vi.opus.yml: tệp dấu này không còn tệp ghi âm bên cạnh. "
                                "Cách sửa: xoá tệp này, hoặc đặt lại tệp ghi âm `mot.vi.opus`."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_wrong_recording_is_refused_with_file_and_fix(project: Path, case: str) -> None:
    files, expected = CASES[case]
    for name, content in files.items():
        target = project / FOLDER / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        elif content.startswith("cut:"):
            data = (AUDIO / content[4:]).read_bytes()
            target.write_bytes(data[:len(data) // 2])
        else:
            put(project, name, content)
    code, out, err = run(project, "check")
    assert code == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith(FOLDER)]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{FOLDER}/{expected}"), lines[0]


@pytest.mark.site
def test_a_broken_recording_leaves_the_previous_site_untouched(project: Path) -> None:
    site = project / "site"
    code, _, err = run(project, "build", "-d", str(site))
    assert code == 0, err
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    (project / FOLDER / "mot.vi.opus").write_bytes(b"")
    code, _, err = run(project, "build", "-d", str(site))
    assert code == 1
    assert f"{FOLDER}/mot.vi.opus: không đọc được tệp ghi âm: tệp trống" in err
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == before


def test_a_take_that_is_not_audio_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt")], [procedure("mot")], {})
    bench = Workbench(load_project(project / "mkdocs.yml").site, project, "vi")
    part, error = bench.keep("mot", "", "webm", b"<html>not audio</html>")
    assert part is None
    assert error.startswith("không đọc được bản ghi: nội dung tệp không phải là WebM")
    part, error = bench.keep("../../etc", "", "webm", b"x")
    assert part is None and "không có thủ tục `../../etc`" in error
    assert sorted(p.name for p in (project / FOLDER).iterdir()) == ["mot.yml"]


@pytest.mark.site
def test_pages_and_notices_say_what_the_recording_is(project: Path) -> None:
    put(project, "mot.vi.opus")
    assert run(project, "record", "--stamp")[0] == 0
    source = project / FOLDER / "mot.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("Tóm tắt của mot.",
                                                                 "Tóm tắt mới của mot."),
                      encoding="utf-8")
    site = project / "site"
    assert run(project, "build", "-d", str(site))[0] == 0

    def listen(page: str) -> str:
        html = (site / page).read_text(encoding="utf-8")
        start = html.find('<div class="tt-listen"')
        return html[start:html.index("</div>", start)] if start >= 0 else ""

    vi = listen("thu-tuc/mot/index.html")
    assert 'preload="none"' in vi and 'src="../../nghe/mot.vi.' in vi
    assert "Bản ghi âm có thể đã cũ: nội dung trang đã được sửa sau khi ghi." in vi
    assert "tiếng Việt" not in vi
    en = listen("en/thu-tuc/mot/index.html")
    assert 'src="../../../nghe/mot.vi.' in en and ' lang="vi"' in en
    assert "This recording is in Vietnamese." in en and "may be out of date" in en
    hre = listen("hre/thu-tuc/mot/index.html")  # no Hrê strings: said in Vietnamese, marked
    assert '<p class="tt-notice tt-notice--language" lang="vi">Bản ghi âm bằng tiếng Việt.' in hre
    assert listen("thu-tuc/hai/index.html") == ""
    assert "Quét mã để nghe hướng dẫn" in (site / "niem-yet/mot.html").read_text(encoding="utf-8")
    assert "nghe hướng dẫn" not in (site / "niem-yet/hai.html").read_text(encoding="utf-8")


@pytest.mark.site
def test_a_part_recording_plays_under_its_section(project: Path) -> None:
    put(project, "mot.vi.steps.opus")
    put(project, "mot.en.documents.mp3", "tone.mp3")
    site = project / "site"
    assert run(project, "build", "-d", str(site))[0] == 0
    vi = (site / "thu-tuc/mot/index.html").read_text(encoding="utf-8")
    assert '<div class="tt-listen"' not in vi  # no whole guide
    steps = vi[vi.index('<h2 id="cac-buoc">'):]
    assert steps.split("</h2>", 1)[1].startswith('\n<p class="tt-listen-part"><audio controls '
                                                  'preload="none" src="../../nghe/mot.vi.steps.')
    assert 'aria-label="Nghe: ' in steps
    en = (site / "en/thu-tuc/mot/index.html").read_text(encoding="utf-8")
    documents = en[en.index('<h2 id="ho-so">'):en.index('<h2 id="noi-nop">')]
    assert "nghe/mot.en.documents." in documents
    steps = en[en.index('<h2 id="cac-buoc">'):]
    assert "nghe/mot.vi.steps." in steps and "This recording is in Vietnamese." in steps
    assert sorted(p.name.split(".")[2] for p in (site / "nghe").iterdir()) == ["documents",
                                                                             "steps"]
