"""``storydiff same-fact PAIRS.jsonl|-``: one same-fact judgement per sentence pair, as JSON Lines.

Input rows ``{"id", "a", "b"}`` (optional ``"lang_a"``, ``"lang_b"``: ISO 639-1 codes, guessed when
absent); output rows ``{"id", "same", "score", "tier", "judge", "figures_differ", "negation_differs", "dates_differ"}`` (English pairs also
``"similarity"``: how alike on STS-B's graded scale / 5) in input order; ``figures_differ``: the two
give figures that cannot be the same (a fact may be the same one with its numbers disputed);
``negation_differs``: one denies what the other says, as a report's "negation differs" line reads it (never
the same fact); ``dates_differ``: the two name days or dates that cannot be the same (as ``figures_differ``,
the same fact may still be dated otherwise: a report's "days differ" line). A bad row (not
JSON, not an object, ``a`` or ``b`` missing or not text) is reported on stderr with its line
number (``PAIRS.jsonl#L3``) and skipped; the rest go on (``serve/pair_rows.py``, as ``same-story``): exit 1 when nothing could be
judged, or with ``--strict`` when a row was bad.
"""

from __future__ import annotations

from typing import Annotated

import typer

BATCH = 256  # rows judged together: the cross-encoder batches pairs of similar length


def _sentences(row: dict, pair_id) -> tuple[str, str]:
    if not isinstance(row.get("a"), str) or not isinstance(row.get("b"), str):
        raise ValueError('needs "a" and "b" as text')
    if not row["a"].strip() or not row["b"].strip():
        raise ValueError('"a" or "b" is empty')
    return row["a"], row["b"]


def same_fact(
    pairs: Annotated[str, typer.Argument(help='JSON Lines of {"id", "a", "b"} (optional "lang_a", "lang_b"), or - for stdin')],
    strict: Annotated[bool, typer.Option("--strict", help="exit 1 if any row failed")] = False,
) -> None:
    """Do two sentences report the same fact? Score 0..1, same, tier (same | possibly | different)."""
    from storydiff.compare.same_fact import judge_pairs
    from storydiff.serve.pair_rows import judge_rows

    def judged(batch: list) -> list[dict]:
        langs = [tuple(r.get(k) if isinstance(r.get(k), str) else None for k in ("lang_a", "lang_b"))
                 for _, r, _ in batch]
        out = []
        for (pair_id, _, _), j in zip(batch, judge_pairs([sides for _, _, sides in batch], langs)):
            row = {"id": pair_id, "same": j.same, "score": j.score, "tier": j.tier, "judge": j.judge}
            if j.similarity is not None:  # English pairs: how alike on the graded STS scale / 5
                row["similarity"] = j.similarity
            row["figures_differ"] = j.figures_differ
            row["negation_differs"] = j.negation_differs
            row["dates_differ"] = j.dates_differ
            out.append(row)
        return out

    judge_rows(pairs, _sentences, judged, BATCH, strict)
