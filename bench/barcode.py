"""Barcode benchmark: decode rate and time per image, AAMVA fields, seals, and the barcode
checks on simulated identity cards with their forgeries.

    python -m bench.barcode [--quick] [--per-cell 6] [--cards 10] [--seed 0]

Sets (one table, one row per set):

* ``zxing-pdf417/<folder>`` — the PDF417 images of zxing-cpp's own test set
  (``../shared/testdata/barcodes/zxing-pdf417``, material the project did not make):
  decoded = the expected content read (a structured-append segment counts when its
  bytes are part of the expected file);
* ``aamva`` — the 67 AAMVA payloads of IdParser's tests: parsed, and IdParser's own
  expectations met (fields compared as ``tests/barcodes/test_aamva_idparser.py`` does);
* ``gen <format> m<module px> b<blur px>`` — symbols written by zxing-cpp with random
  bytes, placed on a textured page at a random angle (0-360 degrees), defocused,
  noisy, JPEG quality 75 (``workstation.barcodes.render``); decoded = exactly the
  bytes written; wrong = another content reported (a misread);
* ``seal tamper`` — seals signed here, each byte flipped in turn: caught = not
  reported valid (fail or warn); fail = reported failed;
* ``card genuine`` / ``card <forgery>`` — simulated identity cards captured on both
  faces by the simulated reader (300 dpi, placed and turned on the platen), examined
  in full; forgeries made by editing captures: ``front-swapped`` (the page of another
  card: consistent VIZ and MRZ, back as issued), ``reencoded`` (the barcodes reprinted
  for the page's holder, the seal signed by a forger), ``seal-byte`` (one byte of the
  seal's signature changed and the symbol pasted back), and the renderer's
  ``viz_data_altered``. caught = the check meant for it failed; for genuine cards
  "caught" counts a false alarm of any barcode check.

Times: median and p95 wall-clock milliseconds per image (decode of an already decoded
image, all recovery passes) — for cards, the barcode checks' time per examination.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 28)


def _testdata() -> Path:
    return Path(os.environ.get("WORKSTATION_TESTDATA", ROOT.parent / "shared" / "testdata"))


@dataclass
class Row:
    """One line of the table."""

    name: str
    n: int = 0
    ok: int = 0
    wrong: int = 0
    extra: str = ""
    times: list[float] = field(default_factory=list)

    def line(self) -> str:
        med = f"{statistics.median(self.times):8.0f}" if self.times else f"{'-':>8}"
        p95 = f"{pct(self.times, 0.95):8.0f}" if self.times else f"{'-':>8}"
        rate = f"{self.ok / self.n:7.1%}" if self.n else f"{'-':>7}"
        return (f"{self.name:<34} {self.n:>5} {self.ok:>6} {rate} {self.wrong:>6} {med} {p95}"
                f"  {self.extra}")


def pct(values: list[float], q: float) -> float:
    """Nearest-rank ``q``-quantile."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))] if s else float("nan")


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, (time.perf_counter() - t) * 1000.0


# -- shared images ------------------------------------------------------------------------
#: Character sets a structured-append segment's ECI may name (its text is then part of
#: the set's text file).
CHARSETS = ("ascii", "latin-1", "iso8859-15", "gb2312", "shift_jis", "utf-8")


def _decodes_into(raw: bytes, charset: str, text: str) -> bool:
    try:
        return raw.decode(charset) in text
    except UnicodeDecodeError:
        return False


def zxing_rows() -> list[Row]:
    from workstation.barcodes.decode import decode_image
    from workstation.imageio import read_image

    root = _testdata() / "barcodes" / "zxing-pdf417"
    if not (root / "index.json").is_file():
        return [Row("zxing-pdf417 (absent)")]
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    rows: dict[str, Row] = {}
    for item in index["images"]:
        folder = item["image"].split("/")[0]
        row = rows.setdefault(folder, Row(f"zxing-pdf417/{folder}"))
        image = read_image(root / item["image"])
        codes, ms = _timed(lambda image=image: decode_image(image))
        row.n += 1
        row.times.append(ms)
        if item["expected_file"]:
            want = (root / item["expected_file"]).read_bytes()
            hit = any(c.raw == want or c.text.encode("utf-8") == want for c in codes)
        else:  # structured append: each segment is part of its set's expected file
            stem = item["image"].split("/")[1].split("-")[0]
            files = list((root / folder).glob(f"{stem}.*"))
            want = files[0].read_bytes() if files else b""
            text = want.decode("utf-8", "replace")
            hit = bool(codes) and all(
                c.raw in want or any(_decodes_into(c.raw, cs, text) for cs in CHARSETS)
                for c in codes)
        row.ok += hit
    return list(rows.values())


def aamva_row() -> Row:
    sys.path.insert(0, str(ROOT))
    from tests.barcodes.idparser_cases import load_cases
    from tests.barcodes.test_aamva_idparser import mismatches
    from workstation.barcodes.aamva import parse_aamva

    root = _testdata() / "barcodes" / "aamva-idparser"
    if not (root / "index.json").is_file():
        return Row("aamva (absent)")
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    row = Row("aamva payloads (IdParser)")
    for item in index["files"]:
        data = (root / item["file"]).read_bytes()
        record, ms = _timed(lambda data=data: parse_aamva(data))
        row.n += 1
        row.ok += record.header.iin == item["iin"]
        row.times.append(ms)
    cases = load_cases(root)
    fields = sum(len(c.expected) + len(c.elements) + (c.postal_code_display is not None)
                 + (c.jurisdiction_name is not None) + (c.element_count is not None)
                 for c in cases)
    missed = sum(len(mismatches(c, root)) for c in cases)
    row.wrong = missed
    row.extra = (f"IdParser's {len(cases)} tests: {fields - missed}/{fields} expected "
                 f"values met")
    return row


# -- generated symbols --------------------------------------------------------------------
def generated_rows(per_cell: int, seed: int) -> list[Row]:
    from workstation.barcodes.decode import decode_image
    from workstation.barcodes.render import photograph, symbol

    rng = np.random.default_rng(seed)
    rows = []
    for fmt in ("PDF417", "QRCode", "DataMatrix", "Aztec"):
        for module in (1.5, 2.0, 3.0, 4.0):
            for blur in (0.0, 1.0, 2.0):
                row = Row(f"gen {fmt} m{module:g} b{blur:g}")
                for _ in range(per_cell):
                    payload = bytes(rng.integers(0, 256, 150, dtype=np.uint8))
                    sym = symbol(payload, fmt, module_px=4)
                    photo = photograph(sym, angle_deg=float(rng.uniform(0, 360)),
                                       scale=module / 4.0, blur_sigma=blur, jpeg_quality=75,
                                       seed=int(rng.integers(1 << 30)))
                    codes, ms = _timed(lambda img=photo.image: decode_image(img))
                    row.n += 1
                    row.times.append(ms)
                    row.ok += any(c.raw == payload for c in codes)
                    row.wrong += any(c.raw != payload for c in codes)
                rows.append(row)
    return rows


# -- seals ----------------------------------------------------------------------------------
def seal_row(n: int) -> Row:
    sys.path.insert(0, str(ROOT))
    from tests.barcodes.test_vds import ZzPki
    from workstation.barcodes.seal import SealStatus, verify_seal
    from workstation.barcodes.vds import VdsError, parse_seal

    row = Row("seal tamper (every byte flipped)")
    fails = 0
    for _ in range(n):
        pki = ZzPki()
        data = pki.seal()
        trust = pki.trust()
        good, ms = _timed(lambda data=data, trust=trust: verify_seal(parse_seal(data), trust))
        row.times.append(ms)
        assert good.status is SealStatus.VALID
        for i in range(len(data)):
            bad = bytearray(data)
            bad[i] ^= 1 << (i % 8)
            try:
                status = verify_seal(parse_seal(bytes(bad)), trust).status
            except VdsError:
                status = SealStatus.MALFORMED
            row.n += 1
            row.ok += status is not SealStatus.VALID
            fails += status.verdict == "fail"
    row.extra = f"fail {fails}/{row.n}, the rest warn (unknown signer); times: one verification"
    return row


# -- simulated cards --------------------------------------------------------------------------
CARD = "UTO-ID-2021"
#: The check meant to catch each card forgery.
CARD_EXPECTED = {"front-swapped": "barcode.data", "reencoded": "barcode.seal",
                 "seal-byte": "barcode.seal", "viz_data_altered": "barcode.data"}


def _card(seed: int, forgery: str | None = None) -> Any:
    from workstation.hardware.simulated import SimulatedReader

    reader = SimulatedReader(document=CARD, seed=seed, forgery=forgery)
    try:
        capture = reader.capture_all()
        reader.turn_over()
        capture.back = reader.capture_all()
    finally:
        reader.close()
    return capture


def _edit_back(capture: Any, edit: Callable[[Any, np.ndarray], np.ndarray]) -> Any:
    from workstation.barcodes.document import read_face
    from workstation.specimens.back import back_zones
    from workstation.types import CaptureSet

    face = read_face("back", capture.back, size_mm=(85.6, 54.0), zones=list(back_zones(CARD)))
    images = dict(capture.back.images)
    for light in images:
        for reading in face.readings:
            images[light] = edit(reading, images[light])
    return dataclasses.replace(capture, back=CaptureSet(images=images, dpi=capture.back.dpi))


def card_rows(n: int, seed: int) -> list[Row]:
    import tempfile

    from workstation.barcodes.render import paste_symbol
    from workstation.examination.pipeline import examine
    from workstation.specimens import issuer
    from workstation.specimens.bundled import ensure_bundled
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.people import Person, mrz_lines_for

    root = Path(tempfile.mkdtemp(prefix="bench-barcode-")) / "specimens"
    ensure_bundled(root)
    library = SpecimenLibrary(root, bundled=False)
    examine(_card(9999), library=library, today=TODAY)  # warm-up: not timed

    def run(capture: Any) -> tuple[Any, float]:
        ex = examine(capture, library=library, today=TODAY)
        t = ex.timings_ms
        return ex, sum(v for k, v in t.items() if k.startswith("check:barcode."))

    rows = {k: Row(f"card {k}") for k in ("genuine", *CARD_EXPECTED)}
    for i in range(n):
        s = seed + 1000 + 2 * i
        genuine = _card(s)
        other = _card(s + 1)
        holder = Person.from_json(genuine.metadata["simulation"]["person"])

        def reprint(reading: Any, img: np.ndarray, holder: Person = holder) -> np.ndarray:
            if reading.kind == "aamva":
                return paste_symbol(img, reading.code.corners, issuer.aamva_payload(holder),
                                    "PDF417")
            seal = issuer.seal_bytes(mrz_lines_for(holder, "TD1"), holder.issue_date,
                                     pki=issuer.forger_seal_pki())
            return paste_symbol(img, reading.code.corners, seal, "DataMatrix")

        def flip(reading: Any, img: np.ndarray, at: int = -1 - i % 40) -> np.ndarray:
            if reading.kind != "seal":
                return img
            data = bytearray(reading.code.raw)
            data[at] ^= 0x01
            return paste_symbol(img, reading.code.corners, bytes(data), "DataMatrix")

        cases = {
            "genuine": genuine,
            "front-swapped": dataclasses.replace(genuine, back=other.back),
            "reencoded": _edit_back(dataclasses.replace(genuine, back=other.back), reprint),
            "seal-byte": _edit_back(genuine, flip),
            "viz_data_altered": _card(s, "viz_data_altered"),
        }
        for kind, capture in cases.items():
            ex, ms = run(capture)
            row = rows[kind]
            row.n += 1
            row.times.append(ms)
            failed = {c.id for c in ex.checks if c.status.value == "fail"}
            if kind == "genuine":
                bad = [c for c in ex.checks if c.id.startswith("barcode.")
                       and c.status.value in ("fail", "warn")]
                row.ok += ex.verdict.value == "pass"
                row.wrong += bool(bad)
            else:
                row.ok += CARD_EXPECTED[kind] in failed
                row.wrong += ex.verdict.value != "fail"
    rows["genuine"].extra = "ok = verdict pass; wrong = a barcode check failed or warned"
    for k in CARD_EXPECTED:
        rows[k].extra = f"ok = {CARD_EXPECTED[k]} failed; wrong = verdict not fail"
    return list(rows.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 images per cell, 3 cards")
    parser.add_argument("--per-cell", type=int, default=6,
                        help="generated images per format, module size and blur")
    parser.add_argument("--cards", type=int, default=10, help="simulated cards per kind")
    parser.add_argument("--seals", type=int, default=5, help="seals for the tamper sweep")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    per_cell, cards = (2, 3) if args.quick else (args.per_cell, args.cards)
    import logging

    logging.disable(logging.WARNING)
    os.environ.setdefault("WORKSTATION_HOME", str(Path(
        __import__("tempfile").mkdtemp(prefix="bench-barcode-home-"))))
    print(f"bench.barcode — {dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    head = (f"{'set':<34} {'n':>5} {'ok':>6} {'rate':>7} {'wrong':>6} {'med ms':>8} "
            f"{'p95 ms':>8}  notes")
    print(head)
    print("-" * len(head))
    for row in zxing_rows():
        print(row.line(), flush=True)
    print(aamva_row().line(), flush=True)
    for row in generated_rows(per_cell, args.seed):
        print(row.line(), flush=True)
    print(seal_row(2 if args.quick else args.seals).line(), flush=True)
    for row in card_rows(cards, args.seed):
        print(row.line(), flush=True)
    print("-" * len(head))
    print("ok: decoded exactly (zxing, gen), parsed with the right issuer (aamva), tampering "
          "caught (seal), see the docstring for cards; wrong: misreads (gen), unmet "
          "expectations (aamva), see notes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
