#!/usr/bin/env bash
# Smoke-test the bundled application from a folder outside the repository, with
# no virtual environment or source tree on the path:
#   --version; simulate + examine --json (compared with the same run from source);
#   workstation-gui --screenshot and --soak (offscreen). Usage: scripts/installer-smoke.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
VENV=${1:-.venv}
scripts/build-installer.sh "$VENV"

work=$(mktemp -d /tmp/workstation-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -a dist/workstation "$work/app"
# A bare environment: no venv, no PYTHONPATH, not in the repository.
run() { (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" WORKSTATION_HOME="$work/home" \
          QT_QPA_PLATFORM=offscreen "$@"); }
fail() { echo "installer-smoke: FAIL: $*" >&2; exit 1; }

ver=$(run app/workstation --version) || fail "workstation --version"
want="workstation $("$VENV/bin/python" -c "from importlib.metadata import version; print(version('workstation'))")"
[ "$ver" = "$want" ] || fail "version '$ver' != '$want'"
echo "bundle: $ver"

run app/workstation simulate --document UTO-P-2020 --forgery office_paper --seed 7 --out "$work/cap" \
  || fail "simulate"
run app/workstation examine "$work/cap" --json > "$work/bundle.json" || fail "examine from the bundle"
WORKSTATION_HOME="$work/home-src" "$VENV/bin/workstation" examine "$work/cap" --json > "$work/source.json" \
  || fail "examine from source"
"$VENV/bin/python" - "$work/bundle.json" "$work/source.json" <<'PY' || fail "examination JSON differs"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("capture", None)
if a != b:
    print(json.dumps(a, indent=1)[:2000], file=sys.stderr)
    print(json.dumps(b, indent=1)[:2000], file=sys.stderr)
    sys.exit(1)
print(f"examination JSON identical (verdict {a.get('verdict')}, {len(a.get('checks', []))} checks)")
PY

# signing needs an enrolled account: this operating-system account, as the first
# administrator (the bundle's CA is created for it; no password: the os method)
run app/workstation users add smoke --administrator --auth os --display-name "Smoke Test" \
  || fail "users add from the bundle"
run app/workstation examine "$work/cap" --report "$work/report.pdf" > /dev/null \
  || fail "examine --report from the bundle"
run app/workstation report verify "$work/report.pdf" --json > "$work/verify.json" || fail "report verify"
"$VENV/bin/python" - "$work/verify.json" <<'PY' || fail "the bundle's signed report does not verify"
import json, sys
(v,) = json.load(open(sys.argv[1]))
assert v["signed"] and v["intact"] and v["trusted"], v
print(f"signed report verifies (signer {v['signer']})")
PY

start=$(date +%s.%N)
run app/workstation-gui --screenshot "$work/shot.png" || fail "workstation-gui --screenshot"
end=$(date +%s.%N)
[ -s "$work/shot.png" ] || fail "no screenshot written"
cp "$work/shot.png" "$repo/dist/bundle-screenshot.png"
echo "bundle window screenshot in $(awk "BEGIN{print $end-$start}") s (incl. capture); size $(du -sh "$work/app" | cut -f1)"
# pyqtgraph (the trainees' progress here, the Trends view) loads QtOpenGL through
# importlib: a chart drawn from the bundle proves it was shipped.
run app/workstation-gui --screenshot "$work/progress.png" --view trainer-progress \
  || fail "workstation-gui --view trainer-progress (a pyqtgraph chart)"
[ -s "$work/progress.png" ] || fail "no chart screenshot written"
# The long run: thousands of paints, marks, zooms and switches in the bundled window
# (a Qt binding that leaks references aborts here, not in a single call).
run app/workstation-gui --soak 1500 --size 1280x800 2> "$work/soak.log" \
  || { tail -20 "$work/soak.log" >&2; fail "workstation-gui --soak (the window aborted)"; }
tail -1 "$work/soak.log"
echo "installer-smoke: OK"
