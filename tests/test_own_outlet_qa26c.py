"""An outlet is never an origin of its own page, in any of its spellings (QA pass 26c, 12): Suspilne's
English page ("Suspilne News") writing "Ukrenergo told Suspilne about this" printed "origins cited:
Suspilne" for a story of Suspilne's pages alone."""

import pytest

from storydiff.analyze.origins import find_origins
from storydiff.lexicon.outlets import own_outlet

TOLD = "Overnight, a missile struck a substation in Kharkiv. Ukrenergo told Suspilne about this."


@pytest.mark.parametrize("outlet", ["Suspilne News", "Суспільне Новини", "Суспільне | Новини", "suspilne.media",
                                    "https://suspilne.media/", "Суспільне", "Suspilne"])
def test_the_pages_own_outlet_in_any_spelling_is_no_origin_of_it(outlet):
    assert own_outlet(outlet) == "Suspilne"
    assert find_origins(TOLD, outlet=outlet) == []


def test_another_outlets_page_still_cites_it():
    assert [o.name for o in find_origins(TOLD, outlet="Kyiv Post")] == ["Suspilne"]
    assert [o.name for o in find_origins(TOLD, outlet="Ukrinform News")] == ["Suspilne"]
    assert [o.name for o in find_origins(TOLD)] == ["Suspilne"]


@pytest.mark.parametrize("name", ["Valley Radio", "News", "Новини.LIVE", "Dunmere Courier", ""])
def test_a_name_of_no_known_outlet_names_none(name):
    assert own_outlet(name) is None


@pytest.mark.parametrize("domain, edition", [("interfax.com.ua", "Interfax-Ukraine"), ("rbc.ua", "RBC-Ukraine"),
                                             ("forbes.ua", "Forbes Ukraine")])
def test_a_domain_of_an_outlets_edition_names_not_the_outlet(domain, edition):
    """interfax.com.ua is Interfax-Ukraine's site, not Moscow's Interfax: taken for Interfax, the
    page's "Як повідомляє Інтерфакс" (Moscow's agency) was dropped as its own citation."""
    assert own_outlet(domain) == edition
    from storydiff.analyze.origins import find_origins

    text = "Як повідомляє Інтерфакс, у Москві заявили, що переговори тривають. За даними РБК, так."
    assert {"Interfax", "RBC"} <= {o.name for o in find_origins(text, outlet=domain)}


@pytest.mark.parametrize("site, outlet", [("ria.ru", "RIA Novosti"), ("https://www.pravda.com.ua/news/2026/12/7/1/", "Ukrainska Pravda"),
                                          ("kyivindependent.com", "Kyiv Independent"), ("theguardian.com", "The Guardian"),
                                          ("en.interfax.com.ua", "Interfax-Ukraine"), ("www.reuters.com", "Reuters"),
                                          ("meduza.io", "Meduza")])
def test_a_known_outlets_site_names_it(site, outlet):
    # ria.ru named no outlet: a RIA page citing "РИА Новости" listed itself as its origin
    assert own_outlet(site) == outlet


@pytest.mark.parametrize("site", ["guardian.ng", "abc.net.au", "interfax.kz", "sky.com.example"])
def test_a_namesakes_site_is_not_the_known_outlet(site):
    # Nigeria's Guardian and Australia's ABC: a first label alone is no outlet's name
    assert own_outlet(site) is None


def test_a_page_of_a_known_site_does_not_cite_itself():
    text = "Как сообщает РИА Новости, в Белгороде объявлена тревога. Об этом также пишет ТАСС."
    assert [o.name for o in find_origins(text, outlet="ria.ru")] == ["TASS"]
    assert {o.name for o in find_origins(text, outlet="lenta.ru")} == {"RIA Novosti", "TASS"}


@pytest.mark.parametrize("service, outlet", [("BBC News Україна", "BBC"), ("Reuters Canada", "Reuters"),
                                             ("DW Русский", "Deutsche Welle"), ("Suspilne News", "Суспільне")])
def test_a_known_outlets_language_service_is_that_outlet(service, outlet):
    # one newsroom's services are one source (round 26, left alone: "Суспільне Новини" and
    # "Suspilne News" counted as two)
    from storydiff.compare.independence import one_outlet, same_outlet_name
    from storydiff.records import Article

    assert same_outlet_name(service, outlet)
    a = Article("a", "t", "x", outlet="BBC News Україна", url="https://www.bbc.com/ukrainian/articles/c1")
    b = Article("b", "t", "y", outlet="BBC", url="https://www.bbc.co.uk/news/world-1")
    assert one_outlet(a, b)


@pytest.mark.parametrize("edition, other", [("RBC-Ukraine", "RBC"), ("Interfax-Ukraine", "Interfax"),
                                            ("Forbes Ukraine", "Forbes"), ("Sky News Australia", "Sky News")])
def test_an_outlet_of_its_own_that_shares_a_name_stays_apart(edition, other):
    from storydiff.compare.independence import same_outlet_name

    assert not same_outlet_name(edition, other)


@pytest.mark.parametrize("edition, other", [("RBC Ukraine", "RBC"), ("РБК Україна", "РБК"),
                                            ("Interfax Ukraine", "Interfax"), ("Interfax Украина", "Interfax")])
def test_an_edition_written_with_a_space_is_not_the_outlet_it_starts_with(edition, other):
    # "Ukraine" after a name is a language service's word ("BBC News Україна"), but "RBC Ukraine" is
    # RBC-Ukraine, a Kyiv newsroom, not Moscow's RBC: one source of the two would be a false count
    from storydiff.compare.independence import same_outlet_name

    assert own_outlet(edition) != own_outlet(other)
    assert not same_outlet_name(edition, other)


@pytest.mark.parametrize("site", ["bbc.evil.com", "reuters.com.evil.net", "meduza.example.org"])
def test_a_known_outlets_name_as_a_subdomain_of_another_site_is_not_it(site):
    # review 27: the first label was read, so "bbc.evil.com" was the BBC's own site
    assert own_outlet(site) is None
