"""`python -m generator` runs the `thutuc` command."""

import sys

from generator.cli.main import main

sys.exit(main())
