"""Material's bundled icons, by name (`material/account-child`): where their SVG files are, and
the check of an icon a catalog file names.

Icons are read as files from the installed Material theme (its `templates/.icons/` folder),
found without importing the theme: only the MkDocs adapter imports MkDocs and Material. They
are drawn inline on the pages, so nothing is fetched from elsewhere.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import re
from pathlib import Path

from generator.load.field_reader import FieldReader, join
from generator.load.yaml_reader import Mapping

ICON_NAME = re.compile(r"[a-z0-9-]+/[a-z0-9-]+")


@functools.cache
def icons_dir() -> Path | None:
    """Material's bundled icon sets, or None when Material is not installed."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


def icon_file(icon: str) -> Path | None:
    """The SVG file of a Material icon name (`material/ring`), when it exists."""
    folder = icons_dir()
    if folder is None or not ICON_NAME.fullmatch(icon):
        return None
    path = folder / f"{icon}.svg"
    return path if path.is_file() else None


@functools.cache
def icon_names(family: str) -> tuple[str, ...]:
    """Every icon name of one set (`material`), sorted; empty for an unknown set."""
    folder = icons_dir()
    if folder is None or not re.fullmatch(r"[a-z0-9-]+", family) or not (folder / family).is_dir():
        return ()
    return tuple(sorted(f"{family}/{path.stem}" for path in (folder / family).glob("*.svg")))


def nearest_icons(icon: str, count: int = 3) -> list[str]:
    """The icon names closest to a misspelt one (`material/acount-child`), best first; a name
    written without its set (`account-child`) is looked up in Material's own set."""
    family, _, name = icon.strip().lower().rpartition("/")
    family = family or "material"
    names = icon_names(family) or icon_names("material")
    stems = {known.split("/", 1)[1]: known for known in names}
    return [stems[stem] for stem in difflib.get_close_matches(name, list(stems), count, 0.6)]


def icon_fix(icon: str) -> str:
    """How to fix an unknown icon name, in Vietnamese: the nearest names, or where to look."""
    near = nearest_icons(icon)
    if near:
        quoted = [f"`{name}`" for name in near]
        listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " hay " + quoted[-1]
        return f"có phải ý bạn là {listed}?"
    return ("chọn một tên trong thư mục `material/templates/.icons/` của Material, viết "
            "`material/TÊN`, ví dụ `material/account-child`.")


def check_icon(reader: FieldReader, node: Mapping, path: str, key: str = "icon") -> str:
    """The icon name `node[key]` gives (empty when absent); an icon Material does not have is
    reported with the nearest names. Not checked when Material is not installed."""
    icon = reader.text(node, key, path)
    if icon and icons_dir() is not None and icon_file(icon) is None:
        reader.report(node, key, join(path, key),
                      f"không có biểu tượng `{icon}` trong bộ biểu tượng của Material.",
                      icon_fix(icon))
    return icon
