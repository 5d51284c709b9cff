"""An uncredited translation of another outlet's article counts with it (QA round 14)."""

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources, translations
from storydiff.records import Article, Fact

EN = ["A drone strike on the port of Odesa killed three people overnight.",
      "The attack damaged a grain terminal in the Prymorskyi district.",
      "The air force said it shot down 28 of the 35 drones.",
      "The terminal handles about 4.5 million tonnes of grain a year.",
      "Damage was estimated at $2.3 million."]
UK = ["Удар дрона по порту Одеси вбив трьох людей уночі.",
      "Атака пошкодила зерновий термінал у Приморському районі.",
      "Повітряні сили заявили, що збили 28 із 35 дронів.",
      "Термінал обробляє близько 4,5 млн тонн зерна на рік.",
      "Збитки оцінюють у 2,3 млн доларів."]


def article(id_, outlet, lang, sentences, published):
    return Article(id_, "test", "\n\n".join(sentences), outlet=outlet, language=lang, published=published)


def facts(pairs, a="hw", b="pr"):
    """One fact per (English sentence, Ukrainian sentence or None)."""
    out = []
    for en, uk in pairs:
        out.append(Fact(en, [a, b] if uk else [a], {a: en, **({b: uk} if uk else {})}))
    return out


def test_a_near_complete_translation_without_credit_is_one_source_with_its_original():
    wire = article("hw", "Harbor Wire", "en", EN, "2026-11-03T06:00:00Z")
    copy = article("pr", "Pryvoz Daily", "uk", UK, "2026-11-03T08:00:00Z")
    story_facts = facts(zip(EN, UK))
    assert translations([wire, copy], story_facts) == {1: 0}
    n, groups = independent_sources([wire, copy], facts=story_facts)
    assert n == 1
    assert groups[0].article_ids == ["hw", "pr"]
    # what was measured, not an accusation (review 24a, F9); its one attributed fact is no lede
    assert "Pryvoz Daily's text matches Harbor Wire's fact for fact (en → uk)" in groups[0].reason
    # without the facts (the old call) nothing tells a translation: two sources
    assert independent_sources([wire, copy])[0] == 2


def test_independent_reports_in_two_languages_stay_two_sources():
    wire = article("hw", "Harbor Wire", "en", EN, "2026-11-03T06:00:00Z")
    # the same event, its own reporting: three of its five facts are the wire's, one of them told
    # first, and two facts of its own
    own = [UK[2], UK[0], UK[3], "Мер міста відвідав місце удару вранці.", "Школи в районі сьогодні зачинені."]
    local = article("pr", "Pryvoz Daily", "uk", own, "2026-11-03T08:00:00Z")
    story_facts = facts([(EN[0], UK[0]), (EN[1], None), (EN[2], UK[2]), (EN[3], UK[3]), (EN[4], None)])
    story_facts += [Fact(s, ["pr"], {"pr": s}) for s in own[3:]]
    assert translations([wire, local], story_facts) == {}
    assert independent_sources([wire, local], facts=story_facts)[0] == 2


def test_all_facts_shared_but_told_in_another_order_is_no_translation():
    wire = article("hw", "Harbor Wire", "en", EN, "2026-11-03T06:00:00Z")
    order = [4, 2, 0, 3, 1]
    local = article("pr", "Pryvoz Daily", "uk", [UK[k] for k in order], "2026-11-03T08:00:00Z")
    assert translations([wire, local], facts(zip(EN, UK))) == {}


def test_a_copy_in_the_same_language_or_an_unknown_one_is_left_to_the_other_rules():
    wire = article("hw", "Harbor Wire", "en", EN, "2026-11-03T06:00:00Z")
    same_language = article("pr", "Pryvoz Daily", "en", EN, "2026-11-03T08:00:00Z")
    assert translations([wire, same_language], facts(zip(EN, EN))) == {}
    unknown = article("pr", "Pryvoz Daily", None, UK, "2026-11-03T08:00:00Z")
    assert translations([wire, unknown], facts(zip(EN, UK))) == {}


def test_reports_that_differ_in_a_figure_or_credit_an_origin_are_no_translations():
    # a second QA pass (round 14): a rewrite with its own counts, and a report crediting «Українська
    # правда» beside a wire's own report of the same statement, were each called a translation
    wire = article("hw", "Harbor Wire", "en", EN, "2026-11-03T06:00:00Z")
    copy = article("pr", "Pryvoz Daily", "uk", UK, "2026-11-03T08:00:00Z")
    disputed = facts(zip(EN, UK))
    disputed[2].conflicts = ["numbers differ: 28 (Harbor Wire) vs 30 (Pryvoz Daily)"]
    assert translations([wire, copy], disputed) == {}
    credited = article("pr", "Pryvoz Daily", "uk", [UK[0] + " Про це пише «Українська правда».", *UK[1:]],
                       "2026-11-03T05:00:00Z")
    credited.origins = find_origins(credited.text)
    assert translations([credited, wire], facts(zip(EN, UK))) == {}


def test_a_rewrite_beside_a_translation_of_its_original_is_no_translation_of_the_translation():
    wire = article("hw", "Harbor Wire", "en", EN, "2026-11-03T06:00:00Z")
    copy = article("pr", "Pryvoz Daily", "uk", UK, "2026-11-03T07:00:00Z")
    rewrite = article("vp", "Veyra Post", "en", EN, "2026-11-03T08:00:00Z")
    story = [Fact(en, ["hw", "pr", "vp"], {"hw": en, "pr": uk, "vp": en}) for en, uk in zip(EN, UK)]
    assert translations([wire, copy, rewrite], story) == {1: 0}


EN_MORE = EN + ["Rescuers worked through the night at the terminal.", "Port traffic resumed by noon.",
                "The regional governor declared a day of mourning."]


def test_an_abridged_translation_is_credited_to_its_original_not_to_a_short_rewrite_it_happens_to_cover():
    # QA pass 27b, 4: a Russian site translated 5 of a Ukrainian report's 9 sentences and was said to
    # match a short Ukrainian rewrite "fact for fact" (the rewrite's 4 facts were all in it)
    wire = article("hw", "Harbor Wire", "en", EN_MORE, "2026-11-03T06:00:00Z")
    rewrite = article("rw", "Port Daily", "en", ["Three people died when drones hit Odesa's port at night.",
                                                 "A grain terminal was damaged, in Prymorskyi district.",
                                                 "Of 35 drones, 28 were downed, according to the air force.",
                                                 "Some 4.5 million tonnes of grain pass the terminal yearly."],
                      "2026-11-03T07:00:00Z")
    copy = article("pr", "Pryvoz Daily", "uk", UK, "2026-11-03T08:00:00Z")
    story_facts = [Fact(en, ["hw", "pr"] + (["rw"] if k < 4 else []), {"hw": en, "pr": uk, **({"rw": en} if k < 4 else {})})
                   for k, (en, uk) in enumerate(zip(EN, UK))]
    story_facts += [Fact(s, ["hw"], {"hw": s}) for s in EN_MORE[5:]]
    assert translations([wire, rewrite, copy], story_facts) == {2: 0}
    n, groups = independent_sources([wire, rewrite, copy], facts=story_facts)
    grouped = next(g for g in groups if "pr" in g.article_ids)
    assert grouped.article_ids[:1] == ["hw"] and "rw" not in grouped.article_ids
    assert "Pryvoz Daily's text tells 5 of Harbor Wire's 8 facts, in its order (en → uk)" in grouped.reason


def test_a_translation_keeping_under_half_of_the_original_is_no_translation():
    wire = article("hw", "Harbor Wire", "en", EN_MORE + ["Two ferries were cancelled.", "The mayor spoke at noon."],
                   "2026-11-03T06:00:00Z")
    copy = article("pr", "Pryvoz Daily", "uk", UK[:4], "2026-11-03T08:00:00Z")
    story_facts = [Fact(en, ["hw", "pr"], {"hw": en, "pr": uk}) for en, uk in zip(EN[:4], UK[:4])]
    story_facts += [Fact(s, ["hw"], {"hw": s}) for s in wire.text.split("\n\n")[4:]]
    assert translations([wire, copy], story_facts) == {}
