"""Where the workstation keeps its data and finds its resources.

One lookup for resources that works from a source tree, an installed package
and a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "workstation"


def data_dir(create: bool = True) -> Path:
    """The data folder: ``$WORKSTATION_HOME`` when set, else the per-user data folder."""
    env = os.environ.get("WORKSTATION_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The ``resources/`` folder shipped with the program."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    env = os.environ.get("WORKSTATION_RESOURCES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one shipped resource, e.g. ``resource("fonts", "OCRB.ttf")``."""
    return resources_dir().joinpath(*parts)


def login_name() -> str:
    """The session's default user: ``$WORKSTATION_USER``, else the operating-system login
    name, else ``"examiner"`` (no database or Qt needed)."""
    import getpass

    name = os.environ.get("WORKSTATION_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "examiner"
    except (KeyError, OSError):
        return "examiner"
