#!/usr/bin/env bash
# Add NSP Explorer to your desktop menu (freedesktop: GNOME, KDE, Xfce, …), for this user only.
#   bash packaging/install-desktop-entry.sh [PATH-TO-nsp-explorer]
# PATH defaults to the nsp-explorer on your PATH, else .venv/bin/nsp-explorer, else the bundle
# in dist/nsp-explorer/. Remove it again with: bash packaging/install-desktop-entry.sh --remove
set -euo pipefail
cd "$(dirname "$0")/.."
id=io.github.nspexplorer.NSPExplorer
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [[ ${1:-} == --remove ]]; then
  rm -f "$data/applications/$id.desktop" "$data"/icons/hicolor/*/apps/"$id.png"
  echo "removed $id from the desktop menu"
  exit 0
fi
exe=${1:-$(command -v nsp-explorer || true)}
for candidate in "$exe" "$PWD/.venv/bin/nsp-explorer" "$PWD/dist/nsp-explorer/nsp-explorer"; do
  if [[ -n $candidate && -x $candidate ]]; then exe=$candidate; break; fi
done
[[ -x ${exe:-} ]] || { echo "no nsp-explorer found: install it first (README, Install) or give its path" >&2; exit 1; }
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")
mkdir -p "$data/applications"
for png in resources/icons/nsp-explorer-*.png; do
  size=${png##*-}; size=${size%.png}
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
done
sed "s|^Exec=.*|Exec=\"$exe\"|" "resources/$id.desktop" > "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "added NSP Explorer to the desktop menu: $data/applications/$id.desktop -> $exe"
