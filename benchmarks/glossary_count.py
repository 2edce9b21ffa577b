"""Count administrative terms over procedure texts, to choose and check the glossary.

    python -m benchmarks.glossary_count CORPUS... [--glossary procedures/glossary.yml]
                                       [--ngrams N] [--top K]

A CORPUS is a folder of national records (`*.json`, as in `../shared/national/`) or of catalog
procedures (`*.yml`). Without `--glossary` it prints the word groups of 2-3 syllables found in
the most procedures (candidates to explain); with it, how many procedures use each glossary
term (any of its spellings), most used first, and the terms used by none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml

from generator.load.catalog import CATALOG_FILES
from generator.load.glossary import read_glossary
from generator.problems import Problems
from generator.render.term_matcher import TermMatcher

# National record fields that hold what a citizen reads (not agency names or page furniture).
RECORD_FIELDS = ("ten_thu_tuc", "doi_tuong_thuc_hien", "trinh_tu_thuc_hien",
                 "cach_thuc_thuc_hien", "thanh_phan_ho_so", "yeu_cau_dieu_kien", "ket_qua_xu_ly")
WORD = re.compile(r"[^\W\d_]+")


def procedure_texts(folders: Iterable[Path]) -> list[str]:
    """One text per procedure: national JSON records and catalog YAML (not its translations)."""
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            texts.append("\n".join(str(record.get(key, "")) for key in RECORD_FIELDS))
        for path in sorted(folder.rglob("*.yml")):
            if "." in path.stem or path.stem in CATALOG_FILES:
                continue
            texts.append("\n".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8")))))
    return [unicodedata.normalize("NFC", text) for text in texts]


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def ngram_counts(texts: list[str], sizes: tuple[int, ...] = (2, 3)) -> Counter[str]:
    """In how many texts each group of `sizes` consecutive syllables occurs (lowercase)."""
    counts: Counter[str] = Counter()
    for text in texts:
        seen: set[str] = set()
        for line in text.lower().splitlines():
            words = WORD.findall(line)
            for size in sizes:
                seen.update(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))
        counts.update(seen)
    return counts


def term_counts(texts: list[str], matcher: TermMatcher) -> tuple[Counter[str], Counter[str]]:
    """(procedures using each term, occurrences of each term), longest spelling first."""
    procedures: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for text in texts:
        found = [term_id for _, _, term_id in matcher.finditer(text)]
        occurrences.update(found)
        procedures.update(set(found))
    return procedures, occurrences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.glossary_count",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--glossary", type=Path, help="a catalog's glossary.yml")
    parser.add_argument("--top", type=int, default=150, help="how many word groups to print")
    args = parser.parse_args(argv)
    texts = procedure_texts(args.corpus)
    print(f"{len(texts)} thủ tục")
    if args.glossary is None:
        for phrase, count in ngram_counts(texts).most_common(args.top):
            print(f"{count:5d}  {phrase}")
        return 0
    problems = Problems()
    glossary = read_glossary(args.glossary.parent, args.glossary.parent.as_posix(), problems)
    if problems:
        print("\n".join(str(p) for p in problems.items), file=sys.stderr)
        return 1
    matcher = TermMatcher((phrase, t.id) for t in glossary.terms
                          for phrase in (t.term, *t.variants))
    procedures, occurrences = term_counts(texts, matcher)
    print(" thủ tục  lần  thuật ngữ")
    for term in sorted(glossary.terms, key=lambda t: (-procedures[t.id], t.id)):
        print(f"{procedures[term.id]:8d} {occurrences[term.id]:5d}  {term.term}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
