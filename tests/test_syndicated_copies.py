"""A syndication partner's page of another outlet's article, its rel=canonical pointing at the
original (as search engines ask of syndicated copies), is a reprint: an article of its own, not a
revision that renames the original (review 21a, R2: Reuters' article current nowhere, "Kyiv
Daily" in its place, a false "paragraph removed"). The same text under a vendor's name for the
outlet stays that page relabelled, and the page read again from its own source under a new name
is the outlet renamed. Ingest on SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

from storydiff.records import Article
from storydiff.store import open_store
from storydiff.versions.batch import dedupe_ids, url_versions

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

URL = "https://agentur.example/welt/angriff-auf-lwiw-2026-12-06/"
PARAS = ["Russland hat Lwiw in der Nacht mit Drohnen und Raketen angegriffen, teilte Gouverneur Maksym Kosyzkyj mit.",
         "Drei Menschen wurden getötet und sieben verletzt, darunter zwei Kinder, schrieb er auf Telegram.",
         "Mehr als 40.000 Haushalte in der Region waren nach Angriffen auf die Energieversorgung ohne Strom.",
         "Zwei Wohnhäuser und eine Schule im Stadtteil Sychiw wurden beschädigt, sagte Bürgermeister Sadowyj.",
         "Es war einer der schwersten Angriffe auf Lwiw seit Beginn der Invasion, sagte Sadowyj vor Ort."]
PARTNER = [*PARAS[:4], "Mit Material der Agentur; ergänzende Recherche der Ostzeitung in Lwiw."]


def page(site: str, paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<html><head><title>Angriff auf Lwiw: drei Tote | {site}</title><link rel="canonical" href="{URL}">'
            f'<meta property="og:site_name" content="{site}"><meta property="og:title" content="Angriff auf Lwiw: drei Tote">'
            '<meta property="article:published_time" content="2026-12-06T07:00:00Z"></head><body><article>'
            f'<h1>Angriff auf Lwiw: drei Tote</h1>{body}</article></body></html>')


def test_a_partner_page_with_the_originals_canonical_is_a_reprint_of_its_own(db_url, tmp_path):
    (tmp_path / "agentur.html").write_text(page("Agentur", PARAS))
    (tmp_path / "partner.html").write_text(page("Ostzeitung", PARTNER))
    ingest_said(db_url, tmp_path / "agentur.html")
    said = ingest_said(db_url, tmp_path / "partner.html")
    assert "1 new article" in said and "revision" not in said, said
    with open_store(db_url) as s:
        arts = s.articles()
        assert sorted(a.outlet for a in arts) == ["Agentur", "Ostzeitung"]
        assert all(len(s.revisions(a.id)) == 1 for a in arts)
        assert s.article_by_url(URL).outlet == "Agentur"  # the URL stays the original's
    said = ingest_said(db_url, tmp_path / "partner.html")  # read again: a repeat
    assert "1 already stored" in said, said


def test_the_same_text_under_a_vendors_name_and_the_page_renamed_are_still_one_article(db_url, tmp_path):
    (tmp_path / "agentur.html").write_text(page("Agentur", PARAS))
    ingest_said(db_url, tmp_path / "agentur.html")
    # a vendor's export row of the page (no id: the URL's), the same text, its own name for the outlet
    row = {"url": URL, "outlet": "Agentur (DE)", "title": "Angriff auf Lwiw: drei Tote",
           "published": "2026-12-06T07:00:00Z", "text": "\n".join(PARAS)}
    said = ingest_said(db_url, write_jsonl(tmp_path, "vendor.jsonl", row))
    assert "0 new article" in said and "1 already stored" in said, said
    # the page itself read again from its own source with a new name and an edit: the outlet renamed
    (tmp_path / "agentur.html").write_text(page("Agentur Nachrichten", [*PARAS[:4], PARAS[4] + " Die Schule ist geschlossen."]))
    said = ingest_said(db_url, tmp_path / "agentur.html")
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.outlet == "Agentur Nachrichten"


def _art(outlet: str, paras: list[str], source: str) -> Article:
    return Article(id="u1", source=source, text="\n".join(paras), url=URL, outlet=outlet, title="Angriff auf Lwiw")


def test_compare_keeps_the_reprint_beside_the_original():
    versions: dict = {}
    kept = [a for _, a in dedupe_ids([(0, _art("Agentur", PARAS, "a.html")), (1, _art("Ostzeitung", PARTNER, "b.html"))],
                                     versions)]
    kept = url_versions(kept, versions)
    assert sorted(a.outlet for a in kept) == ["Agentur", "Ostzeitung"] and not versions
