"""A byline alone on its line between the headline and the date, QA pass 26c, 10: pasted Suspilne
pages ("Ірина Бондар", "Mariia Shevchuk" under the headline, then "8 грудня 2026, 08:15") gave no
authors; "By Mariia Shevchuk" did. A section's or a place's name there is no one."""

from __future__ import annotations

import pytest

from storydiff.extract.metadata import page_text_metadata
from storydiff.extract.pagetext import clean_page_text

_HEADER = "Перейти до основного вмісту\nСуспільне Новини\nНовини\nВійна\nПолітика\nРегіони\n"
_UK_BODY = ("ДНІПРО, 8 грудня. Вранці 8 грудня російські війська завдали ракетного удару по Дніпру. "
            "Загинули двоє людей, ще дев'ятеро дістали поранень.\n"
            "Про це повідомив начальник обласної військової адміністрації під час брифінгу для журналістів.\n"
            "За його словами, ракета влучила в адміністративну будівлю підприємства у Центральному районі міста.\n")
_EN_HEADER = "Skip to main content\nSuspilne News\nNews\nKharkiv\nVideo\nPodcasts\n"
_EN_BODY = ("Overnight on December 6, Russian forces struck an energy substation in Kharkiv with a missile. "
            "About 24,000 customers in two districts of the city were left without electricity.\n"
            "Repair crews began work in the morning, the regional administration said in a statement on Telegram.\n"
            "Power was restored to most homes by the evening, according to the city's utility company.\n")


def _authors(text: str) -> list[str]:
    cleaned = clean_page_text(text)
    return page_text_metadata(text.splitlines(), cleaned.kept, cleaned.text, title=cleaned.title)[1]


@pytest.mark.parametrize(
    "text, authors",
    [(_HEADER + "Ракетний удар по Дніпру: загинули двоє людей, 9 поранених\nІрина Бондар\n8 грудня 2026, 08:15\n"
      + _UK_BODY, ["Ірина Бондар"]),
     # an update stamp between the date and the body
     (_HEADER + "Ракетний удар по Дніпру: загинули двоє людей, 9 поранених\nІрина Бондар\n8 грудня 2026, 08:15\n"
      "Оновлено: 8 грудня 2026, 13:40\n" + _UK_BODY, ["Ірина Бондар"]),
     (_EN_HEADER + "Power outage for 24,000 customers in Kharkiv after substation strike\nMariia Shevchuk\n"
      "6 December 2026, 09:30\n" + _EN_BODY, ["Mariia Shevchuk"])],
)
def test_a_name_alone_between_the_headline_and_the_date_is_the_byline(text, authors):
    assert _authors(text) == authors


@pytest.mark.parametrize(
    "line",
    ["Новини Харкова", "Харківська Область", "Суспільне Новини", "Kharkiv Region", "Fact Check", "Share Tweet",
     "World News"],
)
def test_a_section_a_place_or_a_button_there_is_no_byline(line):
    text = (_EN_HEADER + "Power outage for 24,000 customers in Kharkiv after substation strike\n" + line
            + "\n6 December 2026, 09:30\n" + _EN_BODY)
    assert _authors(text) == []
