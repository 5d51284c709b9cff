"""A Telegram post's footer as copies and exports keep it, "👁 18.1K  10:32" (views by an eye, the
post's time), stayed in the posts' text (QA pass 27b, 09: dropped in one post by the line model,
kept in the others, its count a figure of the story). It is a counter line now, on every path."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.records import RawItem


@pytest.mark.parametrize("line", ["👁 18.1K  10:32", "👁 25K 15:10", "👁️ 3,4 тис. 09:05 змінено", "👀 912"])
def test_post_footer_is_a_counter(line):
    assert boilerplate_kind(line) == "counter"


@pytest.mark.parametrize("line", ["👁 Запоріжжя 10:32", "Переглянули 25 тисяч людей 👁 за годину після удару."])
def test_words_are_no_footer(line):
    assert boilerplate_kind(line) is None


@pytest.mark.parametrize("footer", ["👁 18.1K  10:32", "👁 25K  15:10"])
def test_post_text_drops_its_footer(footer):
    text = ("Запоріжжя. Кількість поранених внаслідок нічної атаки зросла до п'яти, серед них підліток.\n"
            "Усі отримують необхідну допомогу від медиків.\n" + footer)
    article = extract_item(RawItem(source="posts.jsonl#L2", kind="text", content=text,
                                   meta={"text_field": True, "outlet": "Telegram: Іван Федоров",
                                         "published": "2026-03-02T10:32:00+02:00"}))
    assert "👁" not in article.text and "K" not in article.text.split()[-1]
    assert article.text.endswith("Усі отримують необхідну допомогу від медиків.")
    assert article.warnings == []
