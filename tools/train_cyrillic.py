"""Train the line recogniser for printed Cyrillic (and Latin) fields shipped in
``resources/ocr/cyrillic.onnx``.

Build-time only, in a scratch virtual environment (never the project's)::

    python3 -m venv /tmp/train && /tmp/train/bin/pip install torch==2.13.0 onnx \\
        numpy opencv-python-headless pillow
    apt-get install fonts-liberation fonts-freefont-ttf fonts-urw-base35 fonts-noto-core \\
        fonts-croscore fonts-paratype fonts-open-sans fonts-roboto-unhinted
    # 1. from scratch on degraded lines; keep the state after epoch 3 of 6
    /tmp/train/bin/python tools/train_cyrillic.py --cache /tmp/cyr-lines.pkl --batch 16 \
        --epochs 6 --max-lr 2e-3 --out /tmp/cyr1.onnx        # stop after "epoch 3"
    cp /tmp/cyr1.pt /tmp/cyr1-e3.pt
    # 2. on those and 16,000 cleanly printed lines, 24,000 drawn per epoch
    /tmp/train/bin/python tools/train_cyrillic.py --cache /tmp/cyr-lines.pkl \
        --light-lines 16000 --epoch-lines 24000 --batch 16 --epochs 4 --max-lr 1.5e-3 \
        --resume /tmp/cyr1-e3.pt

(the steps of the shipped model; ``--lines 24000 --seed 11`` are the defaults;
about 12 minutes an epoch on the shared two-core machine). What it reads: one line of a data page's
field — names and places in Russian, Mongolian, Kazakh, Ukrainian or Kyrgyz
Cyrillic (upper or lower case, read as upper case), Latin, digits, and the
punctuation of names and dates; bilingual lines such as ``ИВАНОВ / IVANOV``.

Training lines are drawn from name and word lists of those languages, random
syllables and random letters (so no language is learnt by heart), rendered in
every font found under /usr/share/fonts that has all the letters (Cyrillic
with Ө Ү Ә Ғ Қ Ң Ұ Һ І Ї Є Ґ Ў) — *except the DejaVu family*, which the
project's own synthetic pages use, so that the bench measures the recogniser
on a font it never saw — and degraded like real data pages and their pictures
(``tools/print_degrade.py``). The model is fully convolutional (no recurrent
layer, so OpenCV's DNN module runs it): 32 px line height, one output column
per 4 px of width, CTC. The alphabet travels in the ONNX file's metadata
(``character``: one symbol per line, CTC blank first), as for RapidOCR's
models.
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
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import print_degrade as pd  # noqa: E402

HEIGHT = 32
CYRILLIC = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӨҮӘҒҚҢҰҺІЇЄҐЎ"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
PUNCT = " -/.,'()"
#: The classes after the CTC blank.
ALPHABET = CYRILLIC + LATIN + DIGITS + PUNCT

# Name stems of the office's daily documents (Mongolian, Russian, Kazakh, Kyrgyz,
# Ukrainian): combined and varied at random, never used as a dictionary at run time.
NAMES = """
БАТ БААТАР БАЯР БОЛД ТӨМӨР ӨЛЗИЙ ЭНХ ЖАРГАЛ ГАНБОЛД ЦЭЦЭГ НАРАН ОЮУН ЧИМЭГ СҮХ МӨНХ
ЭРДЭНЭ ДОРЖ ДУЛАМ ГЭРЭЛ ХУЛАН ТУЯА ЗОЛ ОТГОН СОЁЛ ЦОГТ ЧУЛУУН ЭРДЭНЭБИЛЭГ ГАНХУЯГ
ОЧИР ПҮРЭВ НЯМ ДАВАА ЛХАГВА БЯМБА АМАР САРАН ДЭЛГЭР ТУУЛ ҮҮРЦАЙХ УНДРАХ БУЯН ХИШИГ
ИВАНОВ ПЕТРОВ СИДОРОВ СМИРНОВ КУЗНЕЦОВ ПОПОВ ВАСИЛЬЕВ СОКОЛОВ МИХАЙЛОВ НОВИКОВ
ФЁДОРОВ МОРОЗОВ ВОЛКОВ АЛЕКСЕЕВ ЛЕБЕДЕВ СЕМЁНОВ ЕГОРОВ ПАВЛОВ КОЗЛОВ СТЕПАНОВ
НИКОЛАЕВ ОРЛОВ АНДРЕЕВ МАКАРОВ ЗАХАРОВ ЗАЙЦЕВ СОЛОВЬЁВ БОРИСОВ ЯКОВЛЕВ ГРИГОРЬЕВ
РОМАНОВ ВОРОБЬЁВ ЩЕРБАКОВ ХРУЩЁВ ЦВЕТКОВ ЧЕРНЫШЁВ ЖУКОВ ШАПОВАЛОВ ЭЙДЕЛЬМАН ЮДИН
АЛЕКСАНДР СЕРГЕЙ ДМИТРИЙ АНДРЕЙ АЛЕКСЕЙ МАКСИМ ЕВГЕНИЙ ИВАН МИХАИЛ НИКОЛАЙ ЮРИЙ
ЕЛЕНА ОЛЬГА НАТАЛЬЯ ТАТЬЯНА ИРИНА АННА МАРИЯ ЕКАТЕРИНА СВЕТЛАНА ЮЛИЯ ДАРЬЯ ЯНА
ВЛАДИМИРОВИЧ СЕРГЕЕВНА ИВАНОВНА ПЕТРОВИЧ АЛЕКСАНДРОВНА НУРЛАН ҚАНАТ АЙГҮЛ ДӘУЛЕТ
ЕРЛАН АСХАТ ГҮЛНАР ЖАНАР САУЛЕ БАУЫРЖАН ҚАЙРАТ ӘЛИЯ ҰЛАН НҰРСҰЛТАН ЕРҒАЛИ
МАРАТ АЙДАР АЙБЕК ЧЫНГЫЗ ЖЫЛДЫЗ АЙГЕРИМ ШЕВЧЕНКО КОВАЛЕНКО БОНДАРЕНКО ТКАЧЕНКО
ГРИГОРІЙ ОЛЕКСАНДР ЄВГЕН ЇЖАК ЮЛІЯ ҐАЛАГАН ЎЛАДЗІМІР УЛААНБААТАР ДАРХАН ЭРДЭНЭТ
МОСКВА АЛМАТЫ АСТАНА БИШКЕК КИЕВ МИНСК ИРКУТСК УЛАН-УДЭ ЧИТА НОВОСИБИРСК ХОВД
"""
_SYLLABLES = """БА ТУ ЛА ГА НА ДО РО СЭ МӨ ХУ ЦЭ ЧИ ЖА ЯР ЮН ЕР ЁЛ ӨН ҮР ЭЭ ИЙ ЫН ЬЕ ЪЯ ЩИ ШУ
ФО ҚА ҒА ҢЫ ӘЛ ҰЛ ҺА ІН ЇЖ ЄВ ҐО ЎЛ ОВ ЕВ ИН ОВА ЕВА ИЧ ЕНКО ХАН БЕК"""
SYLLABLES = _SYLLABLES.split()
_LATIN_WORDS = """IVANOV PETROVA BATBAYAR TUMURBAATAR ULZII JARGAL ERDENE KAZAKHSTAN MONGOLIA
RUSSIAN FEDERATION ULAANBAATAR ALMATY MOSCOW ANNA MARIA ERIKSSON"""
LATIN_WORDS = _LATIN_WORDS.split()
#: Fonts left out so the bench and tests read a font the recogniser never saw.
HELD_OUT = ("DejaVu",)


def find_fonts() -> list[str]:
    """Fonts under /usr/share/fonts with every letter of :data:`ALPHABET` (no italics)."""
    out = []
    for path in sorted(Path("/usr/share/fonts").rglob("*")):
        if path.suffix.lower() not in (".ttf", ".otf") or any(h in path.name for h in HELD_OUT):
            continue
        if any(k in path.name for k in ("Italic", "Oblique", "Ita", "Thin", "ExtraLight")):
            continue
        try:
            font = ImageFont.truetype(str(path), 40)
        except OSError:
            continue
        tofu = np.asarray(font.getmask("\ue000")).tobytes()
        if all(font.getmask(c).getbbox() is not None
               and np.asarray(font.getmask(c)).tobytes() != tofu for c in ALPHABET.strip()
               if c not in PUNCT):
            out.append(str(path))
    return out


def random_text(rng: random.Random) -> str:
    names = NAMES.split()
    r = rng.random()
    if r < 0.35:
        text = " ".join(rng.choice(names) for _ in range(rng.randint(1, 3)))
    elif r < 0.6:
        text = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 6)))
        if rng.random() < 0.3:
            text += rng.choice([" ", "-"]) + "".join(rng.choice(SYLLABLES)
                                                     for _ in range(rng.randint(2, 4)))
    elif r < 0.75:
        alphabet = CYRILLIC if rng.random() < 0.8 else ALPHABET.strip()
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 16)))
    elif r < 0.9:  # bilingual: Cyrillic / Latin
        text = f"{rng.choice(names)} / {rng.choice(LATIN_WORDS)}"
    else:  # dates and numbers as fields print them
        text = (f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1940, 2035)}"
                if rng.random() < 0.5 else
                f"{rng.randint(1, 28):02d} {rng.choice(['ЯНВ', 'ФЕВ', 'МАР', 'АВГ', 'ДЕК'])} "
                f"{rng.randint(1940, 2035)}")
    if rng.random() < 0.25:
        text = text.lower() if rng.random() < 0.5 else text.title()
    return text[:24]


def label_of(text: str) -> list[int]:
    index = {c: i + 1 for i, c in enumerate(ALPHABET)}
    return [index[c] for c in text.upper() if c in index]


def render_line(text: str, font_path: str, rng: random.Random,
                nrng: np.random.Generator, light: bool = False) -> np.ndarray:
    """A degraded grey line, :data:`HEIGHT` px high (``light``: printed cleanly and
    photographed well, so the glyphs are learnt before the hard cases)."""
    size = rng.randint(28, 56)
    font = ImageFont.truetype(font_path, size)
    left, _top, right, _bottom = font.getbbox(text)
    pad_x, pad_y = rng.randint(2, size // 2), rng.randint(2, size // 3)
    w, h = right - left + 2 * pad_x, size + 2 * pad_y
    img = PILImage.new("L", (max(w, 8), max(h, 8)), 0)
    ImageDraw.Draw(img).text((pad_x - left, pad_y + rng.randint(-2, 2)), text, font=font,
                             fill=255)
    cover = np.asarray(img, np.float32) / 255.0
    if rng.random() < 0.3:  # slight rotation and shear
        m = cv2.getRotationMatrix2D((cover.shape[1] / 2, cover.shape[0] / 2),
                                    rng.uniform(-1.5, 1.5), 1.0)
        m[0, 1] += rng.uniform(-0.1, 0.1)
        cover = cv2.warpAffine(cover, m, (cover.shape[1], cover.shape[0]))
    pitch = size * 0.6
    if light:
        ink = pd.print_ink(cover, pitch, rng, nrng, "offset")
        paper = np.full(cover.shape, rng.uniform(0.8, 1.0), np.float32)
        page = pd.combine(paper, ink, rng)
        target = rng.uniform(28, 56)
    else:
        ink = pd.print_ink(cover, pitch, rng, nrng, rng.choice(pd.PRINT_PROCESSES))
        paper = pd.background(cover.shape, pitch, rng, nrng)
        page = pd.document_light(pd.combine(paper, ink, rng), pitch, rng)
        # pictures of 16-48 px line height, then to the network's height
        target = rng.uniform(16, 48)
    grey = pd.camera(page, target / h, pitch * target / h, rng, nrng)
    scale = HEIGHT / grey.shape[0]
    out = cv2.resize(grey, (max(8, round(grey.shape[1] * scale)), HEIGHT),
                     interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    return np.asarray(out, np.uint8)


def make_set(n: int, seed: int, fonts: list[str], light: bool = False
             ) -> list[tuple[np.ndarray, list[int]]]:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        text = random_text(rng)
        label = label_of(text)
        if not label:
            continue
        img = render_line(text, rng.choice(fonts), rng, nrng, light)
        if img.shape[1] // 4 < 2 * len(label) + 1:
            continue  # too narrow for CTC
        out.append((img, label))
    return out


def build_model(n_classes: int) -> Any:
    from torch import nn

    def block(cin: int, cout: int, k: tuple[int, int] = (3, 3),
              pad: tuple[int, int] = (1, 1)) -> list[Any]:
        return [nn.Conv2d(cin, cout, k, padding=pad), nn.BatchNorm2d(cout), nn.ReLU()]

    return nn.Sequential(
        *block(1, 16), nn.MaxPool2d(2),                        # 16 x W/2
        *block(16, 32), nn.MaxPool2d(2),                       # 8 x W/4
        *block(32, 64), *block(64, 64), nn.MaxPool2d((2, 1)),  # 4 x W/4
        *block(64, 96), nn.MaxPool2d((2, 1)),                  # 2 x W/4
        *block(96, 128, (2, 1), (0, 0)),                       # 1 x W/4
        *block(128, 128, (1, 5), (0, 2)), *block(128, 128, (1, 5), (0, 2)),
        nn.Dropout(0.15), nn.Conv2d(128, n_classes, 1),
    )


def _batch(items: list[tuple[np.ndarray, list[int]]]) -> tuple[Any, Any, Any, Any]:
    import torch

    width = max(i.shape[1] for i, _ in items)
    width = (width + 3) // 4 * 4
    x = np.zeros((len(items), 1, HEIGHT, width), np.float32)
    for k, (img, _) in enumerate(items):
        g = img.astype(np.float32) / 255.0
        x[k, 0, :, :g.shape[1]] = g
        x[k, 0, :, g.shape[1]:] = g[:, -1:].mean()  # continue the paper
    targets = torch.tensor([c for _, lab in items for c in lab], dtype=torch.long)
    lengths = torch.tensor([len(lab) for _, lab in items], dtype=torch.long)
    in_len = torch.full((len(items),), width // 4, dtype=torch.long)
    return torch.from_numpy(x), targets, in_len, lengths


def greedy(logits: Any) -> list[list[int]]:
    best = logits.argmax(1)[:, 0, :].numpy()  # (N, T)
    out = []
    for row in best:
        seq, prev = [], 0
        for c in row:
            if c != prev and c != 0:
                seq.append(int(c))
            prev = c
        out.append(seq)
    return out


def train(args: argparse.Namespace) -> None:
    import torch
    from torch import nn

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    t0 = time.time()
    fonts = find_fonts()
    print(f"{len(fonts)} fonts", flush=True)
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        import pickle

        data, val = pickle.loads(cache.read_bytes())
    else:
        data = make_set(args.lines, args.seed, fonts)
        val = make_set(max(500, args.lines // 20), args.seed + 1000, fonts)
        if cache is not None:
            import pickle

            cache.write_bytes(pickle.dumps((data, val)))
    if args.light_lines:
        light_cache = cache.with_name(cache.stem + "-light.pkl") if cache else None
        if light_cache is not None and light_cache.exists():
            import pickle

            light = pickle.loads(light_cache.read_bytes())
        else:
            light = make_set(args.light_lines, args.seed + 2000, fonts, light=True)
            if light_cache is not None:
                import pickle

                light_cache.write_bytes(pickle.dumps(light))
        data = data + light
    print(f"data: {len(data)} training, {len(val)} validation lines in "
          f"{time.time() - t0:.0f} s", flush=True)
    model = build_model(len(ALPHABET) + 1)
    if args.resume:
        model.load_state_dict(torch.load(args.resume))
        print(f"resumed from {args.resume}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.max_lr, weight_decay=1e-4)
    batch = args.batch
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    per_epoch = min(len(data), args.epoch_lines or len(data))
    steps = args.epochs * (per_epoch // batch + 1)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.max_lr, total_steps=steps,
                                                pct_start=0.1 if not args.resume else 0.02)
    for epoch in range(args.epochs):
        model.train()
        pick = random.Random(args.seed + 100 + epoch).sample(range(len(data)), per_epoch)
        order = sorted(pick, key=lambda i: data[i][0].shape[1])
        chunks = [order[i:i + batch] for i in range(0, len(order), batch)]
        random.Random(args.seed + epoch).shuffle(chunks)
        total = 0.0
        for step, chunk in enumerate(chunks):
            x, tg, il, tl = _batch([data[i] for i in chunk])
            logits = model(x)  # (N, C, 1, T)
            logp = logits[:, :, 0, :].permute(2, 0, 1).log_softmax(2)
            loss = ctc(logp, tg, il, tl)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(chunk)
            if step % 200 == 0:
                print(f"  step {step}: loss {float(loss.detach()):.3f}", flush=True)
        model.eval()
        right = 0
        with torch.no_grad():
            vorder = sorted(range(len(val)), key=lambda i: val[i][0].shape[1])
            for i in range(0, len(vorder), 64):
                items = [val[k] for k in vorder[i:i + 64]]
                x, _tg, _il, _tl = _batch(items)
                for (_img, lab), seq in zip(items, greedy(model(x)), strict=True):
                    right += int(seq == lab)
        print(f"epoch {epoch + 1}: loss {total / per_epoch:.4f}  validation lines exact "
              f"{right / len(val):.4f}  ({time.time() - t0:.0f} s)", flush=True)
        export(model, Path(args.out))
        torch.save(model.state_dict(), Path(args.out).with_suffix(".pt"))


def export(model: Any, out: Path) -> None:
    import onnx
    import torch

    out.parent.mkdir(parents=True, exist_ok=True)
    model.eval()
    tmp = out.with_suffix(".tmp")
    torch.onnx.export(model, (torch.zeros(1, 1, HEIGHT, 128),), str(tmp),
                      input_names=["line"], output_names=["logits"], opset_version=13,
                      dynamic_axes={"line": {0: "n", 3: "w"}, "logits": {0: "n", 3: "t"}},
                      dynamo=False)
    proto = onnx.load(str(tmp))
    meta = proto.metadata_props.add()
    meta.key, meta.value = "character", "\n".join(ALPHABET)
    meta = proto.metadata_props.add()
    meta.key, meta.value = "height", str(HEIGHT)
    onnx.save(proto, str(tmp))
    tmp.replace(out)
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=24000)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--cache", default="",
                        help="keep the rendered lines in this file (outside the repository)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=48)
    parser.add_argument("--light-lines", type=int, default=0,
                        help="also this many cleanly printed, well photographed lines")
    parser.add_argument("--epoch-lines", type=int, default=0,
                        help="lines drawn at random for each epoch (default: all)")
    parser.add_argument("--max-lr", type=float, default=2e-3)
    parser.add_argument("--resume", default="",
                        help="continue from this torch state dict (FILE.pt beside an --out)")
    parser.add_argument("--out", default=str(ROOT / "resources" / "ocr" / "cyrillic.onnx"))
    train(parser.parse_args())


if __name__ == "__main__":
    main()
