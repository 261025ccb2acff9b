"""Draw the application icon (resources/icons/workstation.png and .ico).

Run: python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int = 512) -> Image.Image:
    """A document under three lights (white, UV, IR) behind a loupe."""
    s = size / 512
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([16 * s, 16 * s, 496 * s, 496 * s], radius=96 * s, fill=(22, 34, 58, 255))
    # the document, lit in three bands
    x0, y0, x1, y1 = 92 * s, 120 * s, 420 * s, 392 * s
    bands = [(236, 232, 220), (70, 52, 160), (150, 150, 150)]
    h = (y1 - y0) / 3
    for i, colour in enumerate(bands):
        d.rectangle([x0, y0 + i * h, x1, y0 + (i + 1) * h], fill=(*colour, 255))
    # luminescent emblem glowing in the UV band
    d.ellipse([300 * s, y0 + h + 14 * s, 360 * s, y0 + 2 * h - 14 * s], fill=(120, 255, 200, 255))
    # MRZ lines, dark in every band
    for k in range(2):
        y = y1 - (44 - 20 * k) * s
        d.line([x0 + 20 * s, y, x1 - 20 * s, y], fill=(20, 20, 20, 255), width=max(1, int(8 * s)))
    # portrait block
    d.rectangle([x0 + 20 * s, y0 + 18 * s, x0 + 90 * s, y0 + 110 * s], fill=(120, 96, 80, 255))
    # loupe
    d.ellipse([250 * s, 230 * s, 430 * s, 410 * s], outline=(250, 196, 60, 255),
              width=max(2, int(22 * s)))
    d.line([410 * s, 392 * s, 470 * s, 452 * s], fill=(250, 196, 60, 255),
           width=max(2, int(34 * s)))
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(512)
    big.resize((256, 256), Image.LANCZOS).save(OUT / "workstation.png")
    big.save(OUT / "workstation.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (256, 256)])


if __name__ == "__main__":
    main()
