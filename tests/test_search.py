"""Search: stories, articles and quotes by words, on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.records import AlignedQuote, Article, Quote, QuoteVersion, Story
from storydiff.search import search_stored
from storydiff.serve.api import create_app
from storydiff.serve.cli import app
from storydiff.store.search_index import fts5_match, parse_query, snippet

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from conftest import EXAMPLES

db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set

runner = CliRunner()


def kallas(n: int, outlet: str, text: str, published: str, **kw) -> Article:
    return Article(id=f"k{n}", source=f"x#{n}", url=f"https://{outlet.lower().replace(' ', '')}.example/{n}",
                   outlet=outlet, title=kw.pop("title", f"Kallas on NATO ({outlet})"), published=published, text=text, **kw)


ARTICLES = [
    kallas(1, "Euromaidan Press",
           "Kaja Kallas told the Financial Times that Article 5 would apply.\n"
           "\"An attack on one is an attack on all, Article 5 is clear,\" Kallas said.", "2024-05-01"),
    kallas(2, "UNN",
           "The Estonian prime minister spoke about NATO.\n"
           "\"Article 5 is clear and it applies to every ally,\" she said, according to the FT.", "2024-05-02"),
    kallas(3, "Українська правда",
           "Прем'єр Естонії Кая Каллас заявила, що стаття 5 НАТО діє.\n"
           "«Стаття 5 — це зобов'язання кожного союзника», — сказала Каллас.", "2024-05-03",
           title="Каллас про статтю 5"),
    kallas(4, "Harbor Wire", "A ferry ran aground off Cape Lorn; all 212 passengers were brought ashore.", "2023-01-01",
           title="Ferry aground"),
]


@pytest.fixture
def filled(store):
    for i, a in enumerate(ARTICLES):
        assert store.add_article(a, story_id="kallas" if i < 3 else "ferry")
    return store


def test_words_phrases_and_prefixes(filled):
    hits = filled.search('"Article 5"')
    assert {h.article_id for h in hits} == {"k1", "k2"}
    assert {h.article_id for h in filled.search("Article clear ally")} == {"k2"}  # every word
    assert {h.article_id for h in filled.search("passeng*")} == {"k4"}
    assert filled.search('"5 Article"') == []  # a phrase keeps its order
    # Ukrainian as written, any case
    assert {h.article_id for h in filled.search("каллас")} == {"k3"}
    assert {h.article_id for h in filled.search('"стаття 5"')} == {"k3"}
    hit = filled.search("ferry")[0]
    assert (hit.kind, hit.story_id, hit.outlet, hit.title) == ("article", "ferry", "Harbor Wire", "Ferry aground")


def test_a_ukrainian_apostrophe_is_found_however_it_was_typed(store, db_url):
    # QA pass 15: "девʼятеро" with U+02BC (macOS and Android layouts) was one word to FTS5 and
    # PostgreSQL, "дев'ятеро" / "дев’ятеро" two: each spelling found only articles written with it
    texts = {"ua1": "Загинули девʼятеро людей у пʼятницю.", "ua2": "Загинули дев'ятеро людей у п'ятницю.",
             "ua3": "Загинули дев’ятеро людей у п’ятницю."}
    for aid, t in texts.items():
        assert store.add_article(Article(id=aid, source=aid, text=t, outlet="Суспільне"), story_id="s")
    for query in ("дев'ятеро", "дев’ятеро", "девʼятеро", "пʼятниц*", '"девʼятеро людей"'):
        assert {h.article_id for h in store.search(query)} == set(texts), query
    # the text is shown as the outlet wrote it (the index is not rewritten)
    (hit,) = [h for h in store.search("пʼятницю") if h.article_id == "ua1"]
    assert "девʼятеро" in hit.text and "дев’ятеро" not in hit.text and hit.text.startswith("Загинули")
    assert fts5_match(parse_query("пʼятниц*")) == '("п’ятниц"* OR "пʼятниц"*)'


def test_a_quote_with_a_letter_apostrophe_gets_its_speaker_and_reads_as_written(store):
    # review of round 15: with the index rewriting apostrophes, a quote holding "ʼ" never matched
    # its stored row when the comparison named its speaker, and showed "’"
    quote = "Ми маємо девʼятеро поранених і будемо відновлювати мʼясокомбінат"
    a = Article(id="u1", source="x#1", outlet="A", title="Херсон", published="2026-12-01",
                text=f"Голова ОВА Олександр Прокудін виступив у суботу.\n«{quote}», — сказав Прокудін.")
    assert store.add_article(a, story_id="s")
    store.save_story(Story(id="s", article_ids=["u1"], quotes=[AlignedQuote("Олександр Прокудін", [
        QuoteVersion("u1", quote, "verbatim", speaker="Олександр Прокудін")])]))
    (hit,) = store.search("дев'ятеро", kind="quote")
    assert hit.speaker == "Олександр Прокудін" and hit.text == quote


def test_quotes_with_speakers_outlets_and_dates(filled):
    quotes = filled.search('"Article 5"', kind="quote")
    assert sorted(q.article_id for q in quotes) == ["k1", "k2"]
    assert all("Article 5" in q.text for q in quotes)
    # at ingest the attribution rules name her in one of the two ("she said" names no one there)
    assert [q.article_id for q in filled.search('"Article 5"', kind="quote", speaker="kallas")] == ["k1"]
    assert {q.article_id: q.speaker for q in quotes} == {"k1": "Kaja Kallas", "k2": None}
    # once a comparison names the speakers, the index knows them
    filled.save_story(Story(id="kallas", article_ids=["k1", "k2"], quotes=[AlignedQuote("Kaja Kallas", [
        QuoteVersion("k1", quotes[0].text if quotes[0].article_id == "k1" else quotes[1].text, "verbatim", speaker="Kaja Kallas"),
        QuoteVersion("k2", next(q.text for q in quotes if q.article_id == "k2"), "reworded", speaker="Kaja Kallas"),
    ])]))
    assert sorted(q.article_id for q in filled.search('"Article 5"', kind="quote", speaker="Kallas")) == ["k1", "k2"]
    assert [q.speaker for q in filled.search('"Article 5"', kind="quote", speaker="Kaja")] == ["Kaja Kallas"] * 2
    assert {h.article_id for h in filled.search("Article", outlet="unn")} == {"k2"}
    assert {h.article_id for h in filled.search("5", since="2024-05-02")} == {"k2", "k3"}
    with pytest.raises(ValueError, match="not a date"):
        filled.search("NATO", since="last tuesday")


def test_an_archive_ingested_without_comparison_has_its_quotes_speakers(store):
    # QA pass 23a, 05: after a bulk ingest every indexed quote had speaker null (ingest parses
    # nothing) until someone opened each story; the attribution rules name them with no parse
    rows = [
        Article(id="u1", source="u1", outlet="Суспільне", language="uk", published="2026-11-18",
                text="«Рятувальники працюють на місці удару всю ніч», — заявив Ігор Терехов."),
        Article(id="e1", source="e1", outlet="Kyiv Independent", language="en", published="2026-11-18",
                text="Rescuers worked through the night.\n\n“Three people were pulled from the rubble,” "
                     "Oleh Syniehubov said on Telegram."),
    ]
    for a in rows:
        assert store.add_article(a, story_id=a.id)
    got = {q.article_id: q.speaker for q in store.search("", kind="quote", since="2026-11-01")}
    assert got == {"u1": "Ігор Терехов", "e1": "Oleh Syniehubov"}
    assert [q.article_id for q in store.search("", kind="quote", speaker="Syniehubov")] == ["e1"]


def test_outlet_and_speaker_filters_fold_case_beyond_ascii(filled):
    # SQLite's lower() folds ASCII only: "Українська" never matched "українська" (QA pass)
    for outlet in ("Українська", "українська правда", "ПРАВДА"):
        assert {h.article_id for h in filled.search("Каллас", outlet=outlet)} == {"k3"}
    assert [q.article_id for q in filled.search("союзника", kind="quote", speaker="КАЛЛАС")] == ["k3"]
    assert filled.search("Каллас", outlet="Обрій") == []


@pytest.mark.parametrize("query", ['"', 'NEAR(a b)', "a AND OR NOT b", "-x", "*", "col:word", "'; DROP TABLE articles;--",
                                   "(((", "^start", "\x00", "a\"b\"c", "%_%"])
def test_hostile_queries_are_words_not_syntax(filled, query):
    filled.search(query)
    filled.search(query, kind="quote", speaker=query, outlet=query)
    assert len(filled.articles()) == 4


def test_query_parsing_and_snippets():
    assert [(t.text, t.prefix) for t in parse_query('Kallas "Article  5" nato* "" - *')] == [
        ("Kallas", False), ("Article 5", False), ("nato", True)]
    assert fts5_match(parse_query('say "he said" no"w')) == '"say" AND "he said" AND "no""w"'  # a quote inside a word is text
    body = "word " * 50 + "Kallas spoke about Article 5 today. " + "more " * 50
    s = snippet(body, parse_query("Article"), 60)
    assert "Article 5" in s and s.startswith("…") and s.endswith("…") and len(s) <= 64


def test_search_from_the_command_line_and_the_web(tmp_path):
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", str(EXAMPLES / "euromaidanpress-kallas-ft.txt"), str(EXAMPLES / "unn-kallas-ft.txt"),
                        "--db", db])
    result = runner.invoke(app, ["search", "training soldiers", "--db", db, "--json"])
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert len(found["stories"]) == 1 and {a["outlet"] for a in found["articles"]} == {"Euromaidan Press", "UNN"}
    assert found["quotes"] and all("training" in q["text"].lower() for q in found["quotes"])
    table = runner.invoke(app, ["search", "training soldiers", "--db", db]).stdout
    assert "Stories" in table and "Quotes" in table and "Articles" in table
    bad = runner.invoke(app, ["search", "x", "--since", "soon", "--db", db])
    assert bad.exit_code == 2 and "not a date" in bad.stderr
    assert runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")]).exit_code == 2
    # a query that starts with a dash is words, before or after the options (QA pass 18: "No such option: -d")
    for args in (["-soldiers", "--db", db, "--json"], ["--db", db, "--json", "-soldiers"]):
        dashed = runner.invoke(app, ["search", *args])
        assert dashed.exit_code == 0, dashed.output
        assert {a["outlet"] for a in json.loads(dashed.stdout)["articles"]} == {"Euromaidan Press", "UNN"}
    client = TestClient(create_app(db))
    api = client.get("/api/search", params={"q": "training soldiers"}).json()
    assert api == found
    assert client.get("/api/search", params={"q": "x", "since": "soon"}).status_code == 400
    page = client.get("/search", params={"q": "<b>training</b> soldiers"})
    assert page.status_code == 200 and "<b>training</b>" not in page.text and "&lt;b&gt;training&lt;/b&gt;" in page.text
    assert 'action="/search"' in client.get("/").text  # the search box on every page
    # a filter alone lists what passes it, on the page as in the API (a review: `since` alone listed nothing)
    listed = client.get("/search", params={"outlet": "unn"}).text
    assert "UNN" in listed and "Euromaidan Press" not in listed
    assert [a["outlet"] for a in client.get("/api/search", params={"q": "", "outlet": "unn"}).json()["articles"]] == ["UNN"]
    undated = client.get("/search", params={"since": "2000-01-01"}).text  # the examples' pages carry no date
    assert "Nothing stored passes these filters" in undated and "contains ." not in undated
    assert "form-action 'self'" in page.headers["content-security-policy"]


def test_search_stored_gathers_stories_from_article_and_quote_hits(filled):
    r = search_stored(filled, '"Article 5"')
    assert [(s.id, s.articles, s.quotes) for s in r.stories] == [("kallas", 2, 2)]
    # the story's size beside its hits: "2 articles" read as the story's size when 2 of 3 matched (QA pass 24b)
    assert [s.size for s in r.stories] == [3]
    assert [(s.articles, s.size) for s in search_stored(filled, "Estonian").stories] == [(1, 3)]
    only_quotes = search_stored(filled, '"Article 5"', speaker="Kallas")
    assert only_quotes.articles == [] and [q.article_id for q in only_quotes.quotes] == ["k1"]


def test_a_story_found_by_a_later_article_is_listed_under_its_own_title(filled):
    """QA pass 26a, 15: the story took the title of whichever article matched ("Каллас про статтю 5",
    its third), not its own, as `stories` lists it (its first article's)."""
    (hit,) = search_stored(filled, "зобов'язання").stories
    assert hit.id == "kallas" and hit.title == "Kallas on NATO (Euromaidan Press)"


def test_quote_rows_come_from_stored_quotes_when_analysis_found_them(store):
    a = kallas(9, "UNN", 'She said "we stand with Ukraine" again.', "2024-05-04",
               quotes=[Quote("we stand with Ukraine", 10, 31, speaker="Kaja Kallas")])
    store.add_article(a)
    (q,) = store.search("Ukraine", kind="quote")
    assert (q.text, q.speaker) == ("we stand with Ukraine", "Kaja Kallas")


def test_a_filter_without_words_lists_what_passes_it_newest_first(filled):
    # QA pass 17: `search '' --speaker X` found nothing; a monitor asks "every quote by X"
    # (Kaja Kallas's English quote too: a speaker is found in either script, QA pass 25b, 10)
    quotes = filled.search("", kind="quote", speaker="каллас")
    assert [q.article_id for q in quotes] == ["k3", "k1"] and quotes[0].score == 0
    assert [h.article_id for h in filled.search("", outlet="UNN")] == ["k2"]
    # newest first; an undated article last (on PostgreSQL too, where NULL sorts first in DESC)
    filled.add_article(Article(id="k5", source="x#5", outlet="Harbor Wire", text="Undated ferry note.", title="Note"),
                       story_id="ferry")
    assert [h.article_id for h in filled.search("", outlet="harbor")] == ["k4", "k5"]
    assert [h.article_id for h in filled.search("", since="2024-05-02")] == ["k3", "k2"]
    assert filled.search("") == [] and filled.search("", kind="quote") == []  # no words, no filter: nothing
    assert filled.search("", outlet="UNN", limit=0) == []
    assert filled.search("", outlet="  ") == [] and filled.search("", kind="quote", speaker=" ") == []  # blank: no filter
    # the speaker filter narrows quotes only: an article search with it alone is still nothing
    assert filled.search("", speaker="Kallas") == []
    r = search_stored(filled, "", speaker="Kallas")
    assert r.articles == [] and {q.article_id for q in r.quotes} >= {"k1"}


def test_a_query_is_bounded_in_terms_and_prefixes():
    # review 23a, F10: SQLite's FTS5 cost grew without bound with a query's terms (250 "c*" terms:
    # 40 s, 800: 329 s) and a read needs no token: repeats are dropped, the rest bounded
    assert parse_query("nato nato NATO* nato*") == parse_query("nato NATO* nato*")
    assert len(parse_query(" ".join(f"word{i}" for i in range(64)))) == 64  # a pasted paragraph
    with pytest.raises(ValueError, match="at most 64"):
        parse_query(" ".join(f"word{i}" for i in range(65)))
    with pytest.raises(ValueError, match="at most 4 words ending in"):
        parse_query("ab* cd* ef* gh* ij*")
    with pytest.raises(ValueError, match="at least 2 letters"):
        parse_query("c* council")


def test_an_unbounded_query_is_refused_by_name_on_the_api_and_the_cli(tmp_path):
    app_ = create_app(str(tmp_path / "s.db"), token="t")
    with TestClient(app_) as c:
        r = c.get("/api/search", params={"q": " ".join(["c*"] * 250)})
        assert r.status_code == 400 and "at least 2 letters" in r.json()["detail"]
        r = c.get("/search", params={"q": " ".join(f"w{i}" for i in range(70))})
        assert r.status_code == 200 and "at most 64 different words" in r.text
    result = runner.invoke(app, ["search", " ".join(f"w{i}" for i in range(70)), "--db", str(tmp_path / "s.db")])
    assert result.exit_code != 0 and "at most 64 different words" in result.output


def test_a_phrase_in_guillemets_or_curly_quotes_keeps_its_order(filled):
    # QA pass 25b, 10: «...» (a Russian or Ukrainian keyboard's quotes) was two words in any order
    assert {h.article_id for h in filled.search("«стаття 5»")} == {"k3"}
    assert filled.search("«5 стаття»") == [] and filled.search("„5 Article“") == []
    assert {h.article_id for h in filled.search("“Article 5”")} == {"k1", "k2"}


def test_since_takes_a_date_as_ingest_reads_one(filled):
    # QA pass 25b, 10: `--since 05.12.2026` was refused while ingest read that date
    every = {a.article_id for a in search_stored(filled, "Kallas").articles}
    dotted = {a.article_id for a in search_stored(filled, "Kallas", since="02.05.2024").articles}
    assert "k1" in every and dotted == every - {"k1"}  # k1 is of 1 May
    with pytest.raises(ValueError, match="not a date"):
        search_stored(filled, "Kallas", since="31.02.2024")


def test_a_story_whose_first_article_has_no_title_is_listed_as_stories_lists_it(store):
    """`stories` lists a story under its first article's title that has one; search took the hit's
    own title when the first article had none, and the two listings named the story differently."""
    untitled = replace(ARTICLES[0], title=None)
    for a in (untitled, ARTICLES[1], ARTICLES[2]):
        assert store.add_article(a, story_id="kallas")
    (listed,) = [s for s in store.stories() if s.id == "kallas"]
    (hit,) = search_stored(store, "зобов'язання").stories
    assert hit.title == listed.title == "Kallas on NATO (UNN)"
