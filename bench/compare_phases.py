"""Where one ``storydiff`` command spends its time, phase by phase (issue 20, BENCHMARKS.md §11 round 20):
the command runs as a user runs it, in this process, with the pipeline's phase functions wrapped by a
timer that reads this process's CPU and its reaped workers' (``RUSAGE_CHILDREN``: a phase's worker pool
has ended when the phase returns). No profiler: a sampling one under load charges wall time, a tracing
one a per-call cost.

    PYTHONPATH=/tmp/before/src python bench/compare_phases.py compare PAGES...   # another checkout
    python bench/compare_phases.py compare /path/to/aeb/html/*.html.gz

Prints the table on stderr (the command's own output goes to stdout as usual). "here" CPU of a phase
is this whole process's, threads included; e5: the multilingual model's calls, texts and CPU.
"""

from __future__ import annotations

import functools
import resource
import sys
import time


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main(argv: list[str]) -> None:
    import storydiff.embeddings as embeddings
    import storydiff.pipeline as pipeline
    import storydiff.serve.cli as cli

    rows: list[tuple[str, float, float, float]] = []

    def timed(module, name: str, label: str) -> None:
        func = getattr(module, name)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            t, c, ch = time.perf_counter(), time.process_time(), _children_cpu()
            try:
                return func(*args, **kwargs)
            finally:
                rows.append((label, time.perf_counter() - t, time.process_time() - c, _children_cpu() - ch))

        setattr(module, name, wrapper)

    timed(pipeline, "extract_in_workers", "extraction + lexical")
    timed(pipeline, "group_articles", "grouping")
    timed(pipeline, "analyze_stored", "parse (+ spaCy's load)")
    timed(pipeline, "compare_stories", "compare_stories")
    timed(cli, "_print_compare", "report")
    timed(cli, "_compare_paths", "all but the report")
    e5 = {"calls": 0, "texts": 0, "cpu": 0.0}
    embed = embeddings.embed_multilingual

    def counted(texts, **kwargs):
        c = time.process_time()
        try:
            return embed(texts, **kwargs)
        finally:
            e5["calls"] += 1
            e5["texts"] += len(texts)
            e5["cpu"] += time.process_time() - c

    embeddings.embed_multilingual = counted  # read from the module at each call
    t0 = time.perf_counter()
    sys.argv = ["storydiff", *argv]
    try:
        cli.app()
    except SystemExit:
        pass
    finally:
        own = resource.getrusage(resource.RUSAGE_SELF)
        print(f"{'phase':24s} {'wall s':>7s} {'here CPU':>9s} {'workers CPU':>12s}", file=sys.stderr)
        for label, wall, cpu, workers in rows:
            print(f"{label:24s} {wall:7.2f} {cpu:9.2f} {workers:12.2f}", file=sys.stderr)
        print(f"total: wall {time.perf_counter() - t0:.2f} s, CPU here {own.ru_utime + own.ru_stime:.2f} s, "
              f"workers {_children_cpu():.2f} s; e5: {e5['calls']} calls, {e5['texts']} texts, "
              f"{e5['cpu']:.2f} s of CPU here", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
