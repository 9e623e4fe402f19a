"""`python -m ita_desktop` and the `ita-desktop` console script."""

from __future__ import annotations

import gc
import sys

# Collect young objects after 10,000 allocations, not 700: a layout makes hundreds of
# thousands of small objects that live to the end, and the default thresholds spent 0.07 s
# of a 1 s export scanning them again and again (0.02 s now). Cycles are still collected.
gc.set_threshold(10_000, 20, 20)

from ita_desktop.cli.main import main as _main  # after the threshold: imports allocate too


def main() -> None:
    sys.exit(_main())


if __name__ == "__main__":
    main()
