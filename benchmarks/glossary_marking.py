"""How much glossary marking costs: time and HTML size, on real national procedure text.

    .venv/bin/python -m benchmarks.glossary_marking [../shared/national] [procedures/glossary.yml]

Each national record's citizen-facing text becomes one page of paragraphs (about the size of
a procedure page's body), written once with the sample glossary's Vietnamese terms marked as
the procedure template marks them (`PageTerms.text` on each text), once without. Prints
pages, marks per page, milliseconds of marking per page, and how much bigger the HTML gets
(raw and gzipped, as a web server sends it).
"""

from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path

from benchmarks.glossary_count import procedure_texts
from generator.load.glossary import read_glossary
from generator.problems import Problems
from generator.render.glossary_marks import PageTerms, TermLinker
from generator.render.richtext import escape

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
    linker = TermLinker(terms, "")
    pages = [[line for line in text.splitlines() if line.strip()]
             for text in procedure_texts([corpus])]
    times: list[float] = []
    marks: list[int] = []
    growth: list[float] = []
    gzipped: list[float] = []
    for lines in pages:
        start = time.perf_counter()
        page = _written(lines, None)
        middle = time.perf_counter()
        marked = _written(lines, linker.page("../../thuat-ngu/"))
        times.append(((time.perf_counter() - middle) - (middle - start)) * 1000)
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


def _written(lines: list[str], terms: PageTerms | None) -> str:
    """The paragraphs of one page as HTML, with `terms` marked when given."""
    return "".join(f"<p>{escape(terms.text(line) if terms else line)}</p>" for line in lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
