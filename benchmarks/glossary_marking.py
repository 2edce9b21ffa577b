"""How much glossary marking costs: time and HTML size, on real national procedure text.

    .venv/bin/python -m benchmarks.glossary_marking [../shared/national] [procedures/glossary.yml]

Each national record's citizen-facing text becomes one page of escaped paragraphs (about
the size of a procedure page's body); the sample glossary marks it in Vietnamese. Prints
pages, marks per page, milliseconds per page, and how much bigger the HTML gets (raw and
gzipped, as a web server sends it).
"""

from __future__ import annotations

import gzip
import html
import statistics
import sys
import time
from pathlib import Path

from benchmarks.glossary_count import procedure_texts
from generator.load.glossary import read_glossary
from generator.problems import Problems
from generator.render.glossary_marks import mark_terms
from generator.render.term_matcher import TermMatcher

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else ROOT.parent / "shared" / "national"
    glossary_file = Path(argv[1]) if len(argv) > 1 else ROOT / "procedures" / "glossary.yml"
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: give the folder of national records", file=sys.stderr)
        return 2
    problems = Problems()
    glossary = read_glossary(glossary_file.parent, glossary_file.parent.as_posix(), problems)
    terms = glossary.in_language("vi")
    matcher = TermMatcher((phrase, t.id) for t in terms for phrase in t.phrases)
    explanations = {t.id: t.explain for t in terms}
    pages = ["".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
             for text in procedure_texts([corpus])]
    times: list[float] = []
    marks: list[int] = []
    growth: list[float] = []
    gzipped: list[float] = []
    for page in pages:
        start = time.perf_counter()
        marked = mark_terms(page, matcher, "../../thuat-ngu/", explanations)
        times.append((time.perf_counter() - start) * 1000)
        marks.append(marked.count('class="tt-term"'))
        growth.append(len(marked.encode()) / max(len(page.encode()), 1))
        gzipped.append(len(gzip.compress(marked.encode())) / len(gzip.compress(page.encode())))
    print(f"{len(pages)} pages, {len(terms)} terms")
    print(f"marks per page: median {statistics.median(marks):.0f}, max {max(marks)}")
    print(f"ms per page: median {statistics.median(times):.2f}, max {max(times):.1f}, "
          f"total {sum(times) / 1000:.2f} s")
    print(f"HTML size after marking: median x{statistics.median(growth):.2f}, "
          f"max x{max(growth):.2f}; gzipped: median x{statistics.median(gzipped):.2f}, "
          f"max x{max(gzipped):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
