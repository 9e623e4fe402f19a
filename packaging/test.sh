#!/usr/bin/env bash
# Install what the test suite needs on a fresh Debian/Ubuntu machine, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v strace >/dev/null 2>&1 || need_apt+=(strace)
command -v Xvfb >/dev/null 2>&1 || need_apt+=(xvfb)
# LibreOffice: the Excel workbook's recalculation and print checks (tests/exporters/test_xlsx*)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc-nogui)
# Qt's offscreen platform still loads these shared libraries.
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || need_apt+=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3)
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(printf '%s\n' "${need_apt[@]}" | sort -u) >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} (install them, e.g. with apt-get)" >&2
    exit 1
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e ".[test]"
export QT_QPA_PLATFORM=offscreen
python3 -m pytest -q "$@"
