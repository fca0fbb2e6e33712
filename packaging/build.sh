#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller into dist/nsp-explorer/, then check it.
#   bash packaging/build.sh
# Linux here; on Windows (Git Bash) or macOS the same steps work with that platform's Python:
# the spec makes a windowed app there. The bundle runs without Python or network.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[[ -x .venv-build/bin/python ]] || "$python" -m venv .venv-build
.venv-build/bin/python -m pip install -q --upgrade pip
.venv-build/bin/python -m pip install -q . "pyinstaller>=6.10,<7"
.venv-build/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/nsp-explorer.spec

bundle=dist/nsp-explorer
QT_QPA_PLATFORM=offscreen "$bundle/nsp-explorer" --self-test
times=()
for _ in 1 2 3 4 5; do
  times+=("$(QT_QPA_PLATFORM=offscreen "$bundle/nsp-explorer" --startup-probe 2>/dev/null)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
# the checks above left this user's signed cache beside the bundled dataset: another user's copy would only distrust it
find "$bundle" -name .nspx-cache -prune -exec rm -rf {} +
echo "bundle: $bundle, $(du -sh "$bundle" | cut -f1) on disk; cold start to every view painted: median ${median} ms of 5 (${times[*]})"
