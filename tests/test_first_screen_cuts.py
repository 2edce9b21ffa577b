"""What the first screen cuts (generator/first_screen.py): whole words, then "…"; a document's
name cut there is a warning that names the file and line."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.first_screen import FIRST_SCREEN_LETTERS, cut_to_words, shortened_document
from tests.langproject import procedure, write_project


@pytest.mark.parametrize(("text", "letters", "shown"), [
    ("Tờ khai đăng ký", 20, "Tờ khai đăng ký"),  # short enough: whole
    ("aaaa bbbb cccc", 9, "aaaa bbbb…"),  # the cut falls on a space: both words whole
    ("aaaa bbbb, cccc", 10, "aaaa bbbb…"),  # and its comma goes
    ("aaaa bbbb cccc", 11, "aaaa bbbb…"),  # the cut falls inside a word: that word goes
    ("x" * 20, 10, "x" * 10 + "…"),  # one word longer than the cut (an address): cut itself
])
def test_a_cut_keeps_whole_words(text: str, letters: int, shown: str) -> None:
    assert cut_to_words(text, letters) == shown


def test_a_title_just_over_the_cut_is_kept_whole() -> None:
    assert cut_to_words("a " * 110, 200, longer_than=250) == "a " * 110


def test_a_first_document_cut_on_the_first_screen_is_a_warning(tmp_path: Path) -> None:
    long_name = ("Giấy tờ chứng minh " + "điều kiện về nhà ở " * 8).strip()
    proc = procedure("nha-o")
    proc["documents"][0]["name"] = long_name
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt")], [proc], {})
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(["check", "-f", str(project / "mkdocs.yml")]) == 0
    text = (project / "procedures/ho-tich/nha-o.yml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Giấy tờ chứng minh" in row)
    shown = shortened_document(long_name)
    assert len(shown) <= FIRST_SCREEN_LETTERS + 1 and shown.endswith("…")
    assert (f"procedures/ho-tich/nha-o.yml:{line}: documents[0].name: tên giấy tờ dài "
            f"{len(long_name)} chữ cái: đầu trang trên điện thoại chỉ hiện “{shown}”.") \
        in err.getvalue()
