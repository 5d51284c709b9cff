"""Search's outlet and speaker filters fold diacritics as its words do, on SQLite and PostgreSQL:
"Zielinski" finds Marek Zieliński's quotes, "Gazeta Nadwislanska" the Gazeta Nadwiślańska (QA pass 16)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storydiff.records import AlignedQuote, Article, QuoteVersion, Story
from storydiff.store.search_index import FOLD_FROM, FOLD_TO, fold

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
