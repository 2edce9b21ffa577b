"""Load stage: YAML files in, a checked `Site` out (every problem collected, then raised once)."""
