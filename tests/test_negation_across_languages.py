"""A negation compared in one language only: an outlet in another language is on neither side, and
a common noun's acronym translated as a German noun is no changed name (QA pass 16, 07)."""


def _budget_facts():
    from storydiff.compare.facts import align_facts
    from storydiff.records import Article

    def art(aid, outlet, lang, quote, opposition):
        text = (f"Minister finansów Paweł Wolski przedstawił we wtorek w Sejmie projekt budżetu na 2027 rok.\n\n"
                f"{quote}\n\n{opposition}") if lang == "pl" else f"{quote}\n\n{opposition}"
        return Article(id=aid, source=aid, outlet=outlet, text=text, language=lang)

    return align_facts([
        art("pl_a", "Gazeta", "pl", "„Nie podniesiemy podatku VAT w przyszłym roku, to jest nasza twarda obietnica” "
            "– powiedział Wolski w Sejmie.", "Opozycja zapowiedziała, że nie poprze projektu."),
        art("pl_b", "Kurier", "pl", "„Podniesiemy podatek VAT w przyszłym roku, to jest nasza twarda obietnica” "
            "– powiedział Wolski w Sejmie.", "Opozycja zapowiedziała, że poprze projekt."),
        art("de_c", "Abendpost", "de", "„Wir werden die Mehrwertsteuer im nächsten Jahr erhöhen, das ist unser festes "
            "Versprechen“, sagte Wolski im Sejm.", "Die Opposition kündigte an, den Entwurf zu unterstützen."),
    ])


def test_an_outlet_in_another_language_is_on_neither_side_of_a_negation():
    lines = [c for f in _budget_facts() for c in f.conflicts if c.startswith("negation differs")]
    assert lines, "the two Polish outlets disagree"
    for line in lines:
        # the German says "will raise" / "to support": counted with the negated Polish side it was
        # on the wrong one; its negation is not compared across languages, so it is on neither
        assert "(Gazeta) vs " in line and line.endswith("(Kurier)") and "Abendpost" not in line


def test_the_first_report_in_another_language_does_not_hide_a_disagreement_of_two_others():
    from storydiff.compare.claims import article_claims
    from storydiff.compare.fact_conflicts import more_conflicts

    de = article_claims("de_c", "Die Opposition kündigte an, den Entwurf zu unterstützen.", 3, "de")[0]
    pl_a = article_claims("pl_a", "Opozycja zapowiedziała, że nie poprze projektu.", 3, "pl")[0]
    pl_b = article_claims("pl_b", "Opozycja zapowiedziała, że poprze projekt.", 3, "pl")[0]
    lines = more_conflicts([de, pl_a, pl_b], str)
    assert len(lines) == 1 and lines[0].startswith("negation differs")
    assert "(pl_a) vs " in lines[0] and lines[0].endswith("(pl_b)")


def test_an_acronym_translated_as_a_german_noun_is_no_name_changed():
    from storydiff.compare.quote_names import new_names

    pl = "Nie podniesiemy podatku VAT w przyszłym roku, to jest nasza twarda obietnica"
    de = "Wir werden die Mehrwertsteuer im nächsten Jahr erhöhen, das ist unser festes Versprechen"
    assert new_names(pl, de, "pl", "de") == []
    # a name gone missing still lets the German nouns count: a swapped person is found
    assert new_names("Kanclerz Merz przyjedzie do Warszawy", "Präsident Macron kommt nach Warschau", "pl", "de") == ["Macron"]
