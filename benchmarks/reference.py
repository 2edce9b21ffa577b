"""The reference: the same procedures as plain Markdown, built by plain MkDocs + Material.

One MkDocs project per language (as Material advises for a search per language), with the
same navigation as ours: home, then one page per category listing its procedures. Run as
`python -m benchmarks.reference FOLDER` to build every project in FOLDER in one process.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from benchmarks.province_catalog import pseudo_translation


def _markdown(proc: dict[str, Any]) -> str:
    lines = [f"# {proc['title']}", "", proc["summary"], "", "## Giấy tờ cần nộp", ""]
    lines += [f"- {doc['name']}" for doc in proc["documents"]]
    lines += ["", "## Các bước", ""]
    for step in proc["steps"]:
        lines += [f"### {step['title']}", "", step.get("text", ""), ""]
    lines += ["## Thời hạn giải quyết", "", proc["duration"], "", "## Kết quả", "",
              proc["result"], ""]
    for key, title in (("applicants", "Đối tượng"), ("legal_basis", "Căn cứ pháp lý")):
        if proc.get(key):
            lines += [f"## {title}", ""] + [f"- {item}" for item in proc[key]] + [""]
    return "\n".join(lines)


def write_reference(target: Path, procedures: list[dict[str, Any]],
                    languages: list[tuple[str, str]], categories: dict[str, str]) -> None:
    """Write one plain MkDocs project per language under `target/<lang>/`."""
    for code, _ in languages:
        project = target / code
        docs = project / "docs"
        by_category: dict[str, list[dict[str, Any]]] = {}
        for source in procedures:
            proc = source if code == "vi" else {**source, **pseudo_translation(source, code)}
            (docs / "thu-tuc").mkdir(parents=True, exist_ok=True)
            (docs / "thu-tuc" / f"{source['id']}.md").write_text(_markdown(proc), "utf-8")
            by_category.setdefault(source["category"], []).append(proc)
        (docs / "linh-vuc").mkdir(parents=True, exist_ok=True)
        for cid, procs in by_category.items():
            links = [f"- [{p['title']}](../thu-tuc/{p['id']}.md)" for p in procs]
            (docs / "linh-vuc" / f"{cid}.md").write_text(
                f"# {categories[cid]}\n\n" + "\n".join(links) + "\n", "utf-8")
        (docs / "index.md").write_text("# Thủ tục hành chính\n", "utf-8")
        config = {
            "site_name": "Xã Mẫu (reference)", "site_url": f"https://xa-mau.example.org/{code}/",
            "theme": {"name": "material", "language": code if code in ("vi", "en") else "vi",
                      "font": False},
            "plugins": ["search"],
            "nav": [{"Trang chủ": "index.md"},
                    {"Lĩnh vực": [f"linh-vuc/{cid}.md" for cid in sorted(by_category)]}],
            "not_in_nav": "/thu-tuc/",
        }
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")


def build_all(target: Path) -> None:
    """Build every language project under `target` into its `site/`, in one process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for project in sorted(p for p in target.iterdir() if (p / "mkdocs.yml").is_file()):
        build(load_config(config_file=str(project / "mkdocs.yml")))


if __name__ == "__main__":
    build_all(Path(sys.argv[1]))
