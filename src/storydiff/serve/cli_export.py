"""``storydiff export``: every stored story's comparison as JSON Lines, in one process (registered
on the CLI by ``cli.py``).

A researcher's archive holds thousands of stories; ``show ID --json`` for each starts a process,
imports the pipeline and loads spaCy again every time (QA pass 26b, 08: ~11 s a story on a
loaded 2-core laptop, about six hours for 2,037 stories). Here the models load once, a story whose
stored comparison is current is read back, not recomputed, and each line is written as soon as it
is ready, so an interrupted export keeps what it wrote and ``--skip`` resumes it.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from storydiff.serve.cli import (
    DbOpt,
    SemanticOpt,
    _store,
    database_errors,
    err,
    fact_settings_for,
    progress_bar,
)


def export(
    db: DbOpt = None,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="only stories of at least this many articles")] = 1,
    skip: Annotated[int, typer.Option("--skip", min=0, help="leave out the newest this many stories of those exported "
                                                             "(resume an export with the same options)")] = 0,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="at most this many stories")] = None,
    semantic: SemanticOpt = False,
    csv_table: Annotated[str | None, typer.Option(
        "--csv", help="CSV for a spreadsheet instead of JSON Lines: one table, 'stories' (a row a story), "
                      "'facts' (a row an outlet's sentence of a fact) or 'quotes' (a row an outlet's version of a quote)")] = None,
) -> None:
    """Every stored story's comparison as JSON Lines on stdout, newest first: one line a story, the document `show ID --json` prints ({articles, stories, edits, ...}); or, with --csv TABLE, one table of rows."""
    from storydiff.pipeline import (
        stored_story_result,  # the pipeline loads when a command runs, not at start-up
    )
    from storydiff.serve.export_rows import TABLES, CsvTable

    if csv_table is not None and csv_table not in TABLES:
        raise typer.BadParameter(f"{csv_table!r} is no table: one of {', '.join(TABLES)}", param_hint="--csv")
    facts = fact_settings_for(semantic)
    store = _store(db, create=False)
    # a resumed export (--skip) is appended to the file its first run wrote: its header is there
    table = CsvTable(sys.stdout, csv_table, header=skip == 0) if csv_table else None
    written = 0
    try:
        with database_errors(db):
            # skipped after the filter: --skip resumes an export with the same --min-articles, and
            # counts the stories it wrote, not those the filter left out
            summaries = [s for s in store.stories(limit=None) if s.n_articles >= min_articles][skip:]
            summaries = summaries[:limit] if limit is not None else summaries
            with progress_bar("exporting", total=len(summaries)) as tick:
                for summary in summaries:
                    result = stored_story_result(store, summary.id, facts)
                    if result is not None and table is not None:
                        table.write(result.to_dict())
                        sys.stdout.flush()
                        written += 1
                    elif result is not None:
                        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                        sys.stdout.flush()
                        written += 1
                    tick()
    finally:
        store.close()
    err.print(f"exported {written} stor{'y' if written == 1 else 'ies'}")
