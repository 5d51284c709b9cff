"""Who speaks, QA pass 27a (a Brussels EU-affairs monitor, en/fr/de/uk/ru).

1: French quotes went to the wrong speaker: "a-t-il lancé" took the previous quote's speaker
whoever the text named in between and whatever the pronoun's gender; "a prévenu", "a martelé",
"a lancé" were no speech verbs; an earlier quote's first word ("C'est") was a speaker.
"""

from __future__ import annotations

import pytest

from storydiff.analyze.quotes import find_quotes


def _speakers(text: str, lang: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, language=lang)]


def test_a_warning_after_the_quote_names_its_speaker_not_the_previous_one():
    text = ("« La Russie ne s'intéresse pas à la paix », a déclaré la cheffe de la diplomatie européenne, "
            "Kaja Kallas, avant la réunion.\n"
            "« La Hongrie ne soutiendra pas un paquet qui nuit à notre sécurité énergétique », a prévenu le "
            "ministre hongrois des Affaires étrangères, Péter Szijjártó.")
    assert _speakers(text, "fr") == ["Kaja Kallas", "Péter Szijjártó"]


@pytest.mark.parametrize("verb", ["a martelé", "a prévenu", "a lancé"])
def test_french_speech_verbs_of_warning_and_insistence(verb):
    text = f"« La Hongrie ne paiera pas pour cette guerre », {verb} Viktor Orbán à son arrivée."
    assert _speakers(text, "fr") == ["Viktor Orbán"]


def test_an_inverted_pronoun_is_the_person_named_since_the_previous_quote():
    text = ("« Les avoirs russes resteront immobilisés », a affirmé le président du Conseil, António Costa.\n"
            "Au total, quelque 210 milliards d'euros d'avoirs russes sont gelés dans l'UE.\n"
            "Le Premier ministre hongrois Viktor Orbán a de nouveau menacé de mettre son veto. « La Hongrie ne "
            "soutiendra pas un paquet qui nuit à notre sécurité », a-t-il lancé.")
    assert _speakers(text, "fr") == ["António Costa", "Viktor Orbán"]


def test_an_inverted_pronoun_with_no_quote_before_is_the_person_just_named():
    text = ("La cheffe de la diplomatie européenne Kaja Kallas est arrivée jeudi à Bruxelles. « Nous devons "
            "accroître la pression sur Moscou », a-t-elle déclaré.")
    assert _speakers(text, "fr") == ["Kaja Kallas"]


def test_elle_is_a_woman_and_a_quote_carried_on_after_a_colon_is_hers():
    text = ("« Nous avons besoin de garanties », a insisté le Premier ministre belge Bart Lemaire.\n"
            "Kaja Kallas s'est félicitée de l'accord. « C'est un signal clair », a-t-elle lancé, avant "
            "d'ajouter : « La Russie paiera. »")
    assert _speakers(text, "fr") == ["Bart Lemaire", "Kaja Kallas", "Kaja Kallas"]


def test_an_unnamed_source_after_the_verb_is_no_one():
    text = ("« Nous ne reconnaîtrons jamais cette décision », a prévenu Dmitri Peskov, porte-parole du Kremlin.\n"
            "« L'Ukraine recevra cet argent dès janvier », a indiqué à l'AFP un diplomate européen.")
    assert _speakers(text, "fr") == ["Dmitri Peskov", None]
