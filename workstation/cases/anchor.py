"""The audit chain's anchors outside the database: a chain key, signed checkpoints, TSA.

A hash chain alone can be rewritten by anyone who can write the database: edit an
event and recompute every later hash, cut the tail and move the head, or delete
everything. Three things stop that quietly working:

* **A keyed chain.** Every event carries ``mac`` = HMAC-SHA256 of its hash under
  the *chain key* (32 random bytes in ``<data>/audit/chain.key``, mode 0600, or
  the file ``chain_key_file`` of the audit configuration names — the same file on
  every workstation that shares one PostgreSQL database). Whoever can write the
  database but not read that file cannot forge an event.
* **Signed checkpoints** written after every committed write to an append-only
  file outside the database (``<data>/audit/checkpoints/<chain id>.jsonl``, or
  the ``checkpoint_dir`` of the configuration — a write-once share, another disk,
  a remote mount). Each line holds the chain's ``seq`` and ``hash`` at that moment,
  the hash of the line before it, and an Ed25519 signature by the workstation's
  checkpoint key (``<data>/audit/checkpoint-key.der``). Truncating, rewriting or
  wiping the chain no longer matches the checkpoints. The same checkpoint goes
  into each signed report (signed by the examiner, and held by whoever received
  the report), and, when ``tsa_url`` is configured, each line is time-stamped by
  an RFC 3161 authority — anchors that no one at the workstation can rewrite.
* **A binding** of each database to its chain id (``<data>/audit/chains.json``),
  so a database swapped for another one is noticed.

What is stored where: keys and checkpoints live in the data folder by default, so
against someone who controls the workstation's operating-system account they are
as strong as that account's files are; the report checkpoints, a checkpoint
folder elsewhere and the TSA are what remain then. ``audit/config.json``
(optional): ``{"checkpoint_dir": "...", "chain_key_file": "...",
"tsa_url": "...", "tsa_timeout_s": 10}``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.errors import FormatError, StorageError
from workstation.fsutil import atomic_write_text, make_private_dir

CHECKPOINT_FORMAT = "workstation.audit-checkpoint/1"
ZERO = "0" * 64


def canonical(obj: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, compact, UTF-8)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


@dataclass(frozen=True)
class AuditConfig:
    """Where the anchors live (see the module docstring); ``None`` means the default."""

    checkpoint_dir: str | None = None
    chain_key_file: str | None = None
    tsa_url: str | None = None
    tsa_timeout_s: float = 10.0

    @classmethod
    def load(cls, folder: Path) -> AuditConfig:
        """``folder/config.json``, or the defaults when it does not exist."""
        path = folder / "config.json"
        if not path.exists():
            return cls()
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FormatError(path, f"unreadable audit configuration: {exc}") from None
        known = {"checkpoint_dir", "chain_key_file", "tsa_url", "tsa_timeout_s"}
        if not isinstance(obj, dict) or set(obj) - known:
            raise FormatError(path, f"must be an object of {', '.join(sorted(known))}")
        try:
            return cls(**obj)
        except TypeError as exc:
            raise FormatError(path, str(exc)) from None


def _create_once(path: Path, data: bytes) -> bytes:
    """Write ``data`` to ``path`` unless it exists (0600; safe when processes race: the
    first one's bytes win, everyone reads them)."""
    if path.is_file():
        return path.read_bytes()
    make_private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # never replaces an existing key
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes()


class AuditKeys:
    """The chain key (HMAC) and the checkpoint signing key (Ed25519)."""

    def __init__(self, chain_key: bytes, checkpoint_key_der: bytes) -> None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        if len(chain_key) != 32:
            raise StorageError("the audit chain key must be 32 bytes")
        self._chain_key = chain_key
        self.key_id = hashlib.sha256(b"workstation chain key id|" + chain_key).hexdigest()[:16]
        key = serialization.load_der_private_key(checkpoint_key_der, None)
        if not isinstance(key, Ed25519PrivateKey):
            raise StorageError("the checkpoint key is not an Ed25519 key")
        self._signer = key
        self.public_hex = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()

    def mac(self, event_hash: str) -> str:
        """HMAC-SHA256 (hex) of an event's hash under the chain key."""
        return hmac.new(self._chain_key, event_hash.encode("ascii"), hashlib.sha256).hexdigest()

    def mac_matches(self, event_hash: str, mac: str) -> bool:
        return hmac.compare_digest(self.mac(event_hash), mac)

    def sign(self, data: bytes) -> str:
        return self._signer.sign(data).hex()

    def signature_valid(self, data: bytes, signature_hex: str, public_hex: str) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
                bytes.fromhex(signature_hex), data)
        except (InvalidSignature, ValueError):
            return False
        return True


_KEYS: dict[tuple[str, str], AuditKeys] = {}
_KEYS_LOCK = threading.Lock()


class Anchor:
    """The anchors of one data folder (``folder`` default ``<data>/audit``)."""

    def __init__(self, folder: str | Path | None = None,
                 config: AuditConfig | None = None) -> None:
        if folder is None:
            from workstation.paths import data_dir

            folder = data_dir() / "audit"
        self.folder = Path(folder)
        self.config = config if config is not None else AuditConfig.load(self.folder)
        self._lock = threading.Lock()

    # -- keys -------------------------------------------------------------------------------
    @property
    def chain_key_path(self) -> Path:
        return Path(self.config.chain_key_file) if self.config.chain_key_file \
            else self.folder / "chain.key"

    def keys(self) -> AuditKeys:
        """The keys, created on first use (concurrently safe), cached per process."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        cache_key = (str(self.chain_key_path), str(self.folder))
        with _KEYS_LOCK:
            hit = _KEYS.get(cache_key)
            if hit is not None and self.chain_key_path.is_file():
                return hit
        try:
            chain = _create_once(self.chain_key_path, os.urandom(32))
            fresh = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption())
            signing = _create_once(self.folder / "checkpoint-key.der", fresh)
            keys = AuditKeys(chain, signing)
        except OSError as exc:
            raise StorageError(f"audit keys in {self.folder}: {exc.strerror or exc}") from None
        with _KEYS_LOCK:
            _KEYS[cache_key] = keys
        return keys

    # -- binding a database to its chain ------------------------------------------------------
    def bind(self, database: str, chain_id: str) -> str:
        """Record that ``database`` (a URL without password) holds chain ``chain_id``; the
        problem (empty when none) if another chain was recorded for it."""
        path = self.folder / "chains.json"
        make_private_dir(self.folder)
        with self._lock, _locked(self.folder / ".chains.lock"):
            try:
                known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            except (OSError, ValueError):
                known = {}
            if not isinstance(known, dict):
                known = {}
            recorded = known.get(database)
            if recorded is None:
                known[database] = chain_id
                atomic_write_text(path, json.dumps(known, indent=2, sort_keys=True) + "\n")
                return ""
        if recorded != chain_id:
            return (f"this workstation recorded chain {recorded} for the database, which now "
                    f"holds chain {chain_id}: the database was replaced or its chain reset")
        return ""

    # -- checkpoints ------------------------------------------------------------------------
    def checkpoint_path(self, chain_id: str) -> Path:
        base = Path(self.config.checkpoint_dir) if self.config.checkpoint_dir \
            else self.folder / "checkpoints"
        return base / f"{chain_id or 'unnamed'}.jsonl"

    def checkpoint(self, chain_id: str, seq: int, head_hash: str) -> dict[str, Any]:
        """Append a signed checkpoint of the chain at ``seq``/``head_hash``; returns it.

        Lines are hash-linked and appended under an exclusive lock, so processes
        writing together keep one sequence. With ``tsa_url`` configured the line
        also carries an RFC 3161 token (a TSA that cannot be reached leaves the
        line without one: the checkpoint is never lost for it).
        """
        keys = self.keys()
        path = self.checkpoint_path(chain_id)
        make_private_dir(path.parent)
        with self._lock, _locked(path.with_name(path.name + ".lock")):
            last = _last_line(path)
            prev = hashlib.sha256(last).hexdigest() if last else ZERO
            n = (json.loads(last)["n"] + 1) if last else 1
            body = {"format": CHECKPOINT_FORMAT, "n": n, "chain": chain_id, "seq": seq,
                    "hash": head_hash, "at": dt.datetime.now(dt.UTC).isoformat(),
                    "prev": prev, "key": keys.public_hex}
            line: dict[str, Any] = {**body, "sig": keys.sign(canonical(body))}
            if self.config.tsa_url:
                line["tsa"] = self._timestamp(canonical(line))
            data = canonical(line) + b"\n"
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        return line

    def _timestamp(self, data: bytes) -> str | None:
        from workstation.tsa import TimestampError, request_token

        try:
            token = request_token(str(self.config.tsa_url), hashlib.sha256(data).digest(),
                                  timeout_s=self.config.tsa_timeout_s)
        except TimestampError:
            return None
        return token.hex()

    def read_checkpoints(self, chain_id: str) -> list[dict[str, Any]]:
        """Every checkpoint line of ``chain_id`` (unparseable lines as ``{"bad": text}``)."""
        path = self.checkpoint_path(chain_id)
        if not path.exists():
            return []
        out: list[dict[str, Any]] = []
        with open(path, "rb") as fh:
            for raw in fh:
                raw = raw.rstrip(b"\n")
                if not raw:
                    continue
                try:
                    obj = json.loads(raw)
                    if not isinstance(obj, dict):
                        raise ValueError
                    obj["_raw"] = raw
                    out.append(obj)
                except ValueError:
                    out.append({"bad": raw[:80].decode("utf-8", "replace"), "_raw": raw})
        return out

    def verify_checkpoints(self, chain_id: str, hashes: dict[int, str],
                           head_seq: int) -> CheckpointReport:
        """Check the checkpoint file of ``chain_id`` against the chain (``hashes``: seq →
        hash of every event, ``head_seq`` its last event).

        Every line must link to the one before and carry a valid signature of a
        checkpoint key; every checkpoint's ``seq`` must be in the chain with that
        hash, and none may lie beyond the chain's end. Time-stamp tokens must cover
        their lines.
        """
        keys = self.keys()
        lines = self.read_checkpoints(chain_id)
        problems: list[str] = []
        prev = ZERO
        last_seq = 0
        stamped = 0
        for i, line in enumerate(lines, start=1):
            raw = line.pop("_raw")
            if "bad" in line:
                problems.append(f"checkpoint line {i} is not readable")
                prev = hashlib.sha256(raw).hexdigest()
                continue
            token = line.pop("tsa", None)
            sig = line.pop("sig", "")
            if line.get("prev") != prev:
                problems.append(f"checkpoint {line.get('n', i)} does not follow the one "
                                "before it: checkpoints were removed or altered")
            if line.get("key") != keys.public_hex:
                problems.append(f"checkpoint {line.get('n', i)} is signed by a key that is "
                                "not this workstation's checkpoint key")
            if not keys.signature_valid(canonical(line), str(sig), str(line.get("key", ""))):
                problems.append(f"checkpoint {line.get('n', i)} has an invalid signature")
            if token:
                from workstation.tsa import TimestampError, check_token

                signed = {**line, "sig": sig}
                try:
                    check_token(bytes.fromhex(token), hashlib.sha256(canonical(signed)).digest())
                    stamped += 1
                except (TimestampError, ValueError) as exc:
                    problems.append(f"checkpoint {line.get('n', i)}: time stamp: {exc}")
            prev = hashlib.sha256(raw).hexdigest()
            seq, digest = line.get("seq"), line.get("hash")
            if not isinstance(seq, int) or not isinstance(digest, str):
                problems.append(f"checkpoint {line.get('n', i)} is malformed")
                continue
            last_seq = max(last_seq, seq)
            if seq > head_seq:
                problems.append(f"checkpoint {line.get('n', i)} saw event {seq} but the chain "
                                f"ends at {head_seq}: events were removed from the end")
            elif seq > 0 and hashes.get(seq) != digest:
                problems.append(f"checkpoint {line.get('n', i)} saw event {seq} with another "
                                "hash: the chain was rewritten")
        return CheckpointReport(count=len(lines), last_seq=last_seq, timestamped=stamped,
                                problems=problems)


@dataclass(frozen=True)
class CheckpointReport:
    """The checkpoints of one chain, checked: how many, the last ``seq`` they saw, how
    many were time-stamped, and every problem found."""

    count: int
    last_seq: int
    timestamped: int
    problems: list[str]


@contextlib.contextmanager
def _locked(path: Path) -> Any:
    """An exclusive advisory lock on ``path`` (created), across processes."""
    make_private_dir(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "posix":
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        yield
    finally:
        os.close(fd)


def _last_line(path: Path) -> bytes:
    """The last non-empty line of ``path`` (empty when the file is empty or missing)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            block = min(size, 8192)
            while True:
                fh.seek(size - block)
                data = fh.read(block).rstrip(b"\n")
                if b"\n" in data or block == size:
                    return data.rsplit(b"\n", 1)[-1]
                block = min(size, block * 2)
    except FileNotFoundError:
        return b""
