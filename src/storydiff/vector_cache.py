"""Sentence vectors kept on disk between runs, addressed by what made them and what they embed.

multilingual-e5 costs 25-50 ms of CPU a sentence, and the same sentences are embedded again by
every run over the same articles: `compare` of a folder twice, the web app's views of a story in
two languages, `storydiff demo` (1 s of its 3 s). A vector is stored under a hash of the model's
name, the prefix and the text, so a hit is exactly the vector the model gives (float32, no
rounding: the judgement of a cold and a warm run is the same). Best effort: a cache that cannot
be opened, read or written (read-only home, a full disk, another process's lock) is skipped, and
the vectors are computed as without it.

Where: ``vectors.sqlite`` in ``settings.cache_dir()`` (``STORYDIFF_CACHE_DIR=off``: no cache).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from storydiff.settings import cache_dir

# ~1.5 KB a vector: the newest 200k (~300 MB) are kept; past that the oldest tenth goes.
MAX_VECTORS = 200_000
_TRIM_EVERY = 1_000  # inserts between two size checks (and at each process's first write)
_lock = threading.Lock()
_inherited: list = []  # connections a forked child found open: kept, never used or closed there


def _after_fork_in_child() -> None:
    global _lock
    _lock = threading.Lock()  # another thread may have held it at the fork


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class VectorCache:
    """Vectors of one model in one SQLite file; every method answers as if empty when the file
    cannot be used."""

    def __init__(self, model: str, dim: int, path: Path | None = None) -> None:
        self.model, self.dim = model, dim
        folder = cache_dir()
        self.path = path or (folder / "vectors.sqlite" if folder else None)
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self._inserts = _TRIM_EVERY  # the first write of a process checks the size

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if self._db is not None:  # a forked worker: SQLite's connection may not cross a fork
            _inherited.append(self._db)
            self._db = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=2, isolation_level=None, check_same_thread=False)
            db.execute("pragma journal_mode=wal")
            db.execute("pragma synchronous=normal")  # WAL: a crash may lose the last writes, never the file
            db.execute("create table if not exists vectors (key blob primary key, vec blob not null)")
        except (sqlite3.Error, OSError):
            self.path = None  # unusable: not tried again in this process
            return None
        self._db, self._pid = db, os.getpid()
        return db

    def _key(self, prefix: str, text: str) -> bytes:
        return hashlib.blake2b(f"{self.model}\0{prefix}\0{text}".encode("utf-8", "replace"), digest_size=16).digest()

    def get_many(self, prefix: str, texts: Sequence[str]) -> list[np.ndarray | None]:
        found: list[np.ndarray | None] = [None] * len(texts)
        with _lock:
            db = self._connect()
            if db is None:
                return found
            keys = [self._key(prefix, t) for t in texts]
            where: dict[bytes, list[int]] = {}
            for i, k in enumerate(keys):
                where.setdefault(k, []).append(i)
            unique = list(where)
            try:
                for start in range(0, len(unique), 500):
                    part = unique[start:start + 500]
                    rows = db.execute(f"select key, vec from vectors where key in ({','.join('?' * len(part))})", part)
                    for key, blob in rows:
                        if isinstance(blob, bytes) and len(blob) == 4 * self.dim:  # else not ours: recomputed
                            vec = np.frombuffer(blob, dtype=np.float32)
                            for i in where[key]:
                                found[i] = vec
            except sqlite3.Error:
                return [None] * len(texts)
        return found

    def put_many(self, prefix: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        with _lock:
            db = self._connect()
            if db is None:
                return
            rows = [(self._key(prefix, t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)]
            try:  # one transaction: one disk sync for the batch, not one per vector
                db.execute("begin immediate")
                try:
                    db.executemany("insert or replace into vectors (key, vec) values (?, ?)", rows)
                    self._inserts += len(rows)
                    if self._inserts >= _TRIM_EVERY:
                        self._inserts = 0
                        (count,) = db.execute("select count(*) from vectors").fetchone()
                        if count > MAX_VECTORS:
                            drop = count - MAX_VECTORS + MAX_VECTORS // 10
                            db.execute("delete from vectors where rowid in "
                                       "(select rowid from vectors order by rowid limit ?)", (drop,))
                    db.execute("commit")
                except BaseException:
                    db.execute("rollback")
                    raise
            except sqlite3.Error:
                pass

    def embed(self, prefix: str, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Vectors of ``texts``: the stored ones read, the others computed by ``compute`` (on the
        missing texts, in one call) and stored."""
        found = self.get_many(prefix, texts)
        missing = sorted({t for t, v in zip(texts, found) if v is None})
        if missing:
            fresh = np.asarray(compute(missing), dtype=np.float32).reshape(len(missing), -1)
            self.put_many(prefix, missing, fresh)
            by_text = dict(zip(missing, fresh))
            found = [v if v is not None else by_text[t] for t, v in zip(texts, found)]
        if not found:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(found).astype(np.float32, copy=False)
