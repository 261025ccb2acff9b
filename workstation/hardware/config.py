"""Which readers this workstation has, which one is active, and opening it at start-up.

The configuration lives in ``devices.json`` in the data folder::

    {
      "format": "workstation.devices/1",
      "active": "box",
      "readers": {
        "box": {"kind": "rig", "options": {"relay": {"serial": "QWERT"},
                                             "camera": {"device": 0}}},
        "desko": {"kind": "folder", "options": {"folder": "C:/Export"}}
      }
    }

A ``simulator`` reader (kind ``simulated``) is always there. With no
hardware attached, :func:`open_startup_reader` falls back to the simulator
and says which device it could not find.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workstation.errors import DeviceError, FormatError
from workstation.fsutil import atomic_write_text
from workstation.hardware.base import Reader, ReaderConfig, open_reader, reader_kinds

DEVICES_FILE = "devices.json"
DEVICES_FORMAT = "workstation.devices/1"
SIMULATOR = "simulator"


def devices_path() -> Path:
    """``devices.json`` in the data folder."""
    from workstation.paths import data_dir

    return data_dir() / DEVICES_FILE


#: Options that hold in-memory objects (tests): never written to the file, never copied.
_HOOKS = ("usb_backend", "capture_factory")


def _json_safe(options: dict[str, Any]) -> dict[str, Any]:
    """Options without the in-memory test hooks (backend objects, factories)."""
    return {k: v for k, v in options.items() if k not in _HOOKS}


@dataclass
class DevicesConfig:
    """The configured readers (name -> :class:`ReaderConfig`) and the active one."""

    readers: dict[str, ReaderConfig] = field(default_factory=dict)
    active: str = SIMULATOR

    def __post_init__(self) -> None:
        self.readers.setdefault(SIMULATOR, ReaderConfig("simulated"))

    def reader(self, name: str) -> ReaderConfig:
        """The reader called ``name``; a bare kind (``simulated``, ``rig``...) also works.

        Raises:
            DeviceError: neither a configured name nor a known kind.
        """
        if name in self.readers:
            cfg = self.readers[name]
            return ReaderConfig(cfg.kind, {k: v if k in _HOOKS else copy.deepcopy(v)
                                           for k, v in cfg.options.items()})
        if name in reader_kinds():
            return ReaderConfig(name)
        known = ", ".join(sorted(self.readers))
        raise DeviceError(name, f"no such reader configured (configured: {known}; "
                                f"kinds: {', '.join(reader_kinds())})")

    def to_json(self) -> dict[str, Any]:
        return {"format": DEVICES_FORMAT, "active": self.active,
                "readers": {name: {"kind": cfg.kind, "options": _json_safe(cfg.options)}
                            for name, cfg in sorted(self.readers.items())}}

    @classmethod
    def from_json(cls, obj: Any, where: str) -> DevicesConfig:
        if not isinstance(obj, dict) or obj.get("format") != DEVICES_FORMAT:
            raise FormatError(where, f"'format' must be {DEVICES_FORMAT!r}")
        raw = obj.get("readers", {})
        if not isinstance(raw, dict):
            raise FormatError(where, "'readers' must be an object")
        readers: dict[str, ReaderConfig] = {}
        for name, spec in raw.items():
            if not isinstance(spec, dict) or not isinstance(spec.get("kind"), str):
                raise FormatError(where, f"reader {name!r} needs a 'kind'")
            options = spec.get("options", {})
            if not isinstance(options, dict):
                raise FormatError(where, f"reader {name!r}: 'options' must be an object")
            readers[str(name)] = ReaderConfig(spec["kind"], options)
        active = obj.get("active", SIMULATOR)
        if not isinstance(active, str):
            raise FormatError(where, "'active' must be a reader name")
        return cls(readers=readers, active=active)


def load_devices(path: Path | None = None) -> DevicesConfig:
    """The devices configuration (the default one when the file does not exist).

    Raises:
        FormatError: the file exists but is not a devices configuration.
    """
    path = path or devices_path()
    if not path.exists():
        return DevicesConfig()
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(path, f"not a devices configuration: {exc}") from None
    return DevicesConfig.from_json(obj, str(path))


def save_devices(config: DevicesConfig, path: Path | None = None) -> Path:
    """Write the devices configuration atomically; returns the path."""
    path = path or devices_path()
    atomic_write_text(path, json.dumps(config.to_json(), indent=2, ensure_ascii=False) + "\n")
    return path


@dataclass
class Startup:
    """The reader the program started with and, if it fell back, why."""

    reader: Reader
    name: str
    notice: str | None = None


def open_startup_reader(config: DevicesConfig | None = None) -> Startup:
    """Open the active reader; when it cannot be opened, open the simulator instead.

    The ``notice`` then names the device that could not be found, e.g.
    ``"USB relay board QWERT: not found ...; using the simulator"``.
    """
    config = config or load_devices()
    name = config.active
    try:
        return Startup(open_reader(config.reader(name)), name)
    except DeviceError as exc:
        if name == SIMULATOR:
            raise
        notice = f"{exc}; using the simulator instead of {name!r}"
    return Startup(open_reader(config.reader(SIMULATOR)), SIMULATOR, notice)


def attached_devices(usb_backend: Any = None) -> dict[str, Any]:
    """What is attached: relay boards and cameras (the ``devices list`` JSON)."""
    from workstation.hardware.camera import list_cameras
    from workstation.hardware.usb_relay import list_boards

    return {
        "relay_boards": [b.to_json() for b in list_boards(usb_backend)],
        "cameras": list_cameras(),
    }
