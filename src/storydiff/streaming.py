"""Process settings for long streaming runs (clustering a feed, ingesting an archive).

The online clusterer keeps a window of ~40k live articles in Python objects (bench/clustering.py
streams). CPython's cyclic collector runs a young-generation pass every 700 net container
allocations and a full pass every ~100 of those, and each full pass walks every live article and
posting list: at 100k-1M articles that was ~125 us of every article's ~680 us on the
clustering thread, against ~20 us with the first threshold at 10,000 (bench/clustering.py
1M-stream segments). storydiff builds no reference cycles on its hot path (a full collection
after 120k articles finds 0 unreachable objects), so collecting less often frees nothing late.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

STREAM_GC_GEN0 = 10_000


@contextmanager
def streaming_gc(gen0: int = STREAM_GC_GEN0) -> Iterator[None]:
    """Raise the collector's young-generation threshold for the duration (never lower it), and
    restore the caller's thresholds afterwards, exception or not."""
    old = gc.get_threshold()
    gc.set_threshold(max(gen0, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
