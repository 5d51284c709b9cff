"""The rows of a judgement command (``same-story``, ``same-fact``): JSON Lines ``{"id", "a", "b"}``
read the way ``cluster`` reads JSONL (gzip and UTF-16 welcome, a bomb or a runaway line bounded),
each bad row one named failure, the rest judged in batches, and one exit status rule."""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import typer

from storydiff.records import Failure

Sides = TypeVar("Sides")


def judge_rows(
    input: str,
    read_sides: Callable[[dict, Any], Sides],
    judge: Callable[[list[tuple[Any, dict, Sides]]], list[dict]],
    batch_size: int,
    strict: bool,
) -> None:
    """Read ``input`` (a path or ``-``), turn each row's ``a`` and ``b`` into ``read_sides(row,
    id)`` (a ValueError names what is wrong), and write ``judge(batch)``'s output rows in input
    order as JSON Lines. Exit 1 when nothing could be judged, or with ``strict`` when a row failed."""
    from storydiff.ingest.limits import LimitExceeded, open_input
    from storydiff.ingest.sanitize import lone_surrogate
    from storydiff.ingest.split import jsonl_text_lines
    from storydiff.pipeline import chunks
    from storydiff.serve.cli import _emit, _finish, report_failure
    from storydiff.settings import IngestSettings

    try:
        stream = sys.stdin.buffer if input == "-" else open(input, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        report_failure(Failure(input, "no such file" if isinstance(e, FileNotFoundError) else e.strerror or str(e)))
        raise typer.Exit(1) from None
    failures: list[Failure] = []
    done = 0

    def fail(where: str, reason: str) -> None:
        failures.append(Failure(where, reason))
        report_failure(failures[-1])

    name = "stdin" if input == "-" else input

    def rows() -> Iterator[tuple[Any, dict, Sides]]:
        # a stream that breaks mid-way (a truncated gzip, a bomb) ends with a failure naming the
        # file, after the rows read before it: as ingest's reader does (ingest._guard)
        settings = IngestSettings()
        lines = None
        n = 0
        while True:
            try:
                if lines is None:  # opening peeks into the stream: a gzip may break there already
                    lines = jsonl_text_lines(open_input(stream, settings), settings.max_record_bytes)
                n, line = next(lines)
            except StopIteration:
                return
            except LimitExceeded as e:
                fail(name, str(e))
                return
            except (EOFError, zlib.error, gzip.BadGzipFile) as e:
                fail(f"{name}#after-line{n}" if n else name, f"truncated or corrupt gzip: {e}")
                return
            where = f"{name}#L{n}"
            try:
                if line is None:
                    raise ValueError("line over the limit for one record, not read")
                if not line.strip():
                    continue
                row = json.loads(line.lstrip("\ufeff"))
                if not isinstance(row, dict) or row.get("id") is None:
                    raise ValueError("row needs 'id', 'a' and 'b'")
                pair_id = row["id"]
                if isinstance(pair_id, bool) or not isinstance(pair_id, (str, int)):
                    raise ValueError("field 'id' must be a string or an integer")
                if isinstance(pair_id, str) and lone_surrogate(pair_id):  # an id is echoed, never rewritten
                    raise ValueError("'id' holds an unpaired surrogate, not text")
                yield pair_id, row, read_sides(row, pair_id)
            except RecursionError:
                fail(where, "bad row: nested too deeply")
            except json.JSONDecodeError as e:
                fail(where, f"bad row: not JSON ({e.msg})")
            except ValueError as e:
                fail(where, f"bad row: {str(e)[:80]}")

    with stream:
        for batch in chunks(rows(), batch_size):
            try:
                judged = judge(batch)
            except RuntimeError as e:  # a model that cannot load: nothing more can be judged
                report_failure(Failure(name, str(e)))
                raise typer.Exit(2) from None
            for out in judged:
                _emit(out)
                done += 1
            sys.stdout.flush()
    if not done and not failures:
        report_failure(Failure(name, "no pairs to judge"))
        raise typer.Exit(1)
    _finish(failures, strict, done)
