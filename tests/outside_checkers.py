"""Checkers the project did not write, run on a built site: the Nu Html Checker (vnu, the
W3C's HTML checker) and schema.org types (schema-dts + TypeScript).

Both come from npm, pinned in tests/checkers/package-lock.json (`npm ci` in .ci/setup); vnu
runs on Java (Debian's default-jre-headless). The tests and `benchmarks/citizen_page.py` use
the same functions, so the numbers printed are the numbers tested.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

NODE_DIR = Path(__file__).parent / "checkers"
VNU = NODE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TSC = NODE_DIR / "node_modules" / "typescript" / "bin" / "tsc"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def missing_tools() -> str:
    """Why the checkers cannot run here, or "" when they can."""
    if shutil.which("java") is None:
        return "Java is not installed (Debian: default-jre-headless)"
    if not VNU.is_file() or not TSC.is_file():
        return "run `npm ci` in tests/checkers"
    return ""


@dataclass(frozen=True)
class Finding:
    """One error of an outside checker: which file, where, what."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def html_files(site_dir: Path) -> list[Path]:
    """Every HTML file of a built site, in a stable order."""
    return sorted(site_dir.rglob("*.html"))


def nu_errors(site_dir: Path, files: list[Path] | None = None) -> list[Finding]:
    """The Nu Html Checker's errors on `files` (default: every HTML file of the site)."""
    chosen = files if files is not None else html_files(site_dir)
    if not chosen:
        return []
    done = subprocess.run(  # noqa: S603 - our own pinned checker
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always",
         *map(str, chosen)], capture_output=True, text=True, timeout=1800, check=True)
    findings = []
    for message in json.loads(done.stderr or '{"messages": []}')["messages"]:
        url = message.get("url", "")
        path = Path(url.removeprefix("file:"))
        shown = path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else url
        findings.append(Finding(shown, int(message.get("lastLine", 0)), message["message"]))
    return findings


def jsonld_blocks(site_dir: Path, files: list[Path] | None = None) -> list[tuple[str, str]]:
    """(file, JSON text) of every JSON-LD block of the site's pages."""
    blocks = []
    for path in files if files is not None else html_files(site_dir):
        for match in JSONLD.finditer(path.read_text(encoding="utf-8")):
            blocks.append((path.relative_to(site_dir).as_posix(), match.group(1)))
    return blocks


_TYPE_NAME = re.compile(r"^[A-Z][A-Za-z]+$")


def schema_errors(blocks: list[tuple[str, str]]) -> list[Finding]:
    """Type errors of JSON-LD blocks against schema.org, as schema-dts declares it.

    Each block is checked as the type it says it is (`"@type"`): TypeScript then refuses any
    property schema.org does not define for that type, at any depth, and any value of the
    wrong kind. A block whose type is not a plain name is an error by itself.
    """
    lines = ['import type * as schema from "schema-dts";']
    where: dict[int, str] = {}
    findings = []
    for number, (file, text) in enumerate(blocks):
        kind = json.loads(text).get("@type", "")
        if not isinstance(kind, str) or not _TYPE_NAME.match(kind):
            findings.append(Finding(file, 0, f"@type {kind!r} is not one schema.org type"))
            continue
        where[len(lines) + 1] = file
        lines.append(f"export const b{number}: schema.WithContext<schema.{kind}> = {text};")
    if len(lines) == 1:
        return findings
    with tempfile.TemporaryDirectory(prefix="thutuc-schema-") as folder:
        source = Path(folder) / "blocks.ts"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        (Path(folder) / "node_modules").symlink_to(NODE_DIR / "node_modules")
        done = subprocess.run(  # noqa: S603 - our own pinned checker
            ["node", str(TSC), "--noEmit", "--strict", "--skipLibCheck", "--pretty", "false",
             "--moduleResolution", "node", "--target", "es2020", str(source)],
            capture_output=True, text=True, timeout=1800, check=False)
    for line in done.stdout.splitlines():
        match = re.match(r"^.*blocks\.ts\((\d+),\d+\): error (TS\d+: .*)$", line)
        if match:
            number = int(match.group(1))
            findings.append(Finding(where.get(number, "?"), 0, match.group(2)))
        elif line.strip() and not line.startswith(" "):
            findings.append(Finding("?", 0, line))
    return findings
