#!/bin/sh
# Remove the workstation installed by install.sh. User data (the per-user data
# folder or $WORKSTATION_HOME) is left alone.
set -eu
PREFIX=${PREFIX:-/opt/workstation}
SHARE=${SHARE:-/usr/share}
BIN=${BIN:-/usr/local/bin}
for link in "$BIN/workstation" "$BIN/workstation-gui"; do
  if [ -L "$link" ] && [ "$(readlink "$link")" = "$PREFIX/$(basename "$link")" ]; then rm -f "$link"; fi
done
rm -f "$SHARE/applications/workstation.desktop" "$SHARE/icons/hicolor/256x256/apps/workstation.png"
rm -rf "$PREFIX"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
echo "removed $PREFIX (user data kept)"
