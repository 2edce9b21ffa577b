"""Write multilingual test projects: procedures, overlays and mkdocs.yml, from plain data.

Tests describe the catalog they need (or draw one at random from a seed) instead of relying
on a fixed sample, so the checks hold for catalogs the generator has not seen.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

WORDS = ("giấy", "tờ", "khai", "sinh", "hộ", "tịch", "chứng", "thực", "đăng", "ký", "xã",
         "người", "nộp", "bản", "sao", "Ủy", "ban", "nhân", "dân", "ngày", "làm", "việc")


def write_yaml(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_project(root: Path, languages: list[tuple[str, str]],
                  procedures: list[dict[str, Any]],
                  overlays: dict[tuple[str, str], dict[str, Any]],
                  categories: list[dict[str, Any]] | None = None) -> Path:
    """A project folder: mkdocs.yml, procedures/categories.yml, one file per procedure and
    one `ID.LANG.yml` per overlay (keyed by (id, lang))."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    write_yaml(root / "mkdocs.yml", {
        "site_name": "Test", "site_url": "https://example.org/xa/",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": [{"thutuc": {
            "profile": {"name": "UBND xã Thử", "address": "Thôn 1"},
            "languages": [{"code": code, "name": name} for code, name in languages]}}]})
    write_yaml(root / "procedures" / "categories.yml",
               categories or [{"id": "ho-tich", "name": "Hộ tịch"}])
    for procedure in procedures:
        write_yaml(root / "procedures" / "ho-tich" / f"{procedure['id']}.yml", procedure)
    for (procedure_id, lang), overlay in overlays.items():
        write_yaml(root / "procedures" / "ho-tich" / f"{procedure_id}.{lang}.yml", overlay)
    return root


def procedure(procedure_id: str, steps: int = 2, documents: int = 2, **extra: Any) -> dict:
    """A valid source procedure with distinct, recognisable Vietnamese text."""
    data = {
        "id": procedure_id, "title": f"Thủ tục {procedure_id}", "category": "ho-tich",
        "summary": f"Tóm tắt của {procedure_id}.",
        "documents": [{"name": f"Giấy tờ {i + 1} của {procedure_id}", "originals": 1}
                      for i in range(documents)],
        "steps": [{"title": f"Bước {i + 1} của {procedure_id}",
                   "text": f"Nội dung bước {i + 1} của {procedure_id}."} for i in range(steps)],
        "duration": "Ngay trong ngày làm việc", "result": f"Kết quả của {procedure_id}",
        "updated": "2026-11-20",
    }
    data.update(extra)
    return data


def random_catalog(seed: int, languages: list[str]) -> tuple[list[dict], dict]:
    """Procedures with random text and overlays translating a random part of them."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()

    procedures, overlays = [], {}
    for index in range(rng.randint(3, 6)):
        pid = f"thu-tuc-{index}-{rng.randint(100, 999)}"
        steps = [{"title": words(3), "text": words(8)} for _ in range(rng.randint(1, 4))]
        documents = [{"name": words(4), "originals": 1} for _ in range(rng.randint(1, 3))]
        source = procedure(pid)
        source.update(title=words(5), summary=words(10) + ".", steps=steps, documents=documents)
        procedures.append(source)
        for lang in languages:
            if rng.random() < 0.3:
                continue  # no overlay at all
            overlay: dict[str, Any] = {"status": rng.choice(["draft", "reviewed"])}
            if rng.random() < 0.8:
                overlay["title"] = f"[{lang}] title {pid}"
            if rng.random() < 0.5:
                overlay["summary"] = f"[{lang}] summary {pid}"
            if rng.random() < 0.7:
                overlay["steps"] = [
                    {"title": f"[{lang}] step {i} {pid}",
                     **({"text": f"[{lang}] text {i} {pid}"} if rng.random() < 0.5 else {})}
                    for i in range(len(steps))]
            overlays[(pid, lang)] = overlay
    return procedures, overlays
