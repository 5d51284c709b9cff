"""Who speaks, QA pass 24a (a Berlin fact-checking desk): German verb-second order and a
reported clause's subject.

10: German fronts an adverbial and puts the subject after the verb ("In seinem Schlusswort sagte
Woronow: »…«"): every capitalised noun of the fronted phrase was taken for the speaker
("Schlusswort", "Gericht", "Telegram", "Interview"). Polish, Ukrainian and Russian run a one-word
place or platform into the subject before the verb ("W Brukseli Kallas powiedziała").
07: "Песков заявил, что Москва считает ... «…», — сказал он" gave the quote to "Москва".
"""

from __future__ import annotations

import pytest

from storydiff.analyze.quotes import find_quotes


def _speakers(text: str, lang: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, language=lang)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("In seinem Schlusswort sagte Woronow: »Ich habe die Wahrheit geschrieben und halte mich nicht für schuldig.«",
         "Woronow"),
        ("Vor Gericht sagte Woronow: „Ich habe die Wahrheit geschrieben.“", "Woronow"),
        ("Nach dem Urteil sagte Anwältin Maria Lebedewa: „Das ist eine Strafe für den Beruf.“", "Maria Lebedewa"),
        ("Auf Telegram schrieb Selenskyj: „Wir holen unsere Leute nach Hause.“", "Selenskyj"),
        ("Im Interview sagte Kallas: „Jedes Paket macht den Krieg teurer.“", "Kallas"),
        ("Am Montag sagte Kanzler Friedrich Merz: „Wir stehen an der Seite der Ukraine.“", "Friedrich Merz"),
        ("Im Gespräch mit der Deutschen Presse-Agentur sagte Merz: „Wir prüfen den Fall.“", "Merz"),
        ("Beim Gipfel in Brüssel sagte die EU-Außenbeauftragte Kaja Kallas: „Jedes Paket macht den Krieg teurer.“",
         "Kaja Kallas"),
        ("Gestern Abend sagte Selenskyj in Kiew: „Wir holen unsere Leute nach Hause.“", "Selenskyj"),
        ("Dazu sagte Selenskyj: „Wir holen unsere Leute nach Hause.“", "Selenskyj"),
        ("Als die Sirenen heulten, schrieb Bürgermeister Ihor Terechow: „Bleiben Sie in den Schutzräumen.“",
         "Ihor Terechow"),
        # a clause before the verb: its subject follows the verb too
        ("Die Redundanzen im System würden nicht ausreichen, sagte Jendro: „Wir setzen auf die Netze.“", "Jendro"),
        ("Die Journalisten hätten die Öffentlichkeit über die Folgen informiert, schrieb Tajani auf der Plattform X: "
         "„Bei allem Respekt, das ist ihre Aufgabe.“", "Tajani"),
        # the subject first: unchanged, and a dative after the verb is whom it was said to
        ("Woronow sagte in seinem Schlusswort: „Ich habe die Wahrheit geschrieben.“", "Woronow"),
        ("Merz sagte der Zeitung Bild: „Wir prüfen den Fall.“", "Merz"),
        ("Der Sprecher des Ministeriums, Lukas Brandt, sagte: „Wir prüfen den Fall.“", "Lukas Brandt"),
        ("Der Sprecher des Ministeriums, Lukas Brandt, sagte der Zeitung Bild: „Wir prüfen den Fall.“", "Lukas Brandt"),
    ],
)
def test_german_fronted_phrase_is_no_speaker(text, speaker):
    assert _speakers(text, "de") == [speaker]


def test_german_fronted_phrase_with_a_pronoun_names_no_noun():
    assert _speakers("In Berlin sagte er: „Wir stehen an der Seite der Ukraine.“", "de") == [None]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("W Brukseli Kallas powiedziała: „Każdy pakiet czyni wojnę droższą”.", "pl", "Kallas"),
        ("Na konferencji w Warszawie powiedział premier Donald Tusk: „Wracamy do domu”.", "pl", "Donald Tusk"),
        ("У Telegram Зеленський написав: «Ми повертаємо наших людей додому».", "uk", "Зеленський"),
        ("У своєму Telegram-каналі Зеленський написав: «Ми повертаємо наших людей додому».", "uk", "Зеленський"),
        ("В Telegram Зеленский написал: «Мы возвращаем наших людей домой».", "ru", "Зеленский"),
        ("Ситуация остается сложной, заявил пресс-секретарь Дмитрий Песков: «Мы не меняем наш курс».", "ru",
         "Дмитрий Песков"),
        # controls: a full name after a preposition elsewhere is still the person's full name
        ("Зеленський зустрівся з Фрідріхом Мерцом. Олена Коваль заявила: «Ми повертаємо наших людей».", "uk",
         "Олена Коваль"),
    ],
)
def test_place_before_the_subject_is_no_first_name(text, lang, speaker):
    assert _speakers(text, lang) == [speaker]


def test_full_name_after_a_preposition_still_names_the_person():
    text = "Selenskyj traf sich mit Friedrich Merz in Berlin.\n„Wir prüfen den Fall“, sagte Merz."
    assert _speakers(text, "de") == ["Friedrich Merz"]


_KALLAS_RU = "«Каждый пакет делает продолжение этой войны для России дороже», — сказала Каллас журналистам в Брюсселе.\n"


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        (_KALLAS_RU + "Меры вступят в силу 15 января 2027 года.\nПресс-секретарь президента России Дмитрий Песков "
         "заявил, что Москва считает санкции нелегитимными. «Европейцы сами расплачиваются за эту политику», "
         "— сказал он.", "ru", "Дмитрий Песков"),
        ("«Кожен пакет робить війну дорожчою», — сказала Каллас журналістам у Брюсселі.\nПрессекретар президента "
         "Росії Дмитро Пєсков заявив, що Москва вважає санкції нелегітимними. «Європейці самі розплачуються за цю "
         "політику», — сказав він.", "uk", "Дмитро Пєсков"),
        ("„Każdy pakiet czyni wojnę droższą” – powiedziała Kallas dziennikarzom w Brukseli.\nRzecznik Kremla Dmitrij "
         "Pieskow oświadczył, że Moskwa uważa sankcje za nielegalne. „Europejczycy sami płacą za tę politykę” – "
         "powiedział.", "pl", "Dmitrij Pieskow"),
        # a person as the reported clause's subject: still the main clause's subject who spoke
        (_KALLAS_RU + "Дмитрий Песков заявил, что президент Зеленский сказал неправду. «Это откровенная ложь и "
         "провокация», — сказал он.", "ru", "Дмитрий Песков"),
        # a state as a main clause's subject is no "он"
        ("«Мы тримаємось попри все», — сказала Олена Коваль.\nОлег Синєгубов повідомив, що Київ заявив про удар. "
         "«Це черговий терор проти мирних людей», — сказав він.", "uk", "Олег Синєгубов"),
    ],
)
def test_reported_clause_subject_does_not_take_the_pronoun(text, lang, speaker):
    assert _speakers(text, lang)[-1] == speaker
