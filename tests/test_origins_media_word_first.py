"""Polish, Ukrainian and Russian name a newsroom with its media word first ("Radio Zet", "Telewizja
Polsat", "Радіо Свобода"): QA pass 26b, 3 found "Radio Zet" and "Radio Lublin" both read as
"Radio" (one source), and no origin at all in "podała Telewizja Polsat", "przekazała
Rzeczpospolita", "informuje Dziennik Wschodni", "według Radia Lublin"."""

import pytest

from storydiff.analyze.origins import find_origins

LEAD = "Rolnicy zakończyli blokadę przejścia w Dorohusku we wtorek po dziewięciu dniach protestu.\n"


@pytest.mark.parametrize("tail, origin", [
    ("Przed przejściem stało 1200 tirów – poinformowało Radio Zet.", "Radio Zet"),
    ("Przed przejściem stało 1200 tirów – poinformowało Radio Lublin.", "Radio Lublin"),
    ("Przed przejściem stało 1200 tirów – według Radia Lublin.", "Radio Lublin"),
    ("Przed przejściem stało 1200 tirów – podała Telewizja Polsat.", "Telewizja Polsat"),
    ("Przed przejściem stało 1200 tirów – przekazała Rzeczpospolita.", "Rzeczpospolita"),
    ("Przed przejściem stało 1200 tirów, informuje Dziennik Wschodni.", "Dziennik Wschodni"),
    ("Przed przejściem stało 1200 tirów – podała Polska Agencja Informacyjna.", "Polska Agencja Informacyjna"),
    ("Przed przejściem stało 1200 tirów – podało Polskie Radio.", "Polskie Radio"),
    ("Przed przejściem stało 1200 tirów – podała Agencja Reuters.", "Reuters"),  # a known name after its kind
])
def test_the_media_word_first_names_the_outlet(tail, origin):
    assert [o.name for o in find_origins(LEAD + tail)] == [origin]


@pytest.mark.parametrize("tail", [
    "Minister przekazał Ukrainie kolejny pakiet pomocy.",  # "przekazał" hands something over
    "Rząd informuje, że przejście jest otwarte.",
    "Przed przejściem stało 1200 tirów – poinformowało Radio.",  # no name after the media word
])
def test_no_outlet_where_none_is_named(tail):
    assert find_origins(LEAD + tail) == []


def test_two_radio_stations_are_two_origins():
    zet = find_origins(LEAD + "W kolejce czekało 1200 ciężarówek – poinformowało Radio Zet.")
    lublin = find_origins(LEAD + "W kolejce czekało 1200 ciężarówek – poinformowało Radio Lublin.")
    assert zet[0].name != lublin[0].name
