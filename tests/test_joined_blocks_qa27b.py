"""A short HTML page whose body trafilatura gave as one line (QA pass 27b, 08): the headline and the
date leaked into the body ("ДСНС завершила роботи ... 2026-12-04 Дніпро, 4 грудня. Рятувальники
...") and no dateline was read. The line is split back into the page's blocks, so line cleanup and
the dateline reader see them."""

from __future__ import annotations

from lxml.html import fromstring

from storydiff.extract import extract_item
from storydiff.extract.joined_blocks import split_joined_blocks
from storydiff.extract.line_cleanup import dropping_rule
from storydiff.records import RawItem

HEADLINE = "Рятувальники ліквідували пожежу на складі"
PAGE = ("<!doctype html><html lang='uk'><head><meta charset='utf-8'><title>" + HEADLINE + " | Вісті Заводу</title>"
        "<meta property='og:title' content='" + HEADLINE + "'><meta property='og:site_name' content='Вісті Заводу'>"
        "<meta property='article:published_time' content='2026-03-02T17:00:00+02:00'></head><body>"
        "<nav><a href='/'>Головна</a> <a href='/news'>Новини</a></nav>"
        "<article><h1>" + HEADLINE + "</h1><div class='meta'>2026-03-02</div>"
        "<p>Запоріжжя, 2 березня. Вогнеборці загасили пожежу на складі будматеріалів у Заводському районі, "
        "повідомили в обласному управлінні.</p><p>Постраждалих немає, площа пожежі становила 300 квадратних метрів.</p>"
        "</article><footer>© 2026 Вісті Заводу</footer></body></html>")


def test_short_page_body_keeps_its_blocks_apart():
    article = extract_item(RawItem(source="sklad.html", kind="html", content=PAGE,
                                   url="https://visti.example/news/sklad.html"))
    assert article.text.startswith("Запоріжжя, 2 березня. Вогнеборці")
    assert HEADLINE not in article.text and "2026-03-02" not in article.text
    assert article.dateline == "Запоріжжя"
    assert article.title == HEADLINE


def test_split_only_a_line_made_of_one_container():
    tree = fromstring("<html><body><article><h1>Заголовок новини дня</h1><p>Перший абзац тексту.</p>"
                      "<p>Другий <b>абзац</b> тексту.</p></article></body></html>")
    joined = "Заголовок новини дня Перший абзац тексту. Другий абзац тексту."
    assert split_joined_blocks(tree, joined) == "Заголовок новини дня\nПерший абзац тексту.\nДругий абзац тексту."
    # text that is no container's, or already in lines, stays as it is
    assert split_joined_blocks(tree, "Перший абзац тексту. Другий абзац тексту.") == (
        "Перший абзац тексту. Другий абзац тексту.")
    assert split_joined_blocks(tree, "Перший абзац тексту.\nДругий абзац тексту.") == (
        "Перший абзац тексту.\nДругий абзац тексту.")


def test_iso_date_alone_is_a_stamp():
    assert dropping_rule("2026-12-04") == "date stamp"
    assert dropping_rule("Рятувальники прибули 2026-12-04 о дев'ятій ранку до складу на околиці") is None
