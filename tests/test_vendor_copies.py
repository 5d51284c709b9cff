"""Several copies of one page (a crawl's capture and vendors' exports) are one article: a copy
naming the outlet its own way is that article (QA pass 20b, 3), and a copy cut short with "…"
(a vendor's preview) never replaces the fuller text (QA pass 20b, 4). Ingest on SQLite and, when
STORYDIFF_TEST_PG_URL is set, PostgreSQL; compare without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()

URL = "https://lenta.example/news/2026/12/05/kharkiv/"
PARAGRAPHS = [
    "В результате атаки беспилотников на Харьков погибли три человека, еще 14 получили ранения, сообщил "
    "глава областной администрации Олег Синегубов.",
    "«Под завалами могут оставаться люди, поисково-спасательная операция продолжается», — отметил Синегубов.",
    "Дроны повредили девятиэтажный дом на улице Шевченко, более 40 квартир и склад. Мэр Харькова Игорь "
    "Терехов сообщил о 11 взрывах в городе.",
    "По данным Воздушных сил, ночью россияне выпустили по Украине 87 ударных беспилотников.",
]
TEXT = "\n".join(PARAGRAPHS)


def page(outlet: str = "Лента.ру", text: str = TEXT) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n"))
    return (f"<html><head><title>Атака дронов на Харьков</title><meta property='og:site_name' content='{outlet}'>"
            f"<link rel='canonical' href='{URL}'><meta property='article:published_time' "
            f"content='2026-12-05T06:30:00+02:00'></head><body><article><h1>Атака дронов на Харьков</h1>{body}"
            "</article></body></html>").encode()


def export(path: Path, outlet: str, text: str, row_id: str = "77") -> str:
    row = {"id": row_id, "url": URL, "outlet": outlet, "title": "Атака дронов на Харьков",
           "published": "2026-12-05T06:30:00+02:00", "text": text}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def ingest(db: str, path: str):
    return runner.invoke(app, ["ingest", path, "--db", db, "--workers", "0"])


def test_a_copy_naming_the_outlet_otherwise_is_the_stored_article(db_url, tmp_path):
    (tmp_path / "crawl.html").write_bytes(page())
    assert "stored 1 new" in ingest(db_url, str(tmp_path / "crawl.html")).stderr
    # the vendor's export of the same page: its own name for the outlet (Latin letters)
    out = ingest(db_url, export(tmp_path / "vendor.jsonl", "Lenta.ru", TEXT))
    said = " ".join(out.stderr.split())
    assert "stored 0 new" in said and "1 already stored" in said, said
    assert "'Lenta.ru' is not kept" in said and "Лента.ру" in said
    store = open_store(db_url)
    try:
        stored = store.articles()
        assert [a.outlet for a in stored] == ["Лента.ру"]
        assert store.article_by_url(URL).id == stored[0].id
    finally:
        store.close()
    # the same page edited, exported under another name again: a revision of that one article
    edited = TEXT.replace("14 получили", "16 получили")
    out = ingest(db_url, export(tmp_path / "vendor2.jsonl", "Lenta.ru (RU)", edited, row_id="78"))
    assert "1 new revision" in out.stderr, out.stderr
    store = open_store(db_url)
    try:
        stored = store.articles()
        assert len(stored) == 1 and stored[0].outlet == "Лента.ру" and "16 получили" in stored[0].text
    finally:
        store.close()


def test_another_article_at_the_url_under_another_outlet_stays_apart(db_url, tmp_path):
    # a landing page an export gives several rows: a text of its own is no copy of the page
    (tmp_path / "crawl.html").write_bytes(page())
    ingest(db_url, str(tmp_path / "crawl.html"))
    other = ("Харьковский метрополитен продлит время работы на час в период комендантского часа, сообщили в "
             "городском совете.\nПоезда будут ходить каждые восемь минут.")
    out = ingest(db_url, export(tmp_path / "vendor.jsonl", "Kharkiv Today", other))
    assert "stored 1 new" in out.stderr and "not kept" not in out.stderr


def test_a_preview_cut_short_never_replaces_the_full_text(db_url, tmp_path):
    assert "stored 1 new" in ingest(db_url, export(tmp_path / "week1.jsonl", "Лента.ру", TEXT, row_id="4")).stderr
    for n, preview in enumerate((TEXT[:300].rstrip() + "…", TEXT[:200].rstrip() + " [...]")):
        out = ingest(db_url, export(tmp_path / f"week2-{n}.jsonl", "Лента.ру", preview, row_id=f"10{n}"))
        said = " ".join(out.stderr.split())
        assert "revision" not in said and "1 already stored" in said, said
        assert "kept the stored text" in said and "cut short" in said
    store = open_store(db_url)
    try:
        (a,) = store.articles()
        assert a.text == TEXT
        assert [r.number for r in store.revisions(a.id)] == [1]
    finally:
        store.close()
    hits = runner.invoke(app, ["search", "Терехов", "--db", db_url, "--json"]).stdout
    assert "Лента.ру" in hits
    # the full text read after its preview is the article's text (the preview is what was cut)
    db2 = db_url if db_url.endswith(".db") else None
    if db2 is not None:
        db2 = str(tmp_path / "other.db")
        ingest(db2, export(tmp_path / "p.jsonl", "Лента.ру", TEXT[:300].rstrip() + "…", row_id="5"))
        ingest(db2, export(tmp_path / "f.jsonl", "Лента.ру", TEXT, row_id="5"))
        store = open_store(db2)
        try:
            (a,) = store.articles()
            assert a.text == TEXT
        finally:
            store.close()


def test_a_text_ending_in_an_ellipsis_that_adds_to_the_page_is_still_an_edit(db_url, tmp_path):
    ingest(db_url, export(tmp_path / "a.jsonl", "Лента.ру", TEXT, row_id="4"))
    longer = TEXT + "\nСпасатели продолжают работу на месте удара, подробности уточняются..."
    assert "1 new revision" in ingest(db_url, export(tmp_path / "b.jsonl", "Лента.ру", longer, row_id="4")).stderr


def test_compare_keeps_one_article_per_page_and_its_full_text(tmp_path):
    (tmp_path / "crawl.html").write_bytes(page())
    export(tmp_path / "vendor.jsonl", "Lenta.ru", TEXT, row_id="77")
    export(tmp_path / "week2.jsonl", "Лента.ру", TEXT[:300].rstrip() + "…", row_id="102")
    export(tmp_path / "week3.jsonl", "Lenta.ru", TEXT[:200].rstrip() + " [...]", row_id="103")
    out = runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"])
    d = json.loads(out.stdout)
    assert [(a["outlet"], a["text"]) for a in d["articles"]] == [("Лента.ру", TEXT)]
    assert not d["edits"] and not d["versions"]
