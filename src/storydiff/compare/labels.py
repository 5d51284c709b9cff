"""How a story's texts name an article: its outlet, else its URL's site, else its file."""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.extract.metadata import outlet_from_url
from storydiff.records import Article


def article_label(a: Article) -> str:
    """The outlet; for an article without one (pasted page text), what the reader knows it by:
    its URL's site or the file it came from, never the hash id the article list does not show."""
    return a.outlet or outlet_from_url(a.url) or (
        a.source.rsplit("/", 1)[-1] if a.source and not a.source.startswith("api:") else f"article {a.id[:8]}"
    )


def article_labels(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's label in a story, an outlet's later articles numbered ("Loop Post #2"): four
    articles of one outlet read "14 people (Loop Post) vs 19 people (Loop Post)" (second QA pass)."""
    labels: dict[str, str] = {}
    used: dict[str, int] = {}
    for a in articles:
        base = article_label(a)
        used[base] = used.get(base, 0) + 1
        labels[a.id] = base if used[base] == 1 else f"{base} #{used[base]}"
    return labels
