"""Where secrets come from: the operating-system account, a file descriptor, a terminal.

* :func:`os_login` — the operating-system account running the program, from the
  kernel (the effective user id), never from an environment variable: setting
  ``WORKSTATION_USER`` or ``USER`` does not make anyone someone else.
* :func:`os_secret` — the ``os`` sign-in method's secret: 32 random bytes in the
  account's own configuration folder (:func:`workstation.paths.config_dir`, mode
  0600), never in the data folder, so a copy of the data folder cannot sign.
* :class:`SecretReader` — secrets for scripted use, one line per secret from a file
  descriptor (``--secret-fd 0`` is standard input; ``--secret-fd 3`` a pipe the
  calling script opened), or typed at a terminal without echo. Never from an
  environment variable or the command line, where other processes can read them.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from pathlib import Path
from typing import IO

from workstation.errors import InputError

#: Longest secret read (bytes): a line longer than this is not a password.
MAX_SECRET_BYTES = 4096
#: Fewest characters of a password.
MIN_PASSWORD_LENGTH = 8
OS_SECRET_FILE = "os-secret"


def os_login() -> str:
    """The operating-system account running this process (from the kernel)."""
    if os.name == "posix":
        import pwd

        try:
            return pwd.getpwuid(os.geteuid()).pw_name
        except KeyError:
            return f"uid{os.geteuid()}"
    import ctypes  # pragma: no cover - Windows

    size = ctypes.c_ulong(257)
    buf = ctypes.create_unicode_buffer(size.value)
    if not ctypes.windll.advapi32.GetUserNameW(buf, ctypes.byref(size)):  # type: ignore[attr-defined]
        raise InputError("cannot tell the operating-system account")
    return str(buf.value)


def os_secret_path() -> Path:
    """The file of the ``os`` method's secret (refused inside the data folder)."""
    from workstation.paths import config_dir, data_dir

    folder = config_dir().resolve()
    data = data_dir(create=False).resolve()
    if folder == data or data in folder.parents:
        raise InputError(f"the account's configuration folder {folder} lies inside the data "
                         "folder: a copy of the data folder would carry the secret")
    return folder / OS_SECRET_FILE


def os_secret(*, create: bool) -> bytes:
    """The ``os`` method's secret; created on first use when ``create`` (safe when two
    processes race: the first one's secret wins). ``InputError`` when it is missing."""
    path = os_secret_path()
    if not path.is_file():
        if not create:
            raise InputError(f"the operating-system account's secret is missing ({path}): "
                             "an administrator must enrol the account again")
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
                fh.flush()
                os.fsync(fh.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    info = path.stat()
    if os.name == "posix" and (info.st_mode & 0o077 or info.st_uid != os.geteuid()):
        raise InputError(f"{path} must belong to this account and be readable by it alone "
                         "(mode 0600)")
    data = path.read_bytes()
    if len(data) != 32:
        raise InputError(f"{path} is damaged")
    return data


class SecretReader:
    """Reads secrets: from file descriptors given on the command line (one line per
    secret; several secrets may come one after another from one descriptor), else from
    the terminal without echo. Refuses to guess when neither is there."""

    def __init__(self) -> None:
        self._files: dict[int, IO[bytes]] = {}

    def read(self, fd: int | None, prompt: str) -> str:
        """One secret: the next line of ``fd``, or typed at the terminal."""
        if fd is None:
            if not (sys.stdin is not None and sys.stdin.isatty()):
                raise InputError(f"{prompt.rstrip(': ')}: no terminal to ask on; give the "
                                 "secret on a file descriptor (--secret-fd 0 reads standard "
                                 "input), never in the environment or on the command line")
            return getpass.getpass(prompt)
        fh = self._files.get(fd)
        if fh is None:
            try:
                fh = os.fdopen(fd, "rb", buffering=0 if fd else -1, closefd=False)
            except OSError as exc:
                raise InputError(f"cannot read the secret from file descriptor {fd}: "
                                 f"{exc.strerror or exc}") from None
            self._files[fd] = fh
        line = _readline(fh)
        if line is None:
            raise InputError(f"{prompt.rstrip(': ')}: nothing to read on file descriptor {fd}")
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"the secret on file descriptor {fd} is not UTF-8 text") from None


def _readline(fh: IO[bytes]) -> bytes | None:
    """One line of at most :data:`MAX_SECRET_BYTES`, without its line break (byte by byte,
    so the next secret on the same descriptor stays unread)."""
    out = bytearray()
    while True:
        ch = fh.read(1)
        if not ch:
            return bytes(out) if out else None
        if ch == b"\n":
            break
        out += ch
        if len(out) > MAX_SECRET_BYTES:
            raise InputError("the secret is longer than a password can be")
    return bytes(out).rstrip(b"\r")


def check_password(password: str, name: str) -> str:
    """Refuse a password shorter than :data:`MIN_PASSWORD_LENGTH` or equal to the name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if password.strip().lower() == name.strip().lower():
        raise InputError("a password may not be the account's name")
    return password
