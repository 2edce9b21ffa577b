"""The machine voice: espeak-ng's Vietnamese, small enough for 2G, never another language."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from generator.load.audio import read_audio_info
from generator.mkdocs.project import load_project
from generator.publish.machine_voice import machine_voices, spoken_text
from generator.translate.recording_status import Piece
from tests.conftest import build
from tests.langproject import procedure, write_project, write_yaml

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                  reason="espeak-ng is not installed (.ci/setup installs it)")
AUDIO = Path(__file__).parent / "fixtures" / "audio"


def test_spoken_text_leaves_markdown_marks_and_addresses_out() -> None:
    pieces = [Piece("title", "Đăng ký khai sinh", "vi"),
              Piece("steps[0].text", "Nộp **tờ khai** tại [Cổng dịch vụ công](https://x.vn).",
                    "vi")]
    assert spoken_text(pieces) == "Đăng ký khai sinh.\nNộp tờ khai tại Cổng dịch vụ công."


@needs_espeak
def test_vietnamese_only_where_no_person_recorded(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt"), ("hre", "Hrê")],
                            [procedure("mot"), procedure("hai")], {})
    shutil.copyfile(AUDIO / "tone.opus", project / "procedures/ho-tich/hai.vi.opus")
    site = load_project(project / "mkdocs.yml").site
    cache = tmp_path / "cache"
    start = time.perf_counter()
    voices = machine_voices(site, cache)
    first = time.perf_counter() - start
    assert [(v.procedure_id, v.lang, v.voice) for v in voices] == [("mot", "vi", "espeak-ng")]
    info = read_audio_info(voices[0].path.read_bytes(), "mp3")
    assert (info.codec, info.channels) == ("mp3", 1)
    assert 5 < info.duration < 60 and info.kbps < 26
    # Made once: a second build finds it in the cache, byte for byte the same.
    data = voices[0].path.read_bytes()
    start = time.perf_counter()
    again = machine_voices(site, cache)
    assert time.perf_counter() - start < first
    assert again[0].path.read_bytes() == data


@needs_espeak
def test_the_build_publishes_recordings_once_at_the_site_root(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt"), ("en", "English")],
                            [procedure("mot"), procedure("hai")], {})
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["thutuc"]["machine_voice"] = True
    write_yaml(project / "mkdocs.yml", config)
    shutil.copyfile(AUDIO / "tone.opus", project / "procedures/ho-tich/hai.en.opus")
    site = build(project, tmp_path / "site")
    published = sorted(p.name for p in (site / "nghe").iterdir())
    assert [name.split(".")[:2] + [name.split(".")[-1]] for name in published] == \
        [["hai", "en", "opus"], ["hai", "vi", "mp3"], ["mot", "vi", "mp3"]]
    assert not (site / "en" / "nghe").exists()
    assert (site / "nghe" / published[0]).read_bytes() == (AUDIO / "tone.opus").read_bytes()
