#!/bin/sh
# Install the workstation under /opt (run as root from the unpacked tarball).
# Puts the application in $PREFIX (default /opt/workstation), the menu entry
# and icon in the system's share folders, and `workstation` on the PATH.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/opt/workstation}
SHARE=${SHARE:-/usr/share}
BIN=${BIN:-/usr/local/bin}

if [ ! -x "$here/workstation/workstation" ]; then
  echo "install.sh: run me from the unpacked tarball (workstation/ not found next to me)" >&2
  exit 2
fi
mkdir -p "$(dirname "$PREFIX")" "$SHARE/applications" "$SHARE/icons/hicolor/256x256/apps" "$BIN"
tmp="$PREFIX.new.$$"
rm -rf "$tmp"
cp -a "$here/workstation" "$tmp"
rm -rf "$PREFIX.old"
[ -e "$PREFIX" ] && mv "$PREFIX" "$PREFIX.old"
mv "$tmp" "$PREFIX"
rm -rf "$PREFIX.old"
cp "$here/uninstall.sh" "$PREFIX/uninstall.sh"
sed "s#/opt/workstation#$PREFIX#g" "$here/workstation.desktop" > "$SHARE/applications/workstation.desktop"
cp "$here/workstation.png" "$SHARE/icons/hicolor/256x256/apps/workstation.png"
ln -sf "$PREFIX/workstation" "$BIN/workstation"
ln -sf "$PREFIX/workstation-gui" "$BIN/workstation-gui"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
echo "installed in $PREFIX; run 'workstation-gui' or find 'Document Examination Workstation' in the menu"
