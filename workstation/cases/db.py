"""The case database: which one, how to connect, and its migrations.

* ``WORKSTATION_DB_URL`` (any SQLAlchemy URL; PostgreSQL through psycopg 3 is
  the tested server: ``postgresql+psycopg://user@host/db``) or, by default,
  SQLite in ``data_dir()/workstation.db``.
* SQLite runs in WAL mode with ``synchronous=FULL``: WAL lets the window read
  while a save is being written, and FULL makes every commit durable even on a
  power cut (NORMAL in WAL mode survives a crashed *process* but may lose the
  last commits on a power loss; a finding is evidence, and a commit costs one
  extra fsync of the WAL, about a millisecond on an SSD). Writers start with
  ``BEGIN IMMEDIATE`` so two processes never both read the audit chain head and
  then race to append; readers use a plain ``BEGIN`` and never block a writer.
* Schema changes are Alembic migrations shipped in
  ``workstation/cases/migrations``; :func:`migrate` applies them at start-up
  from Python (no ``alembic.ini``), under an advisory lock on PostgreSQL so
  workstations starting together do not migrate twice.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from workstation.errors import InputError, StorageError
from workstation.paths import data_dir

#: Execution option that marks a connection whose transactions write.
WRITE_OPTION = "workstation_write"
#: Seconds one attempt to take the write lock waits inside SQLite (the repository
#: retries until :func:`write_wait_s`, saying so in between).
SQLITE_BUSY_TIMEOUT_S = 5
#: Seconds a write waits in all for another program's write lock, unless
#: ``$WORKSTATION_DB_BUSY_TIMEOUT_S`` says otherwise.
DEFAULT_WRITE_WAIT_S = 300.0
#: Bytes of the SQLite file read through a memory map.
SQLITE_MMAP_BYTES = 256 * 1024 * 1024
#: Advisory lock key taken while migrating a PostgreSQL database.
MIGRATION_LOCK_KEY = 0x57_4B_53_54  # "WKST"


def database_url() -> URL:
    """``$WORKSTATION_DB_URL``, or SQLite in the data folder."""
    raw = os.environ.get("WORKSTATION_DB_URL")
    if raw:
        try:
            return make_url(raw)
        except ArgumentError:
            raise InputError(f"WORKSTATION_DB_URL is not a database URL: {raw!r}") from None
    return make_url(f"sqlite:///{data_dir() / 'workstation.db'}")


def write_wait_s() -> float:
    """Seconds a write waits for a locked database: ``$WORKSTATION_DB_BUSY_TIMEOUT_S`` or
    :data:`DEFAULT_WRITE_WAIT_S`."""
    raw = os.environ.get("WORKSTATION_DB_BUSY_TIMEOUT_S", "").strip()
    if not raw:
        return DEFAULT_WRITE_WAIT_S
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"WORKSTATION_DB_BUSY_TIMEOUT_S is not a number: {raw!r}") from None
    if not 0 <= value <= 86400:
        raise InputError("WORKSTATION_DB_BUSY_TIMEOUT_S must be 0 to 86400 seconds")
    return value


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means another program holds the lock (SQLite busy/locked,
    PostgreSQL lock timeout)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return ("database is locked" in text or "database is busy" in text
            or "lock timeout" in text or "could not obtain lock" in text)


def database_label(url: URL) -> str:
    """The database's URL without its password (how checkpoints name it)."""
    return url.render_as_string(hide_password=True)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        # Searches touch pages all over the examinations table: keep them in memory
        # (32 MiB of page cache; reads through a memory map instead of a system call
        # per page).
        cur.execute("PRAGMA cache_size = -32768")
        cur.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_db_engine(url: str | URL | None = None) -> Engine:
    """An engine for ``url`` (default :func:`database_url`) set up as described above."""
    url = make_url(url) if url is not None else database_url()
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            private_database_file(Path(url.database))
    else:
        # No pre-ping (it costs a round trip per checkout, more than an indexed search
        # takes); connections are recycled hourly and a dropped one is replaced after
        # the error that reveals it.
        kwargs["pool_recycle"] = 3600
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise InputError(f"cannot use database {url.render_as_string()}: {exc}") from None
    if url.get_backend_name() == "sqlite":
        _sqlite_setup(engine)
    return engine


def private_database_file(path: Path) -> None:
    """Make the SQLite file (and its ``-wal``/``-shm`` companions) readable by its owner
    only: created empty with mode 0600 before SQLite opens it (SQLite gives the
    companions the database file's mode), and tightened to 0600 when it exists more
    open (POSIX)."""
    from workstation.fsutil import make_dirs

    make_dirs(path.parent)
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError:
        return  # unwritable folder: SQLite says so when it opens the file
    else:
        os.close(fd)
    for candidate in (path, path.with_name(path.name + "-wal"),
                      path.with_name(path.name + "-shm")):
        try:
            info = candidate.stat()
            if info.st_mode & 0o077 and info.st_uid == os.geteuid():
                os.chmod(candidate, 0o600)
        except OSError:
            continue


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parent / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default the latest), in one transaction."""
    from alembic import command

    if revision == "head":
        try:
            if current_revision(engine) == head_revision():
                return  # nothing to do: no write lock taken (a busy database still opens)
        except SQLAlchemyError:
            pass  # e.g. an empty database file: migrate below says what is wrong
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": MIGRATION_LOCK_KEY})
                command.upgrade(_alembic_config(conn), revision)
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot prepare the case database: {_one_line(exc)}") from None


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (``None`` when empty)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The latest revision shipped with the program."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(None)).get_current_head()
    assert head is not None
    return head


def _one_line(exc: BaseException) -> str:
    text_ = str(getattr(exc, "orig", None) or exc)
    return text_.strip().splitlines()[0] if text_.strip() else type(exc).__name__
