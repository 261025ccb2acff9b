"""The viewer in plain Python (no Qt): sources and their pyramids, the shared viewport,
the modes and their panes, the composition of a frame, the specimen's zones, the
measurement tools, and what the window shows of an examination.

The Qt widgets (``workstation.ui.canvas``, ``workstation.ui.image_area``) render these
objects and send the user's input back to them.
"""

from __future__ import annotations

from workstation.session.viewer.annotate import Annotator, Tool
from workstation.session.viewer.compose import render_pane
from workstation.session.viewer.examination import (
    GROUP_ORDER,
    GROUP_TITLES,
    ExaminationView,
    focus_check,
    group_checks,
)
from workstation.session.viewer.panes import Frame, Levels, Mode, Pane, grid_shape
from workstation.session.viewer.snapshot import snapshot
from workstation.session.viewer.sources import Origin, Pyramid, SourceKey, build_pyramids
from workstation.session.viewer.state import ViewerState
from workstation.session.viewer.viewport import Viewport
from workstation.session.viewer.zones import CodeOutline, ZoneOverlay, zone_overlays

__all__ = [
    "GROUP_ORDER",
    "GROUP_TITLES",
    "Annotator",
    "CodeOutline",
    "ExaminationView",
    "Frame",
    "Levels",
    "Mode",
    "Origin",
    "Pane",
    "Pyramid",
    "SourceKey",
    "Tool",
    "ViewerState",
    "Viewport",
    "ZoneOverlay",
    "build_pyramids",
    "focus_check",
    "grid_shape",
    "group_checks",
    "render_pane",
    "snapshot",
    "zone_overlays",
]
