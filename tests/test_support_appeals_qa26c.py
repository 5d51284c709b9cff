"""A reader's support appeal in the outlet's words, QA pass 26c, 13: "Ставайте частиною спільноти
УП. Ваша підтримка допомагає нам залишатися незалежними." was kept as the article's last line. A
thank-you for support in a quote, or news of a community or of independence, stays."""

from __future__ import annotations

import pytest

from storydiff.extract.line_rules import boilerplate_kind


@pytest.mark.parametrize(
    "line",
    ["Ставайте частиною спільноти УП. Ваша підтримка допомагає нам залишатися незалежними.",
     "Станьте частью сообщества. Ваша поддержка помогает нам оставаться независимыми.",
     "Dołącz do naszej społeczności. Twoje wsparcie pomaga nam pozostać niezależnymi.",
     "Werden Sie Teil unserer Community. Ihre Unterstützung hilft uns, unabhängig zu bleiben.",
     "Become part of our community. Your support helps us stay independent.",
     "Your support keeps our journalism free for everyone.",
     "Votre soutien nous permet de rester indépendants."],
)
def test_a_support_appeal_is_boilerplate(line):
    assert boilerplate_kind(line) == "appeal"


@pytest.mark.parametrize(
    "line",
    ["«Ваша підтримка допомагає нам вистояти», — сказав Зеленський.",
     "«Ваша підтримка незалежності України безцінна», — сказав він.",
     "Your support of independent media matters, the minister told donors.",
     "Громада стала частиною спільноти міст ЄС.",
     "Ukraine became part of the European community of nations, he said.",
     "Die Zentralbank muss unabhängig bleiben, sagte sie.",
     "The court must remain independent, he said."],
)
def test_news_of_support_or_independence_stays(line):
    assert boilerplate_kind(line) is None


def test_the_pasted_page_loses_the_appeal():
    from storydiff.extract.pagetext import clean_page_text

    text = ("Українська правда\nНовини\nКанада виділить Україні 200 мільйонів доларів на ППО\n"
            "Понеділок, 7 грудня 2026, 11:20\n"
            "Канада виділить Україні 200 мільйонів канадських доларів на закупівлю засобів протиповітряної оборони.\n"
            "Про новий пакет допомоги оголосить міністр оборони Білл Блер 9 грудня на засіданні Рамштайну.\n"
            "Частина грошей буде спрямована на ракети до NASAMS, повідомляють джерела в уряді Канади.\n"
            "Ставайте частиною спільноти УП. Ваша підтримка допомагає нам залишатися незалежними.\n")
    assert "Ставайте" not in clean_page_text(text).text
