"""Many communes from one catalog: `thutuc build --all`, the cost per commune, and what that
makes for the country's 3,321 communes.

    .venv/bin/python -m benchmarks.national_scale                 # 20 x 600 x 3
    .venv/bin/python -m benchmarks.national_scale --communes 4 --procedures 100

Writes one catalog of national records (province_catalog.py) with N procedures in L
languages, and C commune profiles that each publish all of it at their own address, then
times `thutuc build --all` (one process per core, the catalog read once) as a separate
process: wall and CPU time, peak memory. Prints the cost per commune and the estimate for
3,321 communes on one such machine and split over CI jobs with `--shard`.
`measure()` returns the numbers for `benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.province_catalog import national_folder, write_project
from benchmarks.run import THUTUC, timed_process

COMMUNES_IN_VIETNAM = 3321  # after the 2025 reorganisation of communes and wards
CI_JOBS = (8, 32)


def write_communes(project: Path, communes: int) -> Path:
    """`communes` profiles in `project/profiles/`, each at its own address."""
    folder = project / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, communes + 1):
        (folder / f"xa-{number:04d}.yml").write_text(
            f"name: UBND xã Thử {number}\nexample: true\n"
            f"site_url: https://xa-{number:04d}.example.vn/\n"
            f"phone: \"0262 000 {number:03d}\"\n", encoding="utf-8")
    return folder


def measure(work: Path, communes: int = 20, procedures: int = 600,
            languages: int = 3) -> dict[str, float]:
    """Build `communes` sites of `procedures` x `languages` with `build --all`; the times."""
    project = work / "communes"
    write_project(project, procedures, languages, national_folder())
    write_communes(project, communes)
    out = work / "communes-out"
    wall, cpu, memory = timed_process([*THUTUC, "build", "--all", "profiles", "-d", str(out)],
                                      project)
    pages = sum(1 for _ in out.rglob("*.html"))
    per_commune = wall / communes
    result = {"communes": float(communes), "pages": float(pages), "wall_s": round(wall, 1),
              "cpu_s": round(cpu, 1), "peak_mb": round(memory), "wall_s_per_commune":
              round(per_commune, 2), "cpu_s_per_commune": round(cpu / communes, 2),
              "hours_3321_one_machine": round(per_commune * COMMUNES_IN_VIETNAM / 3600, 1)}
    for jobs in CI_JOBS:
        result[f"hours_3321_{jobs}_ci_jobs"] = round(
            per_commune * COMMUNES_IN_VIETNAM / jobs / 3600, 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=20)
    parser.add_argument("--procedures", type=int, default=600)
    parser.add_argument("--languages", type=int, default=3)
    parser.add_argument("--work-dir", type=Path, help="keep the project here (default: temp)")
    args = parser.parse_args(argv)
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="thutuc-communes-"))
    print(f"{args.communes} communes x {args.procedures} procedures x {args.languages} "
          f"languages in {work} ...")
    for key, value in measure(work, args.communes, args.procedures, args.languages).items():
        print(f"{key:28} {value:10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
