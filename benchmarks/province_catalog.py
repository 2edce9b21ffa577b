"""The national procedure records as a complete catalog of any size, to load a full build.

A plain field mapping (not the importer): the records' flattened tables are split on their
bullets as far as that is easy, the rest stays text. To reach N procedures, the 588 records
are repeated with a numbered id and title ("(bản 2)"). Translations are a pseudo-translation:
the Vietnamese text with its accents removed and a `[PSEUDO-xx]` label, marked `status: draft`
and translated by "benchmark pseudo-translation": they exist to give every language the same
amount of text to build, never to be read.

    python -m benchmarks.province_catalog /tmp/big 2000 4   # then thutuc build -f ...
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from generator.load.field_reader import suggest_slug

# `../shared/national/` beside the repository (a worktree sits one level deeper).
NATIONAL_CANDIDATES = [Path(__file__).resolve().parents[n] / "shared" / "national"
                       for n in (2, 3)]
EMPTY = "Không có thông tin"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("rad", "Êđê"), ("hre", "Hrê"),
             ("bdq", "Bahnar"), ("jra", "Jrai")]
UPDATED = "2026-11-01"


def national_folder() -> Path:
    """The folder of national records (`../shared/national/` next to the repository)."""
    for folder in NATIONAL_CANDIDATES:
        if folder.is_dir():
            return folder
    raise SystemExit("national records not found in " + ", ".join(map(str, NATIONAL_CANDIDATES)))


def national_records(folder: Path) -> list[dict[str, str]]:
    """Every record, in a stable order (by file path)."""
    records = [json.loads(path.read_text(encoding="utf-8"))
               for path in sorted(folder.glob("*/*.json"))]
    if not records:
        raise SystemExit(f"no national records (*/*.json) in {folder}")
    return records


def _clean(text: str) -> str:
    text = (text or "").strip()
    return "" if text == EMPTY else text


def _bullets(text: str, limit: int = 12) -> list[str]:
    """Items of a flattened list: split on line starts and on `- ` bullets."""
    parts = re.split(r"\n+|(?:^|(?<=[.;:)]))\s*- ", text)
    items = [" ".join(part.split()) for part in parts if part and part.strip(" -*")]
    return [item[:400] for item in items if len(item) > 3][:limit]


def procedure(record: dict[str, str], copy: int) -> dict[str, Any]:
    """A catalog procedure (format contract) from one national record."""
    code = record["ma_thu_tuc"]
    suffix = f"-ban-{copy}" if copy > 1 else ""
    title = record["ten_thu_tuc"].strip() + (f" (bản {copy})" if copy > 1 else "")
    steps = _bullets(_clean(record["trinh_tu_thuc_hien"])) or ["Nộp hồ sơ và nhận kết quả."]
    documents = _bullets(_clean(record["thanh_phan_ho_so"]).replace("Tên giấy tờMẫu đơn, tờ khai"
                                                                    "Số lượng", "\n"))
    applicants = [a.strip() for a in _clean(record["doi_tuong_thuc_hien"]).split(",") if a.strip()]
    result = re.split(r"Mã: |Từ khóa", _clean(record["ket_qua_xu_ly"]))[0].strip()
    data: dict[str, Any] = {
        "id": f"{suggest_slug(record['ten_thu_tuc'])[:60].strip('-')}-{code.replace('.', '-')}"
              f"{suffix}",
        "code": code,
        "title": title,
        "category": suggest_slug(record["linh_vuc"] or "khac"),
        "level": "xa",
        "summary": f"{title}. Đối tượng: {', '.join(applicants) or 'mọi người'}.",
        "applicants": applicants,
        "agency": _clean(record["co_quan_thuc_hien"]) or "Ủy ban nhân dân cấp xã",
        "conditions": _clean(record["yeu_cau_dieu_kien"]),
        "documents": [{"name": d, "originals": 1} for d in documents] or
                     [{"name": "Giấy tờ theo quy định"}],
        "steps": [{"title": f"Bước {i}", "text": text} for i, text in enumerate(steps, 1)],
        "online": {"level": "partial", "url": record["detail_url"]},
        "duration": "Theo quy định",
        "fees": [{"name": "Lệ phí", "amount": 0}],
        "result": result[:300] or "Kết quả giải quyết thủ tục",
        "legal_basis": [_clean(record["can_cu_phap_ly"])[:500]] if
                       _clean(record["can_cu_phap_ly"]) else [],
        "keywords": [_fold(record["ten_thu_tuc"])],
        "updated": UPDATED,
    }
    return {key: value for key, value in data.items() if value not in ("", [])}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def pseudo_translation(source: dict[str, Any], lang: str) -> dict[str, Any]:
    """A draft overlay with the same shape as the source; text is labelled and accent-folded."""
    def fake(text: str) -> str:
        return f"[PSEUDO-{lang}] {_fold(text)}"

    overlay: dict[str, Any] = {"status": "draft", "translator": "benchmark pseudo-translation"}
    for key in ("title", "summary", "duration", "result"):
        overlay[key] = fake(source[key])
    overlay["documents"] = [{"name": fake(d["name"])} for d in source["documents"]]
    overlay["steps"] = [{"title": fake(s["title"]), "text": fake(s["text"])}
                        for s in source["steps"]]
    return overlay


def _dump(data: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def write_project(target: Path, procedures: int, languages: int,
                  national: Path | None = None) -> list[dict[str, Any]]:
    """Write a project (mkdocs.yml, procedures/) with `procedures` procedures in `languages`
    languages (Vietnamese first); return the procedures written."""
    records = national_records(national or national_folder())
    chosen = [procedure(records[i % len(records)], i // len(records) + 1)
              for i in range(procedures)]
    names = {}
    for record in records:
        names[suggest_slug(record["linh_vuc"] or "khac")] = record["linh_vuc"] or "Khác"
    used = sorted({p["category"] for p in chosen})
    _dump([{"id": cid, "name": names[cid]} for cid in used], target / "procedures" /
          "categories.yml")
    langs = LANGUAGES[:languages]
    for proc in chosen:
        folder = target / "procedures" / proc["category"]
        _dump(proc, folder / f"{proc['id']}.yml")
        for code, _ in langs[1:]:
            _dump(pseudo_translation(proc, code), folder / f"{proc['id']}.{code}.yml")
    (target / "docs").mkdir(parents=True, exist_ok=True)
    _dump({
        "site_name": "Xã Mẫu (benchmark)",
        "site_url": "https://xa-mau.example.org/",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": [{"thutuc": {
            "profile": {"name": "UBND xã Mẫu", "example": True, "phone": "0123 456 789",
                        # A commune's address and hours, as on every real site: the first
                        # screen's "where" is measured on them (benchmarks/citizen_page.py).
                        "address": "Thôn 1, xã Mẫu, huyện Mẫu, tỉnh Mẫu",
                        "hours": "Thứ Hai đến thứ Sáu, 7:30–11:30 và 13:30–17:00"},
            "languages": [{"code": code, "name": name} for code, name in langs],
        }}],
    }, target / "mkdocs.yml")
    return chosen


if __name__ == "__main__":
    write_project(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(sys.argv[1])
