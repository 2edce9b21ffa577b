"""A large test project from the national procedure records, to measure search at scale.

`write_project(target, count)` writes a project (mkdocs.yml, procedures/) with `count`
procedures made by cycling the 588 commune-level records in ../shared/national (see its
README), each repeated record with a numbered title so that every page differs, and draft
overlays in English, Ê Đê and Hrê (title and summary only; the rest falls back to
Vietnamese, as on a real site with partial translations). Generated data stays in a
temporary folder: it is not committed.

    python -m benchmarks.national_catalog /tmp/big 2000
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from benchmarks.province_catalog import NATIONAL_CANDIDATES

NATIONAL = NATIONAL_CANDIDATES[0]  # ../shared/national beside the repository
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("rad", "Êđê"), ("hre", "Hrê")]
MISSING = "Không có thông tin"


def _slug(text: str) -> str:
    from generator.search.fold import fold, words

    return "-".join(fold(w).replace(".", "-") for w in words(text))[:60].strip("-") or "thu-tuc"


def _sentences(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text.replace(MISSING, "")).strip()
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text


def _records() -> list[dict[str, str]]:
    files = sorted(NATIONAL.glob("*/*.json"))
    if not files:
        raise SystemExit(f"No national records in {NATIONAL}")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def _procedure(record: dict[str, str], number: int, round_: int,
               category: str) -> dict[str, object]:
    title = record["ten_thu_tuc"].strip() + (f" (trường hợp {round_ + 1})" if round_ else "")
    steps = [s.strip(" -") for s in record["trinh_tu_thuc_hien"].splitlines() if s.strip(" -")]
    return {
        "id": f"{_slug(record['ten_thu_tuc'])}-{number}",
        "code": record["ma_thu_tuc"], "title": title, "category": category, "level": "xa",
        "summary": _sentences(f"{title}. Dành cho {record['doi_tuong_thuc_hien']}.", 220),
        "applicants": [a.strip() for a in record["doi_tuong_thuc_hien"].split(",") if a.strip()],
        "agency": _sentences(record["co_quan_thuc_hien"], 200) or "Ủy ban nhân dân cấp xã",
        "documents": [{"name": _sentences(record["thanh_phan_ho_so"], 200) or "Tờ khai"}],
        "steps": [{"title": _sentences(s, 120)} for s in steps[:8]] or [{"title": "Nộp hồ sơ"}],
        "duration": "Theo quy định",
        "result": _sentences(record["ket_qua_xu_ly"], 120) or "Kết quả",
        "updated": "2026-11-01",
    }


def write_project(target: Path, count: int) -> Path:
    """Write a project with `count` procedures into `target` (which must not exist)."""
    records = _records()
    categories: dict[str, str] = {}
    catalog = target / "procedures"
    for number in range(count):
        record = records[number % len(records)]
        name = record["linh_vuc"].strip() or "Khác"
        category = categories.setdefault(name, _slug(name))
        procedure = _procedure(record, number, number // len(records), category)
        folder = catalog / category
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{procedure['id']}.yml"
        path.write_text(yaml.safe_dump(procedure, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        for code, _ in LANGUAGES[1:]:
            overlay = {"status": "draft", "title": f"[{code}] {procedure['title']}",
                       "summary": f"[{code}] {procedure['summary']}"}
            (folder / f"{procedure['id']}.{code}.yml").write_text(
                yaml.safe_dump(overlay, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (catalog / "categories.yml").write_text(yaml.safe_dump(
        [{"id": slug, "name": name} for name, slug in categories.items()],
        allow_unicode=True, sort_keys=False), encoding="utf-8")
    (target / "docs").mkdir(exist_ok=True)
    (target / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Benchmark", "site_url": "https://example.org/xa/",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": [{"thutuc": {"profile": {"name": "UBND xã Thử", "example": True},
                                "languages": [{"code": c, "name": n} for c, n in LANGUAGES]}}],
    }, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_project(Path(sys.argv[1]), int(sys.argv[2])))
