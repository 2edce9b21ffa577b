"""Problems found in a catalog, collected and reported together.

Every stage reports a problem as a `Problem` (file, line, key path, what is wrong, how to fix
it) into a `Problems` collector; once a stage has looked at everything it calls
`Problems.raise_if_any()`, so an editor sees every mistake of a run at once, never a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.safe_text import terminal_safe


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, with where it is and how to fix it."""

    file: str
    line: int
    path: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" {self.path}:" if self.path else ""
        fix = f" Cách sửa: {self.fix}" if self.fix else ""
        # Messages quote what the editor typed: escape sequences and bidi overrides in it
        # would otherwise act on the terminal instead of being read.
        return terminal_safe(f"{where}:{key} {self.message}{fix}")


class ThutucError(Exception):
    """A failure the person running the tool can fix: its message says what and how.

    The core raises only this (and `CatalogError`); the MkDocs adapter turns it into MkDocs'
    own error type, the command line prints `report()` and exits with 1.
    """

    def report(self) -> str:
        return str(self)


class CatalogError(ThutucError):
    """Raised once, after a stage, with every problem it found."""

    def __init__(self, problems: Iterable[Problem], outcome: str = "chưa tạo trang nào") -> None:
        self.problems = sorted(set(problems))
        self.outcome = outcome  # what was not done because of them
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, then a count."""
        lines = [str(p) for p in self.problems]
        lines.append(f"Tìm thấy {len(self.problems)} lỗi; {self.outcome}.")
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects problems while a stage reads everything it was given."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, path: str, message: str, fix: str = "") -> None:
        self.items.append(Problem(file, line, path, message, fix))

    def troubled_names(self) -> set[str]:
        """Names (without folder and suffix) of the files that have problems.

        A procedure whose file is broken is missing from the catalog; references to it by
        name are not reported again, so one mistake gives one message.
        """
        return {PurePosixPath(p.file).name.split(".")[0] for p in self.items}

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self, outcome: str = "chưa tạo trang nào") -> None:
        if self.items:
            raise CatalogError(self.items, outcome)


def shown_path(path: Path, project_root: Path) -> str:
    """A file's name as people see it in messages: relative to the project when it is
    inside it, else as given."""
    try:
        return path.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt name, or an empty string."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.8)
    return f"có phải ý bạn là `{close[0]}`?" if close else ""
