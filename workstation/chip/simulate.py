"""The chip folder of a simulated capture: the simulated document's chip, read through
the simulated card reader exactly as ``workstation chip read`` reads a real one."""

from __future__ import annotations

import json

from workstation.chip.applet import SimulatedChip
from workstation.chip.files import CHIP_JSON, file_name_on_disk
from workstation.chip.personalise import CHIP_FORGERIES, chip_for_document
from workstation.chip.read import read_chip


def simulated_chip_files(doc_id: str, *, forgery: str | None = None, seed: int = 0
                         ) -> dict[str, bytes]:
    """``chip/`` file name -> bytes (``EF.COM``, ``EF.SOD``, ``DGn.bin``, ``chip.json``) of
    the simulated document; chip forgeries of :data:`CHIP_FORGERIES` applied, page
    forgeries leave the chip genuine."""
    image = chip_for_document(doc_id, forgery=forgery if forgery in CHIP_FORGERIES else None,
                              seed=seed)
    chip = SimulatedChip(image)
    result = read_chip(chip, image.mrz_key, reset=chip.reset, reader="Simulated chip reader",
                       atr=chip.atr)
    out = {file_name_on_disk(name): data for name, data in result.files.items()}
    record = result.to_json()
    record["simulation"] = {"forgery": forgery if forgery in CHIP_FORGERIES else None,
                            "description": CHIP_FORGERIES.get(forgery or "", "genuine chip")}
    out[CHIP_JSON] = (json.dumps(record, indent=2) + "\n").encode()
    return out
