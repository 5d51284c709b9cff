"""A verbatim reprint of a relay adds no source: an origin that is itself a member of the story
resolves to that member's own origin (QA pass 27c, 2: Yahoo's copy of Reuters' relay of RIA
Novosti made Reuters and Yahoo a group of "several origins", a third source)."""

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources
from storydiff.records import Article

RIA = ("ДЖАНКОЙ, 8 дек — РИА Новости. Склад боеприпасов под Джанкоем в Крыму не пострадал при ночной атаке "
       "украинских беспилотников, заявил РИА Новости глава администрации Джанкоя Игорь Иванов.\n\n"
       "\"Склад не пострадал, все беспилотники сбиты на подлете\", - сказал Иванов агентству.\n\n"
       "По его словам, обломками повреждена линия электропередачи, без света остались около 2 тысяч жителей.")
REUTERS = ("LONDON, Dec 8 (Reuters) - Ukrainian drones attacked an ammunition depot near Dzhankoi in "
           "Russian-occupied Crimea overnight, but the depot was not damaged, the Russian-installed head of the "
           "town's administration told RIA Novosti.\n\n\"The depot was not damaged, all the drones were shot down "
           "on approach,\" Igor Ivanov told the Russian state news agency.\n\nDebris damaged a power line, leaving "
           "about 2,000 residents without electricity, he said.\n\nReuters could not independently verify the reports.")
KI = ("Explosions were reported overnight on Dec. 8 near an ammunition depot in Dzhankoi in occupied Crimea.\n\n"
      "Local Telegram channels published videos of secondary detonations. About 2,000 residents were left "
      "without power, officials said.")
# a rewrite of the Reuters story (not a copy of its text), crediting Reuters only
REWRITE = ("Russia said an ammunition depot in Crimea's Dzhankoi was not hit by Ukrainian drones overnight, "
           "Reuters reported. Power lines were damaged and thousands of people in the town have no electricity "
           "since the attack, a local official said.")


def _article(aid, outlet, text, lang):
    return Article(id=aid, source=aid, text=text, outlet=outlet, language=lang,
                   origins=find_origins(text, outlet=outlet))


def _story(*extra):
    return [_article("ria", "РИА Новости", RIA, "ru"), _article("reuters", "Reuters", REUTERS, "en"),
            _article("ki", "Kyiv Independent", KI, "en"), *extra]


def test_a_verbatim_copy_of_a_relay_adds_no_source():
    n_before, _ = independent_sources(_story())
    n, groups = independent_sources(_story(_article("yahoo", "Yahoo News", REUTERS, "en")))
    assert n == n_before == 2
    ria = next(g for g in groups if "ria" in g.article_ids)
    assert ria.origin == "RIA Novosti" and {"reuters", "yahoo"} <= set(ria.article_ids)
    assert "several origins" not in ria.reason
    # the reason says the copy's credit and where it leads, not that Yahoo cites RIA itself
    assert "Yahoo News cites Reuters, which cites RIA Novosti" in ria.reason, ria.reason


def test_a_rewrite_crediting_a_member_that_relays_counts_with_that_members_origin():
    n, groups = independent_sources(_story(_article("rewrite", "Daily Wire Digest", REWRITE, "en")))
    assert n == 2, groups
    assert any({"ria", "reuters", "rewrite"} <= set(g.article_ids) for g in groups)


def test_a_member_that_is_its_own_source_stops_the_chain():
    # Reuters reporting on its own: its copy and a rewrite crediting it are Reuters', one source of two
    own = REUTERS.replace("the Russian-installed head of the town's administration told RIA Novosti",
                          "a Reuters witness said")
    own = own.replace("Igor Ivanov told the Russian state news agency", "a local official told Reuters")
    story = [_article("reuters", "Reuters", own, "en"), _article("ki", "Kyiv Independent", KI, "en"),
             _article("rewrite", "Daily Wire Digest", REWRITE, "en")]
    n, groups = independent_sources(story)
    assert n == 2
    assert next(g for g in groups if "reuters" in g.article_ids).origin == "Reuters"
