"""How many independent sources stand behind a story.

Ten copies of one wire story are one source, and so are two rewrites that both rest on one
interview with the Financial Times. Two steps, each recorded as a reason the user can read:
1. syndication: articles whose texts are near-copies (shingle Jaccard) form one group;
2. attribution: groups whose primary cited origin is the same collapse into that origin.
What is left is the count.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.analyze.origins import is_outlet_of
from storydiff.compare.labels import article_labels
from storydiff.records import Article, Origin, SourceGroup
from storydiff.settings import IndependenceSettings
from storydiff.unionfind import UnionFind

# attribution kinds that make an origin the source of the story (not "according to police")
STRONG_KINDS = {"citing", "told", "interview", "reported", "wire", "credit", "according_to"}


def primary_origin(article: Article, settings: IndependenceSettings | None = None) -> str | None:
    """The origin the article rests on: cited in its lead (its first sentence, or the first
    ``lead_share`` of the text when that is longer), or cited repeatedly. None if it cites no one."""
    settings = settings or IndependenceSettings()
    # a short rewrite names its source at the end of its first sentence ("..., передає Reuters."):
    # in a 420-character text that is past the first 30% of its characters
    # (at most _LEDE_MAX_CHARS: a text without sentence ends is one "sentence", and a passing
    # mention at its end is no lead; a review's finding)
    lead_end = max(1, int(len(article.text) * settings.lead_share), min(_first_sentence_end(article), _LEDE_MAX_CHARS))
    stats: dict[str, list[int]] = {}
    for o in article.origins:
        if o.kind not in STRONG_KINDS:
            continue
        stats.setdefault(o.name, []).append(o.start if o.start >= 0 else len(article.text))
    best: tuple[int, int, str] | None = None
    for name, positions in stats.items():
        first = min(positions)
        if len(positions) < settings.primary_min_mentions and first > lead_end:
            continue
        key = (-len(positions), first, name)
        if best is None or key < best:
            best = key
    return best[2] if best else None


_LEDE_MIN_WORDS = 8  # a headline line or a dateline ("Харків, 14 березня 2025 року.") is no lede
_LEDE_MAX_CHARS = 600  # the longest news lede is ~60 words


def _first_sentence_end(article: Article) -> int:
    """Where the article's first full sentence (its lede) ends: headline and dateline lines skipped."""
    spans = article.sentences
    if not spans:
        from storydiff.analyze.sentences import sentence_spans

        spans = sentence_spans(article.text[:3000])
    for a, b in spans[:4]:
        if len(article.text[a:b].split()) >= _LEDE_MIN_WORDS:
            return b
    return 0


def syndication_groups(articles: Sequence[Article], settings: IndependenceSettings | None = None) -> list[list[int]]:
    """Indices of articles grouped by near-copy text (single-link)."""
    from storydiff.match import near_duplicate_score

    settings = settings or IndependenceSettings()
    uf = UnionFind(range(len(articles)))
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if uf.find(i) != uf.find(j) and near_duplicate_score(articles[i].text, articles[j].text) >= settings.syndication_jaccard:
                uf.union(i, j)
    return list(uf.groups().values())


def independent_sources(
    articles: Sequence[Article], settings: IndependenceSettings | None = None
) -> tuple[int, list[SourceGroup]]:
    """The count, and the groups with the reasoning behind it."""
    settings = settings or IndependenceSettings()
    _label = article_labels(articles).__getitem__  # an outlet's second article is "Loop Post #2"
    by_origin: dict[str, list[SourceGroup]] = {}
    uncited: list[tuple[list[Article], str, SourceGroup]] = []  # (members, "X copies Y's text; ", group)
    for idx in syndication_groups(articles, settings):
        members = [articles[i] for i in idx]
        primaries = {primary_origin(a, settings) for a in members} - {None}
        copies = ""
        if len(members) > 1:
            copiers = [_label(a.id) for a in members[1:]]
            verb = "copies" if len(copiers) == 1 else "copy"
            copies = f"{', '.join(copiers)} {verb} {_label(members[0].id)}'s text; "
        if len(primaries) == 1:
            origin = primaries.pop()
            # one origin under two names ("OPA" in a dateline tag, "Ostrania Press Agency" spelled
            # out in a translation) is one source: the name first met stands for both
            origin = next((o for o in by_origin if is_outlet_of(origin, o) or is_outlet_of(o, origin)), origin)
            citing = [_label(a.id) for a in members if not is_outlet_of(origin, a.outlet)]
            verb = "cite" if len(citing) > 1 else "cites"
            why = f"{copies}{' and '.join(citing)} {verb} {origin}" if citing else copies.rstrip("; ")
            if len(citing) < len(members):  # the agency's own copy is among them: it cites no one
                why += f"; {origin}'s own report"
            g = SourceGroup([a.id for a in members], origin, why)
            by_origin.setdefault(origin, []).append(g)
        else:
            # "own reporting": no origin is named because the outlet is the source, not "unsourced"
            why = copies + ("own reporting (cites no single origin)" if not primaries
                            else f"cites several origins ({', '.join(sorted(primaries))})")
            uncited.append((members, copies, SourceGroup([a.id for a in members], None, why.strip("; "))))
    # The origin's own report (Harbor Wire's story, which cites no one: it is the source) joins
    # the outlets that cite it, or a wire story and its rewrites would count as two sources.
    independent: list[SourceGroup] = []
    for members, copies, g in uncited:
        origin = next((o for o in by_origin if any(is_outlet_of(o, a.outlet) for a in members)), None)
        if origin is None:
            independent.append(g)
        else:
            by_origin[origin].insert(0, SourceGroup(g.article_ids, origin, f"{copies}{origin}'s own report"))
    out: list[SourceGroup] = []
    for origin, groups in by_origin.items():
        ids = [i for g in groups for i in g.article_ids]
        # the origin's own reports, met in several groups, are said once
        reasons = "; ".join(dict.fromkeys(part for g in groups for part in g.reason.split("; ")))
        out.append(SourceGroup(ids, origin, f"{reasons}: one source ({origin})"))
    out.extend(independent)
    return len(out), out


def story_origins(articles: Sequence[Article]) -> list[str]:
    """Every origin cited in the story, most cited (by number of articles) first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for k, a in enumerate(articles):
        for name in {o.name for o in a.origins}:
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, k)
    return sorted(counts, key=lambda n: (-counts[n], first[n], n))


__all__ = ["independent_sources", "primary_origin", "story_origins", "syndication_groups", "Origin"]
