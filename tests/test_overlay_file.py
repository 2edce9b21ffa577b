"""Stamping edits only the `source:` block of an overlay; everything else stays byte for byte."""

from __future__ import annotations

import pytest
import yaml

from generator.translate.overlay_file import with_stamp
from generator.yaml_text import dump_yaml

STAMP = {"title": "0a1b2c3d", "steps[0].text": "12345678"}
BLOCK = "source:\n  title: 0a1b2c3d\n  steps[0].text: '12345678'\n"


@pytest.mark.parametrize(("before", "after"), [
    ("# Ghi chú\nstatus: draft\ntranslator: Lan\ntitle: One\n",
     "# Ghi chú\nstatus: draft\ntranslator: Lan\n" + BLOCK + "title: One\n"),
    ("status: reviewed\nsource: 9f1c2e0a  # cũ\n\n# Tiêu đề\ntitle: One\n",
     "status: reviewed\n" + BLOCK + "\n# Tiêu đề\ntitle: One\n"),
    ("title: One\nsource:\n  title: ffffffff\n\n  summary: eeeeeeee\nsummary: Hai\n",
     "title: One\n" + BLOCK + "summary: Hai\n"),
    ("title: One\nsource: {title: ffffffff}\nsummary: Hai",
     "title: One\n" + BLOCK + "summary: Hai\n"),
    ("# Chỉ có chú thích\ntitle: One\n", "# Chỉ có chú thích\n" + BLOCK + "title: One\n"),
])
def test_only_the_source_block_changes(before: str, after: str) -> None:
    assert with_stamp(before, STAMP) == after
    assert yaml.safe_load(after)["source"] == STAMP


def test_unusual_layout_falls_back_to_a_full_rewrite() -> None:
    text = "{status: draft, title: One, source: abc}\n"
    result = with_stamp(text, STAMP)
    assert yaml.safe_load(result) == {"status": "draft", "title": "One", "source": STAMP}


def test_dump_is_readable_unicode_and_blocks_for_multiline_text() -> None:
    text = dump_yaml({"title": "Đăng ký khai sinh", "steps": [{"text": "Một.\n\n- Hai\n"}]})
    assert text == "title: Đăng ký khai sinh\nsteps:\n  - text: |\n      Một.\n\n      - Hai\n"
