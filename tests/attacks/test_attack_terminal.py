"""Issue 22, case 8: escape sequences in ids, titles and quotes were printed raw by ``errors``,
``stories``, ``quotes``, ``extract`` and every ``error:`` line: clipboard writes (OSC 52), window
titles, hidden text, clear-screen. Now each goes through one boundary (serve.tty) that shows it."""

from __future__ import annotations

import json

import attack_inputs as inputs
import pytest
from attack_cli import cli

from storydiff.records import Article, Failure
from storydiff.store import open_store

ATTACKS = {
    "clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07",  # OSC 52: write "rm -rf ~" to the clipboard
    "title": "\x1b]0;all good\x07",  # the window's title
    "hidden": "\x1b[8mhidden\x1b[0m",
    "clear": "\x1b[2J\x1b[H",
    "csi8": "\x9b2J",  # the 8-bit CSI
    "bidi": "\u202eevil",  # right-to-left override
    "overprint": "safe\rEVIL",
}
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


def _clean(*texts: str) -> bool:
    return not any(ch in t for t in texts for ch in RAW)


@pytest.fixture
def hostile_db(tmp_path):
    """A database holding what an older storydiff stored as it came: titles, outlets, ids and
    failure reasons with escape sequences (today's ingest cleans them on the way in)."""
    db = str(tmp_path / "hostile.db")
    with open_store(db) as store:
        for n, (name, attack) in enumerate(ATTACKS.items()):
            row = inputs.good_row(n)
            store.add_article(Article(id=f"a{n}{attack}", source=f"feed{attack}.rss", text=row["text"],
                                      title=f"Title {attack} {name}", outlet=f"Outlet{attack}"), f"s{n}{attack}")
            store.add_failure(Failure(f"bad{attack}.html", f"reason {attack}"))
    return db


def test_stories_errors_and_show_show_escapes_instead_of_obeying_them(hostile_db):
    stories = cli("stories", "--db", hostile_db)
    assert stories.exit_code == 0 and _clean(stories.stdout, stories.stderr)
    assert "\\x1b]52;c;" in stories.stdout.replace("\n", "") or "\\x1b" in stories.stdout
    errors = cli("errors", "--db", hostile_db)
    assert errors.exit_code == 0 and _clean(errors.stdout, errors.stderr)
    assert errors.stdout.count("\\x1b") >= 4 and "\\u202e" in errors.stdout
    for line in cli("stories", "--db", hostile_db, "--json").stdout.splitlines():
        shown = cli("show", json.loads(line)["id"], "--db", hostile_db)
        assert shown.exit_code == 0 and _clean(shown.stdout, shown.stderr)
    missing = cli("show", "nope\x1b[2J", "--db", hostile_db)
    assert missing.exit_code == 1 and _clean(missing.stderr) and "nope\\x1b[2J" in missing.stderr


def test_error_lines_extract_and_quotes_show_escapes_in_file_names(tmp_path):
    db = str(tmp_path / "attack.db")
    name = "evil" + ATTACKS["clipboard"] + ".html"
    bad = tmp_path / name
    bad.write_bytes(b"\x00\x01binary")
    good = tmp_path / ("quote" + ATTACKS["title"] + ".txt")
    good.write_text(inputs.PARAGRAPH + ' "We expected storms to delay us, and they did not," she said.\n',
                    encoding="utf-8")
    for command in (("ingest", "--db", db, "--workers", "0"), ("extract",), ("quotes",), ("compare",)):
        result = cli(command[0], bad, good, *command[1:])
        assert _clean(result.stdout, result.stderr), command
        assert "error: " in result.stderr and "\\x1b]52;c;" in result.stderr, command
    errors = cli("errors", "--db", db)
    assert _clean(errors.stdout) and "\\x1b]52;c;" in errors.stdout


def test_titles_and_quotes_that_come_in_with_escapes_are_cleaned_on_the_way_in(tmp_path):
    db = str(tmp_path / "attack.db")
    row = inputs.good_row(1)
    row["title"] = "Breakwater " + ATTACKS["hidden"] + ATTACKS["clipboard"]
    row["text"] = row["text"] + ' "We are done' + ATTACKS["clear"] + '," Lestrade said.'
    path = inputs.write_jsonl(tmp_path / "rows.jsonl", [row])
    for command in (("extract",), ("extract", "--json"), ("quotes",), ("quotes", "--json"), ("compare",)):
        result = cli(command[0], path, *command[1:])
        assert result.exit_code == 0 and _clean(result.stdout), command
        assert "[8m" not in result.stdout and "52;c;" not in result.stdout  # whole sequences gone
    assert cli("ingest", path, "--db", db, "--workers", "0").exit_code == 0
    listed = cli("stories", "--db", db)
    assert _clean(listed.stdout) and "Breakwater" in listed.stdout
