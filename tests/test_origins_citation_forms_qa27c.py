"""Citation forms a Prague researcher's probe found unread (QA pass 27c, 7): Russian state media by
their English and Cyrillic-context names, "quoted by", an agency that cites someone before its verb,
and both links of a chain ("как передает X, ссылаясь на Y")."""

import pytest

from storydiff.analyze.origins import find_origins


def _names(text):
    return [o.name for o in find_origins(text)]


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        ("RT reported, citing a source in the emergency services.", ["RT"]),
        ("The drones were downed, according to Sputnik, which cited the ministry.", ["Sputnik"]),
        ("Удар нанесен ночью, сообщает RT со ссылкой на Минобороны.", ["RT"]),
        ("Russia's RIA state news agency, citing an unnamed source, said drones targeted a hospital.", ["RIA Novosti"]),
        ("Russia's RIA news agency reported that drones targeted a hospital.", ["RIA Novosti"]),
        ("He was quoted by Interfax as saying the talks were over.", ["Interfax"]),
        ("Reuters, citing two sources, said the talks had failed.", ["Reuters"]),
        # a chain keeps its middle link: the relay and what it relays
        ("Как передает Sputnik, ссылаясь на РИА Новости, удар нанесен ночью.", ["Sputnik", "RIA Novosti"]),
        ("Удар завдали вночі, пише RT з посиланням на ТАСС.", ["RT", "TASS"]),
    ],
)
def test_the_citation_names_its_origins(text, origins):
    assert _names(text) == origins, text


@pytest.mark.parametrize(
    "text",
    [
        "RIA Melitopol reported, citing locals, that a blast hit the port.",  # "RIA" alone is another newsroom
        "The ministry, citing security concerns, said the talks were off.",  # no outlet
        "He was quoted as saying the talks were over.",  # quoted by no one named
    ],
)
def test_the_new_forms_take_no_false_origin(text):
    assert _names(text) == [], text
