"""Propose text boxes for annotating the printed fields of real photographs.

Runs RapidOCR's full pipeline (text detection + recognition, ONNX Runtime: a
development dependency, never in the application) over the images of a
ground-truth file and writes every detected line as ``{"box": [x, y, w, h],
"text", "score"}`` per image. A person then picks, by the field's label and its
place on the page (never by whether the text agrees with the MRZ), which box is
which field, and writes ``bench/data/real_viz_fields.json`` by hand.

    .venv/bin/python tools/propose_viz_fields.py \
        ../shared/testdata/mrz-images/groundtruth.json OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workstation.imageio import read_image  # noqa: E402


def main() -> None:
    from rapidocr_onnxruntime import RapidOCR

    gt, out = Path(sys.argv[1]), Path(sys.argv[2])
    engine = RapidOCR()
    data = json.loads(gt.read_text())
    proposals: dict[str, list[dict[str, object]]] = {}
    for entry in data["images"]:
        img = read_image(gt.parent / entry["path"])
        bgr = img[:, :, ::-1].copy() if img.ndim == 3 else img
        result, _ = engine(bgr)
        boxes = []
        for box, text, score in result or []:
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            boxes.append({"box": [round(min(xs)), round(min(ys)), round(max(xs) - min(xs)),
                                  round(max(ys) - min(ys))], "text": text,
                          "score": round(float(score), 3)})
        proposals[entry["path"]] = boxes
        print(entry["path"], len(boxes), flush=True)
    out.write_text(json.dumps(proposals, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
