"""Human names for what the program shows: lights and the images of an examination.

One table each, used by the window, the status bar and the signed report alike,
so that people never read an internal id (``capture:white``, ``evidence:ir.visible``,
``view:current``) and the screen and the PDF name the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from workstation.types import CheckResult, Light

_LIGHTS: dict[Light, tuple[str, str]] = {
    # light: (short, for pane titles and buttons; long, for captions and reports)
    Light.WHITE: ("White", "white light"),
    Light.UV: ("UV 365", "UV 365 nm"),
    Light.IR: ("IR 900", "IR (B900)"),
    Light.UV254: ("UV 254", "UV 254 nm"),
    Light.OBLIQUE: ("Oblique", "oblique white light"),
    Light.OBLIQUE_TOP: ("Oblique top", "oblique white light from the top"),
    Light.COAXIAL: ("Coaxial", "coaxial white light"),
    Light.TRANSMITTED: ("Transmitted", "transmitted white light"),
    Light.IR_TRANSMITTED: ("IR transmitted", "transmitted IR"),
}

#: Image references (``Findings.report_images``) by origin: how each is named.
_ORIGINS = {
    "capture": "Capture",
    "back": "Back of the document",
    "questioned": "Questioned, registered onto the specimen",
    "specimen": "Specimen",
}

#: The faces of a document, by their names in capture folders and the viewer.
FACE_TITLES = {"front": "Front", "back": "Back"}

#: ``view:<name>`` references and what they show.
VIEW_TITLES = {"current": "The current view"}


def light_label(light: Light) -> str:
    """A light's short name: ``"UV 365"``."""
    return _LIGHTS[light][0]


def light_title(light: Light) -> str:
    """A light's long name: ``"UV 365 nm"``, ``"white light"``."""
    return _LIGHTS[light][1]


def check_title(check_id: str, checks: Iterable[CheckResult] = ()) -> str:
    """What check ``check_id`` looks at in plain words (its registered title, from a
    result of it in ``checks``); the id itself when no result names a title."""
    for c in checks:
        if c.id == check_id and c.title:
            return c.title
    return check_id


def image_label(ref: str, checks: Iterable[CheckResult] = ()) -> str:
    """How an image reference is named to people.

    ``capture:white`` -> ``"Capture — white light"``, ``back:ir`` -> ``"Back of the
    document — IR (B900)"``, ``specimen:uv`` -> ``"Specimen — UV 365 nm"``,
    ``evidence:ir.visible`` -> ``"Evidence — IR-absorbing print shows under IR"`` (the
    check's title from ``checks``), ``view:current`` -> ``"The current view"``.
    An unknown reference is returned as it is.
    """
    kind, sep, name = ref.partition(":")
    if not sep:
        return ref
    if kind in _ORIGINS:
        try:
            return f"{_ORIGINS[kind]} — {light_title(Light(name))}"
        except ValueError:
            return ref
    if kind == "evidence":
        base = name.split("[", 1)[0].split("#", 1)[0]
        return f"Evidence — {check_title(base, checks)}"
    if kind == "view":
        return VIEW_TITLES.get(name, f"View — {name.replace('_', ' ')}")
    if kind == "chip":
        return "The chip's photograph (DG2)"
    return ref
