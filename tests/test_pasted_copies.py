"""A colleague's browser paste of a page that watch or ingest already stored from its HTML is
that article, already stored, not a second article of the outlet (QA pass 20a, 13: "Kurier
Wschodni #2", the texts differing by PAP's editors' initials "mws/ mk/" that the HTML path kept);
a "Name · date" byline line is no headline. On SQLite and, when STORYDIFF_TEST_PG_URL is set,
PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

from storydiff.compare.revisions import is_copy_of
from storydiff.extract import extract_item
from storydiff.extract.line_cleanup import drop_editor_initials
from storydiff.records import Article, RawItem
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

TITLE = "Zmasowany atak na Lwów. Nie żyją trzy osoby, siedem rannych"
BODY = ["Lwów (PAP) – W nocy z soboty na niedzielę Rosja przeprowadziła zmasowany atak na Lwów i obwód lwowski.",
        "Zginęły trzy osoby, a siedem zostało rannych, w tym dwoje dzieci – poinformował szef administracji Maksym Kozycki.",
        "Ponad 40 tys. odbiorców w obwodzie zostało bez prądu. Uszkodzone zostały dwa budynki mieszkalne i szkoła.",
        "– To był jeden z najmasowniejszych ataków na Lwów od początku wojny – powiedział mer miasta Andrij Sadowy."]
URL = "https://kurier.example/swiat/zmasowany-atak-na-lwow"


def row(lines: list[str], **kw) -> dict:
    return {"outlet": "Kurier Wschodni", "title": TITLE, "text": "\n".join(lines), **kw}


def test_a_copy_without_its_url_differing_by_a_line_is_already_stored(db_url, tmp_path):
    # the stored text kept a line the copy's reading dropped (here an editor's sign-off line)
    ingest_said(db_url, write_jsonl(tmp_path, "watched.jsonl",
                                    row([*BODY, "Opracowanie: Marta Wiśniewska"], url=URL,
                                        published="2026-12-06T07:42:00Z")))
    said = ingest_said(db_url, write_jsonl(tmp_path, "pasted.jsonl", row(BODY, published="2026-12-06")))
    assert "0 new article" in said and "1 already stored" in said and "a copy of the stored article" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.url == URL
    # an edited copy (a figure changed) is no copy: the rule swallows no outlet's edit
    edited = [BODY[0], BODY[1].replace("trzy osoby", "cztery osoby"), *BODY[2:]]
    said = ingest_said(db_url, write_jsonl(tmp_path, "edited.jsonl", row(edited)))
    assert "already stored" not in said.replace("0 already stored", ""), said
    # another outlet's identical text under the same headline is a reprint, kept
    said = ingest_said(db_url, write_jsonl(tmp_path, "reprint.jsonl", {**row(BODY), "outlet": "Gazeta Lwowska"}))
    assert "1 new article" in said, said


def test_the_page_of_a_stored_paste_takes_its_url_and_later_edits_are_revisions(db_url, tmp_path):
    # the paste first (a paywalled page copied from a browser), the page's HTML fetched later
    said = ingest_said(db_url, write_jsonl(tmp_path, "pasted.jsonl", row(BODY, published="2026-12-06")))
    assert "1 new article" in said, said
    said = ingest_said(db_url, write_jsonl(tmp_path, "watched.jsonl",
                                           row([*BODY, "Opracowanie: Marta Wiśniewska"], url=URL,
                                               published="2026-12-06T07:42:00Z")))
    assert "0 new article" in said and "1 already stored" in said and "it takes this URL" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.url == URL and a.published.startswith("2026-12-06T07:42")  # the page's reading
        assert len(s.revisions(a.id)) == 1  # no edit shown: the outlet changed nothing
        assert s.article_by_url(URL).id == a.id
        assert {h.article_id for h in s.search("Kozycki")} == {a.id}
    # the page's later correction at its URL is that article's revision, not a second article
    edited = [BODY[0], BODY[1].replace("trzy osoby", "cztery osoby"), *BODY[2:]]
    said = ingest_said(db_url, write_jsonl(tmp_path, "corrected.jsonl",
                                           row(edited, url=URL, published="2026-12-06T07:42:00Z")))
    assert "0 new article" in said and "1 new revision" in said, said
    # and the same paste read again is still already stored
    said = ingest_said(db_url, write_jsonl(tmp_path, "pasted2.jsonl", row(BODY, published="2026-12-06")))
    assert "0 new article" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 1


def test_the_headline_key_follows_an_edited_headline(db_url):
    with open_store(db_url) as s:
        a = Article(id="k1", source="a.html", url=URL, outlet="Kurier Wschodni", title=TITLE, text="\n".join(BODY))
        assert s.add_article(a)
        assert [x.id for x in s.articles_titled("Kurier Wschodni", TITLE)] == ["k1"]
        assert s.articles_titled("Gazeta Lwowska", TITLE) == []
        new_title = TITLE.replace("trzy", "cztery")
        edited = Article(id="k1", source="b.html", url=URL, outlet="Kurier Wschodni", title=new_title,
                         text="\n".join(BODY).replace("trzy", "cztery"))
        assert s.revise_article("k1", edited) == 2
        assert s.articles_titled("Kurier Wschodni", TITLE) == []
        assert [x.id for x in s.articles_titled("Kurier Wschodni", new_title)] == ["k1"]


def test_a_copy_is_every_paragraph_of_the_other_but_a_line():
    stored = Article(id="a", source="a", outlet="K", title=TITLE, text="\n".join([*BODY, "mws/ mk/"]))
    assert is_copy_of(stored, Article(id="b", source="b", outlet="K", title=TITLE, text="\n".join(BODY)))
    # spacing and punctuation aside
    assert is_copy_of(stored, Article(id="b", source="b", outlet="K", title=TITLE,
                                      text="\n".join("  ".join(p.replace("–", "-").split()) for p in BODY)))
    # a teaser (the lead alone) is no copy; nor another outlet's text
    assert not is_copy_of(stored, Article(id="b", source="b", outlet="K", title=TITLE, text=BODY[0]))
    assert not is_copy_of(stored, Article(id="b", source="b", outlet="G", title=TITLE, text="\n".join(BODY)))


def test_a_pasted_page_with_a_dated_byline_keeps_its_headline_and_the_html_drops_the_initials():
    page = "\n".join(["Kurier Wschodni", "Kraj", "Świat", "Ta strona używa plików cookie. Akceptuję", TITLE,
                      "Anna Nowak · 2026-12-06", *BODY, "mws/ mk/", "Najczęściej czytane",
                      "© 2026 Kurier Wschodni. Wszelkie prawa zastrzeżone. Polityka prywatności"])
    a = extract_item(RawItem(source="kurier.txt", content=page, kind="text"))
    assert a.title == TITLE and a.authors == ["Anna Nowak"] and "mws/" not in a.text
    html = (f"<html><head><title>{TITLE}</title><link rel='canonical' href='{URL}'></head><body><article>"
            f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in BODY) + "<p>mws/ mk/</p></article></body></html>")
    b = extract_item(RawItem(source=URL, content=html, kind="html", url=URL))
    assert b.text.splitlines()[-1] == BODY[-1]
    # a short lower-case line with slashes earlier in the body stays (only a sign-off near the end goes)
    assert drop_editor_initials("km/h\nand/or/\nPara one.\nPara two.\nPara three.\nkw/ ep/") == "km/h\nand/or/\nPara one.\nPara two.\nPara three."


def test_the_upgrade_keys_the_stored_articles_headlines(db_url):
    from sqlalchemy import text

    from storydiff.store.engine import make_engine

    with open_store(db_url) as s:
        s.add_article(Article(id="k1", source="a.html", url=URL, outlet="Kurier Wschodni", title=TITLE, text="\n".join(BODY)))
    engine = make_engine(db_url)
    with engine.begin() as conn:  # as version 12 stored it: no headline key
        conn.execute(text("UPDATE articles SET headline_key = NULL"))
        conn.execute(text("UPDATE schema_version SET version = 12"))
    engine.dispose()
    with open_store(db_url) as s:
        assert [a.id for a in s.articles_titled("Kurier Wschodni", TITLE)] == ["k1"]


def _page_html() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in [*BODY, "mws/ mk/"])
    return (f'<html><head><title>{TITLE}</title><link rel="canonical" href="{URL}">'
            '<meta property="og:site_name" content="Kurier Wschodni">'
            '<meta property="article:published_time" content="2026-12-06T07:42:00+01:00"></head>'
            f"<body><article><h1>{TITLE}</h1>{paragraphs}</article></body></html>")


def test_compare_of_a_page_and_its_paste_compares_the_page_once(tmp_path, caplog):
    from storydiff.pipeline import compare_paths

    page = tmp_path / "page.html"
    page.write_text(_page_html(), encoding="utf-8")
    pasted = write_jsonl(tmp_path, "pasted.jsonl", row(BODY, published="2026-12-06"))
    edited = write_jsonl(tmp_path, "edited.jsonl", {**row(BODY, published="2026-12-06"),
                                                    "text": "\n".join(BODY).replace("trzy osoby", "cztery osoby")})
    for inputs in ([page, pasted], [pasted, page]):  # the page kept, whichever comes first
        result = compare_paths([str(p) for p in inputs], parse_singles=False)
        assert [(a.outlet, a.url) for a in result.articles] == [("Kurier Wschodni", URL)], inputs
        assert "read another way" in caplog.text
    # an edited paste is no copy: both compared (the figures disagree)
    result = compare_paths([str(page), str(edited)], parse_singles=False)
    assert len(result.articles) == 2


def test_a_paste_adding_or_dropping_a_short_sentence_is_no_copy(db_url, tmp_path):
    # review 21a, R4: "Zmarła czwarta ofiara." (3 words) was a "stray line" and the update was lost
    added = [*BODY[:2], "Zmarła czwarta ofiara.", *BODY[2:]]
    ingest_said(db_url, write_jsonl(tmp_path, "watched.jsonl", row(BODY, url=URL, published="2026-12-06T07:42:00Z")))
    said = ingest_said(db_url, write_jsonl(tmp_path, "pasted.jsonl", row(added, published="2026-12-06")))
    assert "already stored" not in said.replace("0 already stored", ""), said
    with open_store(db_url) as s:
        assert any("czwarta ofiara" in a.text for a in s.articles())
    stored = Article(id="a", source="a", text="\n".join(added), outlet="Kurier Wschodni", title=TITLE)
    dropped = Article(id="b", source="b", text="\n".join(BODY), outlet="Kurier Wschodni", title=TITLE)
    assert not is_copy_of(stored, dropped)  # the sentence retracted
    # a line ending no sentence (a sign-off, initials) is still a stray line of one reading
    signed = Article(id="c", source="c", text="\n".join([*BODY, "mws/ mk/"]), outlet="Kurier Wschodni", title=TITLE)
    assert is_copy_of(signed, dropped)
