"""A story comparison's document (``StoryResult.to_dict()``, what ``show --json`` prints) flattened
into table rows, for a researcher's coding spreadsheet (QA pass 27c, 9: JSON Lines only, the
nested quotes and facts had to be flattened by hand).

Three tables, one row per thing a researcher codes:

- ``stories``: a story, its outlets, independent sources and origins, and counts of its facts,
  quotes and conflicts;
- ``facts``: one outlet's sentence of one fact (a fact reported by three outlets is three rows
  sharing ``fact``), with how sure the match is and the fact's conflicts;
- ``quotes``: one outlet's version of one quote, with its speaker, fidelity and meaning changes.

Cells are article text, which is attacker-controlled: a cell a spreadsheet would read as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a
leading apostrophe (OWASP's advice against CSV injection), and so is one after a ";" or a tab
inside a cell (where a spreadsheet of another list separator splits it), so opening the export
runs nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

TABLES = ("stories", "facts", "quotes")

COLUMNS: dict[str, tuple[str, ...]] = {
    "stories": ("story", "articles", "outlets", "languages", "first_published", "first_title",
                "independent_sources", "origins", "facts_shared", "facts_possibly", "facts_only",
                "quotes", "conflicts"),
    "facts": ("story", "fact", "match", "outlets_reporting", "article", "outlet", "language", "published",
              "sentence", "score", "conflicts"),
    "quotes": ("story", "quote", "speaker", "article", "outlet", "language", "text", "fidelity", "changes",
               "version_speaker", "speaker_conflict"),
}

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_JOIN = "; "


# a spreadsheet set to another list separator (";" in much of Europe, or a tab) splits a cell
# there, and what follows opens a cell of its own: "rose;=HYPERLINK(...)" is a formula there
_FORMULA_AFTER_SEPARATOR = re.compile(r"([;\t])(?=[=+\-@])")


def _cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _outlets(story: dict, articles: dict[str, dict]) -> list[str]:
    seen: list[str] = []
    for aid in story.get("article_ids", []):
        outlet = (articles.get(aid) or {}).get("outlet") or ""
        if outlet and outlet not in seen:
            seen.append(outlet)
    return seen


def _story_row(story: dict, articles: dict[str, dict]) -> dict:
    members = [articles[a] for a in story.get("article_ids", []) if a in articles]
    facts = story.get("facts", [])
    by_match = {m: sum(1 for f in facts if f.get("match") == m and len(set(f.get("article_ids", []))) > 1)
                for m in ("same", "possibly")}
    timeline = story.get("timeline") or [{}]
    return {
        "story": story.get("id"),
        "articles": len(story.get("article_ids", [])),
        "outlets": _JOIN.join(_outlets(story, articles)),
        "languages": _JOIN.join(sorted({a.get("language") or "" for a in members} - {""})),
        "first_published": timeline[0].get("published"),
        "first_title": timeline[0].get("title"),
        "independent_sources": story.get("independent_sources"),
        "origins": _JOIN.join(story.get("origins", [])),
        "facts_shared": by_match["same"],
        "facts_possibly": by_match["possibly"],
        "facts_only": sum(1 for f in facts if len(set(f.get("article_ids", []))) == 1),
        "quotes": len(story.get("quotes", [])),
        "conflicts": sum(len(f.get("conflicts", [])) for f in facts),
    }


def _fact_rows(story: dict, articles: dict[str, dict]) -> Iterator[dict]:
    for n, fact in enumerate(story.get("facts", []), 1):
        reporting = len({(articles.get(a) or {}).get("outlet") or a for a in fact.get("article_ids", [])})
        for version in fact.get("versions", []):
            article = articles.get(version.get("article_id"), {})
            yield {"story": story.get("id"), "fact": n, "match": fact.get("match"), "outlets_reporting": reporting,
                   "article": version.get("article_id"), "outlet": article.get("outlet"),
                   "language": article.get("language"), "published": article.get("published"),
                   "sentence": version.get("text"), "score": version.get("score"),
                   "conflicts": _JOIN.join(fact.get("conflicts", []))}


def _quote_rows(story: dict, articles: dict[str, dict]) -> Iterator[dict]:
    for n, quote in enumerate(story.get("quotes", []), 1):
        for version in quote.get("versions", []):
            article = articles.get(version.get("article_id"), {})
            yield {"story": story.get("id"), "quote": n, "speaker": quote.get("speaker"),
                   "article": version.get("article_id"), "outlet": article.get("outlet"),
                   "language": article.get("language"), "text": version.get("text"),
                   "fidelity": version.get("fidelity"), "changes": _JOIN.join(version.get("changes", [])),
                   "version_speaker": version.get("speaker"),
                   "speaker_conflict": quote.get("speaker_conflict")}


def table_rows(document: dict, table: str) -> Iterator[dict]:
    """The rows of ``table`` (one of ``TABLES``) for every story of one comparison document."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    articles = {a.get("id"): a for a in document.get("articles", [])}
    for story in document.get("stories", []):
        if table == "stories":
            yield _story_row(story, articles)
        elif table == "facts":
            yield from _fact_rows(story, articles)
        else:
            yield from _quote_rows(story, articles)


class CsvTable:
    """A CSV writer of one table's rows, its header written first (unless ``header`` is False), every
    cell made formula-safe."""

    def __init__(self, out: IO[str], table: str, *, header: bool = True):
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
        self.table = table
        self._writer = csv.DictWriter(out, fieldnames=COLUMNS[table], extrasaction="ignore")
        if header:  # not when resuming an export appended to its file (``--skip``)
            self._writer.writeheader()

    def write(self, document: dict) -> int:
        """Writes the rows of ``document``; returns how many."""
        return self.write_rows(table_rows(document, self.table))

    def write_rows(self, rows: Iterable[dict]) -> int:
        n = 0
        for row in rows:
            self._writer.writerow({k: _cell(v) for k, v in row.items()})
            n += 1
        return n
