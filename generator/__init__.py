"""thutuc: turns a YAML catalog of administrative procedures into a multilingual static site.

Stages, each a module of plain functions over frozen dataclasses (`model.py`):
load (`catalog.py`, `yamlsource.py`) -> validate (`validate.py`, `fields.py`, `overlay.py`,
`profile.py`) -> resolve translations (`translate.py`) -> render (`render/`) -> write
(`publish.py`). `plugin.py` hands the pages to MkDocs; `cli.py` is the `thutuc` command.
"""

__version__ = "0.1.0"
