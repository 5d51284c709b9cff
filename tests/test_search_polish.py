"""A Polish name typed as the dictionary gives it finds its other cases, on SQLite and PostgreSQL:
"Dorohusk" finds "w Dorohusku", "Kowel" "do Kowla", "Wieczorek" "wojewody Wieczorka" (QA pass 22b,
10: Dorohusk found 2 of the 7 articles that wrote it); an acronym and a lowercase English word are
searched as typed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storydiff.records import Article
from storydiff.store.search_index import polish_stems

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # SQLite, and PostgreSQL when set

ROWS = {
    "dor-loc": ("Blokada w Dorohusku trwa", "Rolnicy od rana blokują przejście graniczne w Dorohusku."),
    "dor-nom": ("Rolnicy blokują Dorohusk", "Protestujący zapowiadają, że Dorohusk pozostanie zamknięty."),
    "kow-gen": ("Drugi pociąg do Kowla", "Od 13 grudnia pojedzie drugi pociąg do Kowla."),
    "kow-ins": ("Połączenie z Kowlem", "Połączenie z Kowlem obsłuży przewoźnik z Chełma."),
    "wie-gen": ("Sztab kryzysowy", "Na polecenie wojewody Wieczorka zwołano sztab kryzysowy."),
    "mir-ins": ("Szczątki drona pod Mirczem", "Szczątki drona spadły pod Mirczem w sobotę rano."),
    "mir-loc": ("Żandarmeria na miejscu", "Szczątki znaleziono na polu w Mirczu koło granicy."),
    "krk": ("Protest w Krakowie", "Po południu w Krakowie odbył się protest przewoźników."),
    "nato": ("NATO w gotowości", "Samoloty NATO poderwano nad Polską."),
    "en": ("Port reopens", "The port reopened on Monday after repairs to the portal crane."),
}


@pytest.fixture
def towns(store):
    for i, (aid, (title, text)) in enumerate(ROWS.items()):
        assert store.add_article(Article(id=aid, source=f"f#{i}", outlet="Kurier Lubelski", title=title, text=text,
                                         published=f"2026-12-0{1 + i % 5}"), story_id=aid)
    return store


def found(s, query: str) -> set[str]:
    return {h.article_id for h in s.search(query)}


def test_a_polish_place_or_name_typed_as_the_dictionary_gives_it_finds_its_cases(towns):
    assert found(towns, "Dorohusk") == {"dor-loc", "dor-nom"}
    assert found(towns, "Kowel") == {"kow-gen", "kow-ins"}  # the fleeting e: Kowla, Kowlem
    assert found(towns, "Wieczorek") == {"wie-gen"}
    assert found(towns, "Mircze") == {"mir-ins", "mir-loc"}
    assert found(towns, "Kraków") == {"krk"}  # -ów read -ow-: w Krakowie
    assert found(towns, "Chełm") == {"kow-ins"}  # z Chełma
    # a phrase and a prefix as typed; an acronym as typed
    assert found(towns, '"w Dorohusku"') == {"dor-loc"}
    assert found(towns, "NATO") == {"nato"}
    # a lowercase word of another language is searched as typed: "port" is not "portal"
    assert found(towns, "port") == {"en"}


def test_polish_stems():
    assert polish_stems("Dorohusk") == ["Dorohusk"]
    assert polish_stems("Kowel") == ["Kowel", "Kowl"]
    assert polish_stems("Wieczorek") == ["Wieczorek", "Wieczork"]
    assert polish_stems("Mircze") == polish_stems("Mirczu") == ["Mircz"]
    assert polish_stems("Kraków") == ["Kraków", "Krakow"]
    assert polish_stems("NATO") == polish_stems("port") == polish_stems("Łuck"[:3]) == polish_stems("Харків") == []


def test_a_name_finds_its_own_cases_not_other_names(towns):
    """Review 22b, R6: every ending on every stem made "Franco" find "France", "Maria" "Mario",
    "Paula" "Paul", "China" "chin"; the endings now follow how the name ends."""
    from storydiff.store.search_index import polish_case_forms

    assert "France" not in polish_case_forms("Franco") and "Mario" not in polish_case_forms("Maria")
    assert "Paul" not in polish_case_forms("Paula") and "Nigeria" not in polish_case_forms("Niger")
    assert {"Warszawie", "Warszawy"} <= set(polish_case_forms("Warszawa"))
