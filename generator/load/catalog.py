"""Load stage: read a whole catalog folder into a validated `Catalog`, or fail with every problem.

Layout (see the format contract): `categories.yml` at the top, `NAME.yml` procedures and
`NAME.LANG.yml` translations in any folders; names starting with `_` or `.` are ignored.
Recordings beside procedures, and their stamps, are read by `recordings` (they need the
site's languages).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from generator.load.field_reader import LANG_CODE, FieldReader
from generator.load.folder import visible_files
from generator.load.overlays import check_against_source, read_overlay
from generator.load.procedures import read_categories, read_procedure
from generator.load.recordings import is_stamp
from generator.load.yaml_reader import load_yaml
from generator.model import Catalog, Category, Overlay, Procedure
from generator.names import language_code_problem
from generator.problems import Problem, Problems, did_you_mean, shown_path

YAML_SUFFIXES = (".yml", ".yaml")
# Files at the top of the catalog folder that are not procedures (nor their translations).
CATALOG_FILES = ("categories", "events", "glossary", "pictograms")


_T = TypeVar("_T")


@dataclass
class _Read:
    """What reading one file gave: its result and the problems it added."""

    stamp: tuple[int, int, int]  # inode, size, modification time (ns): unchanged file, same
    result: object
    problems: tuple[Problem, ...]
    source: Procedure | None = None  # an overlay was checked against this very source


@dataclass
class CatalogMemo:
    """Files already read, so that reading a catalog again re-reads only what changed.

    One memo serves every read of a process: the languages and communes of one build share
    one reading (a forked worker inherits it), and `thutuc serve` re-reads one edited file,
    not ten thousand. A file is read again when its inode, size or modification time differ.
    """

    files: dict[Path, _Read] = field(default_factory=dict)

    def read(self, path: Path, problems: Problems, make: Callable[[], _T],
             source: Procedure | None = None) -> _T:
        """The result of `make()` for `path`, from the memo when the file is unchanged (and,
        for an overlay, checked against the same `source`)."""
        try:
            info = os.stat(path)
            stamp = (info.st_ino, info.st_size, info.st_mtime_ns)
        except OSError:
            stamp = (0, 0, 0)
        known = self.files.get(path)
        if known is not None and known.stamp == stamp and known.source is source and stamp[0]:
            problems.items.extend(known.problems)
            return known.result  # type: ignore[return-value]  # made by the same `make`
        before = len(problems.items)
        result = make()
        self.files[path] = _Read(stamp, result, tuple(problems.items[before:]), source)
        return result


def catalog_files(catalog_dir: Path) -> list[Path]:
    """Every YAML file of the catalog, in a stable order, skipping `_` and `.` names."""
    return [path for path in visible_files(catalog_dir) if path.suffix in YAML_SUFFIXES]


_LOOKS_LIKE_YAML = re.compile(r"\.ya?ml", re.IGNORECASE)


def unread_files(catalog_dir: Path, project_root: Path, problems: Problems) -> None:
    """Report files whose names look like catalog files but are not read (`X.YML`,
    `X.yml.txt`, `X.yml.bak`): a procedure saved so never appears, without a word."""
    for path in visible_files(catalog_dir):
        found = _LOOKS_LIKE_YAML.search(path.name)
        if path.suffix in YAML_SUFFIXES or found is None:
            continue
        stem = path.name[:found.start()]
        problems.add(shown_path(path, project_root), 0, "",
                     "tệp này có tên giống tệp danh mục nhưng không được đọc (chỉ đọc tệp có "
                     "đuôi `.yml` viết thường).",
                     f"đổi tên thành `{stem}.yml`; nếu đây là bản lưu dự phòng, thêm `_` vào đầu "
                     f"tên (`_{path.name}`) để công cụ bỏ qua nó.")


def load_catalog(catalog_dir: Path, project_root: Path) -> Catalog:
    """Read and check the catalog in `catalog_dir`; raise `CatalogError` listing all problems."""
    problems = Problems()
    catalog = read_catalog(catalog_dir, project_root, problems)
    problems.raise_if_any()
    return catalog


def read_catalog(catalog_dir: Path, project_root: Path, problems: Problems,
                 memo: CatalogMemo | None = None) -> Catalog:
    """Read and check the catalog, adding every problem found to `problems`; with a `memo`,
    files unchanged since it last saw them are not read again."""
    memo = CatalogMemo() if memo is None else memo
    if not catalog_dir.is_dir():
        problems.add(shown_path(catalog_dir, project_root), 0, "",
                     "không tìm thấy thư mục danh mục.",
                     "tạo thư mục này, hoặc sửa tuỳ chọn `catalog` trong mkdocs.yml.")
        return Catalog(root=catalog_dir, categories=(), procedures=())
    categories = _load_categories(catalog_dir, project_root, problems)
    unread_files(catalog_dir, project_root, problems)
    sources: dict[Path, Procedure] = {}
    overlay_files: list[tuple[Path, str]] = []
    for path in catalog_files(catalog_dir):
        if path.parent == catalog_dir and path.stem.split(".")[0] in CATALOG_FILES:
            continue
        if is_stamp(path):  # a recording's stamp, read with the recordings
            continue
        stem, _, lang = path.stem.partition(".")
        if lang:
            overlay_files.append((path, lang))
            continue
        procedure = memo.read(path, problems,
                              partial(_load_procedure, path, project_root, problems))
        if procedure is not None:
            sources[path] = procedure
    overlays = []
    for path, lang in overlay_files:
        source = sources.get(path.with_name(path.name.split(".")[0] + path.suffix))
        load = partial(_load_overlay, path, lang, sources, project_root, problems)
        # Without a sound source the message depends on whether the source file exists.
        overlay = memo.read(path, problems, load, source) if source else load()
        if overlay is not None:
            overlays.append(overlay)
    procedures = sorted(sources.values(), key=lambda p: p.id)
    _check_ids(procedures, problems)
    _check_references(procedures, categories, problems.troubled_names(), problems)
    return Catalog(root=catalog_dir, categories=tuple(categories), procedures=tuple(procedures),
                   overlays=tuple(sorted(overlays, key=lambda o: (o.procedure_id, o.lang))))


def _load_procedure(path: Path, project_root: Path, problems: Problems) -> Procedure | None:
    reader = FieldReader(shown_path(path, project_root), problems)
    data = load_yaml(path, reader.file, problems)
    if data is None and not _has_problem_for(problems, reader.file):
        problems.add(reader.file, 1, "", "tệp trống.", "viết thủ tục vào tệp, hoặc xoá tệp.")
    return read_procedure(data, reader, project_root) if data is not None else None


def _has_problem_for(problems: Problems, file: str) -> bool:
    return any(p.file == file for p in problems.items)


def _load_categories(catalog_dir: Path, project_root: Path,
                     problems: Problems) -> list[Category]:
    path = catalog_dir / "categories.yml"
    shown = shown_path(path, project_root)
    if not path.is_file():
        problems.add(shown, 0, "", "không tìm thấy tệp danh sách lĩnh vực.",
                     "tạo tệp categories.yml với các mục `- id: ho-tich` và `name: Hộ tịch`.")
        return []
    data = load_yaml(path, shown, problems)
    if data is None and _has_problem_for(problems, shown):
        return []  # the file could not be read: that is its one message
    return read_categories(data, FieldReader(shown, problems))


def _load_overlay(path: Path, lang: str, sources: dict[Path, Procedure], project_root: Path,
                  problems: Problems) -> Overlay | None:
    reader = FieldReader(shown_path(path, project_root), problems)
    if not LANG_CODE.match(lang):
        problems.add(reader.file, 1, "", f"`{lang}` không phải là mã ngôn ngữ.",
                     "đặt tên tệp theo dạng TÊN.MÃ-NGÔN-NGỮ.yml, ví dụ `dang-ky-khai-sinh.en.yml`.")
        return None
    if problem := language_code_problem(lang):
        problems.add(reader.file, 1, "", *problem)
        return None
    source_path = path.with_name(path.name.split(".")[0] + path.suffix)
    source = sources.get(source_path)
    if source is None:
        if not source_path.exists():
            problems.add(reader.file, 1, "",
                         f"bản dịch này không có bản gốc `{source_path.name}` bên cạnh.",
                         "đặt bản dịch cùng thư mục với bản gốc và đặt tên giống bản gốc.")
        return None  # a broken source already has its own problems
    data = load_yaml(path, reader.file, problems)
    if data is None:
        return None
    overlay = read_overlay(data, reader, source.id, lang)
    if overlay is not None and not _has_problem_for(problems, source.source_file):
        # Lists are compared only with a sound source: a broken one has its own message.
        check_against_source(overlay, source, reader, data)
    return overlay


def _check_ids(procedures: list[Procedure], problems: Problems) -> None:
    """Ids and aliases are addresses: each may name one procedure only.

    Of two files with the same `id`, the one not named after it is reported (most often a
    copied file whose `id` was not changed); an alias may never take another's `id`.
    """
    owner: dict[str, Procedure] = {}
    for procedure in sorted(procedures, key=lambda p: Path(p.source_file).stem != p.id):
        other = owner.setdefault(procedure.id, procedure)
        if other is not procedure:
            problems.add(procedure.source_file, procedure.line("id"), "id",
                         f"mã `{procedure.id}` đã được dùng cho thủ tục trong "
                         f"`{other.source_file}`.",
                         "mỗi thủ tục cần một `id` riêng; đổi `id` trong tệp này.")
    for procedure in procedures:
        for index, alias in enumerate(procedure.aliases):
            other = owner.setdefault(alias, procedure)
            if other is not procedure:
                path = f"aliases[{index}]"
                problems.add(procedure.source_file, procedure.line(path), path,
                             f"địa chỉ cũ `{alias}` đã là mã của thủ tục trong "
                             f"`{other.source_file}`.",
                             "một địa chỉ chỉ dẫn tới một thủ tục; xoá dòng này.")


def _check_references(procedures: list[Procedure], categories: list[Category],
                      troubled: set[str], problems: Problems) -> None:
    category_ids = {c.id for c in categories}
    procedure_ids = {p.id for p in procedures}
    for procedure in procedures:
        if procedure.category and category_ids and procedure.category not in category_ids:
            hint = did_you_mean(procedure.category, category_ids)
            problems.add(procedure.source_file, procedure.line("category"), "category",
                         f"lĩnh vực `{procedure.category}` không có trong categories.yml.",
                         hint or "thêm lĩnh vực vào categories.yml hoặc dùng một mã có sẵn.")
        for index, related in enumerate(procedure.related):
            if related not in procedure_ids and related not in troubled:
                hint = did_you_mean(related, procedure_ids)
                path = f"related[{index}]"
                problems.add(procedure.source_file, procedure.line(path), path,
                             f"thủ tục liên quan `{related}` không có trong danh mục.",
                             hint or "sửa mã cho đúng `id` của thủ tục kia, hoặc xoá dòng này.")
