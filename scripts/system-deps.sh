#!/usr/bin/env bash
# Install (as root on Debian/Ubuntu) or name the operating-system packages the
# workstation needs. Usage: scripts/system-deps.sh build|run|test
set -euo pipefail
purpose=${1:-run}

# Qt's xcb platform plugin and its friends (the window on a real display).
run_pkgs=(libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1
          libdbus-1-3 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
          libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libglib2.0-0
          poppler-utils)  # pdftoppm shows report pages in the review window
# Building the locked environment: pyscard (PC/SC smart-card readers) compiles
# against pcsc-lite with SWIG.
build_pkgs=(swig libpcsclite-dev)
run_pkgs+=(libpcsclite1 pcscd)  # contactless chip readers through the PC/SC daemon
# Tests: poppler's pdfsig/pdftotext/pdftoppm check reports independently;
# a real PostgreSQL server for the database tests; Xvfb for real-window tests.
# vsmartcard-vpcd: a virtual PC/SC reader, so the chip tests drive pcscd and pyscard for real;
# util-linux (unshare) runs that private pcscd beside any system one.
test_pkgs=("${run_pkgs[@]}" "${build_pkgs[@]}" poppler-utils postgresql xvfb file binutils
           vsmartcard-vpcd util-linux)

case "$purpose" in
  build) wanted=("${build_pkgs[@]}") ;;
  run) wanted=("${run_pkgs[@]}") ;;
  test) wanted=("${test_pkgs[@]}") ;;
  *) echo "usage: $0 build|run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; make sure these (or your platform's" \
       "equivalents) are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for p in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]} (apt-get update, then install)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  log=$(mktemp)
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "system-deps: apt-get install failed" >&2; exit 1
  fi
  grep -E '^Setting up ' "$log" | sed 's/^/system-deps: /' >&2 || true
  rm -f "$log"
else
  echo "system-deps: missing Debian packages: ${missing[*]}" >&2
  echo "system-deps: install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
