"""The counts of people that headlines give, compared across outlets: two reports with the same body
under "загинули троє" and "загинули семеро" disagree on the toll, and no sentence of either body
says so (QA pass 19a, headline). Each headline's counts of the dead, injured, missing and children
(the kinds read alike in every language) are compared with the other headlines', and an outlet
whose headline counts none of a kind is represented by its lede (its first sentence that counts
it); the disagreement is a fact of the headlines, with each outlet's headline (or lede) as its
wording, whose conflict line names the headline."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from storydiff.compare.claims import Claim, Quantity, quantities_in
from storydiff.records import Article, Fact

KINDS = frozenset({"dead", "injur", "missi", "child"})
LEDE_SENTENCES = 3  # an outlet's lede: its first sentences (a headline's toll is its lead's)


def headline_fact(articles: Sequence[Article], claims_of: Mapping[str, Sequence[Claim]],
                  label: Callable[[str], str], languages: Mapping[str, str],
                  disputes: Callable[[Sequence[Claim], Callable[[str], str], str, Callable], list[str]],
                  said: set[str] | frozenset[str] = frozenset()) -> Fact | None:
    """A fact of the headlines when some headline's counts disagree with another outlet's headline
    or lede, else None. ``claims_of``: each article's claims in order; ``disputes``: the facts'
    numbers check (``facts._disputes``); ``said``: the body facts' conflict lines (a headline
    line that repeats one, the ledes' figures disputed in a shared fact, is left out)."""
    titled: dict[str, tuple[Quantity, ...]] = {}
    for a in articles:
        if a.title:
            qs = tuple(q for q in quantities_in(a.title, languages.get(a.id)) if q.unit in KINDS)
            if qs:
                titled[a.id] = qs
    if not titled:
        return None
    units = {q.unit for qs in titled.values() for q in qs}
    read: list[Claim] = []
    wording: dict[str, str] = {}
    for a in articles:
        qs = titled.get(a.id, ())
        text = a.title or "" if qs else ""
        # a kind another headline counts and this one does not: the lede's count of it ("Атака на
        # Львів: восьмеро поранених" over "Загинули двоє людей" is two dead; QA pass 20a: a
        # headline with any count never fell back, so the outlet was left out of the toll's dispute)
        missing = units - {q.unit for q in qs}
        lede = next((c for c in list(claims_of.get(a.id, ()))[:LEDE_SENTENCES]
                     if any(q.unit in missing for q in c.quantities)), None) if missing else None
        if lede is not None:
            qs += tuple(q for q in lede.quantities if q.unit in missing)
            text = f"{text} — {lede.text}" if text else lede.text
        if not qs:
            continue
        wording[a.id] = text
        read.append(Claim(a.id, -1, 0, 0, text, frozenset(), (), qs))
    if len(read) < 2 or not any(c.article_id in titled for c in read):
        return None
    language_of = {label(a.id): languages.get(a.id) for a in articles}
    # the units each outlet's figures count, in its body and in its headline: a body's "injuring
    # 12 people (A) vs 14 (B)" is not the headline's "kills 12 (A) vs 14 dead (B)" (review 20b)
    body_units = _units_by_outlet((c for a in articles for c in claims_of.get(a.id, ())), label)
    head_units = _units_by_outlet(read, label)
    told = [_figures_by_outlet(line, language_of, body_units) for line in said if line.startswith("numbers differ")]
    lines = [line.replace("numbers differ", "numbers differ in the headlines", 1)
             for line in disputes(read, label, "numbers differ", lambda c: c.quantities)
             if line not in said and not any(_same_dispute(_figures_by_outlet(line, language_of, head_units), t)
                                              for t in told)]
    if not lines:
        return None
    ids = [c.article_id for c in read]
    return Fact(text=wording[ids[0]], article_ids=ids, variants=dict(wording), conflicts=lines,
                first_article_id=ids[0], match="same",
                versions=[{"article_id": i, "text": wording[i], "score": 1.0} for i in ids])


# each "figures (outlets)" of a conflict line: "at least 12 people (Ostrania Press Agency, Обрій
# Новин) vs at least 14 people (Daily Lantern)"
_OUTLETS = re.compile(r" \(([^()]*)\)(?=, | vs |$)")


def _units_by_outlet(claims, label: Callable[[str], str]) -> dict[tuple[str, float], set[str]]:
    """(outlet, value) -> the units its claims count that value in."""
    out: dict[tuple[str, float], set[str]] = {}
    for c in claims:
        for q in c.quantities:
            out.setdefault((label(c.article_id), q.value), set()).add(q.unit)
    return out


def _figures_by_outlet(line: str, language_of: Mapping[str, str | None],
                       units: Mapping[tuple[str, float], set[str]]) -> dict[str, tuple[frozenset, frozenset]]:
    """The outlets of each side of a "numbers differ" line with the values their figures give
    and the units the outlets count them in (``units``: ``_units_by_outlet``): a headline's "12
    (A) vs 14 dead (B)" says what a body's "at least 12 people (A) vs at least 14 people (B)"
    says when the body's people are the dead (the demo printed both: the same dispute twice)."""
    body = line.split(": ", 1)[-1]
    out, start = {}, 0
    for m in _OUTLETS.finditer(body):
        written = body[start : m.start()]
        for joint in (", ", " vs "):
            written = written.removeprefix(joint)
        language = language_of.get(m.group(1).split(", ")[0])
        values = frozenset(q.value for q in quantities_in(written, language))
        counted = frozenset(u for outlet in m.group(1).split(", ") for v in values for u in units.get((outlet, v), ()))
        out[m.group(1)] = (values, counted)
        start = m.end()
    return out


def _same_dispute(headline: Mapping[str, tuple[frozenset, frozenset]],
                  body: Mapping[str, tuple[frozenset, frozenset]]) -> bool:
    """Whether a body's dispute is the headline's: the same outlets on each side, giving the same
    values, counted in a unit in common (where the body's units are known)."""
    return headline.keys() == body.keys() and all(
        headline[o][0] == body[o][0] and (not body[o][1] or headline[o][1] & body[o][1]) for o in headline)
