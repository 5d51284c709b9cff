"""A story comparison arranged for reading: what the terminal, HTML and web views all show.

Keeping this arrangement in one place means every front end says the same thing: which
quotes each outlet carried and how faithfully, which facts are shared and which belong to
one outlet, and why the story counts as N independent sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storydiff.compare.fact_conflicts import differs_in_substance
from storydiff.compare.labels import article_labels
from storydiff.compare.quotes import speaker_conflict
from storydiff.extract.metadata import without_dateline
from storydiff.records import Article, Story


@dataclass
class QuoteRow:
    speaker: str
    reference: str  # the first outlet's wording
    versions: list[dict]  # {"outlet", "article_id", "fidelity", "text", "diff", "speaker"}
    speaker_conflict: str | None = None  # "speaker differs: A (outlet) vs B (outlet)"


@dataclass
class Disagreement:
    """One place where the reports differ, for the summary at the top of a story: figures that
    differ in a shared fact, a quote edited so its meaning changed, or words given to different
    speakers."""

    summary: str  # "numbers differ: 12 (Ostrania Press Agency) vs 14 (Daily Lantern)"
    variants: dict[str, str]  # outlet label → its wording


def _with_update_order(summary: str, conflicts: Sequence[str], by_label: dict[str, Article]) -> str:
    """``summary``, saying where one side of its first "numbers differ" line was published before
    an outlet on the other side updated its article ("— Ukrinform published 2026-12-05 08:25 UTC,
    before Укрінформ's update at 2026-12-05 12:35 UTC"): the figures may be the update's, not a
    contradiction (QA pass 26c, 14)."""
    from storydiff.dates import parse_iso_utc
    from storydiff.serve.format import when

    line = next((c for c in conflicts if c.startswith("numbers differ")), None)
    sides = line.split(": ", 1)[-1].split(" vs ") if line else []
    if len(sides) != 2:
        return summary
    # an outlet's label stands in a side's brackets: "п'ятеро людей (Укрінформ, Kyiv Post)"
    outlets = [[a for label, a in by_label.items() if re.search(rf"[(,] ?{re.escape(label)}[,)]", side)] for side in sides]
    for early, late in (outlets, outlets[::-1]):
        times = [(parse_iso_utc(a.modified or a.published), a) for a in early]
        if not early or not late or any(t is None for t, _ in times):
            continue
        newest, _ = max(times, key=lambda t: t[0])
        updates = [(m, a) for a in late if a.modified and (m := parse_iso_utc(a.modified))
                   and m > newest and (p := parse_iso_utc(a.published)) is not None and m > p]
        if updates:
            at, updated = min(updates, key=lambda u: u[0])
            names = ", ".join(label for label, a in by_label.items() if any(a is e for e in early))
            done = "last updated" if any(e.modified for e in early) else "published"
            label = next(k for k, a in by_label.items() if a is updated)
            return f"{summary} — {names} {done} {when(newest.isoformat())}, before {label}'s update at {when(at.isoformat())}"
    return summary


@dataclass
class StoryView:
    story: Story
    articles: list[Article]
    label: dict[str, str]  # article id → short outlet label
    shared_quotes: list[QuoteRow] = field(default_factory=list)
    single_quotes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # outlet → [(speaker, text)]
    shared_facts: list[dict] = field(default_factory=list)
    # one outlet's fact beside another outlet's sentence that may say the same: for the reader to judge
    possible_facts: list[dict] = field(default_factory=list)
    unique_facts: dict[str, list[str]] = field(default_factory=dict)
    # article id → its revisions' differences (compare.revisions.RevisionDiff), for the articles
    # their outlets edited after publication
    edits: dict[str, list] = field(default_factory=dict)

    @property
    def fact_matcher(self) -> str:
        """How the facts were aligned, for the reader of the report."""
        tier, _, languages = self.story.fact_tier.partition("+")
        name = FACT_MATCHERS.get(tier, tier)
        return f"{name}; across languages by multilingual sentence vectors" if languages else name

    @property
    def disagreements(self) -> list[Disagreement]:
        """Every disagreement the sections below flag one by one, gathered for the summary."""
        by_label = {label: a for a in self.articles if (label := self.label.get(a.id))}
        found = [Disagreement(_with_update_order("; ".join(f["conflicts"]), f["conflicts"], by_label), f["variants"])
                 for f in self.shared_facts if f["conflicts"]]
        for row in self.shared_quotes:
            wording = {v["outlet"]: v["text"] for v in row.versions}
            for v in row.versions:
                if v["changes"]:
                    found.append(Disagreement(f"{row.speaker} as {v['outlet']} quotes them: {', '.join(v['changes'])}", wording))
            if row.speaker_conflict:
                found.append(Disagreement(row.speaker_conflict, wording))
        return found

    @property
    def headline(self) -> str:
        for a in self.articles:
            if a.title:
                return a.title
        return self.story.id


def build_view(story: Story, articles: Sequence[Article], edits: dict[str, list] | None = None) -> StoryView:
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.article_ids if i in by_id]
    label = article_labels(members)
    view = StoryView(story=story, articles=members, label=label)
    view.edits = {a.id: edits[a.id] for a in members if edits and edits.get(a.id)}
    for q in story.quotes:
        speaker = q.speaker or "unknown speaker"
        present = [v for v in q.versions if v.fidelity != "only_here"]
        if len(q.versions) >= 2 and present:
            view.shared_quotes.append(
                QuoteRow(
                    speaker=speaker,
                    reference=q.versions[0].text,
                    versions=[
                        {
                            "outlet": label.get(v.article_id, v.article_id),
                            "article_id": v.article_id,
                            "fidelity": v.fidelity,
                            "text": v.text,
                            "diff": v.diff,
                            "speaker": v.speaker,
                            "changes": [MEANING_CHANGES.get(c, c) for c in v.changes],
                        }
                        for v in q.versions
                    ],
                    # (the story's own, else read now: a story stored before quotes carried it)
                    speaker_conflict=q.speaker_conflict or speaker_conflict(
                        q, lambda i: label.get(i, i), lambda i: by_id[i].language if i in by_id else None),
                )
            )
        else:
            for v in q.versions:
                view.single_quotes.setdefault(label.get(v.article_id, v.article_id), []).append((speaker, v.text))
    for f in story.facts:
        if f.match == "possibly" and f.article_ids:
            view.possible_facts.append({
                "outlet": label.get(f.article_ids[0], f.article_ids[0]),
                "text": without_dateline(f.text),
                "candidates": [{"outlet": label.get(v["article_id"], v["article_id"]), "text": without_dateline(v["text"]),
                                "score": v.get("score")} for v in f.versions if v["article_id"] not in f.article_ids],
            })
        elif len(f.article_ids) >= 2:
            view.shared_facts.append(
                {
                    "text": without_dateline(f.text),
                    "outlets": [label.get(i, i) for i in f.article_ids if _same_wording(f.variants.get(i), f.text)],
                    # outlets that carry the fact in words of their own: listed apart, so the line
                    # never implies they printed the sentence shown (or the quote in it)
                    "reworded_by": [label.get(i, i) for i in f.article_ids if not _same_wording(f.variants.get(i), f.text)],
                    "variants": {label.get(i, i): t for i, t in f.variants.items()},
                    # the evidence: each outlet that worded it its own way, with its own sentence
                    "versions": [{"outlet": label.get(v["article_id"], v["article_id"]), "text": without_dateline(v["text"]),
                                  "score": v.get("score"),
                                  # whose sentence the score was read through, where not the fact's own
                                  "via": label.get(v["via"], v["via"]) if v.get("via") else None}
                                 for v in f.versions if not _same_wording(v["text"], f.text)],
                    "conflicts": f.conflicts,
                }
            )
        elif f.article_ids:
            view.unique_facts.setdefault(label.get(f.article_ids[0], f.article_ids[0]), []).append(without_dateline(f.text))
    return view


# QuoteVersion.changes as a reader is told them, beside the fidelity label
MEANING_CHANGES = {"negation": "“not” changed", "numbers": "figure changed", "antonym": "opposite word",
                   "names": "name changed"}
# Story.fact_tier as the reader is told it
FACT_MATCHERS = {"lexical": "words", "minilm": "words + MiniLM", "cross-encoder": "the same-fact judge"}

SAME_WORDING_RATIO = 90  # rapidfuzz ratio: a reprint with a changed dateline or a typo still counts
# Sentence pairs whose wording check a process keeps: a story page checks each outlet's sentence
# against the fact shown (~300 pairs for a story of 60 articles), and that check was most of a
# stored story's view; a second view, or another page showing the same sentences, reads the answer
WORDING_CHECKS_KEPT = 16384


@lru_cache(maxsize=WORDING_CHECKS_KEPT)
def _same_wording(variant: str | None, shown: str) -> bool:
    """Whether an outlet printed the sentence shown: the same letters but a few (a typo, a changed
    dateline), and nothing said otherwise: "was not hit", another figure, unit, day or name is
    that outlet's own sentence, shown as such (QA pass 15: it was listed as printing "was hit").
    Kept per pair of texts: the answer depends on the two texts alone, so a revised article or a
    story that gained one is checked afresh, never answered from an older comparison."""
    from rapidfuzz import fuzz

    if variant is None or variant == shown:
        return True
    return (fuzz.ratio(variant, shown) >= SAME_WORDING_RATIO
            and not differs_in_substance(without_dateline(variant), without_dateline(shown)))
