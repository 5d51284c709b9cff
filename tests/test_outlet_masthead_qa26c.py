"""The outlet of pasted page text, QA pass 26c, 11: Suspilne's page text was signed by its footer
"© 2026 Суспільне Мовлення" (the broadcaster's company) rather than its masthead "Суспільне Новини"
under the skip link, so the page's HTML and its paste were two outlets; the English footer
"Suspilne Broadcasting © 2026. All rights reserved." (a name before the sign, none after) gave none."""

from __future__ import annotations

import pytest

from storydiff.extract.metadata import outlet_from_text

_BODY = ("Вночі 6 грудня російські війська вдарили ракетою по енергетичній підстанції в Харкові.\n"
         "Без електропостачання залишилися 42 тисячі абонентів у двох районах міста.\n")


@pytest.mark.parametrize(
    "text, outlet",
    [("Перейти до основного вмісту\nСуспільне Новини\nНовини\nХарків\nВідео\nЗаголовок новини про удар\n"
      + _BODY + "Поділитися\n© 2026 Суспільне Мовлення\n", "Суспільне Новини"),
     ("Skip to main content\nSuspilne News\nNews\nKharkiv\nPower outage in Kharkiv\n" + _BODY
      + "Subscribe to our newsletter\n© 2026 Suspilne Broadcasting\n", "Suspilne News"),
     # the page's first line itself
     ("Українська правда\nНовини\nПолітика\nЗаголовок\n" + _BODY + "© 2000-2026 Українська правда\n",
      "Українська правда"),
     # an agency's site after its name is the agency
     ("AP NEWS\nWorld\nU.S.\nHeadline of the story\n" + _BODY + "Copyright 2026 The Associated Press.\n",
      "Associated Press")],
)
def test_a_known_masthead_at_the_top_signs_the_page_before_a_copyright_footer(text, outlet):
    assert outlet_from_text(text) == outlet


@pytest.mark.parametrize(
    "footer, outlet",
    [("Suspilne Broadcasting © 2026. All rights reserved.", "Suspilne Broadcasting"),
     ("Kyiv Post © 2026", "Kyiv Post"),
     ("Суспільне Мовлення © 2026. Усі права захищені.", "Суспільне Мовлення"),
     # a footer link before the sign names no site
     ("Privacy Notice © 2026", None)],
)
def test_a_name_before_a_sign_with_no_holder_is_the_site(footer, outlet):
    text = "Заголовок новини про удар\n" + _BODY + "Read also:\n" + footer + "\n"
    assert outlet_from_text(text) == outlet


def test_an_unknown_first_line_still_yields_to_the_copyright():
    # no table outlet at the top: the footer's holder, as before
    text = "Breaking Story Today\nNews\nWorld\n" + _BODY + "© 2026 Harbor Wire Media\n"
    assert outlet_from_text(text) == "Harbor Wire Media"
