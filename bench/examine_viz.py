"""The printed fields of the shared real photographs against their MRZ (``mrz.viz``).

    python -m bench.examine --real-viz [--viz-fields bench/data/real_viz_fields.json]

``bench/data/real_viz_fields.json`` marks, per photograph of
``../shared/testdata/mrz-images`` (by path; no image is copied), where each
printed field is: ``[x, y, w, h]`` in the photograph's pixels, chosen by the
field's label and place on the page (``tools/propose_viz_fields.py`` proposes
text boxes; a person assigns them), never by whether the text agrees with the
MRZ. Each field is cut out, read as ``mrz.viz`` reads it (``read_fields``) and
judged by the check's own decision (``judge_printed_field``) against the MRZ of
the ground truth (so an MRZ misread does not hide or cause a VIZ result).

Genuine documents: a document fails when any of its fields fails — must be 0.
Forged: the same photographs with one field edited as a forger would (the field
erased with its paper and reprinted with another value: a date one year off, a
different surname, another state), which must fail.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from workstation.examination.checks.mrz import judge_printed_field
from workstation.examination.ocr import read_fields, trim_to_text
from workstation.imageio import read_image
from workstation.mrz import parse_mrz
from workstation.paths import resource
from workstation.types import Image

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FIELDS = ROOT / "bench" / "data" / "real_viz_fields.json"


def _crop(img: Image, box: list[int], pad: int = 2) -> Image:
    x, y, w, h = box
    return np.ascontiguousarray(img[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad])


def _reprint(img: Image, box: list[int], text: str) -> Image:
    """The field erased with the paper around it and ``text`` printed in its place."""
    x, y, w, h = box
    out = img.copy()
    ring = np.concatenate([out[max(0, y - 3):y, x:x + w].reshape(-1, out.shape[2]),
                           out[y + h:y + h + 3, x:x + w].reshape(-1, out.shape[2])])
    paper = np.median(ring, axis=0) if len(ring) else np.full(out.shape[2], 235)
    out[y:y + h, x:x + w] = paper.astype(np.uint8)
    pil = PILImage.fromarray(out)
    font = ImageFont.truetype(str(resource("fonts", "DejaVuSans-Bold.ttf")),
                              max(6, round(h * 0.8)))
    ImageDraw.Draw(pil).text((x, y + h / 2), text, font=font, fill=(25, 25, 30), anchor="lm")
    return np.asarray(pil, np.uint8).copy()


def _forged_value(name: str, mrz: Any, rng: random.Random) -> str | None:
    value = mrz.fields.get(name, "")
    if name.endswith("_date"):
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            return None
        other = d.replace(year=d.year + rng.choice([-3, -1, 1, 2]))
        return other.strftime(rng.choice(["%d.%m.%Y", "%d %b %Y"])).upper()
    if name == "surname":
        return rng.choice(["KOWALSKI", "NAKAMURA", "OKONKWO", "FERREIRA"])
    if name == "nationality":
        return rng.choice(["BRAZIL", "KENYA", "NORWEGIAN"])
    if name == "document_number":
        return "".join(rng.choice("0123456789") for _ in range(max(6, len(value))))
    if name == "sex":
        return {"M": "F", "F": "M"}.get(value)
    return None


def _judge(img: Image, box: list[int], name: str, mrz: Any) -> tuple[str, str]:
    crop = trim_to_text(_crop(img, box))
    (text, conf), = read_fields([crop])
    text, _conf, comp = judge_printed_field(name, text, conf, crop, mrz)
    return comp.status, text


def run_real_viz(fields_file: Path = DEFAULT_FIELDS, testdata: Path | None = None,
                 seed: int = 0) -> dict[str, int]:
    """Print the table; returns the counts (``genuine_failed`` must be 0)."""
    data = json.loads(fields_file.read_text(encoding="utf-8"))
    root = testdata or (ROOT.parent / "shared" / "testdata" / "mrz-images")
    gt = {e["path"]: e for e in json.loads((root / "groundtruth.json").read_text())["images"]}
    rng = random.Random(seed)
    per_field: dict[str, Counter[str]] = defaultdict(Counter)
    forged: Counter[str] = Counter()
    differs: Counter[str] = Counter()
    docs = failed = 0
    notes: list[str] = []
    for path, entry in sorted(data["images"].items()):
        if path not in gt or not (root / path).is_file():
            continue
        img = read_image(root / path)
        if img.ndim == 2:
            img = np.stack([img] * 3, axis=2)
        mrz = parse_mrz(gt[path]["mrz_lines"])
        docs += 1
        doc_failed = False
        for name, box in entry["fields"].items():
            status, text = _judge(img, box, name, mrz)
            if name in entry.get("printed_differs", {}):
                differs[status] += 1  # the specimen's own print differs: must be reported
                notes.append(f"printed differs {path} {name}: read {text!r} -> {status} "
                             f"({entry['printed_differs'][name]})")
                continue
            per_field[name][status] += 1
            if status == "disagree":
                doc_failed = True
                notes.append(f"genuine {path} {name}: read {text!r}, MRZ "
                             f"{mrz.fields.get(name)!r}")
        failed += int(doc_failed)
        names = [n for n in entry["fields"] if _forged_value(n, mrz, rng) is not None]
        if names:
            name = rng.choice(names)
            value = _forged_value(name, mrz, rng)
            assert value is not None
            bad = _reprint(img, entry["fields"][name], value)
            status, text = _judge(bad, entry["fields"][name], name, mrz)
            forged[status] += 1
            if status != "disagree":
                notes.append(f"forged {path} {name} reprinted {value!r}: read {text!r} "
                             f"-> {status}")
    print(f"\nprinted fields of {docs} real photographs (../shared/testdata/mrz-images) "
          "against their MRZ, as mrz.viz judges them")
    print(f"{'field':<20} {'fields':>6} {'agree':>7} {'skip':>7} {'FAIL':>7}")
    for name in sorted(per_field):
        c = per_field[name]
        total = sum(c.values())
        print(f"{name:<20} {total:>6} {c['agree']:>7} {c['unreadable']:>7} "
              f"{c['disagree']:>7}")
    print(f"genuine documents failed by mrz.viz: {failed}/{docs} (must be 0)")
    if differs:
        print(f"fields whose print really differs from the MRZ: reported "
              f"{differs['disagree']}/{sum(differs.values())}")
    total = sum(forged.values())
    print(f"forged copies (one field erased and reprinted): caught {forged['disagree']}/{total},"
          f" skipped {forged['unreadable']}, passed {forged['agree']}")
    for note in notes:
        print("  " + note)
    return {"documents": docs, "genuine_failed": failed, "forged": total,
            "forged_caught": forged["disagree"]}
