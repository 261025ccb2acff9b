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
    """The data folder: ``$WORKSTATION_HOME`` when set, else the per-user data folder.

    It holds travellers' personal data, so it is private: created with mode 0700, and
    tightened to 0700 when found more open (POSIX; on Windows the per-user data folder
    is private through its inherited access list). Files created under it are 0600
    (:mod:`workstation.fsutil`).
    """
    env = os.environ.get("WORKSTATION_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    if create:
        from workstation.fsutil import make_private_dir

        make_private_dir(path)
    return path


def config_dir(create: bool = True) -> Path:
    """The operating-system account's own configuration folder (never inside the data
    folder): ``$WORKSTATION_CONFIG_HOME`` when set, else the platform's per-user
    configuration folder. It keeps what belongs to the account rather than to the
    workstation's data, such as the secret of the ``os`` sign-in method; a copy of the
    data folder does not include it."""
    env = os.environ.get("WORKSTATION_CONFIG_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        from platformdirs import user_config_dir

        path = Path(user_config_dir(APP_NAME, appauthor=False))
    if create:
        from workstation.fsutil import make_private_dir

        make_private_dir(path)
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
