"""Process settings and parallel feature extraction for long streaming runs (clustering a
feed, ingesting an archive).

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
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

STREAM_GC_GEN0 = 10_000
# Feature workers run this much nicer than the process that feeds them: the clusterer is one
# thread and the stream's bottleneck once its window is full, and with as many workers as cores
# it otherwise gets a fair third of a core while they refill their queue. Workers only need
# what is left (bench/clustering.py: 1M stream, see BENCHMARKS.md).
WORKER_NICENESS = 10

_PR_SET_PDEATHSIG = 1  # linux/prctl.h

In = TypeVar("In")
Out = TypeVar("Out")


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


# How often a worker checks that its parent is alive where the kernel cannot tell it (not Linux).
PARENT_WATCH_SECONDS = 1.0


def _init_worker(niceness: int, parent: int) -> None:
    # Ctrl-C in a terminal reaches the whole process group. The parent decides what an interrupt
    # means (ingest stores what it has read, then stops); a worker would otherwise abandon its
    # batch with KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The fork copied the parent's handlers: its SIGTERM handler ("store what was read, then
    # stop") would make a worker ignore SIGTERM, the signal it is sent when the parent dies.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        os.nice(niceness)
    except OSError:  # not permitted here: run at the parent's priority
        pass
    # A parent killed outright (SIGKILL, the OOM killer) cannot shut its pool down, and its
    # workers would wait on their queue for ever: on Linux ask for SIGTERM when it dies, and
    # everywhere watch for being orphaned.
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)
    import threading

    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="parent-watch").start()


def _exit_when_orphaned(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_WATCH_SECONDS)
    os._exit(1)


def map_in_order(
    func: Callable[[list[In]], list[Out]],
    batches: Iterable[list[In]],
    workers: int,
    ahead: int = 4,
    niceness: int = WORKER_NICENESS,
) -> Iterator[Out]:
    """Every item of ``func(batch)`` for each batch, in batch order, computed by ``workers``
    forked processes (inline when ``workers`` is 0 or fork is unavailable).

    At most ``ahead * workers`` batches are in flight: Pool.imap would run ahead of a slower
    consumer and buffer the whole stream in memory. ``func`` must be a module-level function;
    an exception it raises is re-raised here, so per-item errors belong in its return value.
    A worker that dies (killed for memory, say) raises BrokenProcessPool here instead of
    leaving the stream waiting forever, as multiprocessing.Pool would."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    if workers <= 0 or "fork" not in mp.get_all_start_methods():
        for batch in batches:
            yield from func(batch)
        return
    with ProcessPoolExecutor(
        workers, mp_context=mp.get_context("fork"), initializer=_init_worker, initargs=(niceness, os.getpid())
    ) as pool:
        pending: deque = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(func, batch))
                if len(pending) >= ahead * workers:
                    yield from pending.popleft().result()
                while len(pending) > 1 and pending[0].done():  # hand on what is done (a slow input)
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:  # the consumer stopped early or a batch failed
                future.cancel()
