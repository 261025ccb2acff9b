"""Card readers: the protocol every contactless (or contact) chip reader keeps, the base
class drivers build on, and the in-process simulated reader.

The reader pattern of :mod:`workstation.hardware.base`: public methods validate
and keep state, then call small ``_do_*`` hooks that talk to the device.
Drivers: ``simulated`` (a simulated chip of the Utopia documents, in process)
and ``pcsc`` (any PC/SC reader through pyscard, :mod:`workstation.hardware.pcsc`).
A :class:`CardConnection` is the chip package's transport (``transmit``).
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from workstation.errors import DeviceError


@runtime_checkable
class CardConnection(Protocol):
    """An open connection to the chip on a reader."""

    @property
    def atr(self) -> bytes:
        """The chip's answer to reset."""
        ...

    def transmit(self, apdu: bytes) -> bytes:
        """Send a command APDU; returns data + SW1 SW2 (``DeviceError`` when the chip
        went away)."""
        ...

    def reset(self) -> None:
        """Power-cycle the chip (access control and secure messaging are lost)."""
        ...

    def close(self) -> None:
        """Release the chip."""
        ...


@runtime_checkable
class CardReader(Protocol):
    """A chip reader."""

    @property
    def name(self) -> str:
        """Human name of the reader."""
        ...

    def card_present(self) -> bool:
        """Whether a chip is in the field."""
        ...

    def connect(self) -> CardConnection:
        """Connect to the chip (``DeviceError`` when none is present)."""
        ...

    def close(self) -> None:
        """Release the reader."""
        ...


@dataclass
class CardReaderConfig:
    """Which card reader to open (``kind``: ``simulated`` or ``pcsc``) and its settings."""

    kind: str = "simulated"
    options: dict[str, Any] = field(default_factory=dict)


class BaseConnection(abc.ABC):
    """A connection that checks it is open before each command."""

    def __init__(self, reader: str, atr: bytes) -> None:
        self._reader = reader
        self._atr = atr
        self._open = True
        self._lock = threading.Lock()

    @property
    def atr(self) -> bytes:
        return self._atr

    def transmit(self, apdu: bytes) -> bytes:
        if not self._open:
            raise DeviceError(self._reader, "the chip connection is closed")
        if len(apdu) < 4 or len(apdu) > 65544:
            raise DeviceError(self._reader, f"refusing a malformed APDU of {len(apdu)} bytes")
        with self._lock:
            return self._do_transmit(bytes(apdu))

    def reset(self) -> None:
        if not self._open:
            raise DeviceError(self._reader, "the chip connection is closed")
        with self._lock:
            self._do_reset()

    def close(self) -> None:
        if self._open:
            self._open = False
            self._do_close()

    @abc.abstractmethod
    def _do_transmit(self, apdu: bytes) -> bytes:
        """Exchange one APDU with the chip."""

    @abc.abstractmethod
    def _do_reset(self) -> None:
        """Power-cycle the chip."""

    def _do_close(self) -> None:
        """Release the chip."""


class BaseCardReader(abc.ABC):
    """Common logic of card readers: closed readers refuse work; one connection at a time."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._closed = False
        self._lock = threading.RLock()

    @property
    def name(self) -> str:
        return self._name

    def card_present(self) -> bool:
        self._check_open()
        with self._lock:
            return self._do_card_present()

    def connect(self) -> CardConnection:
        self._check_open()
        with self._lock:
            if not self._do_card_present():
                raise DeviceError(self._name, "no chip in the field (place the document on the "
                                              "reader)")
            return self._do_connect()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._do_close()

    def __enter__(self) -> BaseCardReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_open(self) -> None:
        if self._closed:
            raise DeviceError(self._name, "the card reader is closed")

    @abc.abstractmethod
    def _do_card_present(self) -> bool:
        """Whether a chip is in the field."""

    @abc.abstractmethod
    def _do_connect(self) -> CardConnection:
        """Open the chip."""

    def _do_close(self) -> None:
        """Release the reader."""


class _SimulatedConnection(BaseConnection):
    def __init__(self, reader: str, chip: Any) -> None:
        super().__init__(reader, chip.atr)
        self._chip = chip

    def _do_transmit(self, apdu: bytes) -> bytes:
        out: bytes = self._chip.transmit(apdu)
        return out

    def _do_reset(self) -> None:
        self._chip.reset()


class SimulatedCardReader(BaseCardReader):
    """A reader with a simulated chip in its field (no hardware).

    ``load_document(doc_id, forgery=None, seed=0)`` puts the chip of a simulated
    Utopia document on it (the chip of what the simulated document reader shows
    with the same arguments); ``remove()`` takes it away.

    Options (``CardReaderConfig("simulated", {...})``): ``document``, ``forgery``,
    ``seed``, ``max_read`` (longest READ BINARY the chip accepts), ``pace``, ``bac``,
    ``name``.
    """

    def __init__(self, *, document: str | None = "UTO-P-2020", forgery: str | None = None,
                 seed: int = 0, max_read: int = 256, pace: bool = True, bac: bool = True,
                 name: str = "Simulated chip reader") -> None:
        super().__init__(name)
        self._max_read = max_read
        self._pace, self._bac = pace, bac
        self._chip: Any = None
        if document:
            self.load_document(document, forgery=forgery, seed=seed)

    @property
    def chip(self) -> Any:
        """The simulated chip in the field (``None`` when empty)."""
        return self._chip

    def load_document(self, doc_id: str, forgery: str | None = None, seed: int = 0) -> None:
        """Put the chip of a simulated document in the field.

        Raises:
            DeviceError: unknown document or forgery.
        """
        from workstation.chip.applet import SimulatedChip
        from workstation.chip.personalise import CHIP_FORGERIES, chip_for_document

        chip_forgery = forgery if forgery in CHIP_FORGERIES else None
        try:
            image = chip_for_document(doc_id, forgery=chip_forgery, seed=seed, pace=self._pace,
                                      bac=self._bac)
        except ValueError as exc:
            raise DeviceError(self._name, str(exc)) from None
        with self._lock:
            self._chip = SimulatedChip(image, max_read=self._max_read)

    def insert(self, chip: Any) -> None:
        """Put an already made chip (anything with ``transmit``, ``reset``, ``atr``) in the
        field."""
        with self._lock:
            self._chip = chip

    def remove(self) -> None:
        """Take the chip out of the field."""
        with self._lock:
            self._chip = None

    def _do_card_present(self) -> bool:
        return self._chip is not None

    def _do_connect(self) -> CardConnection:
        self._chip.reset()
        return _SimulatedConnection(self._name, self._chip)


CardReaderFactory = Callable[[CardReaderConfig], CardReader]
_FACTORIES: dict[str, CardReaderFactory] = {}


def register_card_reader(kind: str, factory: CardReaderFactory) -> None:
    """Make :func:`open_card_reader` able to open readers of ``kind``."""
    _FACTORIES[kind] = factory


def _simulated(config: CardReaderConfig) -> CardReader:
    o = config.options
    return SimulatedCardReader(
        document=o.get("document", "UTO-P-2020"), forgery=o.get("forgery"),
        seed=int(o.get("seed", 0)), max_read=int(o.get("max_read", 256)),
        pace=bool(o.get("pace", True)), bac=bool(o.get("bac", True)),
        name=str(o.get("name", "Simulated chip reader")))


register_card_reader("simulated", _simulated)


def _load_builtin() -> None:
    """Import the built-in PC/SC driver (it registers its kind); a broken module fails
    loudly here instead of its kind going missing."""
    from workstation.hardware import pcsc

    del pcsc


def card_reader_kinds() -> list[str]:
    """The card reader kinds :func:`open_card_reader` knows."""
    _load_builtin()
    return sorted(_FACTORIES)


def open_card_reader(config: CardReaderConfig | None = None) -> CardReader:
    """Open the card reader ``config`` describes (the simulated one by default).

    Raises:
        DeviceError: unknown kind or the reader cannot be opened.
    """
    config = config or CardReaderConfig()
    _load_builtin()
    factory = _FACTORIES.get(config.kind)
    if factory is None:
        raise DeviceError(config.kind, f"unknown card reader kind (known: "
                                       f"{', '.join(sorted(_FACTORIES))})")
    return factory(config)


def list_card_readers() -> list[dict[str, Any]]:
    """Attached PC/SC readers (``name``, ``card_present``) and the simulated one."""
    from workstation.hardware.pcsc import pcsc_readers

    out: list[dict[str, Any]] = [{"name": "simulated", "kind": "simulated",
                                  "card_present": True}]
    for name, present in pcsc_readers():
        out.append({"name": name, "kind": "pcsc", "card_present": present})
    return out
