"""A Ukrainian or Russian word typed as the dictionary gives it finds its other cases, on SQLite
and PostgreSQL: "Харків" finds "у Харкові" and "мер Харкова", "Львів" "у Львові" (QA pass 21b, 03);
a short word or another language's word is searched as typed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storydiff.records import Article
from storydiff.store.search_index import cyrillic_stems

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # SQLite, and PostgreSQL when set

ROWS = {
    "kh-loc": ("Вибухи у Харкові вночі", "Вночі у Харкові пролунали вибухи, повідомив мер міста."),
    "kh-gen": ("Мер Харкова про нічну атаку", "Мер Харкова Ігор Терехов розповів про наслідки атаки."),
    "kh-nom": ("Харків отримав нові автобуси", "Харків отримав двадцять нових автобусів від партнерів."),
    "lv-loc": ("Відкрили пункт незламності", "Міська влада повідомила про новий пункт для мешканців. " * 8
               + "У Львові відкрили ще один пункт незламності."),
    "kv-gen": ("З Києва вирушив потяг", "З Києва до Перемишля вирушив додатковий потяг."),
    "ru-loc": ("В Москве задержали активиста", "В Москве задержали активиста после одиночного пикета."),
    "rada": ("Радар зафіксував ціль", "Радар ППО зафіксував повітряну ціль над областю."),
    "en": ("Kharkiv mayor on the night attack", "Kharkiv's mayor spoke about the night's attack."),
    # words that share a stem's letters but are other words (review 21b, 3)
    "krym-crime": ("Кримінальне провадження відкрито", "Поліція відкрила кримінальне провадження за фактом підпалу."),
    "post-victims": ("Серед постраждалих діти", "Серед постраждалих унаслідок обстрілу є двоє дітей."),
    "fatal": ("Роковий день для фермера", "Для фермера з Полтавщини цей день став роковим."),
    "krym": ("Новини Криму", "У Криму знову пролунали вибухи поблизу аеродрому."),
}


@pytest.fixture
def cities(store):
    for i, (aid, (title, text)) in enumerate(ROWS.items()):
        assert store.add_article(Article(id=aid, source=f"f#{i}", outlet="Укрінформ", title=title, text=text,
                                         published=f"2026-12-0{1 + i % 5}"), story_id=aid)
    return store


def found(s, query: str) -> set[str]:
    return {h.article_id for h in s.search(query)}


def test_a_city_typed_in_its_dictionary_form_finds_its_other_cases(cities):
    assert found(cities, "Харків") == {"kh-loc", "kh-gen", "kh-nom"}
    # an oblique form typed finds the forms of its stem (Харков*), lower case as upper
    assert found(cities, "харкові") == {"kh-loc", "kh-gen"}
    assert found(cities, "Львів") == {"lv-loc"}
    assert found(cities, "Київ") == {"kv-gen"}
    assert found(cities, "Москва") == {"ru-loc"}
    # two words: both must match, each in any case
    assert found(cities, "Харків атака") == {"kh-gen"}
    # a phrase and a prefix are searched as typed
    assert found(cities, '"у Харкові"') == {"kh-loc"}
    assert found(cities, "Харків*") == {"kh-nom"}
    # a short word's prefix is another word: "Рада" does not find "Радар"
    assert found(cities, "Рада") == set()
    # another script is searched as typed
    assert found(cities, "Kharkiv") == {"en"}
    # punctuation typed around a word is no part of it
    assert found(cities, "«Харків»,") == {"kh-loc", "kh-gen", "kh-nom"}


def test_a_stem_is_no_prefix_of_other_words(cities):
    assert found(cities, "Крим") == {"krym"}  # Криму, not "кримінальне"
    assert found(cities, "пост") == set()  # not "постраждалих"
    assert found(cities, "років") == set()  # a plural's -ів is no place's: not "роковим"


def test_a_hit_for_another_case_is_shown_around_it(cities):
    (hit,) = cities.search("Львів")
    assert "Львові" in hit.text


def test_cyrillic_stems():
    assert cyrillic_stems("Харків") == ["Харков", "Харків"]
    assert cyrillic_stems("Миколаїв") == ["Миколаєв", "Миколаїв"]
    assert cyrillic_stems("Зеленський") == ["Зеленськ"]
    assert cyrillic_stems("Одеса") == ["Одес"]
    assert cyrillic_stems("Путін") == ["Путін"]
    assert cyrillic_stems("років") == ["років"]  # lower case: no -ів → -ов
    assert cyrillic_stems("Суд") == cyrillic_stems("Рада") == cyrillic_stems("Kyiv") == cyrillic_stems("сім'я") == []
