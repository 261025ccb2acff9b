"""The forgeries the renderer makes, the way forgers do: office paper and process
inks, a missing or reprinted print, a pasted photo, an altered MRZ character or
visual-zone field, an imitated guilloche. Each changes the document's layer stack."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import cv2
import numpy as np

from workstation.specimens.compose import Layer, halftone
from workstation.specimens.documents import Design
from workstation.specimens.light_features import FEATURE_FORGERIES
from workstation.specimens.marks import Canvas, _portrait_image, field_values, format_date
from workstation.specimens.people import Person, make_person

#: Forgery ids, with a one-line description each.
FORGERY_DESCRIPTIONS: dict[str, str] = {
    "office_paper": "reprint on office paper: brightened substrate, no fibres, no luminescent "
                    "ink, every ink process colour",
    "uv_feature_missing": "the luminescent emblem is missing",
    "mrz_ir_transparent": "MRZ printed in an IR-transparent ink",
    "background_ir_absorbing": "guilloche background printed in an IR-absorbing ink",
    "portrait_substituted": "another photo pasted over the portrait; the luminescent pattern "
                            "is missing inside it and its edge shows",
    "mrz_char_altered": "one MRZ character changed so that a check digit fails",
    "viz_data_altered": "a printed field of the visual zone changed, MRZ left intact",
    "guilloche_imitated": "background printed with a different guilloche pattern",
    **FEATURE_FORGERIES,
}


FORGERIES: tuple[str, ...] = tuple(FORGERY_DESCRIPTIONS)


#: Coverage of the guilloche wave lines (the background prints pale).
WAVE_COVERAGE = 0.6


#: IR absorption of the background inks in the ``background_ir_absorbing`` forgery.
BACKGROUND_IR_ABSORB = 0.55


def _mrz_char_alter(lines: list[str], rng: random.Random, fmt: str) -> tuple[list[str], dict]:
    """Change one character covered by a check digit so that the check fails."""
    from workstation.mrz.checkdigit import check_digit

    if fmt == "TD3":
        # (line, start, end, check digit position) of number, birth and expiry fields
        fields = [(1, 0, 9, 9), (1, 13, 19, 19), (1, 21, 27, 27)]
    else:
        fields = [(0, 5, 14, 14), (1, 0, 6, 6), (1, 8, 14, 14)]
    line_no, start, end, cd_pos = rng.choice(fields)
    line = lines[line_no]
    candidates = [i for i in range(start, end) if line[i] != "<"]
    pos = rng.choice(candidates)
    old = line[pos]
    pool = "0123456789" if old.isdigit() else "ABCDEFGHJKLMNPRSTUVWXYZ"
    for new in rng.sample(pool, len(pool)):
        if new == old:
            continue
        altered = line[:pos] + new + line[pos + 1:]
        if check_digit(altered[start:end]) != altered[cd_pos]:
            break
    out = list(lines)
    out[line_no] = altered
    return out, {"mrz_line": line_no, "mrz_position": pos, "from": old, "to": new}


def _viz_alteration(person: Person, rng: random.Random, design: Design) -> dict[str, str]:
    """Pick a printed field to alter and its forged value."""
    name = rng.choice(("surname", "document_number", "birth_date"))
    genuine = field_values(design, person)[name]
    if name == "surname":
        if design.issuing_state == "MNG":
            from workstation.specimens.mongolia import make_mongolian_person

            other = make_mongolian_person(rng.randrange(10**6))
        else:
            other = make_person(rng.randrange(10**6))
        forged = other.surname if other.surname != person.surname else other.surname + "SEN"
    elif name == "document_number":
        digits = [i for i, ch in enumerate(genuine) if ch.isdigit()]
        i = rng.choice(digits)
        forged = genuine[:i] + str((int(genuine[i]) + rng.randint(1, 9)) % 10) + genuine[i + 1:]
    else:
        delta = rng.choice((-1, 1)) * rng.randint(365 * 3, 365 * 12)
        forged = format_date(person.birth_date + dt.timedelta(days=delta))
    return {"field": name, "genuine": genuine, "printed": forged}


def frng_copy(design: Design, seed: int) -> random.Random:
    """The random source of the pasted photo (so its rectangle can be reported)."""
    return random.Random(f"paste:{design.id}:{seed}")


def _pasted_rect(design: Design, rng: random.Random) -> list[float]:
    px, py, pw, ph = design.portrait
    grow = rng.uniform(0.4, 1.0)
    dx, dy = rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)
    return [round(v, 2) for v in (px - grow + dx, py - grow + dy, pw + 2 * grow,
                                  ph + 2 * grow)]


def _pasted_photo(canvas: Canvas, design: Design, _rng: random.Random,
                  seed: int) -> list[Layer]:
    """A photographic print pasted over the portrait: another face, photo paper that
    glows faintly bluish under UV and hides the luminescent pattern, a visible edge."""
    k = canvas.dpi / 25.4
    x, y, w, h = _pasted_rect(design, frng_copy(design, seed))
    r0, c0 = round(y * k), round(x * k)
    hh, ww = round(h * k), round(w * k)
    photo = _portrait_image(f"pasted:{design.id}:{seed}", hh, ww)
    photo = np.clip(photo * np.asarray((1.03, 1.0, 0.95), np.float32) + 0.02, 0, 1)
    lum = photo @ np.asarray((0.3, 0.59, 0.11), np.float32)
    cov = np.ones((hh, ww), np.float32)
    layers = [Layer("pasted-photo", cov, r0, c0, photo.astype(np.float32),
                    np.asarray((0.16, 0.17, 0.30), np.float32) * (0.4 + 0.6 * lum[..., None]),
                    1.0, (0.03 + 0.06 * (1 - lum)).astype(np.float32), opaque=1.0,
                    relief_um=60.0)]
    # edge: a thin bright cut line and a shadow along the lower and right edges
    t = max(1, round(0.12 * k))
    edge = np.zeros((hh + 2 * t, ww + 2 * t), np.float32)
    edge[:t + 1, :] = 0.5
    edge[:, :t + 1] = 0.5
    edge[-(2 * t):, :] = 0.9
    edge[:, -(2 * t):] = 0.9
    edge[t + 1:-(2 * t), t + 1:-(2 * t)] = 0.0
    layers.append(Layer("pasted-edge", edge, r0 - t, c0 - t,
                        np.asarray((0.35, 0.33, 0.32), np.float32),
                        np.asarray((0.05, 0.04, 0.08), np.float32), 0.9, 0.25))
    return layers


def _reprint(layer: Layer, k: float) -> Layer:
    """A layer as an office reprint shows it: slightly blurred (scan and print); the
    portrait, a continuous-tone image, printed through a halftone screen."""
    sigma = 0.05 * k
    if sigma < 0.3 or layer.cov.size < 16:
        return layer
    cov = np.asarray(cv2.GaussianBlur(layer.cov, (0, 0), sigma), np.float32)
    out = replace(layer, cov=cov)
    if layer.name == "portrait" and np.ndim(layer.white) == 3:
        dark = 1.0 - np.asarray(layer.white, np.float32)
        screened = np.stack([halftone(dark[..., c], dpi=k * 25.4, angle_deg=a)
                             for c, a in enumerate((15.0, 75.0, 0.0))], axis=2)
        out.white = np.ascontiguousarray(1.0 - screened, dtype=np.float32)
    return out
