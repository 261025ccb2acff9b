"""``workstation devices list`` and ``workstation capture`` (formats.md §4 conventions)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workstation.errors import DeviceError, InputError


def register(subparsers: Any) -> None:
    """Add the ``devices`` and ``capture`` sub-commands."""
    devices = subparsers.add_parser("devices", help="readers, cameras and lamp boards")
    dsub = devices.add_subparsers(dest="devices_command", metavar="ACTION")
    lst = dsub.add_parser("list", help="what is attached and what is configured")
    lst.add_argument("--json", action="store_true", help="JSON on standard output")
    lst.set_defaults(handler=_list)
    devices.set_defaults(handler=_devices_help(devices))

    cap = subparsers.add_parser(
        "capture", help="capture every light with a reader into a capture folder")
    cap.add_argument("--reader", metavar="NAME",
                     help="configured reader name or reader kind (default: the active reader)")
    cap.add_argument("--out", metavar="DIR", required=True,
                     help="capture folder to create (must not exist or be empty)")
    cap.add_argument("--lights", metavar="LIST",
                     help="comma-separated lights (default: every light of the reader)")
    cap.add_argument("--set", metavar="KEY=VALUE", action="append", default=[],
                     dest="options", help="reader option (dots for nested keys, JSON values), "
                                          "e.g. --set folder=/export --set camera.device=1")
    cap.add_argument("--json", action="store_true", help="JSON summary on standard output")
    cap.set_defaults(handler=_capture)

    # the lamp watchdog process a rig starts (the application bundle has no "python -m")
    wd = subparsers.add_parser("lamp-watchdog", help="(internal) the lamp watchdog a rig starts")
    from workstation.hardware.watchdog import add_arguments, run_args

    add_arguments(wd)
    wd.set_defaults(handler=run_args)


def _devices_help(parser: argparse.ArgumentParser) -> Any:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help()
        return 2
    return handler


def _list(args: argparse.Namespace) -> int:
    from workstation.console import emit_json
    from workstation.hardware.base import reader_kinds
    from workstation.hardware.cardreader import list_card_readers
    from workstation.hardware.config import attached_devices, load_devices

    config = load_devices()
    attached = attached_devices()
    attached["card_readers"] = list_card_readers()
    configured = [{"name": name, "kind": cfg.kind, "active": name == config.active,
                   "options": config.to_json()["readers"][name]["options"]}
                  for name, cfg in sorted(config.readers.items())]
    out = {"attached": attached, "configured": configured, "active": config.active,
           "kinds": reader_kinds()}
    if args.json:
        emit_json(out)
        return 0
    print(f"active reader: {config.active}")
    print("configured readers:")
    for item in configured:
        mark = "*" if item["active"] else " "
        print(f" {mark} {item['name']} ({item['kind']})")
    boards = attached["relay_boards"]
    print("relay boards:" if boards else "relay boards: none attached")
    for b in boards:
        print(f"   {b['product']} serial {b['serial']} ({b['channels']} relays)")
    cams = attached["cameras"]
    print("cameras:" if cams else "cameras: none listed")
    for c in cams:
        print(f"   {c['device']} {c['name']}")
    print("card readers:")
    for r in attached["card_readers"]:
        chip = "chip present" if r["card_present"] else "no chip"
        print(f"   {r['name']} ({r['kind']}, {chip})")
    return 0


def parse_option(text: str) -> tuple[list[str], Any]:
    """``a.b=value`` -> (["a", "b"], value); the value is JSON when it parses, else a string.

    Raises:
        InputError: no ``=`` or an empty key.
    """
    key, sep, raw = text.partition("=")
    parts = [p.strip() for p in key.split(".")]
    if not sep or not all(parts):
        raise InputError(f"--set wants KEY=VALUE, got {text!r}")
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return parts, value


def apply_options(options: dict[str, Any], settings: list[str]) -> dict[str, Any]:
    """``options`` with every ``KEY=VALUE`` of ``settings`` applied (nested by dots)."""
    out = dict(options)
    for text in settings:
        parts, value = parse_option(text)
        node = out
        for part in parts[:-1]:
            child = node.get(part)
            child = dict(child) if isinstance(child, dict) else {}
            node[part] = child
            node = child
        node[parts[-1]] = value
    return out


def _capture(args: argparse.Namespace) -> int:
    from workstation.capture import save_capture
    from workstation.console import emit_json, say
    from workstation.fsutil import atomic_dir
    from workstation.hardware.base import ReaderConfig, open_reader
    from workstation.hardware.config import load_devices
    from workstation.types import Light

    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out}: already exists and is not an empty folder")
    lights = None
    if args.lights:
        try:
            lights = [Light.parse(x.strip()) for x in args.lights.split(",") if x.strip()]
        except ValueError as exc:
            raise InputError(f"--lights: {exc}") from None
    config = load_devices()
    name = args.reader or config.active
    try:
        base = config.reader(name)
    except DeviceError as exc:
        raise InputError(str(exc)) from None
    reader_config = ReaderConfig(base.kind, apply_options(base.options, args.options))

    def progress(done: int, total: int, light: Light) -> None:
        say(f"capture: {light} ({done + 1}/{total})")

    reader = open_reader(reader_config)
    try:
        say(f"capture: reader {reader.name}")
        capture = reader.capture_all(lights, progress=progress)
    finally:
        reader.close()
    if out.is_dir():
        out.rmdir()
    with atomic_dir(out) as tmp:
        save_capture(capture, tmp)
    say(f"capture: saved {len(capture.lights)} lights to {out}")
    if args.json:
        h, w = capture.size
        emit_json({"capture": str(out), "reader": name, "device": capture.device,
                   "lights": [lt.value for lt in capture.lights], "size": [w, h],
                   "dpi": capture.dpi})
    return 0
