"""What storydiff can recompute, kept on disk between runs: sentence vectors and parses.

The same articles are read again and again: `compare` of a folder twice, the web app's views of
a story in two languages, `storydiff demo`. Two things cost most of such a rerun, and both are
functions of the text alone: multilingual-e5 vectors (25-50 ms of CPU a sentence) and the spaCy
parse behind quote speakers and entities (loading spaCy alone takes a second). Each is stored
under a hash of what made it and what it read, so a hit is exactly what the model gives (float32
vectors, the parse's own quotes and entities): the output of a cold and a warm run is the same.

Best effort: a cache that cannot be opened, read or written (read-only home, a full disk, a
locked file) answers as if empty and nothing fails. Each file is bounded: past its limit the
oldest tenth goes. Where: ``settings.cache_dir()`` (``STORYDIFF_CACHE_DIR=off``: nowhere).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from storydiff.settings import cache_dir

# ~1.5 KB a vector: the newest 200k (~300 MB) are kept
MAX_VECTORS = 200_000
# a parse's quotes and entities: a few KB an article; the newest 20k articles (~100 MB)
MAX_ANALYSES = 20_000
_TRIM_EVERY = 1_000  # writes between two size checks (and at each process's first write)
_lock = threading.Lock()
_inherited: list = []  # connections a forked child found open: kept, never used or closed there


def _after_fork_in_child() -> None:
    global _lock
    _lock = threading.Lock()  # another thread may have held it at the fork


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class DiskCache:
    """Keys to bytes in one SQLite file of the cache directory, at most ``max_entries`` of them."""

    def __init__(self, filename: str, max_entries: int, path: Path | None = None) -> None:
        folder = cache_dir()
        self.path = path or (folder / filename if folder else None)
        self.max_entries = max_entries
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self._writes = _TRIM_EVERY  # the first write of a process checks the size

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
            db.execute("create table if not exists entries (key blob primary key, value blob not null)")
        except (sqlite3.Error, OSError):
            self.path = None  # unusable: not tried again in this process
            return None
        self._db, self._pid = db, os.getpid()
        return db

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The stored value of each key found (the others are left out)."""
        unique = list(dict.fromkeys(keys))
        found: dict[bytes, bytes] = {}
        with _lock:
            db = self._connect()
            if db is None:
                return found
            try:
                for start in range(0, len(unique), 500):
                    part = unique[start:start + 500]
                    rows = db.execute(f"select key, value from entries where key in ({','.join('?' * len(part))})", part)
                    found.update((k, v) for k, v in rows if isinstance(v, bytes))
            except sqlite3.Error:
                return {}
        return found

    def put_many(self, items: Sequence[tuple[bytes, bytes]]) -> None:
        if not items:
            return
        with _lock:
            db = self._connect()
            if db is None:
                return
            try:  # one transaction: one disk sync for the batch, not one per entry
                db.execute("begin immediate")
                try:
                    db.executemany("insert or replace into entries (key, value) values (?, ?)", items)
                    self._writes += len(items)
                    if self._writes >= _TRIM_EVERY:
                        self._writes = 0
                        (count,) = db.execute("select count(*) from entries").fetchone()
                        if count > self.max_entries:
                            drop = count - self.max_entries + self.max_entries // 10
                            db.execute("delete from entries where rowid in "
                                       "(select rowid from entries order by rowid limit ?)", (drop,))
                    db.execute("commit")
                except BaseException:
                    db.execute("rollback")
                    raise
            except sqlite3.Error:
                pass


def _digest(*parts: str) -> bytes:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class VectorCache(DiskCache):
    """Sentence vectors of one model (``model`` names it and its version) in ``vectors.sqlite``."""

    def __init__(self, model: str, dim: int, path: Path | None = None) -> None:
        super().__init__("vectors.sqlite", MAX_VECTORS, path)
        self.model, self.dim = model, dim

    def _key(self, prefix: str, text: str) -> bytes:
        return _digest(self.model, prefix, text)

    def embed(self, prefix: str, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Vectors of ``texts``: the stored ones read, the others computed by ``compute`` (on the
        missing texts, in one call) and stored."""
        self.max_entries = MAX_VECTORS  # read at each call: tests lower it
        keys = [self._key(prefix, t) for t in texts]
        stored = self.get_many(keys)
        found: list[np.ndarray | None] = []
        for k in keys:
            blob = stored.get(k)
            # a value of another size is not ours (another model's, a damaged row): recomputed
            found.append(np.frombuffer(blob, dtype=np.float32) if blob is not None and len(blob) == 4 * self.dim else None)
        missing = sorted({t for t, v in zip(texts, found) if v is None})
        if missing:
            fresh = np.asarray(compute(missing), dtype=np.float32).reshape(len(missing), -1)
            self.put_many([(self._key(prefix, t), v.tobytes()) for t, v in zip(missing, fresh)])
            by_text = dict(zip(missing, fresh))
            found = [v if v is not None else by_text[t] for t, v in zip(texts, found)]
        if not found:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(found).astype(np.float32, copy=False)


class AnalysisCache(DiskCache):
    """Parses (quotes with speakers; entities) by ``store.codec.analysis_key``, in
    ``analyses.sqlite``, with the two methods of the ``Store`` interface that keep them: what
    ``pipeline.analyze_stored`` reads from a database, ``compare`` reads from here."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__("analyses.sqlite", MAX_ANALYSES, path)

    def _key(self, key: str) -> bytes:
        # the analyzer id names storydiff's version; the rules' own files are named too, so a
        # checkout whose speaker rules were edited (no new version) does not read older parses
        return _digest(_analyzer_files(), key)

    def get_analyses(self, keys: Iterable[str]) -> dict[str, dict]:
        self.max_entries = MAX_ANALYSES
        from storydiff.store.codec import loads

        by_key = {self._key(k): k for k in keys}
        out = {}
        for key, value in self.get_many(by_key).items():
            try:
                out[by_key[key]] = loads(value.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):  # a damaged row: parsed again
                continue
        return out

    def save_analyses(self, analyses: dict[str, dict]) -> None:
        from storydiff.store.codec import dumps

        self.put_many([(self._key(k), dumps(v).encode("utf-8")) for k, v in analyses.items()])

    def parse_plan(self, inputs: str) -> list[str] | None:
        """The analysis keys the last comparison of ``inputs`` (a digest of what it read) parsed,
        if one was noted (``note_parse_plan``): a rerun whose parses are all kept starts no parser."""
        import json

        key = self._key(f"parse plan\0{inputs}")
        value = self.get_many([key]).get(key)
        try:
            plan = json.loads(value) if value is not None else None
        except (ValueError, UnicodeDecodeError):
            return None
        return plan if isinstance(plan, list) and all(isinstance(k, str) for k in plan) else None

    def note_parse_plan(self, inputs: str, keys: Sequence[str]) -> None:
        import json

        self.put_many([(self._key(f"parse plan\0{inputs}"), json.dumps(list(keys)).encode("utf-8"))])


def _analyzer_files() -> str:
    """The analyze stage's code and the tables it reads (``lexicon``: outlets, names), by content
    (``code_version.code_digest``, once a process)."""
    from storydiff.code_version import code_digest

    return code_digest(("analyze", "lexicon"))
