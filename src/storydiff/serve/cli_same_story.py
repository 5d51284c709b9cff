"""``storydiff same-story PAIRS.jsonl|-``: one same-story judgement per pair of articles, in any
language (match/same_story.py). Registered on the CLI by ``cli.py``."""

from __future__ import annotations

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
    from storydiff.match.same_story import judge
    from storydiff.pipeline import match_doc_from_row
    from storydiff.serve.pair_rows import judge_rows

    def articles(row: dict, pair_id) -> tuple:
        docs = []
        for side in ("a", "b"):
            try:
                docs.append(match_doc_from_row(row.get(side), f"{pair_id}/{side}"))
            except ValueError as e:
                raise ValueError(f"'{side}': {e}") from None
        return tuple(docs)

    def judged(batch: list) -> list[dict]:
        return [{"id": pair_id, "same": same, "score": score}
                for (pair_id, _, _), (same, score) in zip(batch, judge([docs for _, _, docs in batch]))]

    judge_rows(input, articles, judged, BATCH, strict)
