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


def _stored(store, rows: dict[str, tuple[str, str]], outlet: str, prefix: str):
    """Each row an article of its own story, dated over five days."""
    for i, (aid, (title, text)) in enumerate(rows.items()):
        assert store.add_article(Article(id=aid, source=f"{prefix}#{i}", outlet=outlet, title=title, text=text,
                                         published=f"2026-12-0{1 + i % 5}"), story_id=aid)
    return store


@pytest.fixture
def cities(store):
    return _stored(store, ROWS, "Укрінформ", "f")


def found(s, query: str) -> set[str]:
    return {h.article_id for h in s.search(query)}


def test_a_city_typed_in_its_dictionary_form_finds_its_other_cases(cities):
    assert found(cities, "Харків") == {"kh-loc", "kh-gen", "kh-nom"}
    # an oblique form typed finds the other forms, lower case as upper (its -ові cut: Харків as well)
    assert found(cities, "харкові") == {"kh-loc", "kh-gen", "kh-nom"}
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
    assert cyrillic_stems("Харків") == ["Харков", "Харкев", "Харків"]
    assert cyrillic_stems("Миколаїв") == ["Миколаєв", "Миколаїв"]
    assert cyrillic_stems("Зеленський") == ["Зеленськ"]
    assert cyrillic_stems("Одеса") == ["Одес"]
    assert cyrillic_stems("Путін") == ["Путін"]
    assert cyrillic_stems("років") == ["років"]  # lower case: no -ів → -ов
    assert cyrillic_stems("Суд") == cyrillic_stems("Рада") == cyrillic_stems("Kyiv") == cyrillic_stems("сім'я") == []


# -- a noun's plural and instrumental endings (QA pass 25b, 4: "ударов", "ударом", "ударами" found
# nothing; only a final vowel or an adjective's ending was cut) --------------------------------

STRIKES = {
    "udar-nom": ("Удар по порту", "Удар по порту Одессы нанесли утром в пятницу."),
    "udar-gen-pl": ("Серия ударов", "Армия нанесла серию ударов по складам в Одессе."),
    "udar-ins": ("Ударом повреждён терминал", "Ударом ракеты повреждён зерновой терминал в порту."),
    "udar-uk": ("Наслідки ударів", "Наслідки нічних ударів по Одесі ліквідовують рятувальники."),
    "udarnik": ("Ударник труда", "В Москве наградили ударника труда из Тулы."),
    "ostrov": ("Остров в дельте", "На острове в дельте Дуная эвакуировали жителей."),
    "ostry": ("Острый кризис", "Острый кризис на рынке зерна продолжается."),
    "peskov": ("Заявление Пескова", "Как заявил Дмитрий Песков, удары наносятся по военным целям."),
}


@pytest.fixture
def strikes(store):
    return _stored(store, STRIKES, "Медуза", "s")


@pytest.mark.parametrize("typed", ["удар", "удары", "ударов", "ударом", "ударам", "ударами", "ударах", "ударів"])
def test_every_case_of_a_noun_typed_finds_the_others_and_not_a_longer_word(strikes, typed):
    found_ids = found(strikes, typed)
    assert {"udar-nom", "udar-gen-pl", "udar-ins", "udar-uk"} <= found_ids
    assert "udarnik" not in found_ids  # "ударник" is another word, not a case of "удар"


def test_a_plural_ending_cut_is_no_adjectives_stem_and_a_surname_keeps_its_ending(strikes):
    assert found(strikes, "островов") == {"ostrov"}  # not "острый"
    assert found(strikes, "острая") == {"ostry"}  # an adjective's cases only: not "острове"
    assert found(strikes, "Песков") == {"peskov"}  # Пескова; a surname's -ов is no plural ending


def test_noun_endings_are_cut_to_the_stem():
    assert cyrillic_stems("ударами") == ["удар"]
    assert cyrillic_stems("ударов") == ["удар", "ударов"]  # a genitive plural, or a nominative (остров)
    assert cyrillic_stems("санкций") == ["санкц"] and cyrillic_stems("новостью") == ["новост"]
    assert cyrillic_stems("Песков") == ["Песков"] and cyrillic_stems("ударник") == ["ударник"]


NOMINATIVES = {
    "gaz-gen": ("Поставки газа сократились", "Поставки «Газпрома» в Молдавию сократились на треть в ноябре."),
    "gaz-dat": ("Долг перед газовой компанией", "Молдова вернула долг «Газпрому» за октябрь, сообщил министр."),
    "ch-loc": ("Протест у столиці Молдови", "У Кишиневі тисячі людей вийшли на протест проти цін на газ."),
    "ch-gen": ("Мер столиці про протест", "Мер Кишинева Іон Чебан закликав протестувальників до діалогу."),
    "bank": ("Санкции против банка", "США ввели санкции против Газпромбанка и его дочерних компаний."),
}


@pytest.fixture
def nominatives(store):
    return _stored(store, NOMINATIVES, "Newsmaker", "n")


def test_a_nominative_that_ends_as_an_instrumental_finds_its_cases(nominatives):
    """QA pass 26a, 09: "Газпром" was cut to Газпр- (its -ом read as an instrumental) and found
    neither "Газпрома" nor "Газпрому"; "Кишинів" found neither "у Кишиневі" nor "Кишинева"."""
    assert found(nominatives, "Газпром") == {"gaz-gen", "gaz-dat"}
    assert found(nominatives, "Кишинів") == {"ch-loc", "ch-gen"}
    assert found(nominatives, "Кишиневі") == {"ch-loc", "ch-gen"}
    assert cyrillic_stems("ударом") == ["удар", "ударом"]  # an instrumental still finds удар-


def test_the_nominative_too_is_no_prefix_of_other_words(nominatives):
    assert "bank" not in found(nominatives, "Газпром")  # Газпромбанк is another company
