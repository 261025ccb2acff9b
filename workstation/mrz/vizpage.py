"""Synthetic data pages with printed fields in Cyrillic and Latin, for tests and
the bench (``python -m bench.mrz``): names as the office's documents print them
(Mongolian, Russian, Kazakh; Cyrillic above or beside the Latin form),
nationality as a code, a name or an adjective in several languages, dates in
every printed form, sex as a letter or a bilingual abbreviation — and below
them a TD3 MRZ written from the Latin forms with ICAO check digits.

Forgeries are made the way forgers make them, by editing the rendered picture:
a field erased and reprinted, or a digit cut from elsewhere on the page and
pasted over one of the date (:func:`alter_page`).

Fields are drawn in DejaVu Sans, a font the Cyrillic recogniser was *not*
trained on (``tools/train_cyrillic.py``), so the bench reads an unseen font.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field, replace

import cv2
import numpy as np
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from workstation.mrz.checkdigit import check_digit
from workstation.mrz.render import render_lines
from workstation.paths import resource
from workstation.types import MM_PER_INCH, Image

# (Cyrillic, Latin as the state's passports write it), none of them in the
# recogniser's training lists
_PEOPLE = {
    "MNG": {
        "surnames": [("ГАНБААТАР", "GANBAATAR"), ("СҮХБАТ", "SUKHBAT"),
                     ("ӨНӨРБАЯР", "UNURBAYAR"), ("ЦЭРЭНДОРЖ", "TSERENDORJ"),
                     ("ОЮУНБИЛЭГ", "OYUNBILEG"), ("ЭНХТӨР", "ENKHTUR"),
                     ("ЖАМЪЯН", "JAMYAN"), ("БАЯРСАЙХАН", "BAYARSAIKHAN")],
        "given": [("НАРАНТУЯА", "NARANTUYA"), ("ТЭМҮҮЖИН", "TEMUUJIN"),
                  ("ӨЛЗИЙСАЙХАН", "ULZIISAIKHAN"), ("МӨНХЗУЛ", "MUNKHZUL"),
                  ("ЕРӨӨЛТ", "YERUULT"), ("ХОНГОРЗУЛ", "KHONGORZUL")],
    },
    "RUS": {
        "surnames": [("ВОРОНЦОВА", "VORONTSOVA"), ("ШИШКИН", "SHISHKIN"),
                     ("ЩЕГЛОВ", "SHCHEGLOV"), ("ЖУРАВЛЁВ", "ZHURAVLEV"),
                     ("ЧЕРНЯХОВСКИЙ", "CHERNIAKHOVSKII"), ("БЕЛЯЕВА", "BELIAEVA")],
        "given": [("ЮЛИАН", "IULIAN"), ("ВАЛЕНТИНА", "VALENTINA"), ("ГЕННАДИЙ", "GENNADII"),
                  ("ЗОЯ", "ZOIA"), ("ФИЛИПП", "FILIPP"), ("ЭДУАРД", "EDUARD")],
    },
    "KAZ": {
        "surnames": [("ТОҚТАРОВ", "TOKTAROV"), ("ЖҰМАБЕКОВА", "ZHUMABEKOVA"),
                     ("ӘБІЛҚАСЫМОВ", "ABILKASYMOV"), ("СӘРСЕНБАЕВ", "SARSENBAEV")],
        "given": [("ДӘМЕТКЕН", "DAMETKEN"), ("ҒАЛЫМЖАН", "GALYMZHAN"), ("ІЛИЯС", "ILIYAS"),
                  ("ҮМІТ", "UMIT")],
    },
}
_NATIONALITY_FORMS = {
    "MNG": ["МОНГОЛ/MONGOLIAN", "MONGOLIA", "MNG", "МОНГОЛ УЛС/MONGOLIA"],
    "RUS": ["РОССИЙСКАЯ ФЕДЕРАЦИЯ/RUSSIAN FEDERATION", "RUSSIAN FEDERATION", "RUS"],
    "KAZ": ["ҚАЗАҚСТАН/KAZAKHSTAN", "KAZAKHSTAN", "KAZ"],
    "CHN": ["中国/CHINESE", "CHINA"],
    "BLR": ["REPUBLIC OF BELARUS", "BELARUSIAN"],
    "FRA": ["FRANÇAISE", "FRANCE"],
}
_MONTHS_EN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
              "DEC")
_MONTHS_FR = ("JANV", "FÉVR", "MARS", "AVR", "MAI", "JUIN", "JUIL", "AOÛT", "SEPT", "OCT",
              "NOV", "DÉC")
_MONTHS_RU = ("ЯНВ", "ФЕВ", "МАР", "АПР", "МАЯ", "ИЮН", "ИЮЛ", "АВГ", "СЕН", "ОКТ", "НОЯ",
              "ДЕК")
#: Every date form the bench prints (see :func:`format_date`).
DATE_FORMS = ("dd MON yyyy", "ddMONyy", "dd MON/MOIS yy", "dd.mm.yyyy", "dd mm yyyy",
              "dd/mm/yyyy", "dd-mm-yy", "ddmmyyyy", "yyyy-mm-dd", "dd РУС yyyy",
              "yyyy оны mm сарын dd")
_SEX_FORMS = {"F": ["F", "ЭМ/F", "Ж/F", "ЖЕН/F"], "M": ["M", "ЭР/M", "М/M", "ЕР/M"]}


def format_date(d: dt.date, form: str) -> str:
    """``d`` printed in one of :data:`DATE_FORMS`."""
    m = d.month - 1
    return {
        "dd MON yyyy": f"{d.day:02d} {_MONTHS_EN[m]} {d.year}",
        "ddMONyy": f"{d.day:02d}{_MONTHS_EN[m]}{d.year % 100:02d}",
        "dd MON/MOIS yy": f"{d.day:02d} {_MONTHS_EN[m]}/{_MONTHS_FR[m]} {d.year % 100:02d}",
        "dd.mm.yyyy": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dd mm yyyy": f"{d.day:02d} {d.month:02d} {d.year}",
        "dd/mm/yyyy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dd-mm-yy": f"{d.day:02d}-{d.month:02d}-{d.year % 100:02d}",
        "ddmmyyyy": f"{d.day:02d}{d.month:02d}{d.year}",
        "yyyy-mm-dd": d.isoformat(),
        "dd РУС yyyy": f"{d.day:02d} {_MONTHS_RU[m]} {d.year}",
        "yyyy оны mm сарын dd": f"{d.year} оны {d.month:02d} сарын {d.day:02d}",
    }[form]


@dataclass
class VizPerson:
    """The holder: each name as ``(Cyrillic, Latin)``, the rest as the MRZ holds it."""

    state: str
    surname: tuple[str, str]
    given: tuple[str, str]
    birth: dt.date
    expiry: dt.date
    sex: str
    number: str

    def mrz(self) -> list[str]:
        """The TD3 MRZ written from the Latin forms (ICAO check digits)."""
        name = f"{self.surname[1]}<<{self.given[1]}".replace(" ", "<").replace("-", "<")
        line1 = (f"P<{self.state}{name}" + "<" * 44)[:44]
        number = (self.number + "<" * 9)[:9]
        birth = self.birth.strftime("%y%m%d")
        expiry = self.expiry.strftime("%y%m%d")
        personal = "<" * 14
        body = (number + check_digit(number) + self.state + birth + check_digit(birth)
                + self.sex + expiry + check_digit(expiry) + personal + "<")
        body += check_digit(body[0:10] + body[13:20] + body[21:43])
        return [line1, body]


def random_person(rng: random.Random, state: str | None = None) -> VizPerson:
    """A holder of one of the office's daily states (MNG, RUS, KAZ)."""
    state = state or rng.choice(sorted(_PEOPLE))
    people = _PEOPLE[state]
    birth = dt.date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
    expiry = dt.date(rng.randint(2027, 2035), rng.randint(1, 12), rng.randint(1, 28))
    number = "".join(rng.choice("0123456789") for _ in range(rng.randint(7, 9)))
    if rng.random() < 0.5:
        number = rng.choice("EBKN") + number[1:]
    return VizPerson(state, rng.choice(people["surnames"]), rng.choice(people["given"]),
                     birth, expiry, rng.choice("MF"), number)


@dataclass
class VizPage:
    """A rendered page: the image (RGB), its MRZ, and per field the printed text
    and its rectangle ``(x, y, w, h)`` in pixels."""

    image: Image
    mrz_lines: list[str]
    fields: dict[str, tuple[str, tuple[int, int, int, int]]]
    dpi: float
    person: VizPerson
    forms: dict[str, str] = field(default_factory=dict)
    altered: dict[str, str] = field(default_factory=dict)


def _font(size_px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), max(6, size_px))


def viz_page(person: VizPerson, *, dpi: float = 300.0, seed: int = 0,
             date_form: str | None = None, nationality_form: str | None = None,
             names_above: bool | None = None) -> VizPage:
    """Render a TD3 data page (125 x 88 mm) with the person's printed fields and MRZ.

    ``date_form`` (one of :data:`DATE_FORMS`), ``nationality_form`` and
    ``names_above`` (Cyrillic above the Latin form, else beside it after ``/``)
    are drawn from the seed when not given.
    """
    rng = random.Random(seed)
    px = dpi / MM_PER_INCH
    w, h = round(125 * px), round(88 * px)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    f1, f2 = rng.uniform(0.02, 0.05) * (300 / dpi), rng.uniform(0.02, 0.05) * (300 / dpi)
    wave = np.sin(xx * f1 + 3 * np.sin(yy * f2)) * np.cos(yy * f1 * 0.7)
    page = np.clip(232 + 10 * wave, 0, 255).astype(np.uint8)
    rgb = np.stack([page, (page * 0.98).astype(np.uint8), (page * 0.93).astype(np.uint8)], 2)
    pil = PILImage.fromarray(rgb)
    draw = ImageDraw.Draw(pil)
    label_font = _font(round(1.6 * px))
    bold = rng.random() < 0.5
    value_font = _font(round(3.0 * px), bold=bold)
    date_form = date_form or rng.choice(DATE_FORMS)
    nat_form = nationality_form or rng.choice(_NATIONALITY_FORMS[person.state])
    above = rng.random() < 0.5 if names_above is None else names_above
    sex_form = rng.choice(_SEX_FORMS[person.sex])

    def name_text(pair: tuple[str, str]) -> str:
        return f"{pair[0]}\n{pair[1]}" if above else f"{pair[0]} / {pair[1]}"

    values = [
        ("document_number", "Дугаар / Passport No.", person.number),
        ("surname", "Овог / Surname", name_text(person.surname)),
        ("given_names", "Нэр / Given names", name_text(person.given)),
        ("nationality", "Иргэншил / Nationality", nat_form),
        ("birth_date", "Төрсөн огноо / Date of birth", format_date(person.birth, date_form)),
        ("sex", "Хүйс / Sex", sex_form),
        ("expiry_date", "Дуусах хугацаа / Date of expiry",
         format_date(person.expiry, date_form)),
    ]
    x0 = round(38 * px)
    y = round(12 * px)
    fields: dict[str, tuple[str, tuple[int, int, int, int]]] = {}
    for name, label, text in values:
        draw.text((x0, y), label, font=label_font, fill=(90, 90, 110))
        y += round(2.4 * px)
        box = draw.multiline_textbbox((x0, y), text, font=value_font, spacing=round(0.8 * px))
        draw.multiline_text((x0, y), text, font=value_font, fill=(20, 20, 25),
                            spacing=round(0.8 * px))
        pad = round(0.8 * px)
        bx0, by0, bx1, by1 = (round(v) for v in box)
        fields[name] = (text, (bx0 - pad, by0 - pad, bx1 - bx0 + 2 * pad, by1 - by0 + 2 * pad))
        y = by1 + round(1.6 * px)
    # portrait block
    draw.rectangle([round(5 * px), round(14 * px), round(33 * px), round(50 * px)],
                   fill=(170, 165, 160))
    lines = person.mrz()
    mrz = render_lines(lines, pitch_px=2.54 * px, line_pitch_px=4.3 * px, margin_px=0)
    out = np.asarray(pil, dtype=np.uint8).copy()
    my0 = h - round(2.5 * px) - mrz.shape[0]
    mx0 = round((w - mrz.shape[1]) / 2)
    region = out[my0:my0 + mrz.shape[0], mx0:mx0 + mrz.shape[1]]
    out[my0:my0 + mrz.shape[0], mx0:mx0 + mrz.shape[1]] = np.minimum(region,
                                                                   mrz[:, :, None])
    forms = {"date": date_form, "nationality": nat_form, "names": "above" if above else "beside",
             "sex": sex_form, "bold": "yes" if bold else "no"}
    return VizPage(out, lines, fields, dpi, person, forms)


#: How :func:`alter_page` edits a page.
ALTERATIONS = ("name_reprinted", "date_digit_pasted", "nationality_reprinted",
               "sex_reprinted", "number_digit_pasted")


def _paper(img: Image, rect: tuple[int, int, int, int]) -> np.ndarray:
    x, y, w, h = rect
    ring = np.concatenate([img[max(0, y - 3):y, x:x + w].reshape(-1, 3),
                           img[y + h:y + h + 3, x:x + w].reshape(-1, 3)])
    return np.median(ring, axis=0) if len(ring) else np.array([230, 228, 220])


def _reprint(page: VizPage, name: str, text: str, rng: random.Random) -> None:
    img = page.image
    _old, rect = page.fields[name]
    x, y, w, h = rect
    img[y:y + h, x:x + w] = _paper(img, rect).astype(np.uint8)  # erased
    pil = PILImage.fromarray(img)
    px = page.dpi / MM_PER_INCH
    pad = round(0.8 * px)
    size = round(rng.uniform(2.8, 3.2) * px)
    bold = rng.random() < 0.5
    while size > 6:  # the new text fits the field's space, as a forger makes it fit
        font = _font(size, bold=bold)
        box = ImageDraw.Draw(pil).multiline_textbbox((x + pad, y + pad), text, font=font,
                                                     spacing=round(0.8 * px))
        if box[2] <= x + w - 1 and box[3] <= y + h - 1:
            break
        size -= 1
    font = _font(size, bold=bold)
    ImageDraw.Draw(pil).multiline_text((x + pad, y + pad), text, font=font, fill=(30, 28, 35),
                                       spacing=round(0.8 * px))
    page.image = np.asarray(pil, np.uint8).copy()
    page.fields[name] = (text, rect)


def _glyph_box(page: VizPage, name: str, i: int) -> tuple[int, int, int, int]:
    """``(x, y, w, h)`` of character ``i`` of the first line of field ``name``."""
    text, (x, y, _w, _h) = page.fields[name]
    first = text.split("\n")[0]
    px = page.dpi / MM_PER_INCH
    font = _font(round(3.0 * px), bold=page.forms.get("bold") == "yes")
    pad = round(0.8 * px)
    left = x + pad + font.getlength(first[:i])
    box = font.getbbox(first)
    return (round(left), y + pad + round(box[1]) - 1, round(font.getlength(first[i])),
            round(box[3] - box[1]) + 2)


def _paste_digit(page: VizPage, name: str, rng: random.Random) -> bool:
    """Cut a digit from another field of the same page and paste it over a
    different digit of ``name`` (the donor's paper comes with it)."""
    text, _rect = page.fields[name]
    first = text.split("\n")[0]
    positions = [i for i, c in enumerate(first) if c.isdigit()]
    if name.endswith("_date"):
        # not the century of a four-digit year: the MRZ has none to contradict it
        centuries = set()
        for m in re.finditer(r"\d+", first):
            run = m.end() - m.start()
            if run == 4:
                centuries |= {m.start(), m.start() + 1}
            elif run == 8:  # ddmmyyyy
                centuries |= {m.start() + 4, m.start() + 5}
        positions = [i for i in positions if i not in centuries]
    donors = [(other, j, c) for other, (t, _r) in page.fields.items()
              for j, c in enumerate(t.split("\n")[0]) if c.isdigit()]
    rng.shuffle(positions)
    for i in positions:
        choices = [(o, j, c) for o, j, c in donors if c != first[i]]
        if name.endswith("_date"):
            from workstation.mrz.viz import read_printed_date

            # a forger keeps the date a date
            choices = [(o, j, c) for o, j, c in choices
                       if read_printed_date(first[:i] + c + first[i + 1:])]
        if not choices:
            continue
        other, j, new = rng.choice(choices)
        dx, dy, dw, dh = _glyph_box(page, other, j)
        tx, ty, tw, _th = _glyph_box(page, name, i)
        w = max(dw, tw)
        _x, ry, _w, rh = _rect
        dh = min(dh, ry + rh - ty)  # within the field's space
        patch = page.image[dy:dy + dh, dx:dx + w].copy()
        page.image[ty:ty + patch.shape[0], tx:tx + patch.shape[1]] = patch
        page.fields[name] = (first[:i] + new + first[i + 1:] + text[len(first):], _rect)
        return True
    return False


def alter_page(page: VizPage, how: str, rng: random.Random) -> VizPage:
    """A copy of ``page`` with one printed field edited (the MRZ untouched)."""
    out = replace(page, image=page.image.copy(), fields=dict(page.fields),
                  altered=dict(page.altered))
    people = _PEOPLE[page.person.state]
    if how == "name_reprinted":
        others = [p for p in people["surnames"] if p != page.person.surname]
        cyr, lat = rng.choice(others)
        above = page.forms.get("names") == "above"
        _reprint(out, "surname", f"{cyr}\n{lat}" if above else f"{cyr} / {lat}", rng)
        out.altered["surname"] = how
    elif how == "date_digit_pasted":
        if _paste_digit(out, "birth_date", rng):
            out.altered["birth_date"] = how
    elif how == "number_digit_pasted":
        if _paste_digit(out, "document_number", rng):
            out.altered["document_number"] = how
    elif how == "nationality_reprinted":
        state = rng.choice([s for s in _NATIONALITY_FORMS if s != page.person.state])
        _reprint(out, "nationality", rng.choice(_NATIONALITY_FORMS[state]), rng)
        out.altered["nationality"] = how
    elif how == "sex_reprinted":
        other = "M" if page.person.sex == "F" else "F"
        _reprint(out, "sex", rng.choice(_SEX_FORMS[other]), rng)
        out.altered["sex"] = how
    else:
        raise ValueError(f"unknown alteration {how!r}; one of {', '.join(ALTERATIONS)}")
    return out


def field_crop(page: VizPage, name: str, *, jitter_px: int = 0,
               rng: random.Random | None = None) -> Image:
    """The field's rectangle cut from the page (moved by up to ``jitter_px``, as a
    specimen zone registered onto a capture would be)."""
    _text, (x, y, w, h) = page.fields[name]
    if jitter_px and rng is not None:
        x += rng.randint(-jitter_px, jitter_px)
        y += rng.randint(-jitter_px, jitter_px)
    hh, ww = page.image.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    return np.ascontiguousarray(page.image[y0:min(hh, y + h), x0:min(ww, x + w)])


def photographed(page: VizPage, *, seed: int = 0, blur_px: float = 0.6, noise: float = 3.0,
                 jpeg_quality: int = 85) -> VizPage:
    """The page as a camera gives it back: blur, noise and JPEG (geometry unchanged)."""
    rng = np.random.default_rng(seed)
    img = np.asarray(cv2.GaussianBlur(page.image.astype(np.float32), (0, 0), blur_px),
                     np.float32)
    img = img + rng.normal(0, noise, img.shape).astype(np.float32)
    u8 = np.clip(img, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", u8[:, :, ::-1], [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality])
    dec = cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else None
    if dec is not None:
        u8 = np.ascontiguousarray(dec[:, :, ::-1])
    return replace(page, image=u8)
