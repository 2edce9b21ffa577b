"""The glossary in plain words: terms from the catalog, their explanations, and their marking.

`terms` reads `glossary.yml` (and its `glossary.LANG.yml` translations) from the catalog
folder, `match` finds terms in text, `mark` links them in rendered HTML, `count` is the
command that counts candidate terms over a corpus of procedures.
"""

from __future__ import annotations

from .terms import Glossary, LocalTerm, Term, read_glossary

GLOSSARY_SRC = "thuat-ngu.md"

__all__ = ["GLOSSARY_SRC", "Glossary", "LocalTerm", "Term", "read_glossary"]
