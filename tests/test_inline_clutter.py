"""A "read also" teaser flattened into a paragraph's end, and a tag an export cut short at a text's
end, are no part of the article (QA pass 21b, 09: "Читайте також: Вибухи у Харкові 4 грудня:
загинули двоє людей" became a fact of today's story; `<p class="rea` stayed in the text and evidence)."""

from __future__ import annotations

import json

import pytest

from storydiff.extract import extract_items
from storydiff.extract.line_cleanup import drop_inline_clutter
from storydiff.ingest import read_path
from storydiff.records import Article

LEDE = ("Луцьк, 3 грудня. Уранці в Луцьку пролунали два вибухи, пошкоджено будівлю ліцею на Київському "
        "майдані, повідомив міський голова Ігор Поліщук.")
LAST = "Постраждалих немає, на місці працюють рятувальники ДСНС."


@pytest.mark.parametrize("teaser", [
    " Читайте також: Вибухи у Луцьку 2 грудня: загинули двоє людей",
    " ЧИТАЙТЕ ТАКОЖ - У Рівному відкрили пункт незламності",
    " Читайте также: В Луцке ночью сбили шесть дронов",
    " Czytaj także: Drony nad Lubelszczyzną. Wojsko poderwało myśliwce",
    " Lesen Sie auch: Drohnen über Polen",
    " Read also: Explosions in Lutsk on December 2",
])
def test_a_teaser_at_a_paragraphs_end_is_dropped_and_the_paragraph_kept(teaser):
    text = f"{LEDE}\n{LAST}{teaser}\n«Усі служби працюють», — написав Поліщук."
    assert drop_inline_clutter(text) == f"{LEDE}\n{LAST}\n«Усі служби працюють», — написав Поліщук."


def test_the_article_s_own_words_stay():
    kept = [
        f"{LEDE}\n{LAST}",
        # a cue inside a sentence, or with no colon or dash: words, not a teaser's label
        f"{LEDE} Мер порадив: читайте також офіційні повідомлення ОВА, а не чутки.",
        f"{LEDE} Читайте також офіційні повідомлення ОВА.",
        # a long run after the cue is a paragraph, not a headline
        f"{LEDE} Читайте також: " + " ".join(["мер окремо пояснив, що ремонт ліцею триватиме до весни"] * 4) + ".",
        "The ratio is a <b and c> d.",  # a "<" with no tag cut at the end
        # review 21c #5: an official's quotation, a sentence opened by "Read more:"/"See also:", a<b
        f"{LEDE} Міністерка звернулася до батьків: «Поговоріть із дітьми. Читайте також: пам'ятку МОН, її "
        "розіслали всім школам»",
        f"{LEDE} Глава ГСЧС напомнил: «Не паникуйте. Смотрите также: Карту укрытий в приложении»",
        "The ministry published a guide for schools. Read more: it asks every teacher to run a drill twice a term.",
        "Prices rose fastest in Kharkiv (table 2). See also: table 3, where the same figures are given per household.",
        "The court ruled the fine lawful because the amount was a<b",
    ]
    for text in kept:
        assert drop_inline_clutter(text) == text


def test_a_tag_cut_at_the_texts_end_is_dropped():
    assert drop_inline_clutter(f'{LEDE}\n{LAST} <p class="rea') == f"{LEDE}\n{LAST}"
    assert drop_inline_clutter(f"{LEDE}\n{LAST}<br") == f"{LEDE}\n{LAST}"
    assert drop_inline_clutter(f"{LEDE}\n{LAST}\n</di") == f"{LEDE}\n{LAST}"


def test_an_exports_html_plain_and_cut_rows_keep_neither(tmp_path):
    rows = [
        {"id": "html", "outlet": "Волинь пост", "title": "Вибухи в Луцьку",
         "html": f"<p>{LEDE}</p><p>{LAST} <strong>Читайте також:</strong> "
                 '<a href="https://v.example/1">Вибухи у Луцьку 2 грудня: загинули двоє людей</a></p>'
                 "<p>«Усі служби працюють», — написав Поліщук.</p>"},
        {"id": "plain", "outlet": "Конкурент", "title": "Вибухи в Луцьку",
         "text": f"{LEDE}\n{LAST} Читайте також: Вибухи у Луцьку 2 грудня: загинули двоє людей\n"
                 "«Усі служби працюють», — написав Поліщук."},
        {"id": "cut", "outlet": "Під ковпаком", "title": "Вибухи в Луцьку",
         "text": f'{LEDE}\n{LAST}\n«Усі служби працюють», — написав Поліщук. <p class="rea'},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    articles = [a for a in extract_items(read_path(str(path))) if isinstance(a, Article)]
    assert [a.id for a in articles] == ["html", "plain", "cut"]
    for a in articles:
        assert "Читайте" not in a.text and "загинули" not in a.text and "<" not in a.text, a.id
        assert a.text.rstrip().endswith("— написав Поліщук."), a.id
