"""Generate ``resources/mrz/states.json``: every MRZ state code with the names and
adjectives a visual inspection zone prints for it.

Sources (named in the generated file):

* **iso-codes** (Debian's ISO 3166 lists with their translations, through the
  ``pycountry`` package): short, common and official names of every ISO 3166-1
  state, translated into each language listed below and each official
  language of the state (so the national name is there: ҚАЗАҚСТАН, ÖSTERREICH).
* **CLDR** (Unicode's Common Locale Data Repository, through the ``babel``
  package): territory names in the same languages, and which languages are
  official in each territory.
* **py-i18n-countries** (MIT): English nationality adjectives (BELARUSIAN,
  MONGOLIAN).
* ``tools/states_supplement.json`` (written here, by hand): ICAO's own codes
  (Doc 9303 part 3: D, GBD, UNO, XXA, ...) and the adjectives in national
  languages that data pages print (FRANÇAISE, DEUTSCH, МОНГОЛ, 中国).

Build-time only, in a scratch environment::

    /tmp/train/bin/pip install pycountry==26.2.16 babel==2.19.0 py-i18n-countries==0.1.1
    /tmp/train/bin/python tools/gen_states.py

The output is sorted and stable, so a regeneration shows as a readable diff.
"""

from __future__ import annotations

import argparse
import gettext
import importlib.metadata
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workstation.mrz.countries import ICAO_SPECIAL, ISO_3166_ALPHA3  # noqa: E402

#: Languages whose names are always included: the office's daily documents
#: (Mongolian, Russian, Chinese, Kazakh) and the common second languages of
#: data pages (ICAO: English, French, Spanish).
LANGUAGES = ("en", "fr", "es", "ru", "mn", "zh", "kk", "de", "uk", "be", "ky", "uz", "tr",
             "pt", "it", "pl", "ar")
#: pycountry's gettext domains use these locale names
_PYCOUNTRY_LOCALE = {"zh": "zh_CN"}


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).upper()


def _pycountry_names(country: object, langs: set[str]) -> set[str]:
    import pycountry

    out: set[str] = set()
    english = [getattr(country, a, "") for a in ("name", "common_name", "official_name")]
    english = [e for e in english if e]
    for e in english:
        out.add(_clean(e))
        # "Korea, Republic of" -> "Republic of Korea"
        if ", " in e:
            head, _, tail = e.partition(", ")
            out.add(_clean(f"{tail} {head}"))
    for lang in sorted(langs):
        loc = _PYCOUNTRY_LOCALE.get(lang, lang)
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc])
        except OSError:
            continue
        for e in english:
            t = tr.gettext(e)
            if t and t != e:
                out.add(_clean(t))
    return out


def _cldr_names(alpha2: str, langs: set[str]) -> set[str]:
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for lang in sorted(langs):
        try:
            loc = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        name = loc.territories.get(alpha2)
        if name:
            out.add(_clean(name))
    return out


def _official_languages(alpha2: str) -> set[str]:
    from babel.languages import get_official_languages

    return {lang.split("_")[0] for lang in get_official_languages(alpha2, de_facto=True)}


def _english_adjectives() -> dict[str, str]:
    import py_i18n_countries

    path = Path(py_i18n_countries.__file__).parent / "en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k.upper(): v for k, v in data["nationalities"].items()}


def build() -> dict[str, object]:
    import pycountry

    supplement = json.loads((ROOT / "tools" / "states_supplement.json").read_text("utf-8"))
    adjectives_en = _english_adjectives()
    states: dict[str, dict[str, list[str]]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        if code not in ISO_3166_ALPHA3:
            continue
        langs = set(LANGUAGES) | _official_languages(country.alpha_2)
        names = _pycountry_names(country, langs) | _cldr_names(country.alpha_2, langs)
        adjectives: set[str] = set()
        adj = adjectives_en.get(country.alpha_2)
        if adj and adj.upper() not in names:
            adjectives.add(_clean(adj))
        states[code] = {"names": sorted(names), "adjectives": sorted(adjectives)}
    for code, extra in supplement["states"].items():
        entry = states.setdefault(code, {"names": [], "adjectives": []})
        for key in ("names", "adjectives"):
            merged = set(entry[key]) | {_clean(x) for x in extra.get(key, [])}
            entry[key] = sorted(merged)
    for alias, target in supplement.get("aliases", {}).items():
        entry = states.setdefault(alias, {"names": [], "adjectives": []})
        for key in ("names", "adjectives"):
            entry[key] = sorted(set(entry[key]) | set(states[target][key]))
    missing = sorted(set(ICAO_SPECIAL) - set(states))
    if missing:
        raise SystemExit(f"ICAO codes without names in the supplement: {missing}")
    versions = {pkg: importlib.metadata.version(pkg)
                for pkg in ("pycountry", "babel", "py-i18n-countries")}
    return {
        "format": "workstation.states/1",
        "generated_by": "tools/gen_states.py",
        "sources": {
            "iso-codes": f"Debian iso-codes via pycountry {versions['pycountry']} "
                         "(ISO 3166-1 names and their translations)",
            "cldr": f"Unicode CLDR via babel {versions['babel']} (territory names, "
                    "official languages)",
            "adjectives_en": f"py-i18n-countries {versions['py-i18n-countries']} (MIT)",
            "supplement": "tools/states_supplement.json (ICAO Doc 9303 part 3 codes; "
                          "national-language adjectives as printed on data pages)",
        },
        "languages": [*LANGUAGES, "official languages of each state (CLDR)"],
        "states": dict(sorted(states.items())),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "mrz" / "states.json")
    args = ap.parse_args()
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    states = data["states"]
    assert isinstance(states, dict)
    print(f"wrote {args.out}: {len(states)} codes, "
          f"{sum(len(v['names']) + len(v['adjectives']) for v in states.values())} forms")


if __name__ == "__main__":
    main()
