"""Page text, QA pass 25a: a short report the line model keeps nothing of.

A pasted page of two seven-word sentences under a masthead, a headline and a date ("В Харькове
погибли три человека, сообщает ТАСС.") scored low on every line and failed as "no article text
left after removing boilerplate": an item lost. When the model keeps nothing, the page's sentence
lines are the article; a page of furniture alone still has none.
"""

from __future__ import annotations

from storydiff.extract.pagetext import clean_page_text

SHORT_REPORT = (
    "Тестовий вісник\n"
    "Заголовок новини про Харків номер 6\n"
    "1 грудня 2026, 10:00\n"
    "В Харькове погибли три человека, сообщает ТАСС.\n"
    "У місті працюють рятувальники, повідомили в ДСНС.\n"
)


def test_the_sentences_of_a_short_report_are_kept_when_the_model_keeps_nothing():
    page = clean_page_text(SHORT_REPORT)
    assert page.text.splitlines() == ["В Харькове погибли три человека, сообщает ТАСС.",
                                      "У місті працюють рятувальники, повідомили в ДСНС."]
    assert page.title == "Заголовок новини про Харків номер 6"


def test_a_page_of_furniture_alone_keeps_nothing():
    page = clean_page_text("Головна\nНовини\nПоділитися\nУвійти\n© 2026 Тестовий вісник\n1 грудня 2026, 10:00\n")
    assert page.text == ""
