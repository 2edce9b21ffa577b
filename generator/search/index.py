"""Build the compact search index of one language: a manifest, term shards, document blocks.

Why our own index: Material's lunr index makes every page download the whole index (4.7 MB
gzip for 2,000 procedures in 4 languages) and Pagefind cannot run from file:// and fetches
0.65-1.6 MB per Vietnamese query (measured, see the project's toolchain notes). Here a
search loads

- the manifest (document count, shard keys, file names),
- one shard per query word and per run of query words: the folded terms starting with a key
  (words, and whole titles and keywords as terms with spaces), each with its spellings (`keep`
  forms) and their postings (document number, a title/code/keyword flag and a weight in one
  integer),
- the blocks of documents shown in the result list (title, code, teaser).

Every file is a script `thutucSearch("NAME", DATA)` named after a hash of its content, so it
loads with a `<script>` tag from http(s) and from file://, and caches forever safely.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.safe_text import json_text
from generator.search.fold import fold, keep, words
from generator.urls import content_hash

# The index's fields and how much a word counts by where it is: keywords are the words people
# use, titles the official names; body text only breaks ties. Which procedure field goes into
# which is said by the field registry (`Field.search`); `source_title` is the Vietnamese title
# of a translated page, `category` the category's name.
WEIGHTS = {"title": 10.0, "code": 10.0, "keywords": 8.0, "summary": 3.0, "category": 2.0,
           "source_title": 5.0, "body": 1.0}
K1 = 1.2  # BM25 term saturation
# BM25 length normalisation per field: a title is better the fewer other words it has
# ("Đăng ký khai sinh" before "Đăng ký khai sinh lưu động" for "khai sinh").
B = {"title": 1.0, "source_title": 1.0, "code": 0.0}
B_OTHER = 0.75
# Fields where a repeated word says nothing more ("đăng ký ... đăng ký nhận cha mẹ con").
ONCE = frozenset({"title", "code", "source_title"})
# Fields whose each text is also a whole name people may type (`SearchDoc.phrases`).
PHRASE_FIELDS = ("title", "source_title", "keywords")
# National titles often start with "Thủ tục" ("procedure"); people leave it out. Phrases are
# indexed without it, and engine.js leaves it out of a title's length. Change both together.
TITLE_LEAD = ("thu", "tuc")
WHOLE = "|"  # ends a whole title or keyword term, as against a pair of words from it
PHRASE_WEIGHT = 1  # a whole-phrase hit ranks by itself (engine.js), its weight is unused
MAX_WEIGHT = 31  # weights are stored in 5 bits of a posting
BLOCK = 50  # documents per result block
SHARD_LIMIT = 16_000  # characters of JSON above which a shard is split by one more letter
TEASER = 140


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: what the result list shows and the text of each field."""

    id: str
    title: str
    code: str
    teaser: str
    fields: tuple[tuple[str, str], ...]  # (a key of WEIGHTS, text)
    phrases: tuple[str, ...] = ()  # whole names people may type: the title, each keyword


@dataclass(frozen=True)
class IndexFiles:
    """The search files of one language: {file name: script text}, the manifest's and the
    search script's names (without `.js`)."""

    files: dict[str, str]
    manifest: str
    script: str = ""


Postings = dict[str, dict[str, dict[int, float]]]  # fold -> keep -> document -> score
STRONG_FIELDS = frozenset({"title", "code", "keywords", "source_title"})


def _score(docs: Sequence[SearchDoc]) -> tuple[Postings, set[tuple[str, str, int]]]:
    """BM25-like score of every (word, spelling, document), summed over fields; and which of
    them occur in a title, code or keyword ("strong")."""
    strong: set[tuple[str, str, int]] = set()
    lengths: dict[str, list[int]] = defaultdict(list)
    tokenized = []
    for doc in docs:
        fields = [(name, words(text)) for name, text in doc.fields]
        tokenized.append(fields)
        for name, ws in fields:
            lengths[name].append(len(ws))
    average = {name: max(1.0, sum(ls) / len(ls)) for name, ls in lengths.items()}
    postings: Postings = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    for number, fields in enumerate(tokenized):
        for name, ws in fields:
            counts: dict[tuple[str, str], int] = defaultdict(int)
            for w in ws:
                counts[fold(w), keep(w)] = 1 if name in ONCE else counts[fold(w), keep(w)] + 1
            b = B.get(name, B_OTHER)
            norm = K1 * (1 - b + b * len(ws) / average[name])
            for (folded, exact), tf in counts.items():
                postings[folded][exact][number] += WEIGHTS[name] * tf * (K1 + 1) / (tf + norm)
                if name in STRONG_FIELDS:
                    strong.add((folded, exact, number))
    for number, doc in enumerate(docs):
        for phrase in doc.phrases:
            ws = words(phrase)
            if [fold(w) for w in ws[:len(TITLE_LEAD)]] == list(TITLE_LEAD):
                ws = ws[len(TITLE_LEAD):]
            # Terms with spaces, looked up with the query's runs of words: the whole phrase
            # (marked with WHOLE at its end) and each pair of neighbouring words.
            runs = [ws, *(ws[i:i + 2] for i in range(len(ws) - 1))] if len(ws) > 1 else []
            for i, run in enumerate(runs):
                folded, exact = " ".join(fold(w) for w in run), " ".join(keep(w) for w in run)
                if i == 0:
                    folded, exact = folded + WHOLE, exact + WHOLE
                postings[folded][exact][number] = PHRASE_WEIGHT
                strong.add((folded, exact, number))
    return postings, strong


def _encode(scores: dict[int, float], strong: set[int]) -> list[int]:
    """Postings as deltas of `document * 64 + strong * 32 + weight`: small numbers that gzip
    well. The weight is the score halved, 1 to 31."""
    values = [doc * 64 + (32 if doc in strong else 0) + min(MAX_WEIGHT, max(1, round(s / 2)))
              for doc, s in sorted(scores.items())]
    return [v - p for v, p in zip(values, [0, *values], strict=False)]


def _json(data: object) -> str:
    return json_text(data, separators=(",", ":"))


Entry = list[list[Any]]  # a folded term's [[spelling, postings], ...]


def _shards(entries: dict[str, Entry], sizes: dict[str, int] | None = None,
            prefix: str = "") -> dict[str, dict[str, Entry]]:
    """Split the terms into shards by prefix, one more letter wherever a shard is too big."""
    if sizes is None:  # each term's JSON, written once for every level of splitting
        sizes = {term: len(term) + len(_json(value)) for term, value in entries.items()}
    size = sum(sizes[term] for term in entries)
    if size <= SHARD_LIMIT or all(len(term) <= len(prefix) for term in entries):
        return {prefix: dict(entries)}
    here = {t: v for t, v in entries.items() if len(t) <= len(prefix)}
    groups: dict[str, dict[str, Entry]] = defaultdict(dict)
    for term, value in entries.items():
        if len(term) > len(prefix):
            groups[term[:len(prefix) + 1]][term] = value
    result = {prefix: here} if here else {}
    for key in sorted(groups):
        result.update(_shards(groups[key], sizes, key))
    return result


def code_words(code: str) -> str:
    """A procedure code as searched: whole (`1.001193`) and without its group (`001193`)."""
    return f"{code} {code.rsplit('.', 1)[-1]}" if code else ""


def _teaser(text: str) -> str:
    if len(text) <= TEASER:
        return text
    return text[:TEASER].rsplit(" ", 1)[0] + "…"


def content_name(kind: str, text: str) -> str:
    """A file name that changes whenever the content does, so it can be cached for ever."""
    return kind + content_hash(text.encode())


def build_index(docs: Sequence[SearchDoc]) -> IndexFiles:
    """The index files for `docs`, document numbers in the given order."""
    postings, strong = _score(docs)
    entries = {folded: [[exact, _encode(postings[folded][exact],
                                        {doc for doc in postings[folded][exact]
                                         if (folded, exact, doc) in strong})]
                        for exact in sorted(postings[folded])]
               for folded in sorted(postings)}
    files: dict[str, str] = {}

    def add(kind: str, data: object) -> str:
        text = _json(data)
        name = content_name(kind, text)
        files[f"{name}.js"] = f'thutucSearch("{name}",{text});\n'
        return name

    blocks = [add("d", [[d.id, d.title, d.code, _teaser(d.teaser)]
                        for d in docs[start:start + BLOCK]])
              for start in range(0, len(docs), BLOCK)]
    shards = {key: add("s", shard) for key, shard in sorted(_shards(entries).items())}
    manifest = add("m", {"n": len(docs), "block": BLOCK, "docs": blocks, "shards": shards})
    return IndexFiles(files=files, manifest=manifest)
