"""``storydiff search``: stories, articles and quotes in the database by words (registered on
the CLI by ``cli.py``)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.text import Text

from storydiff.serve.cli import DbOpt, _store, err, out
from storydiff.serve.format import plural
from storydiff.serve.tty import safe


def search(
    query: Annotated[str, typer.Argument(help='words to find (all of them); "a phrase" in quotes; word* for a prefix; '
                                                   '"" with --speaker/--outlet/--since: everything they pass, newest first')],
    speaker: Annotated[str | None, typer.Option("--speaker", help="only quotes by this speaker (a word or the start of one in the name: Kallas, Zelensk; in any case or script: Пескова, Peskov)")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="only this outlet (its name's words from their start: Kurier finds Kurier Wschodni, not Ostkurier)")] = None,
    since: Annotated[str | None, typer.Option("--since", help="only articles published on or after this date")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="at most this many articles and this many quotes")] = 20,
    db: DbOpt = None,
    json_: Annotated[bool, typer.Option("--json", help="one JSON document on stdout: {query, stories, articles, quotes}")] = False,
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
    from storydiff.serve.terminal import print_search  # only here: it imports the comparison stages

    print_search(out, results)
    n = len(results.articles) + len(results.quotes)
    err.print(f"{plural(len(results.stories), 'story', 'stories')}, {plural(len(results.articles), 'article')}, "
              f"{plural(len(results.quotes), 'quote')}"
              + ("" if n else f" contain {safe(query, one_line=True)!r}"
                 + (f" said by {safe(speaker, one_line=True)!r}" if speaker else "")), soft_wrap=True)
