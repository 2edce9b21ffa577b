"""The `thutuc` command line: argument parsing and messages, calling the stages."""
