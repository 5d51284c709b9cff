"""Who speaks, QA pass 25a (a Kharkiv journalism lecturer's class exercise).

05: "сообщает агентство SWS со ссылкой на главу ОВА Олега Синегубова. «…», — написал он": the
pronoun's antecedent kept its case, so the quote's speaker was "Олега Синегубова" and the report
said "speaker differs: Oleh Syniehubov vs Олега Синегубова" beside the English wire.
"""

from __future__ import annotations

import pytest

from storydiff.analyze.quotes import find_quotes


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("Три человека погибли, сообщает агентство SWS со ссылкой на главу ОВА Олега Синегубова.\n"
         "«Трое человек погибли, 17 ранены», — написал он в Telegram.", "ru", "Олег Синегубов"),
        ("Переговори тривають, повідомили в офісі міністра Андрія Сибіги.\n"
         "«Ми не погодимося на це», — сказав він.", "uk", "Андрій Сибіга"),
        # a woman's name in the nominative keeps its ending
        ("На брифинге выступила Мария Захарова.\n«Это провокация», — заявила она.", "ru", "Мария Захарова"),
        ("Виступила правозахисниця Олександра Матвійчук.\n«Це воєнний злочин», — сказала вона.", "uk",
         "Олександра Матвійчук"),
    ],
)
def test_a_pronouns_antecedent_is_named_in_the_nominative(text, lang, speaker):
    assert [q.speaker for q in find_quotes(text, language=lang)] == [speaker]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [("Официальный представитель МИД Мария Захарова назвала это «актом политической цензуры».", "ru",
      "Мария Захарова"),
     ("Зеленський назвав удар «черговим проявом російського терору».", "uk", "Зеленський")],
)
def test_the_words_a_person_called_something_by_are_theirs(text, lang, speaker):
    # QA pass 25b, 12: "Захарова назвала это «актом политической цензуры»" had no speaker
    assert [q.speaker for q in find_quotes(text, language=lang)] == [speaker]
