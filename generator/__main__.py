"""`python -m generator` runs the `thutuc` command."""

import sys

from .cli import main

sys.exit(main())
