"""What a comparison says, without how it is laid out: the semantic content that the speed work
of issue 20 must leave alone (tests/test_compare_pinned.py)."""

from __future__ import annotations


def digest(doc: dict) -> dict:
    """``compare --json`` output (or ``CompareResult.to_dict()``) → stories, quotes, facts and
    analyses, by outlet."""
    import json

    doc = json.loads(json.dumps(doc))  # tuples as JSON has them: lists
    outlet = {a["id"]: a["outlet"] or a["id"] for a in doc["articles"]}
    return {
        "articles": sorted(
            [a["outlet"], a["title"], a["published"], a["language"], a["cited_origins"],
             [[q["text"], q["speaker"], q["cue"]] for q in a["quotes"]], sorted(a["entities"])]
            for a in doc["articles"]
        ),
        "stories": [
            {
                "outlets": [outlet[i] for i in s["article_ids"]],
                "independent_sources": s["independent_sources"],
                "origins": s["origins"],
                "source_groups": [[[outlet[i] for i in g["article_ids"]], g["origin"], g["reason"]]
                                  for g in s["source_groups"]],
                "quotes": [[q["speaker"], [[outlet[v["article_id"]], v["fidelity"], v["speaker"], v["changes"], v["diff"]]
                                           for v in q["versions"]]] for q in s["quotes"]],
                "facts": [[f["text"], [outlet[i] for i in f["article_ids"]], f["conflicts"], f["match"],
                           [[outlet[v["article_id"]], v.get("score")] for v in f["versions"]]] for f in s["facts"]],
            }
            for s in doc["stories"]
        ],
        "errors": doc["errors"],
    }


# A version's score across two languages comes from multilingual-e5's engine, built with
# -ffast-math: its approximate reciprocals and square roots differ between CPU makers (AMD vs
# Intel), and its 4-bit activations round on either side of a step, so the same sentences score a
# few thousandths apart from one machine to the next (0.356 / 0.363 seen). Everything a reader acts
# on (which facts, which outlets, labels, conflicts, quotes, speakers) must be identical.
SCORE_TOLERANCE = 0.03


def differences(got, pinned, path: str = "") -> list[str]:
    """Where ``got`` departs from ``pinned``: every value exact but floats, which may differ by
    ``SCORE_TOLERANCE``."""
    if isinstance(got, float) and isinstance(pinned, float):
        return [] if abs(got - pinned) <= SCORE_TOLERANCE else [f"{path}: {got} != {pinned}"]
    if type(got) is not type(pinned):
        return [f"{path}: {got!r} != {pinned!r}"]
    if isinstance(got, dict):
        keys = sorted(set(got) | set(pinned))
        return [d for k in keys for d in differences(got.get(k), pinned.get(k), f"{path}.{k}")]
    if isinstance(got, list):
        if len(got) != len(pinned):
            return [f"{path}: {len(got)} items != {len(pinned)}"]
        return [d for i, (g, p) in enumerate(zip(got, pinned)) for d in differences(g, p, f"{path}[{i}]")]
    return [] if got == pinned else [f"{path}: {got!r} != {pinned!r}"]
