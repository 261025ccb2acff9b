"""Train the OCR-B character classifier shipped in ``resources/mrz/ocrb.onnx``.

Build-time only (needs torch and onnx: ``.venv/bin/pip install torch==2.13.0 onnx``)::

    nice .venv/bin/python tools/train_ocrb.py --arch cnn --blocks 1400 --epochs 6 --seed 1

(the settings of the shipped ``resources/mrz/ocrb.onnx``; about 90 s to render
the cells and 90 s per epoch on two busy cores). ``--cache FILE.npz`` keeps the
rendered cells between runs (outside the repository).

Training data are MRZ blocks rendered in OCR-B (``resources/fonts/OCRB.ttf``)
with augmentations: stroke thickness, slight rotation/shear/aspect, uneven and
textured background, contrast, down-sampling to 8.5-34 px character pitch
(12 px character height is about 12 px pitch; ``--small-fraction`` adds blocks
at 5-8.5 px), blur, noise and JPEG. Each
line is cut into cells with the same :func:`workstation.mrz.ocr.segment_line`
the reader uses, after a crop with the jitter the locator leaves. The model is
a three-layer CNN exported to ONNX (run with OpenCV's DNN module).
Deterministic for a given seed (up to torch's CPU kernels).
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

from workstation.mrz.ocr import ALPHABET, CELL_H, CELL_W, normalise_strip, segment_line  # noqa: E402
from workstation.mrz.render import random_mrz, render_lines  # noqa: E402

INDEX = {c: i for i, c in enumerate(ALPHABET)}
#: Fraction of blocks rendered at 5-8.5 px pitch (``--small-fraction``).
SMALL_FRACTION = 0.0


def random_lines(rng: random.Random) -> list[str]:
    """An MRZ-like block: a valid MRZ, or lines of uniformly random characters."""
    if rng.random() < 0.55:
        return random_mrz(rng)
    n = rng.choice([30, 36, 44])
    k = 3 if n == 30 else 2
    return ["".join(rng.choice(ALPHABET) for _ in range(n)) for _ in range(k)]


def degrade_block(lines: list[str], rng: random.Random, nrng: np.random.Generator
                  ) -> tuple[np.ndarray, list[tuple[float, float]], float]:
    """A degraded grey block; each line's (top, bottom) rows and the final pitch."""
    p_hi = rng.uniform(18, 36)
    stroke = 1 if rng.random() < 0.25 else 0
    line_pitch = p_hi * rng.uniform(1.45, 1.8)
    margin = round(p_hi * 1.5)
    img = render_lines(lines, pitch_px=p_hi, line_pitch_px=line_pitch, margin_px=margin,
                       stroke_px=stroke).astype(np.float32) / 255.0
    if rng.random() < 0.3:  # thinner or bolder strokes
        k = np.ones((2, 2), np.uint8)
        img = cv2.erode(img, k) if rng.random() < 0.5 else cv2.dilate(img, k)
    h, w = img.shape
    # slight affine: rotation, shear, aspect
    ang = rng.uniform(-1.2, 1.2)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), ang, 1.0)
    m[0, 1] += rng.uniform(-0.04, 0.04)
    m[0, 0] *= rng.uniform(0.94, 1.06)
    img = cv2.warpAffine(img, m, (w, h), borderValue=1.0)
    # paper and ink levels, texture, gradient
    bg = rng.uniform(0.45, 1.0)
    ink = rng.uniform(0.0, max(0.02, bg - 0.3))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    tex = np.zeros((h, w), np.float32)
    if rng.random() < 0.6:
        f = rng.uniform(0.02, 0.3) / p_hi * 10
        tex += rng.uniform(0.02, 0.12) * np.sin(xx * f + 2 * np.sin(yy * f * 0.7))
    grad = rng.uniform(-0.25, 0.25) * (xx / w - 0.5) + rng.uniform(-0.15, 0.15) * (yy / h - 0.5)
    page = (bg + tex + grad) * img + (ink + 0.3 * tex) * (1 - img)
    # down-sample to the target pitch (optionally some blocks below 8.5 px)
    p_lo = rng.uniform(5.0, 8.5) if rng.random() < SMALL_FRACTION else rng.uniform(8.5, 34.0)
    scale = p_lo / p_hi
    page = cv2.resize(page, None, fx=scale, fy=scale,
                      interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    if rng.random() < 0.7:
        page = cv2.GaussianBlur(page, (0, 0), rng.uniform(0.3, 1.0) * max(1.0, p_lo / 14))
    page = page + nrng.normal(0, rng.uniform(0, 0.06), page.shape).astype(np.float32)
    out = np.clip(page * 255, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        _ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(25, 95)])
        out = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    cap = 0.99 * p_hi
    rows = [((margin + r * line_pitch) * scale, (margin + r * line_pitch + cap) * scale)
            for r in range(len(lines))]
    return out, rows, p_lo


def make_dataset(blocks: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    xs: list[np.ndarray] = []
    ys: list[int] = []
    skipped = 0
    for _ in range(blocks):
        lines = random_lines(rng)
        img, rows, _p = degrade_block(lines, rng, nrng)
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
    torch.set_num_threads(1)  # threads spin-wait on a loaded machine; one is faster
    t0 = time.time()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        data = np.load(cache)
        x, y, xv, yv = data["x"], data["y"], data["xv"], data["yv"]
    else:
        x, y = make_dataset(args.blocks, args.seed)
        xv, yv = make_dataset(max(100, args.blocks // 10), args.seed + 1000)
        if cache is not None:
            np.savez(cache, x=x, y=y, xv=xv, yv=yv)
    print(f"data: {len(x)} training, {len(xv)} validation cells in {time.time() - t0:.0f} s",
          flush=True)
    if args.arch == "cnn":
        model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * (CELL_H // 8) * (CELL_W // 8), 128), nn.ReLU(),
            nn.Dropout(0.2), nn.Linear(128, len(ALPHABET)),
        )
    else:
        model = nn.Sequential(
            nn.Flatten(), nn.Linear(CELL_H * CELL_W, 256), nn.ReLU(),
            nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, len(ALPHABET)),
        )
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    steps = args.epochs * (len(x) // 256 + 1)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps,
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
    parser.add_argument("--blocks", type=int, default=1400)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--arch", choices=["cnn", "mlp"], default="cnn")
    parser.add_argument("--small-fraction", type=float, default=0.0,
                        help="fraction of blocks at 5-8.5 px pitch")
    parser.add_argument("--cache", default="",
                        help="keep the generated cells in this .npz (outside the repository)")
    parser.add_argument("--out", default=str(ROOT / "resources" / "mrz" / "ocrb.onnx"))
    args = parser.parse_args()
    global SMALL_FRACTION
    SMALL_FRACTION = args.small_fraction
    train(args)


if __name__ == "__main__":
    main()
