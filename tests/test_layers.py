"""The package reads as its pipeline: imports run one way, from the command down to the model.

cli -> mkdocs -> importer -> publish -> render, search -> translate -> load -> the root modules
(model, problems, urls, ...). Only `generator/mkdocs/` may import MkDocs, so that moving to
another site builder means rewriting one folder.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Stage folders from the bottom up; a module may import its own stage and those below it.
ORDER = ["", "load", "translate", "render|search", "publish", "importer", "mkdocs", "cli"]


def _level(module: str) -> tuple[int, str]:
    """(level, stage) of a module name such as `generator.load.catalog`."""
    parts = module.split(".")
    stage = parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) \
        else ""
    for level, names in enumerate(ORDER):
        if stage in names.split("|"):
            return level, stage
    raise AssertionError(f"{module}: stage folder {stage!r} is not in the pipeline order")


def _imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every import in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
                found += [(module, node.module, node.lineno)]
            elif isinstance(node, ast.Import):
                found += [(module, alias.name, node.lineno) for alias in node.names]
    return found


def test_imports_run_down_the_pipeline() -> None:
    wrong = []
    for module, imported, line in _imports():
        if not imported.startswith("generator.") or module == "generator.__main__":
            continue
        (here, stage), (there, other) = _level(module), _level(imported)
        if there > here or (there == here and stage != other):
            wrong.append(f"{module}:{line} imports {imported}")
    assert wrong == []


def test_only_the_adapter_imports_mkdocs() -> None:
    outside = [f"{module}:{line} imports {imported}" for module, imported, line in _imports()
               if imported.split(".")[0] in ("mkdocs", "material")
               and not module.startswith("generator.mkdocs")]
    assert outside == []
