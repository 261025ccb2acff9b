"""Human names for what the program shows: lights and the images of an examination.

One table each, used by the window, the status bar and the signed report alike,
so that people never read an internal id (``capture:white``, ``evidence:ir.visible``,
``view:current``) and the screen and the PDF name the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, Light

_LIGHTS: dict[Light, tuple[str, str]] = {
    # light: (short, for pane titles and buttons; long, for captions and reports)
    Light.WHITE: (QT_TRANSLATE_NOOP("labels", "White"),
                  QT_TRANSLATE_NOOP("labels", "white light")),
    Light.UV: (QT_TRANSLATE_NOOP("labels", "UV 365"), QT_TRANSLATE_NOOP("labels", "UV 365 nm")),
    Light.IR: (QT_TRANSLATE_NOOP("labels", "IR 900"), QT_TRANSLATE_NOOP("labels", "IR (B900)")),
    Light.UV254: (QT_TRANSLATE_NOOP("labels", "UV 254"),
                  QT_TRANSLATE_NOOP("labels", "UV 254 nm")),
    Light.OBLIQUE: (QT_TRANSLATE_NOOP("labels", "Oblique"),
                    QT_TRANSLATE_NOOP("labels", "oblique white light")),
    Light.OBLIQUE_TOP: (QT_TRANSLATE_NOOP("labels", "Oblique top"),
                        QT_TRANSLATE_NOOP("labels", "oblique white light from the top")),
    Light.COAXIAL: (QT_TRANSLATE_NOOP("labels", "Coaxial"),
                    QT_TRANSLATE_NOOP("labels", "coaxial white light")),
    Light.TRANSMITTED: (QT_TRANSLATE_NOOP("labels", "Transmitted"),
                        QT_TRANSLATE_NOOP("labels", "transmitted white light")),
    Light.IR_TRANSMITTED: (QT_TRANSLATE_NOOP("labels", "IR transmitted"),
                           QT_TRANSLATE_NOOP("labels", "transmitted IR")),
}

#: Image references (``Findings.report_images``) by origin: how each is named.
_ORIGINS = {
    "capture": QT_TRANSLATE_NOOP("labels", "Capture"),
    "back": QT_TRANSLATE_NOOP("labels", "Back of the document"),
    "questioned": QT_TRANSLATE_NOOP("labels", "Questioned, registered onto the specimen"),
    "specimen": QT_TRANSLATE_NOOP("labels", "Specimen"),
}

#: The faces of a document, by their names in capture folders and the viewer.
FACE_TITLES = {"front": QT_TRANSLATE_NOOP("labels", "Front"),
               "back": QT_TRANSLATE_NOOP("labels", "Back")}

#: ``view:<name>`` references and what they show.
VIEW_TITLES = {"current": QT_TRANSLATE_NOOP("labels", "The current view")}
#: Words of image names (for the catalogues).
_WORDS = (QT_TRANSLATE_NOOP("labels", "Evidence"), QT_TRANSLATE_NOOP("labels", "View"))


def _t(tr: Any, text: str) -> str:
    """``text`` in ``tr``'s language (a ``workstation.i18n`` catalogue or ``Words``;
    ``None``: English)."""
    if tr is None:
        return text
    found = tr.translate("labels", text)
    return found if isinstance(found, str) and found else text


def light_label(light: Light, tr: Any = None) -> str:
    """A light's short name: ``"UV 365"``."""
    return _t(tr, _LIGHTS[light][0])


def light_title(light: Light, tr: Any = None) -> str:
    """A light's long name: ``"UV 365 nm"``, ``"white light"``."""
    return _t(tr, _LIGHTS[light][1])


def check_title(check_id: str, checks: Iterable[CheckResult] = (), tr: Any = None) -> str:
    """What check ``check_id`` looks at in plain words (its registered title, from a
    result of it in ``checks``); the id itself when no result names a title."""
    for c in checks:
        if c.id == check_id and c.title:
            if tr is None:
                return c.title
            found = tr.translate("check titles", c.title)
            return found if isinstance(found, str) and found else c.title
    return check_id


def image_label(ref: str, checks: Iterable[CheckResult] = (), tr: Any = None) -> str:
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
            return f"{_t(tr, _ORIGINS[kind])} — {light_title(Light(name), tr)}"
        except ValueError:
            return ref
    if kind == "evidence":
        base = name.split("[", 1)[0].split("#", 1)[0]
        return f"{_t(tr, 'Evidence')} — {check_title(base, checks, tr)}"
    if kind == "view":
        if name in VIEW_TITLES:
            return _t(tr, VIEW_TITLES[name])
        return f"{_t(tr, 'View')} — {name.replace('_', ' ')}"
    if kind == "chip":
        return _t(tr, QT_TRANSLATE_NOOP("labels", "The chip's photograph (DG2)"))
    return ref
