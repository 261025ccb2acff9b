#!/usr/bin/env bash
# Build the one-folder application (dist/workstation/) and the Linux tarball
# (dist/workstation-VERSION-linux-ARCH.tar.gz). Usage: scripts/build-installer.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${1:-.venv}
PY="$VENV/bin/python"
"$PY" -m pip show -q pyinstaller 2>/dev/null \
  || { echo "build-installer: PyInstaller is missing from the venv (it is in requirements.lock)" >&2; exit 1; }
version=$("$PY" -c "from importlib.metadata import version; print(version('workstation'))")
arch=$(uname -m)
rm -rf build/pyinstaller dist/workstation
# the compiled catalogues (.qm) ship in the bundle; they are not in the repository
"$PY" -m workstation.i18n.build
"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist installer/workstation.spec
# Strip debugging symbols from the libraries that carry them (the Python
# runtime, Qt's ICU data, extension modules). Not the auditwheel-repaired
# "*.libs" folders: stripping those (e.g. NumPy's OpenBLAS) breaks them.
if command -v strip >/dev/null 2>&1; then
  find dist/workstation -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' -print0 \
    | xargs -0 file | grep 'not stripped' | cut -d: -f1 \
    | xargs -r strip --strip-unneeded
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
name="workstation-$version-linux-$arch"
mkdir -p "$stage/$name"
cp -a dist/workstation "$stage/$name/workstation"
cp installer/linux/install.sh installer/linux/uninstall.sh installer/linux/workstation.desktop \
   resources/icons/workstation.png "$stage/$name/"
tar -C "$stage" -czf "dist/$name.tar.gz.tmp" "$name"
mv "dist/$name.tar.gz.tmp" "dist/$name.tar.gz"
echo "built dist/workstation ($(du -sh dist/workstation | cut -f1)) and dist/$name.tar.gz"
