"""Printed fields of synthetic data pages against their MRZ (part of ``bench.mrz``).

Pages from :mod:`workstation.mrz.vizpage`: Mongolian, Russian and Kazakh holders
with names in Cyrillic above or beside the Latin form, nationality as a code,
name or adjective, every date form, sex as a letter or a bilingual
abbreviation; photographed (blur, noise, JPEG). Each field's zone (moved by up
to 4 px, as a registered specimen zone is) is read as ``mrz.viz`` reads it
(``read_fields``: RapidOCR's recogniser and the Cyrillic recogniser, a second
opinion at 48 px for a disagreement) and judged with the same thresholds.

Forged pages are the genuine ones edited as forgers edit: a field erased and
reprinted (surname, nationality, sex), a digit cut from another field and
pasted over one of the birth date or the document number. A forgery is caught
when its edited field disagrees.
"""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter, defaultdict

from workstation.examination.checks.mrz import judge_printed_field
from workstation.examination.ocr import read_fields, trim_to_text
from workstation.mrz import parse_mrz
from workstation.mrz.viz import fold
from workstation.mrz.vizpage import (
    ALTERATIONS,
    DATE_FORMS,
    VizPage,
    alter_page,
    field_crop,
    photographed,
    random_person,
    viz_page,
)


def judge(page: VizPage, name: str, rng: random.Random) -> tuple[str, str]:
    """``(status, text read)`` of one field, as ``mrz.viz`` decides it."""
    mrz = parse_mrz(page.mrz_lines)
    crop = trim_to_text(field_crop(page, name, jitter_px=4, rng=rng))
    (text, conf), = read_fields([crop])
    text, _conf, comp = judge_printed_field(name, text, conf, crop, mrz)
    return comp.status, text


def run_viz(n: int, seed: int, *, verbose: bool = False) -> dict[str, Counter[str]]:
    """Print the printed-field table for ``n`` genuine pages and ``n`` forged ones."""
    rng = random.Random(seed + 77)
    genuine: dict[str, Counter[str]] = defaultdict(Counter)
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    forged: dict[str, Counter[str]] = defaultdict(Counter)
    cyr_lines = Counter[str]()
    times: list[float] = []
    notes: list[str] = []
    for i in range(n):
        person = random_person(rng)
        page = viz_page(person, seed=seed * 1000 + i, date_form=DATE_FORMS[i % len(DATE_FORMS)])
        shot = photographed(page, seed=i)
        t0 = time.perf_counter()
        for name in page.fields:
            status, text = judge(shot, name, rng)
            genuine[name][status] += 1
            if name.endswith("_date"):
                by_form[f"date {page.forms['date']}"][status] += 1
            if name == "nationality":
                by_form[f"nationality {page.forms['nationality']}"][status] += 1
            if name in ("surname", "given_names"):
                want = page.fields[name][0].split("\n")[0].split(" / ")[0]
                got = text.split("\n")[0].split("/")[0].strip()
                cyr_lines["exact" if fold(got) == fold(want) else "not"] += 1
            if status == "disagree" and verbose:
                notes.append(f"genuine {name}: printed {page.fields[name][0]!r} read {text!r}")
        times.append((time.perf_counter() - t0) * 1000)
        how = ALTERATIONS[i % len(ALTERATIONS)]
        bad = alter_page(page, how, random.Random(seed + i))
        if not bad.altered:
            continue
        shot_bad = photographed(bad, seed=i)
        for name in bad.altered:
            status, text = judge(shot_bad, name, rng)
            forged[how][status] += 1
            if status != "disagree" and verbose:
                notes.append(f"forged {how}: printed {bad.fields[name][0]!r} read {text!r} "
                             f"-> {status}")

    def line(label: str, c: Counter[str]) -> None:
        total = sum(c.values()) or 1
        print(f"{label:<40} {total:>6} {100 * c['agree'] / total:>6.1f}% "
              f"{100 * c['unreadable'] / total:>6.1f}% {100 * c['disagree'] / total:>6.1f}%")

    print(f"\nprinted fields of {n} synthetic data pages (Cyrillic+Latin names, states as "
          "names, every date form), photographed")
    print(f"{'genuine field':<40} {'fields':>6} {'agree':>7} {'skip':>7} {'FAIL':>7}")
    for name in sorted(genuine):
        line(name, genuine[name])
    line("all genuine fields", sum(genuine.values(), Counter()))
    for form in sorted(by_form):
        line(f"  {form}", by_form[form])
    print(f"{'forged field (edited capture)':<40} {'fields':>6} {'agree':>7} {'skip':>7} "
          f"{'caught':>7}")
    for how in ALTERATIONS:
        line(how, forged[how])
    line("all forged fields", sum(forged.values(), Counter()))
    total = sum(cyr_lines.values()) or 1
    print(f"Cyrillic name lines read exactly: {cyr_lines['exact']}/{total} "
          f"({100 * cyr_lines['exact'] / total:.1f}%); reading all fields of a page: median "
          f"{statistics.median(times):.0f} ms")
    for note in notes:
        print("  " + note)
    return {"genuine": sum(genuine.values(), Counter()),
            "forged": sum(forged.values(), Counter())}
