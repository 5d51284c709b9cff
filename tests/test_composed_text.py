"""One text written decomposed (NFD: "и" + U+0306 for "й", as some CMSs and macOS exports write
it) is the same text as composed: read again at its URL it is no revision, pasted without its URL
it is the stored article's copy (review 21a, R10: a revision changing no visible character, and a
second article of the outlet). The sanitising boundary composes every string (NFC). Ingest on
SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

from storydiff.ingest.sanitize import clean_text, clean_value
from storydiff.store import open_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

TEXT = "\n".join([
    "Йдеться про масовану атаку на Львів, повідомив голова ОВА Максим Козицький у неділю вранці.",
    "Троє людей загинули, семеро поранені, серед них двоє дітей, написав він у Telegram.",
    "Понад 40 тисяч споживачів в області залишилися без світла після ударів по енергетичній інфраструктурі.",
])
ROW = {"outlet": "Суспільне", "title": "Масована атака на Львів: їхні втрати", "url": "https://suspilne.example/news/123",
       "published": "2026-12-06T07:00:00+02:00", "text": TEXT}


def nfd(value: str) -> str:
    out = unicodedata.normalize("NFD", value)
    assert out != value
    return out


def test_the_decomposed_page_read_again_is_no_revision(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "nfc.jsonl", ROW))
    said = ingest_said(db_url, write_jsonl(tmp_path, "nfd.jsonl", {**ROW, "text": nfd(TEXT), "title": nfd(ROW["title"])}))
    assert "1 already stored" in said and "revision" not in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert len(s.revisions(a.id)) == 1 and a.text == TEXT


def test_the_decomposed_paste_is_the_stored_articles_copy(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "nfc.jsonl", ROW))
    paste = {k: v for k, v in ROW.items() if k != "url"} | {"text": nfd(TEXT)}
    said = ingest_said(db_url, write_jsonl(tmp_path, "paste.jsonl", paste))
    assert "1 already stored" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 1


def test_the_boundary_composes_strings_and_leaves_composed_text_as_it_is():
    assert clean_text(nfd("їжак")) == "їжак"
    assert clean_value({"title": nfd("Łódź, Ёлка, Größe")}) == {"title": "Łódź, Ёлка, Größe"}
    composed = "Йдеться про Львів"
    assert clean_text(composed) is composed
    assert clean_text("и\u0306\ud83d") == "й\ufffd"  # a lone surrogate still replaced
