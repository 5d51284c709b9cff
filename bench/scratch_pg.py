"""PostgreSQL databases of the benches' own, beside the one a URL names.

A bench is handed the URL of a server it may share with a team or with the test suite; the
database that URL names is someone's. The benches therefore never write there: they create a
database of their own on the same server (same user, host and port) and drop it when done, so
running a bench loses nothing stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from storydiff.store.engine import normalize_url


def database_url(server_url: str, name: str) -> str:
    """The URL of database ``name`` on the server ``server_url`` names."""
    return make_url(normalize_url(server_url)).set(database=name).render_as_string(hide_password=False)


def _run(server_url: str, statement: str) -> None:
    # CREATE / DROP DATABASE cannot run in a transaction: autocommit, connected to the named
    # database (any database of the server will do for them).
    admin = create_engine(make_url(normalize_url(server_url)), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        admin.dispose()


def drop_database(server_url: str, name: str) -> None:
    _run(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def recreate_database(server_url: str, name: str) -> str:
    """An empty database ``name`` (dropped first if a previous run left it); its URL."""
    if not name.startswith("storydiff_bench_"):
        raise ValueError(f"{name!r}: the benches only create and drop databases named storydiff_bench_*")
    drop_database(server_url, name)
    _run(server_url, f'CREATE DATABASE "{name}"')
    return database_url(server_url, name)


@contextmanager
def scratch_database(server_url: str, name: str) -> Iterator[str]:
    """An empty database for the block, dropped after it."""
    url = recreate_database(server_url, name)
    try:
        yield url
    finally:
        drop_database(server_url, name)
