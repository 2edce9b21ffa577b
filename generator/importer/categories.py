"""Map the portal's fields (lĩnh vực) to catalog categories, extending categories.yml.

A field keeps the category an editor gave it: names are matched against categories.yml
first (ignoring case and spacing), then the slug of the name against its ids (a category the
editor renamed). A new field gets the slug of its name as its id (two new fields with the
same slug are told apart by `-2`, `-3`); new categories are appended to the end of the file,
so its comments and order stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.importer.text import one_line
from generator.load.field_reader import suggest_slug
from generator.writer import write_file

MAX_LENGTH = 50
UNKNOWN = "Lĩnh vực khác"  # for records without a field


def _key(name: str) -> str:
    return one_line(name).casefold()


class CategoryMap:
    """Category ids by field name; remembers the categories it had to add."""

    def __init__(self, categories_file: Path) -> None:
        self.file = categories_file
        existing: Any = []
        if categories_file.is_file():
            existing = yaml.safe_load(categories_file.read_text(encoding="utf-8")) or []
        entries = [e for e in existing if isinstance(e, dict)] if isinstance(existing, list) \
            else []
        self.ids = {_key(str(e.get("name", ""))): str(e["id"]) for e in entries if "id" in e}
        self.existing = set(self.ids.values())
        self.taken = set(self.existing)
        self.added: list[tuple[str, str]] = []

    def category_for(self, field_name: str) -> str:
        name = one_line(field_name) or UNKNOWN
        if (key := _key(name)) in self.ids:
            return self.ids[key]
        slug = suggest_slug(name)
        if len(slug) > MAX_LENGTH:
            slug = slug[:MAX_LENGTH + 1].rsplit("-", 1)[0]
        if slug in self.existing:
            # The editor renamed this field's category in categories.yml: it is still the one.
            self.ids[key] = slug
            return slug
        candidate, number = slug, 2
        while candidate in self.taken:
            candidate, number = f"{slug}-{number}", number + 1
        self.ids[key] = candidate
        self.taken.add(candidate)
        self.added.append((candidate, name))
        return candidate

    def save(self) -> None:
        """Append the new categories to categories.yml (created when missing)."""
        if not self.added:
            return
        text = self.file.read_text(encoding="utf-8") if self.file.is_file() else ""
        if text.strip() in ("", "[]"):
            text = ""
        if text and not text.endswith("\n"):
            text += "\n"
        for category_id, name in sorted(self.added):
            entry = yaml.safe_dump([{"id": category_id, "name": name}], allow_unicode=True,
                                   sort_keys=False, width=1000)
            text += entry
        write_file(self.file, text)
        self.added = []
