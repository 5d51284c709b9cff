"""Official bodies whose statements are relayed are read as origins of kind "official" (QA pass
27c, 7: "..., сообщает Минобороны РФ", "the Russian Defence Ministry said", "За даними Генштабу
ЗСУ" named no origin), and they make no article a relay: two newsrooms each relaying the ministry
are two sources."""

import pytest

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources, primary_origin
from storydiff.records import Article


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Дежурные средства ПВО уничтожили 34 беспилотника, сообщает Минобороны РФ.", "Russian Defence Ministry"),
        ("Об этом сообщили в Минобороны России.", "Russian Defence Ministry"),
        ("The drones were shot down, the Russian Defence Ministry said.", "Russian Defence Ministry"),
        ("Russia's Defense Ministry said on Friday its air defences had destroyed 34 drones.", "Russian Defence Ministry"),
        ("За даними Генштабу ЗСУ, на нафтобазі виникла пожежа.", "Ukrainian General Staff"),
        ("Генштаб ЗСУ повідомив про удар по нафтобазі.", "Ukrainian General Staff"),
        ("Ukraine's General Staff said on Telegram that the depot was hit.", "Ukrainian General Staff"),
    ],
)
def test_a_relayed_official_statement_names_its_body(text, origin):
    assert [(o.name, o.kind) for o in find_origins(text)] == [(origin, "official")], text


@pytest.mark.parametrize(
    "text",
    [
        "Дроны сбиты, сообщает Минобороны.",  # no country: either side's ministry
        "The ministry said 34 drones were downed.",
        "The claim was first made by a channel close to the Russian Defence Ministry.",  # no statement
    ],
)
def test_a_body_without_its_country_or_its_statement_is_no_origin(text):
    assert find_origins(text) == [], text


def _article(aid, outlet, text):
    return Article(id=aid, source=aid, text=text, outlet=outlet, origins=find_origins(text, outlet=outlet))


def test_two_newsrooms_relaying_the_ministry_are_two_sources():
    tass = _article("tass", "ТАСС", "Дежурные средства ПВО этой ночью уничтожили 34 украинских беспилотника над "
                    "территорией Белгородской области, сообщает Минобороны РФ. Губернатор Вячеслав Гладков сообщил, "
                    "что пострадавших нет.")
    reuters = _article("reuters", "Reuters", "Russia's Defence Ministry said on Friday its air defences had destroyed "
                       "34 Ukrainian drones over the Belgorod region, while Ukraine's military said its drones had "
                       "struck an oil depot. Reuters could not independently verify either side's account.")
    assert primary_origin(tass) is None and primary_origin(reuters) is None
    assert independent_sources([tass, reuters])[0] == 2
