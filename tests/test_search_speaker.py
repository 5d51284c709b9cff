"""The search's speaker filter names a person in whatever case and script the name was typed
("Пескова", "Peskov" for "Дмитрий Песков"; QA pass 25b, 10), on SQLite and PostgreSQL, and no one
else ("Peskov" is no "Pesko")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storydiff.records import Article
from storydiff.search import search_stored
from storydiff.store.speaker_filter import context_near, context_regex, names_speaker

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set


def said(aid: str, outlet: str, text: str, speaker: str | None = None) -> Article:
    from storydiff.records import Quote

    quote = text[text.index("«") + 1 : text.index("»")] if "«" in text else text[text.index('"') + 1 : text.rindex('"')]
    start = text.index(quote)
    quotes = [Quote(quote, start, start + len(quote), speaker=speaker)] if speaker else []
    return Article(id=aid, source=f"x#{aid}", url=f"https://{aid}.example/", outlet=outlet, title=aid,
                   published="2026-12-05", text=text, quotes=quotes)


ARTICLES = [
    said("ru1", "ТАСС", "«Мы не комментируем эти сообщения», — сказал Дмитрий Песков журналистам.", "Дмитрий Песков"),
    said("en1", "Reuters", '"We do not comment on these reports," Dmitry Peskov told reporters.', "Dmitry Peskov"),
    said("en2", "Wire", '"The bridge will reopen in May," said Ivan Pesko, the mayor.', "Ivan Pesko"),
    said("ru2", "РБК", "«Выставка откроется в мае», — сказала Анна Пескова, куратор.", "Анна Пескова"),
    said("uk1", "Суспільне", "«Ми не коментуємо ці повідомлення», — сказав Володимир Зеленський.", "Володимир Зеленський"),
    said("en3", "AP", '"We will hold the line," Volodymyr Zelenskyy said.', "Volodymyr Zelenskyy"),
    # no speaker named: the paragraph is read ("по словам Пескова" gives the genitive)
    said("ru3", "Интерфакс", "По словам Пескова, «переговоры продолжаются без перерыва»."),
]


@pytest.fixture
def quoted(store):
    for a in ARTICLES:
        assert store.add_article(a, story_id=f"s-{a.id}")
    return store


def speakers_found(store, speaker: str) -> set[str]:
    return {h.article_id for h in store.search("", kind="quote", speaker=speaker)}


def test_a_speaker_is_found_in_any_case_and_script(quoted):
    peskov = {"ru1", "en1"}
    # a Cyrillic word is also read in the paragraph of a quote no one was named for (ru3); a
    # surname alone names anyone of it: the genitive Пескова is the feminine Пескова (ru2)
    for typed in ("Песков", "Пескова", "Пескову", "Песковым", "пескову"):
        assert speakers_found(quoted, typed) == peskov | {"ru2", "ru3"}, typed
    for typed in ("Peskov", "PESKOV", "Дмитрия Пескова", "Dmitry Peskov", "Дмитрий Песков"):
        assert speakers_found(quoted, typed) == peskov, typed
    assert speakers_found(quoted, "Зеленский") == {"uk1", "en3"}  # the Russian spelling, in uk and en
    assert speakers_found(quoted, "Zelensky") == {"uk1", "en3"}
    assert speakers_found(quoted, "Зеленського") == {"uk1", "en3"}


def test_a_speaker_filter_names_no_one_else(quoted):
    assert speakers_found(quoted, "Peskov") & {"en2", "ru2"} == set()  # Pesko; Пескова is another's
    assert speakers_found(quoted, "Pesko") == {"en2", "en1"}  # the start of a word, as before
    assert speakers_found(quoted, "Пескарь") == set()
    assert speakers_found(quoted, "Анна Пескова") == {"ru2"}  # her given name is no Dmitry's
    assert speakers_found(quoted, "Dmitry Pesko") == {"en1"}
    assert speakers_found(quoted, "Зеленая") == set()


def test_search_stored_filters_words_by_speaker(quoted):
    r = search_stored(quoted, "комментируем", speaker="Пескова")
    assert [q.article_id for q in r.quotes] == ["ru1"] and r.articles == []
    assert [q.article_id for q in search_stored(quoted, "comment", speaker="Песков").quotes] == ["en1"]


@pytest.mark.parametrize(("typed", "speaker", "named"), [
    ("Пескова", "Дмитрий Песков", True), ("Песков", "Dmitry Peskov", True), ("Peskov", "Дмитрий Песков", True),
    ("Peskov", "Ivan Pesko", False), ("Песков", "Ivan Pesko", False), ("Шойгу", "Sergei Shoigu", True),
    ("Захарову", "Maria Zakharova", True), ("Zakharova", "Мария Захарова", True), ("Захаров", "Maria Zakharova", True), ("Захаров", "Maria Zakharchenko", False),
    ("Sergeyev", "Сергеев", True), ("Зеленский", "Володимир Зеленський", True), ("Гуль", "Олег Гул", False), ("Kallas", "Kaja Kallas", True), ("Kallas", "Кая Каллас", True), ("", "Kallas", False),
])
def test_names_speaker(typed, speaker, named):
    assert names_speaker(typed, speaker) is named


def test_the_paragraph_pattern_takes_the_typed_text_literally():
    import re

    pattern = re.compile(context_regex("a|b (c)", "python"))
    assert not pattern.search("a") and not pattern.search("b c") and pattern.search("x a|b (c)")
    genitive = re.compile(context_regex("Песков", "python"))
    assert genitive.search("по словам Пескова,") and not genitive.search("Сапескова") and not genitive.search("Пескоф")


@pytest.mark.parametrize("typed", ["Песков", "Пескова", "Дмитрия Пескова", "Peskov", "Харків", "Зеленського"])
def test_what_the_paragraph_pattern_finds_the_short_one_finds_first(typed):
    import re

    full, near = re.compile(context_regex(typed, "python")), re.compile(context_near(typed, "python"))
    for text in ("по словам Пескова,", "Дмитрия Пескова", "Dmitry Peskov said", "у Харкові", "Зеленський", "Сапесков"):
        assert not full.search(text) or near.search(text), (typed, text)

