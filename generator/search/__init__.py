"""Site search: a compact, sharded, accent-folded index per language (see `index.py`)."""
