"""Names shared by the menus and the image area's bars, marked for translation."""

from __future__ import annotations

from workstation.session.viewer import Tool
from workstation.ui.texts import T

#: The tools' names in the Tools menu and the tool bar.
TOOL_NAMES = {Tool.PAN: T("tools", "Pan"), Tool.RULER: T("tools", "Ruler"),
              Tool.ANGLE: T("tools", "Angle"), Tool.RECTANGLE: T("tools", "Rectangle"),
              Tool.ARROW: T("tools", "Arrow")}

#: The face buttons' tooltips.
FACE_TIPS = {"front": T("image area", "Show the document's front (Ctrl+B switches)"),
             "back": T("image area", "Show the document's back (Ctrl+B switches)")}
