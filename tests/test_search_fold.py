"""Search's outlet and speaker filters fold diacritics as its words do, on SQLite and PostgreSQL:
"Zielinski" finds Marek Zieliński's quotes, "Gazeta Nadwislanska" the Gazeta Nadwiślańska (QA pass 16)."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from storydiff.records import AlignedQuote, Article, QuoteVersion, Story
from storydiff.store.search_index import FOLD_FROM, FOLD_TO, Term, fold, snippet

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set

QUOTE = "Prace rozpoczęliśmy natychmiast, na miejscu jest 120 strażaków"


@pytest.fixture
def polish(store):
    articles = [
        Article(id="p1", source="x#1", outlet="Gazeta Nadwiślańska", title="Zawalił się most w Kępnie",
                published="2026-11-12", text=f"Most zawalił się we wtorek.\n„{QUOTE}” – powiedział rzecznik Marek Zieliński."),
        Article(id="d1", source="x#2", outlet="Süddeutsche Straßenpost", title="Brücke eingestürzt",
                published="2026-11-12", text="Die Brücke über die Weichsel ist eingestürzt, der Most ist zu."),
    ]
    for a in articles:
        assert store.add_article(a, story_id="most")
    (q,) = store.search("natychmiast", kind="quote")
    store.save_story(Story(id="most", article_ids=["p1", "d1"], quotes=[AlignedQuote("Marek Zieliński", [
        QuoteVersion("p1", q.text, "verbatim", speaker="Marek Zieliński")])]))
    return store


def test_speaker_and_outlet_filters_fold_diacritics(polish):
    for speaker in ("Zieliński", "Zielinski", "ZIELINSKI", "marek zielin"):
        hits = polish.search("natychmiast", kind="quote", speaker=speaker)
        assert [(h.article_id, h.speaker) for h in hits] == [("p1", "Marek Zieliński")], speaker
    for outlet in ("Gazeta Nadwiślańska", "Gazeta Nadwislanska", "nadwislanska", "NADWIŚLAŃSKA"):
        assert {h.article_id for h in polish.search("most", outlet=outlet)} == {"p1"}, outlet
    assert {h.article_id for h in polish.search("Brücke", outlet="Suddeutsche")} == {"d1"}
    # folding finds no more than the letters' bases: another name is still another name
    assert polish.search("natychmiast", kind="quote", speaker="Zielonka") == []
    assert polish.search("most", outlet="Nadwislanski") == []


def test_the_fold_is_one_letter_for_one():
    # PostgreSQL's translate() applies the same table: it needs one character for each
    assert len(FOLD_FROM) == len(FOLD_TO) == len(set(FOLD_FROM))
    assert fold("Zieliński ŁÓDŹ Kępno Müller Ёлка") == "zielinski lodz kepno muller елка"


@pytest.mark.parametrize("value", [".*", "%", "_", "(", "[ą-ż]", "\\", "a|b", "Gazeta.Nadwi", "^Gazeta"])
def test_a_filters_characters_are_taken_literally(polish, value):
    # PostgreSQL matches the folded filter as a regular expression: none of its syntax is obeyed
    assert polish.search("most", outlet=value) == []
    assert polish.search("natychmiast", kind="quote", speaker=value) == []


# -- search words: PostgreSQL folds diacritics as SQLite's FTS5 does -----------------------------
# (word as written, as typed without diacritics, whether FTS5's unicode61 folds it)
WORDS = [
    ("Kępnie", "Kepnie", True), ("Zieliński", "Zielinski", True), ("żona", "zona", True),  # pl
    ("Łódź", "Lodz", False),  # ł has no decomposition: FTS5 keeps it
    ("Müller", "Muller", True), ("Straße", "Strasse", False),  # de
    ("Příbram", "Pribram", True), ("Dvořák", "Dvorak", True),  # cs
    ("Élysée", "Elysee", True), ("garçon", "garcon", True),  # fr
    ("Київ", "Киів", False), ("її", "ii", False),  # uk: Cyrillic letters stay
    ("ёлка", "елка", False), ("йод", "иод", False),  # ru
]


def fts5_tokens(text: str) -> list[str]:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(b, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    db.execute("INSERT INTO t (rowid, b) VALUES (1, ?)", (text,))
    return [r[0] for r in db.execute("SELECT term FROM v ORDER BY offset")]


def test_search_fold_reads_words_as_fts5_does():
    from storydiff.store.search_index import search_fold

    for written, typed, folds in WORDS:
        # typed decomposed too (a Mac's file names): FTS5 drops such marks after any letter, the
        # fold after Latin ones only, so that a precomposed й stays й as FTS5 keeps it
        latin = written.isascii() or ord(max(written)) < 0x250
        for text in (written, unicodedata.normalize("NFD", written)) if latin else (written,):
            assert search_fold(text).lower() == fts5_tokens(text)[0], text
        assert (fts5_tokens(written) == fts5_tokens(typed)) is folds, written
    # every precomposed Latin letter (and the marks after a Latin letter) as unicode61 reads it
    letters = "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)] if chr(c).isalpha())
    # but four, none in a living language's alphabet: FTS5 leaves Ǡ ǡ (two marks) and folds the
    # long s ſ ẛ (a compatibility decomposition) to s; the fold does the opposite
    words = [f"x{c}x" for c in letters if c not in "Ǡǡſẛ"]
    assert [search_fold(w).lower() for w in words] == fts5_tokens(" ".join(words))


@pytest.fixture
def words_store(store):
    for i, (written, _, _) in enumerate(WORDS):
        assert store.add_article(Article(id=f"w{i}", source=f"w#{i}", title=f"Wiadomość {i}",
                                         text=f"Mówiono o {written} przez cały dzień.\n„Byłem w {written}” – powiedział."),
                                 story_id=f"w{i}")
    return store


def test_words_typed_without_diacritics_find_the_same_on_both_backends(words_store):
    for i, (written, typed, folds) in enumerate(WORDS):
        for kind in ("article", "quote"):
            assert [h.article_id for h in words_store.search(written, kind=kind)] == [f"w{i}"], written
            upper = written.upper() if len(written.upper()) == len(written) else written.title()  # ß: SS
            assert [h.article_id for h in words_store.search(upper, kind=kind)] == [f"w{i}"], upper
            found = [h.article_id for h in words_store.search(typed, kind=kind)]
            # ł: the indexes keep it, the query reads a typed l both ways (QA pass 20a, 11)
            reached = folds or written.startswith("Ł")
            assert found == ([f"w{i}"] if reached else []), (typed, kind)
        assert [h.article_id for h in words_store.search(f'"o {typed}"')] == ([f"w{i}"] if reached else [])
        assert [h.article_id for h in words_store.search(typed[:3] + "*")] == (
            [f"w{i}"] if reached or typed[:3] == written[:3] else [])
    # the snippet shows where the word typed without diacritics is
    long = "Długi wstęp bez znaczenia. " * 30 + "Most w Kępnie runął."
    assert snippet(long, [Term("KEPNIE")], 60).endswith("Most w Kępnie runął.")


def test_a_store_of_the_previous_version_finds_its_rows_folded_after_the_upgrade(db_url):
    from sqlalchemy import text

    from storydiff.store import codec, open_store
    from storydiff.store.engine import make_engine
    from storydiff.store.migrations import LATEST, migrate
    from storydiff.store.search_index import entries_for, insert_rows

    engine = make_engine(db_url)
    assert migrate(engine, target=6) == 6  # the search index before it folded on PostgreSQL
    article = Article(id="old", source="old#1", title="Most w Kępnie", text="„Byłem w Kępnie” – powiedział.")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO articles (id, source_key, content_hash, story_id, added_at, data) "
                          "VALUES ('old', 'sk', 'ch', 's', 'now', :d)"), {"d": codec.article_to_json(article)})
        seq = conn.execute(text("SELECT seq FROM articles WHERE id = 'old'")).scalar_one()
        insert_rows(conn, [(seq, entries_for(article))])
        if engine.dialect.name == "postgresql":  # stored unfolded: the bug this upgrade mends
            assert conn.execute(text("SELECT count(*) FROM search_articles "
                                     "WHERE tsv @@ to_tsquery('simple', 'kepnie')")).scalar_one() == 0
    engine.dispose()
    with open_store(db_url) as s:
        assert s.schema_version == LATEST >= 8  # upgraded past the folding version, every later step too
        for word in ("Kępnie", "Kepnie", "KEPNIE"):
            assert [h.article_id for h in s.search(word)] == ["old"], word
            assert [h.article_id for h in s.search(word, kind="quote")] == ["old"], word
        assert [h.article_id for h in s.search('"w Kepnie"', kind="quote")] == ["old"]


def test_polish_words_typed_with_l_for_l_stroke_are_found_and_others_are_not(store):
    """A desk without Polish letters types "Lodz", "zginely", "Bialystok" (QA pass 20a, 11)."""
    assert store.add_article(Article(
        id="pl", source="pl#1", title="Wybuch gazu w Łodzi", outlet="PAP",
        text="Łódź (PAP) – W kamienicy przy Piotrkowskiej zginęły trzy osoby. Policja przeprowadziła "
             "ewakuację, a strażacy z Białegostoku i Wrocławia przyjechali w nocy.\n"
             "„Byłem w Łodzi całą noc” – powiedział Michał Kowalczyk."), story_id="pl")
    for typed in ("Lodz", "lodzi", "zginely", "przeprowadzila", "Bialegostoku", "Wroclawia", '"w Lodzi"', "Wrocl*"):
        assert [h.article_id for h in store.search(typed)] == ["pl"], typed
    assert [h.article_id for h in store.search('"w Lodzi cala noc"', kind="quote")] == ["pl"]
    # an l is read as ł, not as any letter: other words stay unfound ("Wroclawiu", another case of
    # a name, finds "Wrocławia" since round 22: a name's Polish cases, search_index.polish_stems)
    for typed in ("Lidz", "zginelo", "Wroclawski"):
        assert store.search(typed) == [], typed
    assert [h.article_id for h in store.search("Wroclawiu")] == ["pl"]


def test_a_word_typed_with_l_stroke_finds_it_written_without(store):
    """Review 20, 6: "Łódź" typed by a Polish desk found no English report writing "Lodz"."""
    assert store.add_article(Article(id="en", source="en#1", title="Gas blast in Lodz", outlet="Reuters",
                                     text="A gas explosion in a tenement in Lodz killed three people on Sunday. "
                                          "Firefighters from Wroclaw helped."), story_id="en")
    for typed in ("Łódź", "Łod*", "Wrocław", '"in Łódź"'):
        assert [h.article_id for h in store.search(typed)] == ["en"], typed


def test_only_the_first_terms_of_a_long_query_are_read_both_ways():
    from storydiff.store.search_index import L_READING_TERMS, fts5_match, parse_query

    # different words (a repeated one is read once since round 23: review 23a, F10)
    words = [f"lll{'a' * i}" for i in range(L_READING_TERMS + 2)]
    query = fts5_match(parse_query(" ".join(words)))
    assert query.count("(") == L_READING_TERMS and query.endswith(f'AND "{words[-2]}" AND "{words[-1]}"')


@pytest.fixture
def kuriers(store):
    articles = [
        Article(id="kw", source="k#1", outlet="Kurier Wschodni", title="Pożar hali w Lublinie",
                published="2026-12-06", text="Hala magazynowa spłonęła w nocy."),
        Article(id="ok", source="k#2", outlet="Ostkurier", title="Brand einer Halle in Lublin",
                published="2026-12-06", text="Eine Lagerhalle ist in der Nacht abgebrannt, die Halle ist zerstört."),
        Article(id="ui", source="k#3", outlet="Укрінформ", title="Пожежа складу в Любліні",
                published="2026-12-06", text="Склад згорів уночі, повідомляє Укрінформ. Хала знищена."),
        Article(id="in", source="k#4", outlet="Інформатор Львів", title="Пожежа в Любліні: згорів склад",
                published="2026-12-06", text="У Любліні вночі згорів склад, хала знищена вогнем."),
    ]
    for a in articles:
        assert store.add_article(a, story_id="hala")
    return store


def test_an_outlet_filter_matches_from_the_start_of_a_word_on_both_backends(kuriers):
    def outlets(value):
        return {h.article_id for h in kuriers.search("", outlet=value)}

    # a word of the name, or the start of one, finds it; the same letters inside a word do not
    assert outlets("Kurier") == {"kw"}
    assert outlets("kurier wsch") == {"kw"}
    assert outlets("Wschodni") == {"kw"}
    assert outlets("Ostkur") == {"ok"}
    assert outlets("urier") == set()
    # the same on a Cyrillic name (read by the regular expression, not the ASCII fast path)
    assert outlets("Інформ") == {"in"}
    assert outlets("Укрінформ") == {"ui"}
    assert outlets("Львів") == {"in"}
