"""The image panes' titles in the window's language (the viewer's own ``title`` strings
are English: the window names panes and sources from their roles and keys)."""

from __future__ import annotations

from workstation.labels import light_label
from workstation.session.viewer import Pane, SourceKey, ViewerState
from workstation.session.viewer.sources import Origin
from workstation.ui.texts import QT, tx


def source_title(key: SourceKey) -> str:
    """A source's short name: ``Questioned · UV 365``."""
    if key.origin is Origin.CHIP:
        return tx("panes", "Chip photo (DG2)")
    who = {Origin.CAPTURE: tx("panes", "Questioned"), Origin.BACK: tx("panes", "Back"),
           Origin.SPECIMEN: tx("panes", "Specimen"),
           Origin.LIVE: tx("panes", "Live")}[key.origin]
    return f"{who} · {light_label(key.light, QT)}"


def pane_title(pane: Pane, state: ViewerState) -> str:
    """What a pane shows, by its role and sources (``Blend  A  ◐  B  (50 %)``)."""
    keys = pane.sources
    if pane.role == "false-colour":
        who = {Origin.CAPTURE: tx("panes", "Questioned"), Origin.BACK: tx("panes", "Back")}.get(
            keys[0].origin if keys else Origin.CAPTURE, tx("panes", "Specimen"))
        return tx("panes", "False colour · {who}  (R = IR, G = white, B = UV)").format(who=who)
    if not keys:
        return pane.title if pane.title else tx("image area", "No capture")
    if pane.role == "live" or len(keys) == 1:
        return source_title(keys[0])
    a, b = source_title(keys[0]), source_title(keys[1])
    if pane.role == "blend":
        return tx("panes", "Blend  {a}  ◐  {b}  ({percent} %)").format(
            a=a, b=b, percent=round(state.opacity * 100))
    if pane.role == "swipe":
        return tx("panes", "Swipe  {a}  |  {b}").format(a=a, b=b)
    if pane.role == "difference":
        return tx("panes", "Difference  {a}  −  {b}").format(a=a, b=b)
    if pane.role == "flicker":
        return tx("panes", "Flicker  {a}  ⇄  {b}  ({hz} Hz)").format(
            a=a, b=b, hz=f"{state.flicker_hz:g}")
    return pane.title
