"""Turn what the user typed (files, folders, globs, ``-``) into an ordered list of inputs."""

from __future__ import annotations

import glob
import gzip
import logging
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator

from storydiff.ingest.limits import GZIP_MAGIC

STDIN = "-"
log = logging.getLogger("storydiff.ingest")


class FoundSpecial(str):
    """A named pipe, socket or device met while walking a folder. Named on the command line, a
    pipe is read as a stream (``<(zcat x.gz)``); found in a folder it is reported, not opened:
    reading a stray pipe would wait for a writer that never comes."""


# A database kept in the folder being read (``storydiff ingest news/ --db news/storydiff.db``): its
# files, its journal and storydiff's lock files were quarantined as failed articles on every run.
_STORAGE_SUFFIXES = ("-wal", "-shm", "-journal", "-ingest.lock", "-running.lock")
_SQLITE_MAGIC = b"SQLite format 3\x00"


# Names of what storydiff reads: no database is looked for in them (a folder walk opens no file
# twice for the common case).
_ARTICLE_SUFFIXES = (".html", ".htm", ".txt", ".jsonl", ".json", ".csv", ".tsv", ".xml", ".rss", ".atom", ".warc", ".gz")


def _storage_file(path: str) -> bool:
    """Whether a file found in a folder is a SQLite database or one of its side files (a file
    named "...-journal" beside no database, "lancaster-journal", is read: a review's finding)."""
    for suffix in _STORAGE_SUFFIXES:
        if path.endswith(suffix):
            return _sqlite(path[: -len(suffix)])
    return not path.lower().endswith(_ARTICLE_SUFFIXES) and _sqlite(path)


# What storydiff writes into its own HTML (a `compare --html` report, a page of the web app), near
# the top: such a file kept in the folder it compares was read back as a 7th article, its evidence
# lines as facts (11 facts became 49, QA round 14). The marker, not the file's name, says so.
OWN_HTML_MARKER = b'<meta name="generator" content="storydiff">'
_HTML_SUFFIXES = (".html", ".htm")


def _own_report(path: str) -> bool:
    """Whether a file found in a folder or by a glob is an HTML page storydiff wrote."""
    if not path.lower().endswith(_HTML_SUFFIXES):
        return False
    try:
        with open(path, "rb") as f:
            return OWN_HTML_MARKER in f.read(1024)
    except OSError:
        return False  # the reader names what it cannot open


def _sqlite(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False  # the reader names what it cannot open


# What a folder walk reads (QA pass 17: a vendor delivery's README.md became a story and its
# fetch.sh an "(untitled)" article): files named as the formats storydiff reads (gzipped or not);
# a file of another name when its first bytes are one of them (a saved page "article.php?id=5", a
# WARC named ".warc.open"); a file without an extension (a page saved under its slug, as
# "lancaster-journal", "story.2026-12-05") unless it is a script ("#!"). A project's file by
# convention (README, LICENSE, robots.txt...) is not read, with no extension or as .txt (review 17 #6:
# a delivery's README.txt became a story, its robots.txt a failed article). The rest is skipped and
# named in one line. A file named on the command line is read whatever its name.
WALK_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".xml", ".rss", ".atom",
                 ".warc", ".arc")
_PROJECT_FILES = frozenset({"readme", "license", "licence", "copying", "notice", "authors", "contributing",
                            "changelog", "changes", "notes", "install", "makefile", "dockerfile", "manifest",
                            "todo", "robots", "requirements"})
_PLAIN_SUFFIXES = ("", ".txt")  # the suffixes a project's file has that a news file may have too
_SNIFF_BYTES = 2048
MAX_SKIPS_NAMED = 5


def walk_reads(path: str) -> bool:
    """Whether a file found in a folder is one storydiff reads (see WALK_SUFFIXES)."""
    name = os.path.basename(path)
    base = name[:-3] if name.lower().endswith(".gz") else name
    stem, ext = os.path.splitext(base)
    ext = ext.lower()
    if not ext.strip(".0123456789-_"):  # "story.2026-12-05", "story.2": a dated or numbered name, no extension
        stem, ext = base, ""
    if ext in _PLAIN_SUFFIXES and stem.split(".")[0].lower() in _PROJECT_FILES:
        return False
    if ext in WALK_SUFFIXES:
        return True
    head = _head(path)
    if ext and not stem.endswith("."):  # another extension: read when its bytes say what it is
        from storydiff.ingest import sniff_format

        return sniff_format("", head) != "text"
    return not head.startswith(b"#!")


def _head(path: str) -> bytes:
    """A file's first bytes, gunzipped when it is gzipped (b"" when it cannot be read)."""
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
            if head.startswith(GZIP_MAGIC):
                f.seek(0)
                with gzip.GzipFile(fileobj=f) as g:
                    head = g.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return b""  # the reader names what it cannot open; here it is not read
    return head


def _say_skipped(folder: str, skipped: list[str]) -> None:
    names = ", ".join(os.path.relpath(p, folder) for p in skipped[:MAX_SKIPS_NAMED])
    more = f" and {len(skipped) - MAX_SKIPS_NAMED} more" if len(skipped) > MAX_SKIPS_NAMED else ""
    log.warning("%s: skipped %d file%s that %s no article, feed, export or web archive by name or first bytes "
                "(%s%s); name a file to read it anyway", folder, len(skipped), "" if len(skipped) == 1 else "s",
                "is" if len(skipped) == 1 else "are", names, more)


def _special(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a broken link or a loop: the reader names it
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def natural_order(path: str) -> tuple:
    """A sort key reading the numbers in a path as numbers: "page-v2.html" before "page-v10.html"
    (QA pass 26c, 2: a folder of one page's saves was stored v10 first, then v2 as its revision)."""
    return tuple((0, int(part), part) if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", path))


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Yield files in a stable order: folders recursively (sorted, numbers as numbers:
    ``natural_order``), globs expanded (so sorted), ``-`` kept.

    A name that matches nothing is yielded as is so that the reader reports it as missing,
    instead of silently dropping what the user asked for."""
    seen: set[str] = set()
    for raw in inputs:
        if raw == STDIN:
            yield STDIN
            continue
        if os.path.isdir(raw):
            found = []
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
            names = [FoundSpecial(n) if _special(n) else n for n in sorted(found, key=natural_order)]
            names = [n for n in names if isinstance(n, FoundSpecial) or not (_storage_file(n) or _own_report(n))]
            kept, skipped = [], []  # one pass (review 17 #5: a set rebuilt per name took 5.7 s for 8,000 skipped)
            for n in names:
                (kept if isinstance(n, FoundSpecial) or walk_reads(n) else skipped).append(n)
            if skipped:
                _say_skipped(raw, skipped)
            names = kept
        elif any(ch in raw for ch in "*?["):
            names = sorted((p for p in glob.glob(raw, recursive=True) if os.path.isfile(p) and not _own_report(p)),
                           key=natural_order)
            if not names:
                names = [raw]
        else:
            names = [raw]
        for name in names:
            if name not in seen:
                seen.add(name)
                yield name
