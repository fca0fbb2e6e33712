#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment and run the app's self-test
# from outside the source tree, so the installed copy must find its data by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m pip wheel --no-deps -q -w "$work/dist" .
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/*.whl
cd "$work"
QT_QPA_PLATFORM=offscreen "$work/venv/bin/nsp-explorer" --self-test
"$work/venv/bin/nspx" build --out "$work/rebuilt" --quiet
echo "wheel check passed: $(basename "$work"/dist/*.whl) installed in a fresh venv; self-test and nspx build ran outside the source tree"
