"""``storydiff same-story PAIRS.jsonl|-``: one same-story judgement per pair of articles, in any
language (match/same_story.py). Registered on the CLI by ``cli.py``."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

BATCH = 32  # pairs embedded together: the model reads a batch faster than one text at a time


def same_story(
    input: Annotated[
        str, typer.Argument(help='JSONL rows {"id", "a": {text, title?, ...}, "b": {...}}, or - for stdin')
    ],
    strict: Annotated[bool, typer.Option("--strict", help="exit 1 if any row failed")] = False,
) -> None:
    """Whether each pair of articles reports the same story: JSON Lines {id, same, score}."""
    from storydiff.ingest.limits import open_input
    from storydiff.ingest.split import jsonl_text_lines
    from storydiff.match.same_story import judge
    from storydiff.pipeline import chunks, match_doc_from_row
    from storydiff.records import Failure
    from storydiff.serve.cli import _emit, _finish, report_failure
    from storydiff.settings import IngestSettings

    try:
        stream = sys.stdin.buffer if input == "-" else open(input, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        report_failure(Failure(input, "no such file" if isinstance(e, FileNotFoundError) else e.strerror or str(e)))
        raise typer.Exit(1) from None

    failures: list[Failure] = []
    done = 0

    def pairs():
        # read as cluster reads JSONL: gzip and UTF-16 welcome, a bomb or a runaway line bounded
        settings = IngestSettings()
        for n, line in jsonl_text_lines(open_input(stream, settings), settings.max_record_bytes):
            where = f"{input}#L{n}"
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
                docs = []
                for side in ("a", "b"):
                    try:
                        docs.append(match_doc_from_row(row.get(side), f"{pair_id}/{side}"))
                    except ValueError as e:
                        raise ValueError(f"'{side}': {e}") from None
                yield pair_id, tuple(docs)
            except RecursionError:
                failures.append(Failure(where, "bad row: nested too deeply"))
                report_failure(failures[-1])
            except ValueError as e:  # json.JSONDecodeError is one
                failures.append(Failure(where, f"bad row: {str(e)[:80]}"))
                report_failure(failures[-1])

    with stream:
        for batch in chunks(pairs(), BATCH):
            try:
                judged = judge([docs for _, docs in batch])
            except RuntimeError as e:
                report_failure(Failure("same-story", str(e)))
                raise typer.Exit(2) from None
            for (pair_id, _), (same, score) in zip(batch, judged):
                _emit({"id": pair_id, "same": same, "score": score})
                done += 1
    if not done and not failures:
        report_failure(Failure(input, "no pairs to judge"))
        raise typer.Exit(1)
    _finish(failures, strict, done)
