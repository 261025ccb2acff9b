"""Content stored once by SHA-256: images and reports.

Two places, chosen by ``$WORKSTATION_IMAGE_STORE``:

* ``files`` (the default): ``data_dir()/blobs/ab/abcdef....`` (folders 0700, files
  0600: portraits and personal data are never world-readable), written
  atomically (temporary file, fsync, rename, fsync of the folder) *before* the
  database row that names it commits, so a committed row never points at a
  missing or half-written file; a crash in between leaves at most an unnamed
  file that the next save of the same content reuses.
* ``database``: the bytes go into the ``blobs`` table itself, in the same
  transaction as the rows that use them — for many workstations sharing one
  PostgreSQL server.

Either way the ``blobs`` table lists every hash; reading checks the bytes
against their hash and fails loudly on a mismatch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from pathlib import Path

from sqlalchemy.orm import Session

from workstation.cases.models import BlobRow
from workstation.errors import InputError, StorageError
from workstation.fsutil import atomic_write_bytes, make_private_dir
from workstation.paths import data_dir

MODES = ("files", "database")


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` as 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Where blob bytes live: a content-addressed folder or the database."""

    def __init__(self, mode: str | None = None, root: str | Path | None = None) -> None:
        mode = mode or os.environ.get("WORKSTATION_IMAGE_STORE") or "files"
        if mode not in MODES:
            raise InputError(f"WORKSTATION_IMAGE_STORE must be one of {', '.join(MODES)}, "
                             f"not {mode!r}")
        self.mode = mode
        self.root = Path(root) if root is not None else data_dir() / "blobs"

    def path_of(self, sha256: str) -> Path:
        """The file that holds ``sha256`` in the folder store."""
        return self.root / sha256[:2] / sha256

    def prepare(self, data: bytes) -> str:
        """Write ``data`` to the folder store (when used) before the transaction; its hash."""
        digest = sha256_hex(data)
        if self.mode == "files":
            path = self.path_of(digest)
            if not (path.is_file() and path.stat().st_size == len(data)):
                make_private_dir(self.root)
                atomic_write_bytes(path, data)  # 0600 in the private folder
                _fsync_dir(path.parent)
        return digest

    def add(self, session: Session, data: bytes, media_type: str) -> str:
        """Record ``data`` (already :meth:`prepare`-d) in ``session``; its hash."""
        digest = sha256_hex(data)
        if session.get(BlobRow, digest) is None:
            session.add(BlobRow(sha256=digest, size_bytes=len(data), media_type=media_type,
                                data=data if self.mode == "database" else None,
                                created_at=dt.datetime.now(dt.UTC)))
            session.flush()
        return digest

    def read(self, session: Session, sha256: str) -> bytes:
        """The bytes of ``sha256``, checked against the hash."""
        row = session.get(BlobRow, sha256)
        if row is None:
            raise StorageError(f"no stored content with SHA-256 {sha256}")
        if row.data is not None:
            data = bytes(row.data)
        else:
            try:
                data = self.path_of(sha256).read_bytes()
            except OSError:
                raise StorageError(f"stored file for {sha256} is missing from "
                                   f"{self.root}") from None
        if sha256_hex(data) != sha256:
            raise StorageError(f"stored content {sha256} is corrupt (hash mismatch)")
        return data


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
