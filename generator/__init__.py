"""thutuc: turns a YAML catalog of administrative procedures into a multilingual static site.

The stages, each a folder of small modules over the frozen dataclasses of `model.py`:

1. `load/`: read YAML files (line numbers kept) and check them into a `Site`: catalog,
   overlays, profile, life events, glossary, published addresses, interface strings.
2. `translate/`: a procedure as a reader of one language sees it; translation status,
   stamps, and the files translators exchange (CSV, PO).
3. `render/` and `search/`: pages, QR codes and the search index of one language.
4. `publish/`: the files of a built site (atomic swap, sitemap, open data, notices,
   service worker, zip).

`importer/` brings national records into the catalog; `mkdocs/` is the only code that knows
MkDocs (the plugin, the theme, builds); `cli/` is the `thutuc` command. Imports run one way,
from `cli/` down to the root modules (`model`, `problems`, `urls`, `textsort`); a test checks it.
"""

__version__ = "0.1.0"
