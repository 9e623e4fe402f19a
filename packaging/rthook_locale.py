"""PyInstaller runtime hook: a UTF-8 locale when the environment names none (Linux).

Started from a bare environment (cron, a service, `env -i`), the locale is "C": Python's
command-line start-up would switch to C.UTF-8 itself (PEP 538), but the bundle's embedded
interpreter does not, and Qt warns on stderr that it depends on a UTF-8 locale. A locale the
user set is kept.
"""

import os
import sys

if sys.platform.startswith("linux") and not any(
    os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")
):
    os.environ["LC_CTYPE"] = "C.UTF-8"
