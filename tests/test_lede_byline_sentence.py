"""A byline line before the lede is no part of it ("Par Claire Dumont, avec AFP"), but a lede that
opens like one ("By Tuesday evening, rescuers had ...") is the lede (match.lede_keys.lede_text)."""

from __future__ import annotations

import pytest

from storydiff.match.lede_keys import lede_text


@pytest.mark.parametrize("lede", [
    "By Tuesday evening, rescuers had pulled 14 people from the rubble of the Dnipro building.",
    "By late Sunday, the death toll in Berovac had risen to 12, officials said.",
])
def test_a_lede_opening_on_by_and_a_time_is_the_lede(lede):
    text = f"{lede}\nThe regional governor declared a day of mourning for the victims of the strike."
    assert lede_text(text, None).startswith(lede[:30])


def test_a_byline_line_is_still_left_out():
    text = ("Par Claire Dumont, avec AFP\nLes dirigeants de l'UE se sont mis d'accord jeudi sur un prêt de "
            "90 milliards d'euros à l'Ukraine, après une longue nuit de négociations à Bruxelles.")
    assert lede_text(text, None).startswith("Les dirigeants")
