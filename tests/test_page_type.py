"""Page types from markup (extract/page_type.py) and the trafilatura pass extract_html picks with them."""

from __future__ import annotations

import pytest

import storydiff.extract.html as html_module
from storydiff.extract.html import extract_html, parse_html
from storydiff.extract.page_type import declared_types, declares_article
from storydiff.settings import ExtractSettings

BODY = (
    "<p>The council approved the new harbour budget on Monday after a long debate about the cost of repairs.</p>"
    "<p>Members said the work on the quay walls could not wait another winter, and the vote passed easily.</p>"
    "<p>The first contracts will be signed next month, and the work should be finished by the autumn.</p>"
)


def _page(head: str = "", body: str = BODY, attrs: str = "") -> str:
    return f"<html><head><title>Harbour budget</title>{head}</head><body><main{attrs}>{body}</main></body></html>"


@pytest.mark.parametrize(
    "head, attrs",
    [
        ('<meta property="og:type" content="article">', ""),
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle"}</script>', ""),
        ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": ["ReportageNewsArticle"]}]}'
         "</script>", ""),
        # invalid JSON (trailing comma) still names its type
        ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "x",}</script>', ""),
        ("", ' itemscope itemtype="http://schema.org/Article"'),
    ],
)
def test_declared_article(head, attrs):
    assert declares_article(parse_html(_page(head, attrs=attrs)))


@pytest.mark.parametrize(
    "head, attrs",
    [
        ("", ""),
        ('<meta property="og:type" content="website">', ""),
        ('<script type="application/ld+json">{"@type": "Product", "offers": {"@type": "Offer"}}</script>', ""),
        ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>', ""),
        # the word inside a value that is not a type does not count
        ('<script type="application/ld+json">{"@type": "WebPage", "name": "Article"}</script>', ""),
        ("", ' itemscope itemtype="https://schema.org/Product"'),
    ],
)
def test_not_declared_article(head, attrs):
    assert not declares_article(parse_html(_page(head, attrs=attrs)))


def test_declared_types_are_short_lower_case_names():
    page = _page('<meta property="og:type" content="Article">'
                 '<script type="application/ld+json">{"@type": ["schema:NewsArticle", "Thing"]}</script>',
                 attrs=' itemscope itemtype="https://schema.org/Person https://schema.org/Place"')
    assert declared_types(parse_html(page)) == {"article", "newsarticle", "thing", "person", "place"}


def _passes_used(monkeypatch, page: str) -> list[dict]:
    calls: list[dict] = []
    real = html_module._trafilatura

    def recording(tree, url, **options):
        calls.append(options)
        return real(tree, url, **options)

    monkeypatch.setattr(html_module, "_trafilatura", recording)
    assert "harbour budget" in extract_html(page).text
    return calls


def test_an_article_gets_the_precise_pass(monkeypatch):
    calls = _passes_used(monkeypatch, _page('<meta property="og:type" content="article">'))
    assert calls[0] == {"favor_precision": True}


def test_any_other_page_gets_the_balanced_pass_only(monkeypatch):
    calls = _passes_used(monkeypatch, _page('<meta property="og:type" content="product">'))
    assert calls == [{}]


def test_a_very_large_page_gets_one_fast_pass_not_a_refusal(monkeypatch):
    settings = ExtractSettings()
    # markup that survives the script cut: a long menu of links around the article
    name = "Section with a long name " * 10
    menu = "<ul>" + f'<li><a href="/section/x">{name}</a></li>' * 5_000 + "</ul>"
    page = _page('<meta property="og:type" content="article">', body=menu + BODY)
    assert settings.one_pass_markup_bytes < len(page) < settings.max_markup_bytes
    assert page.count("</") < settings.one_pass_elements  # the bytes decide here, not the elements
    calls = _passes_used(monkeypatch, page)
    assert calls[0] == {"fast": True}
    assert all(call.get("fast") for call in calls)


def test_markup_over_the_limit_is_still_refused():
    settings = ExtractSettings()
    filler = "<div><span>x</span></div>" * (settings.max_markup_bytes // 25 + 10)
    with pytest.raises(ValueError, match="too large"):
        extract_html(_page(body=filler + BODY))


def test_a_page_of_many_small_elements_gets_one_pass_and_past_the_cap_a_refusal(monkeypatch):
    """trafilatura's time follows the elements it walks: 20k short elements in a few hundred KB
    (under every byte limit) get the one fast pass; 50k (8.5 s of CPU on the default path before
    this cap) are refused at once, the reason naming the count."""
    settings = ExtractSettings()
    links = '<div><a href="/x">Link</a></div>' * (settings.one_pass_elements // 2 + 2_500)
    page = _page('<meta property="og:type" content="article">', body=links + BODY)
    assert len(page) < settings.one_pass_markup_bytes
    calls = _passes_used(monkeypatch, page)
    assert calls and all(call.get("fast") for call in calls)
    flood = _page('<meta property="og:type" content="article">',
                  body='<div><a href="/x">Link</a></div>' * (settings.max_elements // 2 + 5_000) + BODY)
    with pytest.raises(ValueError, match=r"too large for one article: \d+ elements"):
        extract_html(flood)


def test_an_inline_image_is_no_markup_that_counts_against_the_limit():
    """A page whose weight is one photo inlined as a base64 ``data:`` URI (QA pass 18: a 4 MB
    article refused as "too large for one article") is read; the same bytes as markup are not."""
    settings = ExtractSettings()
    photo = "A" * (settings.max_markup_bytes + 100_000)
    page = _page('<meta property="og:type" content="article">',
                 body=f'<img src="data:image/jpeg;base64,{photo}" alt="the bridge">' + BODY)
    assert len(page) > settings.max_markup_bytes
    assert "harbour budget" in extract_html(page).text


def test_an_inline_image_wrapped_at_76_columns_is_cut_too():
    # review 18 #6: saved pages and MIME write base64 in lines of 76
    settings = ExtractSettings()
    line = "A" * 76 + "\n"
    photo = line * (settings.max_markup_bytes // 77 + 2_000)
    page = _page('<meta property="og:type" content="article">',
                 body=f'<img src="data:image/jpeg;base64,{photo}" alt="the bridge">' + BODY)
    assert len(page) > settings.max_markup_bytes
    assert "harbour budget" in extract_html(page).text


# -- a section front is no article (QA pass 20b, 09) ---------------------------------------------

def _card(slug: str, headline: str, teaser: str, day: str) -> str:
    return (f"<article class='card'><a href='https://news.example.ua/kharkiv/{slug}/'><h2>{headline}</h2></a>"
            f"<p>{teaser}</p><time datetime='2026-12-{day}'>{day}.12.2026</time></article>")


FRONT = ("<html lang='uk'><head><title>Новини Харкова</title><meta property='og:type' content='website'></head>"
         "<body><h1>Новини Харкова</h1><main>"
         + _card("ataka-droniv", "Атака дронів на Харків: троє загиблих, 14 поранених",
                 "Вночі російські дрони атакували Салтівський район міста.", "05")
         + _card("udar-kabamy", "Удар КАБами по Харкову: одна людина загинула",
                 "Росіяни скинули дві керовані авіабомби на Холодногірський район.", "02")
         + _card("tramvai", "У Харкові відновили рух трамваїв на Салтівку",
                 "Після ремонту колій трамваї знову курсують за звичним маршрутом.", "04")
         + _card("obstrily", "Обстріли Харківщини за добу: поранені четверо людей",
                 "Під ударами були Куп'янськ, Вовчанськ та Золочів, повідомив Синєгубов.", "03")
         + "</main></body></html>")

ARTICLE_WITH_RELATED = ("<html><head><title>Атака дронів на Харків</title></head><body><main><h1>Атака дронів на Харків</h1>"
                        + "".join(f"<p>Вночі російські дрони атакували Салтівський район Харкова, абзац {i}: "
                                  "пошкоджено житлові будинки, на місці працюють рятувальники ДСНС, які "
                                  "розбирають завали та гасять пожежі, повідомив мер Ігор Терехов.</p>" for i in range(6))
                        + "<h3>Читайте також</h3>"
                        + _card("udar-kabamy", "Удар КАБами по Харкову: одна людина загинула", "", "02")
                        + _card("tramvai", "У Харкові відновили рух трамваїв на Салтівку", "", "04")
                        + _card("obstrily", "Обстріли Харківщини за добу: поранені четверо людей", "", "03")
                        + "</main></body></html>")


def test_a_section_front_of_teaser_cards_is_no_article_and_says_so():
    from storydiff.extract import ExtractError, extract_item
    from storydiff.records import RawItem

    with pytest.raises(ExtractError, match="a listing of 4 linked headlines"):
        extract_item(RawItem(source="crawl.warc#front", kind="html", content=FRONT, url="https://news.example.ua/kharkiv/"))


def test_an_article_that_links_related_headlines_stays_an_article():
    from storydiff.extract import extract_item
    from storydiff.records import RawItem

    article = extract_item(RawItem(source="a.html", kind="html", content=ARTICLE_WITH_RELATED,
                                   url="https://news.example.ua/kharkiv/ataka-droniv/"))
    assert "Салтівський район" in article.text


def test_a_short_brief_ending_in_headline_links_stays_an_article():
    # review 20, 3: a brief of two paragraphs whose "Read also" headlines make most of its lines and
    # a third of its characters; they follow the body, where a section front opens with them
    from storydiff.extract import extract_item
    from storydiff.records import RawItem

    brief = ("<html><head><title>Пожежа на поромі</title></head><body><main><h1>Пожежа на поромі біля Одеси</h1>"
             "<p>Пором із 212 пасажирами загорівся біля Одеси в понеділок, повідомив оператор.</p>"
             "<p>Загиблих немає, судно відбуксирували до порту.</p><h3>Читайте також</h3>"
             + "".join(f"<h3><a href='https://news.example.ua/odesa/{i}/'>{t}</a></h3>" for i, t in enumerate(
                 ["Оператора порому оштрафували за порушення безпеки", "Рятувальники попереджають про шторм у морі",
                  "Нова поромна лінія з'єднає Одесу з Констанцою", "Портовики страйкують третій день поспіль"]))
             + "</main></body></html>")
    article = extract_item(RawItem(source="brief.html", kind="html", content=brief,
                                   url="https://news.example.ua/odesa/porom/"))
    assert "212 пасажирами" in article.text


def test_a_section_front_with_a_description_line_before_its_teasers_is_a_listing():
    # review 20b, 7: an <h1>, one line describing the section, then the teasers
    from lxml import html as lxml_html

    from storydiff.extract.page_type import teaser_headlines

    teasers = ["У Харкові відновили рух трамваїв після обстрілу", "Синєгубов розповів про наслідки атаки на область",
               "У Чугуєві відкрили новий пункт незламності", "На Харківщині затримали коригувальника вогню",
               "Харківське метро змінює графік роботи"]
    for intro in ([], ["Усі новини Харкова та області за сьогодні"],
                  ["Усі новини Харкова та області за сьогодні", "Оновлено 12:40"]):
        cards = "".join(f"<div><h3><a href='/news/{i}'>{t}</a></h3><p>Короткий опис новини {i} для читача.</p></div>"
                        for i, t in enumerate(teasers))
        tree = lxml_html.fromstring("<html><body><h1>Новини Харкова</h1>" + "".join(f"<p>{x}</p>" for x in intro)
                                    + cards + "</body></html>")
        text = "\n".join(["Новини Харкова", *intro, *(x for i, t in enumerate(teasers)
                                                        for x in (t, f"Короткий опис новини {i} для читача."))])
        assert teaser_headlines(tree, text, "https://news.example.ua/kharkiv/") == 5, intro
