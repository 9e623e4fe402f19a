"""Command line over the core: `python -m ita_desktop <command> ...` (no command opens the GUI)."""
