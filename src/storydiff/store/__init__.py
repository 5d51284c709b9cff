"""Storage: one ``Store`` interface; SQLite (default, one file) or PostgreSQL behind it.

``open_store()`` opens ``STORYDIFF_DB`` (else ./storydiff.db); ``open_store("data/news.db")`` a
SQLite file; ``open_store("postgresql://user@host/db")`` a PostgreSQL database.
"""

from __future__ import annotations

from storydiff.store.base import Store, StorySummary

# The engine (SQLAlchemy, ~0.4 s to import) is imported by open_store, not here: what reads only
# the codec (compare's kept parses, keyed by codec.analysis_key) never opens a database.


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (creating and upgrading as needed) the database at ``url``; with ``create`` False a
    SQLite file that does not exist is a ValueError rather than a new empty database.

    ValueError, with the reason, for a URL of an unsupported kind or a database that cannot be
    opened (not a database file, server unreachable, no permission)."""
    from sqlalchemy.exc import SQLAlchemyError

    from storydiff.store.engine import make_engine
    from storydiff.store.sql import SqlStore

    engine = make_engine(url, create=create)
    try:
        return SqlStore(engine)
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        where = engine.url.render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise ValueError(f"cannot open database {where}: {reason}") from exc
    except BaseException:
        engine.dispose()
        raise


__all__ = ["Store", "StorySummary", "open_store"]
