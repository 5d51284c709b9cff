"""storydiff.streaming: the collector setting and the worker pool of long streaming runs."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest


def _squares_and_niceness(batch: list[int]) -> list[tuple[int, int]]:
    if -1 in batch:
        raise ValueError("a failing batch")
    return [(x * x, os.nice(0)) for x in batch]


@pytest.mark.parametrize("workers", [0, 2])
def test_map_in_order_keeps_batch_order_and_lowers_worker_priority(workers):
    from storydiff.streaming import map_in_order

    batches = [list(range(i, i + 3)) for i in range(0, 60, 3)]
    got = list(map_in_order(_squares_and_niceness, batches, workers, ahead=2, niceness=3))
    assert [sq for sq, _ in got] == [x * x for x in range(60)]  # in order, however workers finish
    mine = os.nice(0)
    assert {nice for _, nice in got} == ({mine} if workers == 0 else {min(mine + 3, 19)})
    with pytest.raises(ValueError, match="a failing batch"):
        list(map_in_order(_squares_and_niceness, [[1], [-1], [2]], workers))


def _interrupted_then_done(batch: list[int]) -> list[int]:
    os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C reaches every process of the group
    time.sleep(0.05)
    return batch


def test_workers_leave_ctrl_c_to_the_parent_and_finish_their_batch():
    from storydiff.streaming import map_in_order

    assert list(map_in_order(_interrupted_then_done, [[1, 2], [3], [4]], workers=2)) == [1, 2, 3, 4]


def _die_on_minus_one(batch: list[int]) -> list[int]:
    if -1 in batch:
        os._exit(3)  # as a worker killed for memory would vanish
    return batch


def test_map_in_order_raises_when_a_worker_dies_instead_of_waiting_forever():
    from concurrent.futures.process import BrokenProcessPool

    from storydiff.streaming import map_in_order

    def hung(*_):
        raise AssertionError("map_in_order waited forever on a dead worker")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        with pytest.raises(BrokenProcessPool):
            list(map_in_order(_die_on_minus_one, [[1], [2], [-1], [3]], workers=2))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_streaming_gc_raises_young_threshold_and_restores_it():
    import gc

    from storydiff.streaming import STREAM_GC_GEN0, streaming_gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with streaming_gc():
            assert gc.get_threshold() == (STREAM_GC_GEN0, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        with pytest.raises(RuntimeError), streaming_gc():
            raise RuntimeError("a failing stream still restores the collector")
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 5, 5)  # a caller that already collects less often keeps its setting
        with streaming_gc():
            assert gc.get_threshold() == (50_000, 5, 5)
    finally:
        gc.set_threshold(*before)


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return any(line.startswith("State:") and "Z" in line for line in f)  # a zombie has exited
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_exit_when_their_parent_is_killed_outright():
    script = textwrap.dedent(
        """
        import os, time
        from storydiff.streaming import map_in_order

        def slow(batch):
            time.sleep(0.05)
            return [os.getpid()]

        for pid in map_in_order(slow, ([i] for i in range(100000)), 2):
            print(pid, flush=True)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.time() + 60
    while len(workers) < 2 and time.time() < deadline:
        workers.add(int(proc.stdout.readline()))
    assert len(workers) == 2 and proc.pid not in workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 20
    while not all(_gone(w) for w in workers) and time.time() < deadline:
        time.sleep(0.1)
    alive = [w for w in workers if not _gone(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)  # do not leave them behind whatever the outcome
    assert not alive, "feature workers outlived their killed parent"
