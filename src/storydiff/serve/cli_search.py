"""``storydiff search``: stories, articles and quotes in the database by words (registered on
the CLI by ``cli.py``)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from storydiff.serve.cli import DbOpt, JsonOpt, _store, err, out


def search(
    query: Annotated[str, typer.Argument(help='words to find (all of them); "a phrase" in quotes; word* for a prefix')],
    speaker: Annotated[str | None, typer.Option("--speaker", help="only quotes by this speaker (part of the name)")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="only this outlet (part of its name)")] = None,
    since: Annotated[str | None, typer.Option("--since", help="only articles published on or after this date")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="at most this many articles and this many quotes")] = 20,
    db: DbOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Search the stored stories, articles and quotes by words (any language, as written)."""
    from storydiff.search import search_stored

    store = _store(db, create=False)
    try:
        results = search_stored(store, query, speaker=speaker, outlet=outlet, since=since, limit=limit)
    except ValueError as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    if json_:
        sys.stdout.write(json.dumps(results.to_dict(), ensure_ascii=False) + "\n")
        return
    from storydiff.serve.terminal import _clean  # only here: it imports the comparison stages

    if results.stories:
        t = Table(title="Stories", title_justify="left")
        t.add_column("story", no_wrap=True, min_width=17)
        for name in ("hits", "outlets", "title"):
            t.add_column(name)
        for s in results.stories:
            hits = ", ".join(x for x in (f"{s.articles} article(s)" if s.articles else "",
                                         f"{s.quotes} quote(s)" if s.quotes else "") if x)
            t.add_row(Text(s.id), hits, Text(_clean(", ".join(s.outlets))), Text(_clean(s.title or "")))
        out.print(t)
    if results.quotes:
        t = Table(title="Quotes", title_justify="left", show_lines=True)
        for name in ("speaker", "outlet", "published", "quote", "article"):
            t.add_column(name, overflow="fold")
        for h in results.quotes:
            t.add_row(Text(_clean(h.speaker or "?")), Text(_clean(h.outlet or "—")), h.published or "—",
                      Text(f"“{_clean(h.text)}”"), Text(h.article_id))
        out.print(t)
    if results.articles:
        t = Table(title="Articles", title_justify="left", show_lines=True)
        for name in ("outlet", "published", "title / words", "article"):
            t.add_column(name, overflow="fold")
        for h in results.articles:
            body = Text(_clean(h.title or ""), style="bold")
            body.append("\n" + _clean(h.text))
            t.add_row(Text(_clean(h.outlet or "—")), h.published or "—", body, Text(h.article_id))
        out.print(t)
    n = len(results.articles) + len(results.quotes)
    err.print(f"{len(results.stories)} stor{'y' if len(results.stories) == 1 else 'ies'}, "
              f"{len(results.articles)} article(s), {len(results.quotes)} quote(s)"
              + ("" if n else f" contain {query!r}" + (f" said by {speaker!r}" if speaker else "")))
