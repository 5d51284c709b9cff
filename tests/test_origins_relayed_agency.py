"""A wire's relay of another agency (QA pass 22a, 11): "..., TASS said on Sunday, citing the
Russian Defence Ministry" names TASS as well as the ministry, so that a Western rewrite of TASS's
copy and TASS's own report are one independent source, not two."""

import pytest

from storydiff.analyze.origins import find_origins


def _names(text: str) -> list[str]:
    return sorted({o.name for o in find_origins(text)})


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        ("Russian forces captured the village, TASS said on Sunday, citing the Russian Defence Ministry.",
         ["Russian Defence Ministry", "TASS"]),
        ("Russian forces captured the village, TASS said.", ["TASS"]),
        ("The strike hit a depot, Russia's RIA Novosti news agency reported.", ["RIA Novosti"]),
        ("Four people were killed, Ukrinform reported on Monday.", ["Ukrinform"]),
        ("Four people were killed, Suspilne, Ukraine's public broadcaster, reported.", ["Suspilne"]),
        ("Four people were killed, the Kyiv Independent, an English-language news outlet, said.", ["Kyiv Independent"]),
    ],
)
def test_an_agency_closing_a_reported_clause_is_an_origin(text, origins):
    assert _names(text) == origins


@pytest.mark.parametrize(
    "text",
    [
        "CNN said it would sue the campaign.",  # the network itself, no comma before it
        "The network was sold, CNN said it would appeal.",  # a network that is no wire agency
        "Russian forces captured the village, Russian state media reported.",  # no one named
        "He joined Reuters, said his former editor.",  # a person speaks after the name
        # names that are also a person's, a party's, a state's (review 22b, R3)
        "I will support Joe Biden, Bloomberg said.",
        "The party will contest all 93 seats, the PAP said in a statement.",
        "In a statement, AP said it would sue the ministry.",
    ],
)
def test_no_origin_from_a_bare_outlet_or_an_unnamed_one(text):
    assert not {"TASS", "CNN", "Reuters", "Bloomberg", "Polska Agencja Prasowa", "Associated Press"} & set(_names(text))


def test_a_rewrite_of_an_agencys_report_and_the_report_are_one_independent_source(tmp_path):
    import json

    from storydiff.pipeline import compare_paths

    tass = dict(id="t", outlet="TASS", published="2026-12-06T07:15:00Z", text=(
        "Units of the Battlegroup Center liberated the settlement of Kurakhivka in the Donetsk region, the Russian "
        "Defense Ministry said on Sunday. The enemy lost up to 420 servicemen, two tanks and five armored vehicles "
        "in the area over the past day, the ministry said."))
    reuters = dict(id="r", outlet="Reuters", published="2026-12-06T11:02:00Z", text=(
        "Russian forces have captured the village of Kurakhivka in Ukraine's eastern Donetsk region, TASS said on "
        "Sunday, citing the Russian Defence Ministry. The ministry said Ukraine had lost up to 420 servicemen, two "
        "tanks and five armoured vehicles in the area over the past day, TASS said. Reuters could not independently "
        "verify the battlefield report."))
    path = tmp_path / "pair.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (tass, reuters)))
    result = compare_paths([path], parse_singles=False, entities=False)
    assert "TASS" in next(a for a in result.articles if a.id == "r").cited_origins
    (story,) = result.stories
    assert story.independent_sources == 1
