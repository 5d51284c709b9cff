"""MinHash fingerprints of word shingles, vectorised with numpy, and a banded LSH index.

Reprints (wire copies with a new headline, trimmed paragraphs, boilerplate, OCR noise) share
most of their word 3-shingles; MinHash estimates that Jaccard overlap from fixed-size
signatures, and LSH banding finds candidate copies without comparing against every article.
datasketch's ``MinHash.update`` hashes each shingle with SHA-1 in Python (~40x slower than
this on news-length text); ``bench/clustering.py`` runs datasketch's MinHashLSH beside ours.
"""

from __future__ import annotations

import zlib

import numpy as np

from storydiff.match.features import tokenize

NUM_PERM = 128
SHINGLE = 3
_MAX_HASH = np.uint64(0xFFFFFFFF)
# Fixed seed: signatures must be identical across processes and runs (they are stored).
_rng = np.random.default_rng(20240611)
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)).reshape(-1, 1)  # odd multipliers
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64).reshape(-1, 1)
_MIX1 = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xC2B2AE3D27D4EB4F)
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)

_token_hash_cache: dict[str, int] = {}
# The cache is cleared when it outgrows this (hashes are recomputable). Every feature worker holds
# its own, so its bound is per process: at 2M types it reached 384 MB a worker on the 1M stream.
# Over the first 200k articles of that stream, 300k types gave the same prepare() time as 2M
# (716 vs 723 us an article, run side by side) at 172 MB instead of 209 MB of peak RSS, and the
# gap widens as the 2M cache keeps filling: new names, not the common words, fill it.
HASH_CACHE_MAX = 300_000


def term_hashes(tokens: list[str]) -> np.ndarray:
    """A stable 64-bit hash per string (the same in every process and run), cached per type."""
    cache = _token_hash_cache
    if len(cache) > HASH_CACHE_MAX:  # bound memory on endless streams
        cache.clear()
    for t in set(tokens).difference(cache):  # hash each new type once; map() below runs in C
        cache[t] = zlib.crc32(t.encode("utf-8", "surrogatepass")) | (
            zlib.adler32(t.encode("utf-8", "ignore")) << 32
        )
    return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def term_set(terms: list[str]) -> np.ndarray:
    """Sorted distinct 64-bit hashes of some terms: a compact set that kept_share() compares."""
    return np.unique(term_hashes(terms))


def kept_share(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller of two term sets (term_set) found in the other; 1.0 when either is
    empty: a text without names contradicts none."""
    smaller = min(len(a), len(b))
    if smaller == 0:
        return 1.0
    return len(np.intersect1d(a, b, assume_unique=True)) / smaller


def shingle_hashes(tokens: list[str], k: int = SHINGLE) -> np.ndarray:
    """64-bit hashes of the distinct word k-shingles (of the tokens themselves when fewer)."""
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    h = term_hashes(tokens)
    if len(h) >= k:
        with np.errstate(over="ignore"):
            acc = h[: len(h) - k + 1].copy()
            for i in range(1, k):
                acc = acc * _MIX1 + h[i : len(h) - k + 1 + i] * _MIX2
    else:
        acc = h
    return np.unique(acc)


def signature(tokens: list[str]) -> np.ndarray:
    """MinHash signature (uint32[NUM_PERM]) of lowercased tokens; all-max when empty."""
    return signature_and_size(tokens)[0]


def signature_and_size(tokens: list[str]) -> tuple[np.ndarray, int]:
    """The signature and the number of distinct shingles it summarises (for containment())."""
    sh = shingle_hashes(tokens)
    if sh.size == 0:
        return _EMPTY.copy(), 0
    with np.errstate(over="ignore"):
        # multiply-shift universal hashing: (a*x + b) mod 2^64, keep the high 32 bits
        hv = (_A * sh.reshape(1, -1) + _B) >> np.uint64(32)
    return hv.min(axis=1).astype(np.uint32), int(sh.size)


def containment(jac: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set found in the larger, from Jaccard and the two sizes.

    |A & B| = J (|A| + |B|) / (1 + J). A copy that was trimmed, or that gained boilerplate or
    an editor's note, keeps its containment near 1 while its Jaccard falls with the length
    difference. Where a size is unknown (0) this is the Jaccard itself. Scalar on purpose: the
    clusterer calls it for a handful of band-sharing articles, where numpy's per-call overhead
    would cost more than the arithmetic.
    """
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return float(jac)
    return min(1.0, jac * (size_a + size_b) / (1.0 + jac) / smaller)


def text_signature(text: str) -> np.ndarray:
    return signature([t.lower() for t in tokenize(text or "")])


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard from two signatures; 0 when either text was empty."""
    if (sig_a == 0xFFFFFFFF).all() or (sig_b == 0xFFFFFFFF).all():
        return 0.0
    return float(np.count_nonzero(sig_a == sig_b)) / NUM_PERM


def near_duplicate_score(a_text: str, b_text: str) -> float:
    """Estimated Jaccard of the word 3-shingles of two texts, in [0, 1]."""
    if not isinstance(a_text, str) or not isinstance(b_text, str):
        return 0.0
    return jaccard(text_signature(a_text), text_signature(b_text))


class SignatureTable:
    """MinHash signatures of the live articles as rows of one uint32 matrix.

    A reprint check compares an article with the few that share an LSH band (~7 once the 1M
    stream's window is full); gathering their rows by index and comparing in one numpy call
    replaced stacking one array per article (with the one-table LSH below: the clusterer's
    reprint check 81 -> 65 us an article there). Freed rows are reused, so the matrix holds
    about the window's peak, not the archive."""

    def __init__(self, capacity: int = 1024):
        self._rows = np.empty((max(1, capacity), NUM_PERM), dtype=np.uint32)
        self._free: list[int] = []
        self._used = 0  # rows ever handed out (the high-water mark)

    def add(self, sig: np.ndarray) -> int:
        if self._free:
            row = self._free.pop()
        else:
            if self._used == len(self._rows):
                grown = np.empty((2 * len(self._rows), NUM_PERM), dtype=np.uint32)
                grown[: self._used] = self._rows
                self._rows = grown
            row, self._used = self._used, self._used + 1
        self._rows[row] = sig
        return row

    def free(self, row: int) -> None:
        self._free.append(row)

    def __getitem__(self, row: int) -> np.ndarray:
        return self._rows[row]

    def jaccard(self, rows: list[int], sig: np.ndarray) -> np.ndarray:
        """Estimated Jaccard of ``sig`` with each of ``rows``."""
        return np.count_nonzero(self._rows[rows] == sig, axis=1) / NUM_PERM


# LSHIndex's shape. The clusterer's index uses it, so the band keys its feature workers compute
# (clusterer.prepare) fit that index.
BANDS, ROWS = 42, 3


def band_keys(sig: np.ndarray, bands: int = BANDS, rows: int = ROWS) -> np.ndarray:
    """One 64-bit key per band (empty for an empty text's signature), the band's number mixed
    in, so that all bands can share one table. Order-free: feature workers compute these, and
    an article that is inserted, queried and later removed reuses them."""
    if (sig == 0xFFFFFFFF).all():
        return np.zeros(0, dtype=np.uint64)  # empty text: a copy of nothing
    # Each band's rows folded into one 64-bit int (vectorised): int keys hash faster and take
    # less memory than bytes; a rare collision only adds a candidate that the Jaccard check
    # then rejects.
    band = sig[: bands * rows].astype(np.uint64).reshape(bands, rows)
    with np.errstate(over="ignore"):
        key = np.arange(1, bands + 1, dtype=np.uint64) * _MIX2
        for i in range(rows):
            key = key * _MIX1 + band[:, i]
    return key


class LSHIndex:
    """Banded LSH over MinHash signatures: keys sharing any whole band are candidates.

    ``bands * rows`` must not exceed NUM_PERM. With 42 bands of 3 rows a pair at Jaccard 0.4
    is found with probability 1-(1-0.4^3)^42 = 0.94, at 0.5 with 0.996; copies with OCR noise
    and trimmed paragraphs sit around 0.5-0.8 (16 bands of 4 rows missed a third at 0.5).
    All bands live in one dict (band_keys salts each key with its band): a query is one
    ``map(dict.get)`` in C instead of a Python loop over 42 tables.
    """

    def __init__(self, bands: int = BANDS, rows: int = ROWS, bucket_cap: int | None = None):
        if bands * rows > NUM_PERM:
            raise ValueError("bands * rows must be <= NUM_PERM")
        if bucket_cap is not None and bucket_cap < 2:
            raise ValueError("bucket_cap must be >= 2")
        self.bands, self.rows = bands, rows
        # A bucket keeps only its newest bucket_cap keys: a band shared by many articles (a
        # common boilerplate-only text) would otherwise make every insert and query scan and
        # copy an ever longer tuple. A copy shares many bands, so it is still found by others.
        self.bucket_cap = bucket_cap
        self._table: dict[int, int | tuple[int, ...]] = {}

    def __len__(self) -> int:
        """Buckets held (0 once every inserted key has been removed)."""
        return len(self._table)

    def band_keys(self, sig: np.ndarray) -> np.ndarray:
        return band_keys(sig, self.bands, self.rows)

    def _keys(self, sig: np.ndarray | None, bands: np.ndarray | None) -> list[int]:
        # Callers that keep an article's band keys (the clusterer) pass them and no signature.
        if bands is None:
            if sig is None:
                raise ValueError("LSHIndex needs a signature or its band keys")
            bands = self.band_keys(sig)
        return bands.tolist()

    # A bucket is a bare int (one key: almost all of them) or a tuple of keys: ints and tuples
    # are smaller than lists and invisible to the cyclic garbage collector.
    def insert(self, key: int, sig: np.ndarray | None = None, bands: np.ndarray | None = None) -> None:
        cap, table = self.bucket_cap, self._table
        get = table.get
        for band in self._keys(sig, bands):
            bucket = get(band)
            if bucket is None:
                table[band] = key
            elif isinstance(bucket, int):
                table[band] = (bucket, key)
            elif cap is not None and len(bucket) >= cap:
                table[band] = (*bucket[len(bucket) - cap + 1 :], key)
            else:
                table[band] = (*bucket, key)

    def query(self, sig: np.ndarray | None = None, bands: np.ndarray | None = None) -> set[int]:
        found: set[int] = set()
        for bucket in map(self._table.get, self._keys(sig, bands)):
            if bucket is None:
                continue
            if isinstance(bucket, int):
                found.add(bucket)
            else:
                found.update(bucket)
        return found

    def remove(self, key: int, sig: np.ndarray | None = None, bands: np.ndarray | None = None) -> None:
        table = self._table
        for band in self._keys(sig, bands):
            bucket = table.get(band)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                if bucket == key:
                    del table[band]
                continue
            rest = tuple(k for k in bucket if k != key)
            if not rest:
                del table[band]
            else:
                table[band] = rest[0] if len(rest) == 1 else rest
