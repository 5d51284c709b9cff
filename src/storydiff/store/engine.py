"""Engines for the two supported backends, configured for safe concurrent use."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from storydiff.settings import default_db_url
from storydiff.store.search_index import filter_regex, starts_a_word_in
from storydiff.store.speaker_filter import compiled

SQLITE_BUSY_TIMEOUT_MS = 30_000  # a second writer (another ingest, the web app) waits, not fails


def normalize_url(url: str | None) -> str:
    """``None`` -> the default database; a plain path -> SQLite; ``postgresql://`` and
    ``postgres://`` -> the psycopg 3 driver (the only PostgreSQL driver storydiff ships with)."""
    if url is None:
        url = default_db_url()
    url = url.strip()
    if not url:
        raise ValueError("empty database URL")
    if "://" not in url:
        return "sqlite:///" + url
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str | None, *, create: bool = True) -> Engine:
    """An engine for ``url``. With ``create`` False a SQLite file must already exist: a reader
    given a mistyped path should say so, not show an empty new database (and leave it behind)."""
    parsed = make_url(normalize_url(url))
    backend = parsed.get_backend_name()
    database = parsed.database or ""
    if backend == "sqlite" and not create and database != ":memory:" and not Path(database).expanduser().is_file():
        raise ValueError(f"no database at {database or '(empty path)'} (storydiff ingest creates one)")
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise ValueError(f"unsupported database {backend!r}: use a SQLite path or a postgresql:// URL")


def _switch_to_wal(cur) -> None:
    """PRAGMA journal_mode=WAL, retried: on a new file the switch needs the database to itself,
    and SQLite answers "database is locked" at once, busy timeout or not, while another process
    opening the same new file at the same instant holds it (two ingests started together)."""
    import sqlite3
    import time

    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _py_lower(value):
    return value.lower() if isinstance(value, str) else value


@functools.lru_cache(maxsize=64)
def _folded_pattern(folded: str) -> re.Pattern:
    return re.compile(filter_regex(folded, "python"))


def _folded_has(value, folded) -> bool:
    """Whether ``search_index.fold(value)`` holds ``folded`` (a filter's text, folded): search's
    outlet and speaker filters on SQLite, from a word's start. A value in ASCII has nothing to fold (a quote's paragraph
    in ~1 us); another is matched by the filter's regular expression, as PostgreSQL matches it."""
    if not isinstance(value, str) or not isinstance(folded, str):
        return False
    if value.isascii():
        return starts_a_word_in(folded, value.lower())
    return _folded_pattern(folded).search(value) is not None


def _regex_has(value, pattern) -> bool:
    """Whether Python's ``re`` finds ``pattern`` in ``value``: the speaker filter's paragraph
    match on SQLite (``speaker_filter.context_regex``), as PostgreSQL's ``~*`` does."""
    if not isinstance(value, str) or not isinstance(pattern, str):
        return False
    return compiled(pattern).search(value) is not None


def _create_private(path: Path) -> None:
    """Create a new database file readable by its owner alone (0600; SQLite gives its -wal and
    -shm files the same mode): it holds the watched sources' URLs, credentials in them included,
    which the umask's usual 0644 showed every local user (review 25a). An existing file is left
    as its owner set it."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError:  # it exists; or a folder in the way, no permission: SQLite says so on opening
        pass


def _sqlite_engine(parsed) -> Engine:
    database = parsed.database or ""
    if database in ("", ":memory:"):
        # One shared connection, or every pooled connection would see its own empty database.
        engine = create_engine(parsed, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        folder = Path(database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:  # a path under a file, a folder we may not create
            raise ValueError(f"cannot create the folder of database {database}: {e.strerror or e}") from None
        _create_private(Path(database).expanduser())
        engine = create_engine(parsed)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy's "begin" event below open transactions, instead of the sqlite3 module's
        # implicit ones (which leave DDL and reads outside any transaction).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # The busy timeout first: switching to WAL needs a lock, and a second process opening the
        # database at the same instant must wait for it rather than fail "database is locked".
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _switch_to_wal(cur)  # readers never block the writer, nor it them
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a killed process loses nothing
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()
        # SQLite's lower() folds ASCII only: "Обрій" stayed "Обрій" against a pattern Python had
        # lower-cased, so filters on Cyrillic outlets and speakers matched nothing
        dbapi_conn.create_function("py_lower", 1, _py_lower, deterministic=True)
        dbapi_conn.create_function("py_folded_has", 2, _folded_has, deterministic=True)
        dbapi_conn.create_function("py_regex_has", 2, _regex_has, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
