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
