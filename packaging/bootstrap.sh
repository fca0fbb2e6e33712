#!/usr/bin/env bash
# Set NSP Explorer up on a fresh Debian or Ubuntu machine, then start it or test it.
#   bash packaging/bootstrap.sh app [nsp-explorer options]   install and launch the window
#   bash packaging/bootstrap.sh test [pytest options]        install with test extras and run the tests
#   bash packaging/bootstrap.sh setup                        only install (system libraries, .venv with test extras)
# Installs Qt's system libraries with apt-get (through sudo unless run as root) when they are
# missing (for test and setup also librsvg2-bin and poppler-utils, whose rsvg-convert and pdftoppm
# the figure tests use), makes a virtual environment in .venv and installs the project into it.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
shift || true
case $mode in app | test | setup) ;; *) echo "usage: bash packaging/bootstrap.sh app|test|setup [options]" >&2; exit 2 ;; esac

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "NSP Explorer needs Python 3.11 or newer as '$python' (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

# Qt's libraries, offscreen and (for the window) on X11.
libraries=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0)
if [[ $mode != app ]]; then
  # the figure tests render exported SVG and PDF with independent renderers: rsvg-convert and pdftoppm
  libraries+=(librsvg2-bin poppler-utils)
fi
if [[ $mode == app ]]; then
  libraries+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
    libxcb-randr0 libxcb-render-util0 libxcb-image0)
fi
missing=()
for library in "${libraries[@]}"; do
  dpkg-query -W -f='${Status}' "$library" 2>/dev/null | grep -q "install ok installed" || missing+=("$library")
done
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null; then
    root=()
    [[ $(id -u) -eq 0 ]] || root=(sudo)
    echo "installing system packages: ${missing[*]}" >&2
    "${root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: no apt-get here; install these system packages yourself: ${missing[*]}" >&2
  fi
fi

[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [[ $mode == app ]]; then
  .venv/bin/python -m pip install -q .
  exec .venv/bin/nsp-explorer "$@"
else
  .venv/bin/python -m pip install -q -e ".[test]"
  .venv/bin/python -m compileall -q desktop  # byte-compiled once, as pip does for an installed copy
  [[ $mode == setup ]] && exit 0
  exec .venv/bin/python -m pytest "$@"
fi
