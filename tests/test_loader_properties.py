"""Property tests: whatever text or data a file holds, the loader answers with `CatalogError`.

Random YAML-like text, random bytes and random catalog-shaped data go through the real loader
(files on disk, the whole catalog stage); any other exception escaping is a bug.
"""

from __future__ import annotations

import contextlib
import datetime
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import registry
from generator.load import yaml_reader as yamlsource
from generator.load.catalog import load_catalog
from generator.load.yaml_reader import load_yaml
from generator.problems import CatalogError, Problems
from tests.conftest import write_files

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
# YAML-looking text: single characters and the pieces that make YAML syntax (tags, anchors,
# document markers, keys, list items), joined at random.
YAML_TEXT = st.lists(st.sampled_from(list("abc xyz:-[]{},\"'&*!|>#%@`?\n\t\r01.9") +
                                ["đ", "ư", "ế", "\u0301", "\ufeff", "\x85", "\u2028", "!!",
                                 "!!python/object:os.system", "---", "...", "<<: ", "&a ",
                                 "*a", "id: ", "- "]), max_size=40).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12),
                    st.floats(allow_nan=True), st.text(max_size=30),
                    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
                    st.sampled_from(["ho-tich", "khai-sinh", "javascript:alert(1)", "../x",
                                     "/etc/passwd", "https://example.org/", "2026-02-30"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["name", "title", "text", "q", "a", "amount", "type",
                                     "level", "url", "form", "originals", "copies", "note",
                                     "x"]), inner, max_size=4)), max_leaves=12)
PROCEDURES = st.dictionaries(st.sampled_from((*registry.procedure_keys(), "extra")), VALUES,
                             max_size=12)
OVERLAYS = st.dictionaries(st.sampled_from(("status", "source", "id", *registry.text_fields(),
                                            *registry.item_fields())), VALUES, max_size=6)
VALID = {"id": "khai-sinh", "title": "Đăng ký khai sinh", "category": "ho-tich",
         "summary": "Tóm tắt.", "documents": ["Tờ khai"], "steps": ["Nộp hồ sơ"],
         "duration": "1 ngày", "result": "Giấy khai sinh", "updated": "2026-11-20"}


def _load_only_catalog_errors(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_files(root / "procedures", files)
        with contextlib.suppress(CatalogError):
            load_catalog(root / "procedures", root)


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True)


@SETTINGS
@given(YAML_TEXT)
def test_random_yaml_text_never_escapes(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        problems = Problems()
        data = load_yaml(path, "x.yml", problems)
        assert data is None or not problems
        assert all(problem.file == "x.yml" for problem in problems.items)


@SETTINGS
@given(st.binary(max_size=60), YAML_TEXT)
def test_random_files_in_a_catalog_only_give_catalog_errors(raw: bytes, text: str) -> None:
    _load_only_catalog_errors({"categories.yml": "- {id: ho-tich, name: Hộ tịch}\n",
                               "a/khai-sinh.yml": raw, "a/khai-sinh.en.yml": text,
                               "b/ket-hon.yml": text})


@SETTINGS
@given(PROCEDURES, OVERLAYS, VALUES)
def test_catalog_shaped_data_only_gives_catalog_errors(procedure: dict[str, Any],
                                                       overlay: dict[str, Any],
                                                       categories: Any) -> None:
    _load_only_catalog_errors({"categories.yml": _dump(categories),
                               "a/khai-sinh.yml": _dump({**VALID, **procedure}),
                               "a/khai-sinh.en.yml": _dump(overlay),
                               "a/ket-hon.yml": _dump(procedure)})


def _with_lines(data: Any) -> Any:
    """Data with the line numbers the loader recorded, for comparing two loaders."""
    if isinstance(data, dict):
        return ("map", data.line, data.key_lines,  # type: ignore[attr-defined]
                {key: _with_lines(value) for key, value in data.items()})
    if isinstance(data, list):
        return ("seq", data.line, data.item_lines,  # type: ignore[attr-defined]
                [_with_lines(item) for item in data])
    return data


@SETTINGS
@given(YAML_TEXT)
def test_fast_loader_reads_exactly_like_the_python_loader(text: str) -> None:
    text = text.replace("\ufeff", "")  # load_yaml removes byte-order marks first
    results = []
    for loader in (yamlsource._FAST_LOADER, yamlsource._LineLoader):
        try:
            results.append(_with_lines(yaml.load(text, Loader=loader)))  # noqa: S506
        except yaml.YAMLError:
            results.append("error")
    fast, pure = results
    # libyaml is more lenient than PyYAML on a few corners of the syntax (a tab after a
    # value, `|#`), all valid YAML; where both read a text, they must read it identically.
    if "error" not in results:
        assert fast == pure
