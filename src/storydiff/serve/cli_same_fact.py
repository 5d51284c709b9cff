"""``storydiff same-fact PAIRS.jsonl|-``: one same-fact judgement per sentence pair, as JSON Lines.

Input rows ``{"id", "a", "b"}`` (optional ``"lang_a"``, ``"lang_b"``: ISO 639-1 codes, guessed when
absent); output rows ``{"id", "same", "score", "tier", "judge", "figures_differ"}`` (English pairs also
``"similarity"``: how alike on STS-B's graded scale / 5) in input order; ``figures_differ``: the two
give figures that cannot be the same (a fact may be the same one with its numbers disputed). A bad row (not
JSON, not an object, ``a`` or ``b`` missing or not text) is reported on stderr with its line
number and skipped; the rest go on. Exit 1 when any row was bad.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated

import typer

BATCH = 256  # rows judged together: the cross-encoder batches pairs of similar length


def _rows(stream) -> Iterator[tuple[int, dict | str]]:
    """(line number, row) for each non-blank line; a string in place of the row says what is wrong."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            yield n, f"not JSON ({e.msg})"
            continue
        if not isinstance(row, dict):
            yield n, "not a JSON object"
        elif not isinstance(row.get("a"), str) or not isinstance(row.get("b"), str):
            yield n, 'needs "a" and "b" as text'
        elif not row["a"].strip() or not row["b"].strip():
            yield n, '"a" or "b" is empty'
        else:
            yield n, row


def same_fact(
    pairs: Annotated[str, typer.Argument(help='JSON Lines of {"id", "a", "b"} (optional "lang_a", "lang_b"), or - for stdin')],
) -> None:
    """Do two sentences report the same fact? Score 0..1, same, tier (same | possibly | different)."""
    from storydiff.compare.same_fact import judge_pairs

    bad = 0
    try:
        stream = sys.stdin if pairs == "-" else open(pairs, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
    except OSError as e:
        typer.echo(f"error: {pairs}: {e.strerror or e}", err=True)
        raise typer.Exit(2) from None
    batch: list[dict] = []

    def flush() -> None:
        langs = [(r.get("lang_a") if isinstance(r.get("lang_a"), str) else None,
                  r.get("lang_b") if isinstance(r.get("lang_b"), str) else None) for r in batch]
        for r, j in zip(batch, judge_pairs([(r["a"], r["b"]) for r in batch], langs)):
            row = {"id": r.get("id"), "same": j.same, "score": j.score, "tier": j.tier, "judge": j.judge}
            if j.similarity is not None:  # English pairs: how alike on the graded STS scale / 5
                row["similarity"] = j.similarity
            row["figures_differ"] = j.figures_differ
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        batch.clear()

    with stream:
        for n, row in _rows(stream):
            if isinstance(row, str):
                bad += 1
                typer.echo(f"error: {pairs}:{n}: {row}", err=True)
                continue
            batch.append(row)
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
    if bad:
        raise typer.Exit(1)
