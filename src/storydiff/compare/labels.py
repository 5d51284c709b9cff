"""How a story's texts name an article: its outlet, else its URL's site, else its file."""

from __future__ import annotations

from storydiff.extract.metadata import outlet_from_url
from storydiff.records import Article


def article_label(a: Article) -> str:
    """The outlet; for an article without one (pasted page text), what the reader knows it by:
    its URL's site or the file it came from, never the hash id the article list does not show."""
    return a.outlet or outlet_from_url(a.url) or (
        a.source.rsplit("/", 1)[-1] if a.source and not a.source.startswith("api:") else f"article {a.id[:8]}"
    )
