"""`python -m generator` runs the `thutuc` command."""

from generator.cli.main import run

run()
