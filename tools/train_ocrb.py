"""Train the MRZ character classifier shipped in ``resources/mrz/ocrb.onnx``.

Build-time only, in a scratch virtual environment (never the project's)::

    python3 -m venv /tmp/train && /tmp/train/bin/pip install torch==2.13.0 onnx \
        numpy opencv-python-headless pillow
    apt-get install fonts-dejavu-core fonts-liberation fonts-freefont-ttf \
        fonts-urw-base35 fonts-noto-mono fonts-croscore fonts-paratype fonts-hack
    git show 9e60ae9:resources/mrz/ocrb.onnx > /tmp/ocrb-v1.onnx
    /tmp/train/bin/python tools/train_ocrb.py --arch cnn-small --init /tmp/ocrb-v1.onnx \
        --epochs 3 --max-lr 1e-3 --blocks 3600 --seed 7 --out /tmp/ocrb-ft.onnx
    /tmp/train/bin/python tools/train_ocrb.py --arch cnn-small --init /tmp/ocrb-ft.onnx \
        --epochs 2 --max-lr 6e-4 --blocks 2000 --seed 8 --small-fraction 0.5 \
        --ocrb-fraction 0.85 --max-pitch 20

(the steps of the shipped model, recorded beside ``MODEL_FILES`` in
``workstation/mrz/ocr.py``; ``--arch cnn`` trains a wider network from scratch).
``--cache FILE.npz`` keeps the rendered cells between runs (outside the
repository).

Training data are MRZ blocks (valid MRZs of every format, and lines of random
MRZ characters) rendered in OCR-B (``resources/fonts/OCRB.ttf``, 65 % of
blocks) or in one of the monospaced fonts of :data:`OTHER_FONTS` (Courier
and sans-mono designs that real cards and printed renders use; found under
``/usr/share/fonts``, skipped with a note when absent), then degraded the way
real documents and their pictures are (``tools/print_degrade.py``: printing
process, background, laminate glare and holograms, UV/IR looks, camera,
down-sampling to 4.2-34 px character pitch, blur, noise, JPEG). Each line is
cut into cells by the same :func:`workstation.mrz.ocr.segment_line` the
reader uses, after a crop with the jitter the locator leaves. The model is a
three-layer CNN exported to ONNX (run by OpenCV's DNN module).

The shared real photographs are never used here: they are the test set
(``python -m bench.mrz``). Deterministic for a given seed (up to torch's CPU
kernels).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "tools"))

import print_degrade as pd  # noqa: E402

from workstation.mrz.ocr import ALPHABET, CELL_H, CELL_W, normalise_strip, segment_line  # noqa: E402
from workstation.mrz.render import cap_height_px, random_mrz, render_lines  # noqa: E402

INDEX = {c: i for i, c in enumerate(ALPHABET)}
#: Fraction of blocks rendered at 4.2-8.5 px pitch (``--small-fraction``): an MRZ
#: about 200 px wide.
SMALL_FRACTION = 0.25
#: Fraction of blocks in OCR-B; the others use one of :data:`OTHER_FONTS`.
OCRB_FRACTION = 0.65
#: The largest character pitch (px) of the other blocks.
MAX_PITCH = 34.0
#: Monospaced fonts seen on cards, visas and printed renders (file names under
#: /usr/share/fonts; Debian packages in the module docstring).
OTHER_FONTS = ("NimbusMonoPS-Regular.otf", "NimbusMonoPS-Bold.otf",
               "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", "FreeMono.ttf",
               "FreeMonoBold.ttf", "Cousine-Regular.ttf", "DejaVuSansMono.ttf",
               "DejaVuSansMono-Bold.ttf", "NotoMono-Regular.ttf", "PTM55F.ttf",
               "Hack-Regular.ttf")


def random_lines(rng: random.Random) -> list[str]:
    """An MRZ-like block: a valid MRZ, or lines of uniformly random characters."""
    if rng.random() < 0.55:
        return random_mrz(rng)
    n = rng.choice([30, 36, 44])
    k = 3 if n == 30 else 2
    return ["".join(rng.choice(ALPHABET) for _ in range(n)) for _ in range(k)]


def find_fonts(names: tuple[str, ...] = OTHER_FONTS) -> list[str]:
    """The paths of the fonts of ``names`` found under /usr/share/fonts."""
    found: dict[str, str] = {}
    for path in sorted(Path("/usr/share/fonts").rglob("*")):
        if path.name in names and path.name not in found:
            found[path.name] = str(path)
    missing = [n for n in names if n not in found]
    if missing:
        print(f"fonts not installed (left out): {', '.join(missing)}", flush=True)
    return [found[n] for n in names if n in found]


def degrade_block(lines: list[str], rng: random.Random, nrng: np.random.Generator,
                  fonts: list[str]) -> tuple[np.ndarray, list[tuple[float, float]], float]:
    """A degraded grey block; each line's (top, bottom) rows and the final pitch."""
    p_hi = rng.uniform(18, 36)
    font = "" if not fonts or rng.random() < OCRB_FRACTION else rng.choice(fonts)
    line_pitch = p_hi * rng.uniform(1.45, 1.8)
    margin = round(p_hi * 1.5)
    cover = 1.0 - render_lines(lines, pitch_px=p_hi, line_pitch_px=line_pitch,
                               margin_px=margin, font_path=font).astype(np.float32) / 255.0
    cap = cap_height_px(p_hi, font)
    h, w = cover.shape
    # character aspect (printers and fonts differ), slight rotation and shear
    sx = rng.uniform(0.9, 1.1)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-1.2, 1.2), 1.0)
    m[0, 1] += rng.uniform(-0.05, 0.05)
    m[0, 0] *= sx
    m[0, 2] += (1 - sx) * w / 2
    cover = cv2.warpAffine(cover, m, (w, h), borderValue=0.0)
    process = rng.choice(pd.PRINT_PROCESSES)
    ink = pd.print_ink(cover, p_hi, rng, nrng, process)
    paper = pd.background((h, w), p_hi, rng, nrng)
    page = pd.document_light(pd.combine(paper, ink, rng), p_hi, rng)
    p_lo = rng.uniform(4.2, 8.5) if rng.random() < SMALL_FRACTION else rng.uniform(8.5, MAX_PITCH)
    scale = p_lo / p_hi
    out = pd.camera(page, scale, p_lo, rng, nrng)
    rows = [((margin + r * line_pitch) * scale, (margin + r * line_pitch + cap) * scale)
            for r in range(len(lines))]
    return out, rows, p_lo


def make_dataset(blocks: int, seed: int, fonts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    xs: list[np.ndarray] = []
    ys: list[int] = []
    skipped = 0
    for _ in range(blocks):
        lines = random_lines(rng)
        img, rows, _p = degrade_block(lines, rng, nrng, fonts)
        for (top, bottom), text in zip(rows, lines, strict=True):
            ch = bottom - top
            jitter = rng.uniform(-0.25, 0.25) * ch
            half = ch * rng.uniform(1.0, 1.25)
            centre = (top + bottom) / 2 + jitter
            a = max(0, round(centre - half))
            b = min(img.shape[0], round(centre + half))
            strip = normalise_strip(img[a:b], ch * rng.uniform(0.9, 1.1))
            cells = segment_line(strip, len(text))
            if cells is None:
                skipped += 1
                continue
            xs.append(cells.cells)
            ys.extend(INDEX[c] for c in text)
    print(f"{len(ys)} cells, {skipped} lines not segmented", flush=True)
    return np.concatenate(xs), np.asarray(ys, np.int64)


def train(args: argparse.Namespace) -> None:
    import torch
    from torch import nn

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)  # threads spin-wait on a loaded machine
    t0 = time.time()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        data = np.load(cache)
        x, y, xv, yv = data["x"], data["y"], data["xv"], data["yv"]
    else:
        fonts = find_fonts()
        x, y = make_dataset(args.blocks, args.seed, fonts)
        xv, yv = make_dataset(max(100, args.blocks // 10), args.seed + 1000, fonts)
        if cache is not None:
            np.savez(cache, x=x, y=y, xv=xv, yv=yv)
    print(f"data: {len(x)} training, {len(xv)} validation cells in {time.time() - t0:.0f} s",
          flush=True)
    if args.arch == "cnn-small":  # the first shipped model's shape (no batch norm)
        model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * (CELL_H // 8) * (CELL_W // 8), 128), nn.ReLU(),
            nn.Dropout(0.2), nn.Linear(128, len(ALPHABET)),
        )
    elif args.arch == "cnn":
        model = nn.Sequential(
            nn.Conv2d(1, 24, 3, padding=1), nn.BatchNorm2d(24), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(24, 48, 3, padding=1), nn.BatchNorm2d(48), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(48, 96, 3, padding=1), nn.BatchNorm2d(96), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(96 * (CELL_H // 8) * (CELL_W // 8), 160), nn.ReLU(),
            nn.Dropout(0.25), nn.Linear(160, len(ALPHABET)),
        )
    else:
        model = nn.Sequential(
            nn.Flatten(), nn.Linear(CELL_H * CELL_W, 256), nn.ReLU(),
            nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, len(ALPHABET)),
        )
    if args.init:
        load_onnx_weights(model, Path(args.init))
        print(f"started from {args.init}", flush=True)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    steps = args.epochs * (len(x) // 256 + 1)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.max_lr, total_steps=steps,
                                                pct_start=0.1)
    xt = torch.from_numpy(x[:, None])
    yt = torch.from_numpy(y)
    lossf = nn.CrossEntropyLoss(label_smoothing=0.02)
    for epoch in range(args.epochs):
        model.train()
        perm = torch.randperm(len(xt))
        total = 0.0
        for i in range(0, len(xt), 256):
            idx = perm[i:i + 256]
            xb = xt[idx]
            # small on-the-fly shifts
            if epoch < args.epochs - 1:
                dx, dy = random.randint(-1, 1), random.randint(-1, 1)
                xb = torch.roll(xb, shifts=(dy, dx), dims=(2, 3))
            opt.zero_grad()
            loss = lossf(model(xb), yt[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        model.eval()
        with torch.no_grad():
            pred = model(torch.from_numpy(xv[:, None])).argmax(1).numpy()
        acc = float((pred == yv).mean())
        print(f"epoch {epoch + 1}: loss {total / len(xt):.4f}  validation accuracy {acc:.5f}"
              f"  ({time.time() - t0:.0f} s)", flush=True)
        export(model, Path(args.out))


def load_onnx_weights(model: Any, path: Path) -> None:
    """Start from a shipped model of the same shape (its ONNX initialisers carry the
    torch parameter names)."""
    import onnx
    import torch
    from onnx import numpy_helper

    state = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy())
             for t in onnx.load(str(path)).graph.initializer}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"{path} is not the same model (missing {missing}, "
                         f"unexpected {unexpected})")


def export(model: Any, out: Path) -> None:
    import torch

    out.parent.mkdir(parents=True, exist_ok=True)
    model.eval()
    dummy = torch.zeros(1, 1, CELL_H, CELL_W)
    tmp = out.with_suffix(".tmp")
    torch.onnx.export(model, (dummy,), str(tmp), input_names=["cells"],
                      output_names=["logits"], opset_version=13,
                      dynamic_axes={"cells": {0: "n"}, "logits": {0: "n"}}, dynamo=False)
    tmp.replace(out)
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--blocks", type=int, default=3600)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--arch", choices=["cnn", "cnn-small", "mlp"], default="cnn")
    parser.add_argument("--init", default="", help="start from this ONNX model (same arch)")
    parser.add_argument("--max-lr", type=float, default=3e-3)
    parser.add_argument("--small-fraction", type=float, default=0.25,
                        help="fraction of blocks at 4.2-8.5 px pitch")
    parser.add_argument("--ocrb-fraction", type=float, default=0.65,
                        help="fraction of blocks in OCR-B (the others in other fonts)")
    parser.add_argument("--max-pitch", type=float, default=34.0,
                        help="largest character pitch (px) of the other blocks")
    parser.add_argument("--cache", default="",
                        help="keep the generated cells in this .npz (outside the repository)")
    parser.add_argument("--out", default=str(ROOT / "resources" / "mrz" / "ocrb.onnx"))
    args = parser.parse_args()
    global SMALL_FRACTION, OCRB_FRACTION, MAX_PITCH
    SMALL_FRACTION = args.small_fraction
    OCRB_FRACTION = args.ocrb_fraction
    MAX_PITCH = args.max_pitch
    train(args)


if __name__ == "__main__":
    main()
