"""QA pass 24b, 06: the Baltic wires (BNS, ELTA, LETA) are agencies, and an agency in brackets after
the dateline closed by a full stop ("Вильнюс, 4 декабря (ТАСС).", "WILNO, 3 grudnia (PAP).") is
the same credit as the dash form."""

from __future__ import annotations

import pytest

from storydiff.analyze.origins import find_origins, wire_services


@pytest.mark.parametrize("text, name", [
    ("Вильнюс, 4 декабря (ТАСС). Пожар на складе в пригороде потушен к утру.", "TASS"),
    ("WILNO, 3 grudnia (PAP). Pożar magazynu ugaszono nad ranem.", "Polska Agencja Prasowa"),
    ("Vilnius, gruodžio 3 d. (ELTA). Gaisras sandėlyje užgesintas ryte.", "ELTA"),
    ("Rīga, 3. decembris (LETA). Ugunsgrēks noliktavā nodzēsts.", "LETA"),
])
def test_an_agency_in_brackets_after_the_dateline_closed_by_a_full_stop(text, name):
    assert [(o.name, o.kind) for o in find_origins(text)] == [(name, "wire")]
    assert wire_services(text) == [name]


@pytest.mark.parametrize("text", ["The fire was out by noon, Tomas Jankauskas told BNS.",
                                  "The fire was out by noon, he told the Baltic News Service."])
def test_told_a_baltic_wire(text):
    assert [o.name for o in find_origins(text)] == ["Baltic News Service"]


@pytest.mark.parametrize("text", ["Paris, le 3 décembre (photo). Texte de l'article.",
                                  "Kyiv, Monday (local time). The strike hit a substation."])
def test_brackets_after_a_dateline_that_name_no_agency_are_no_origin(text):
    assert find_origins(text) == []

