"""A page that prints only its last change ("Stand: 06.12.2026 14:05 Uhr", tagesschau's only date line)
dates the article by it and says it is the page's modified time; a correction moves that line, and the
stored article keeps its first publication time, the correction's time its modified time (QA pass 21a,
08: the article's publication moved to the correction's time and the outlet lost its "first here")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.dates import revision_times, sortable_time
from storydiff.extract import extract_item
from storydiff.records import RawItem
from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set
runner = CliRunner()


def page(dead: str, stand: str, *, date_lines: tuple[str, ...] | None = None) -> str:
    stamp = date_lines if date_lines is not None else (f"Stand: {stand} Uhr",)
    paragraphs = [
        f"Bei einem russischen Drohnenangriff auf die ukrainische Hafenstadt Cherson sind mindestens {dead} Menschen "
        "getötet worden, teilte die regionale Militärverwaltung am Sonntagmorgen mit.",
        "Nach Angaben der Behörden wurden zwölf weitere Menschen verletzt, darunter zwei Kinder. Mehrere Wohnhäuser "
        "und eine Schule wurden beschädigt.",
        "Die Reparatur der getroffenen Wasserleitung soll nach Angaben der Stadtverwaltung mindestens drei Tage dauern.",
    ]
    return ("<html><head><title>Drohnenangriff auf Cherson</title>"
            '<link rel="canonical" href="https://www.tagesschau.example/ausland/cherson-100.html"></head><body>'
            "<header><nav><a href='/'>Startseite</a></nav></header><main><article>"
            f"<h1>Drohnenangriff auf Cherson: {dead} Tote</h1>"
            + "".join(f'<div class="metatextline">{s}</div>' for s in stamp)
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</article></main><footer>Impressum · Datenschutz</footer></body></html>")


def _extract(html: str):
    return extract_item(RawItem(source="cherson.html", kind="html", content=html,
                                url="https://www.tagesschau.example/ausland/cherson-100.html"))


def test_a_stand_line_dates_the_page_and_is_its_modified_time():
    a = _extract(page("vier", "06.12.2026 14:05"))
    assert sortable_time(a.published).startswith("2026-12-06T") and "14:05" in a.published
    assert a.modified == a.published


@pytest.mark.parametrize("text, published, modified", [
    # an update stamp alone, labelled in the languages read: the article's time and its modified time
    ("Stand: 06.12.2026 14:05 Uhr", "2026-12-06T14:05", "2026-12-06T14:05"),
    ("Aktualisiert: 06.12.2026, 14:05 Uhr", "2026-12-06T14:05", "2026-12-06T14:05"),
    ("Оновлено: 06.12.2026 14:05", "2026-12-06T14:05", "2026-12-06T14:05"),
    ("Обновлено: 06.12.2026 14:05", "2026-12-06T14:05", "2026-12-06T14:05"),
    ("Updated: 06.12.2026 14:05", "2026-12-06T14:05", "2026-12-06T14:05"),
    # a publication line beside it: that is the publication time, and the stamp the modified time
    # (round 25, QA pass 25a, 10: tests/test_page_update_stamp.py)
    ("Veröffentlicht: 06.12.2026 11:00 Uhr | Aktualisiert: 06.12.2026 14:05 Uhr", "2026-12-06T11:00",
     "2026-12-06T14:05"),
    ("06.12.2026 11:00 Uhr", "2026-12-06T11:00", None),  # a bare date line: no modified time
])
def test_page_text_reads_an_update_stamp_as_modified_only_where_nothing_else_dates_it(text, published, modified):
    body = page("vier", "").split("</h1>")[1]
    paragraphs = [p.split("</p>")[0] for p in body.split("<p>")[1:]]
    content = "\n".join(["Startseite", "Ausland", "Drohnenangriff auf Cherson: vier Tote", text, *paragraphs,
                         "Impressum · Datenschutz"])
    a = extract_item(RawItem(source="cherson.txt", kind="text", content=content))
    assert a.published is not None and a.published.startswith(published)
    assert (a.modified is None) if modified is None else a.modified.startswith(modified)


def test_a_revision_keeps_the_first_publication_time():
    # the correction's later stamp: first time kept, the new one is the edit's
    assert revision_times("2026-12-06T14:05:00+01:00", "2026-12-06T17:20:00+01:00", None) == (
        "2026-12-06T14:05:00+01:00", "2026-12-06T17:20:00+01:00")
    # the page's own modified time stays its own
    assert revision_times("2026-12-06T14:05:00+01:00", "2026-12-06T17:20:00+01:00", "2026-12-06T17:25:00+01:00")[1] \
        == "2026-12-06T17:25:00+01:00"
    # the first version gave the day only, this one its time: the time
    assert revision_times("2026-12-06", "2026-12-06T14:05:00+01:00", None) == ("2026-12-06T14:05:00+01:00", None)
    # an earlier time now printed (the page shows its first publication): that one
    assert revision_times("2026-12-06T14:05:00+01:00", "2026-12-06T11:00:00+01:00", None)[0] == "2026-12-06T11:00:00+01:00"
    assert revision_times(None, "2026-12-06T14:05:00+01:00", None) == ("2026-12-06T14:05:00+01:00", None)
    assert revision_times("2026-12-06T14:05:00+01:00", None, None) == ("2026-12-06T14:05:00+01:00", None)


def test_a_correction_moves_the_modified_time_not_the_publication(db_url, tmp_path):
    first, corrected = tmp_path / "v1.html", tmp_path / "v2.html"
    first.write_text(page("vier", "06.12.2026 14:05"), encoding="utf-8")
    corrected.write_text(page("fünf", "06.12.2026 17:20"), encoding="utf-8")
    for path in (first, corrected):
        result = runner.invoke(app, ["ingest", str(path), "--db", db_url, "--workers", "0",
                                     "--assume-tz", "Europe/Berlin"])
        assert result.exit_code == 0, result.output
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "fünf" in article.text and len(s.revisions(article.id)) == 2
        assert sortable_time(article.published) == "2026-12-06T13:05:00+00:00"
        assert sortable_time(article.modified) == "2026-12-06T16:20:00+00:00"
