"""`python -m ita_desktop` and the `ita-desktop` console script."""

from __future__ import annotations

import sys

from ita_desktop.cli.main import main as _main


def main() -> None:
    sys.exit(_main())


if __name__ == "__main__":
    main()
