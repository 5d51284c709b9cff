"""The reasons shown under "Independent sources" say what each article itself does."""

from storydiff.compare.independence import independent_sources
from storydiff.records import Article, Origin

BODY = (" По данным местных властей, в результате удара пострадали жилые дома и объекты инфраструктуры."
        " Спасатели продолжают работу на месте, информация о пострадавших уточняется.") * 3


def _article(aid, lede, outlet, origin=None):
    text = lede + BODY
    origins = [Origin(origin, "reported", origin, lede.index(origin))] if origin else []
    return Article(id=aid, source=aid, text=text, origins=origins, outlet=outlet)


def test_a_copy_that_dropped_the_credit_is_not_said_to_cite_it():
    # QA pass 17: a copy replaced "сообщает Financial Times" with "сообщают СМИ"; the group's reason
    # said all three "cite Financial Times"
    a = _article("a", "В Харькове ПВО попала в жилые дома, сообщает Financial Times.", "riavesti.test", "Financial Times")
    b = _article("b", "В Харькове ПВО попала в жилые дома, сообщает Financial Times.", "riavesti-news.test",
                 "Financial Times")
    c = _article("c", "В Харькове ПВО попала в жилые дома, сообщают СМИ.", "tsargrad-like.test")
    n, (group,) = independent_sources([a, b, c])
    assert n == 1 and group.origin == "Financial Times" and set(group.article_ids) == {"a", "b", "c"}
    assert group.reason == ("riavesti-news.test, tsargrad-like.test copy riavesti.test's text; "
                            "riavesti.test and riavesti-news.test cite Financial Times: one source (Financial Times)")


def test_copies_citing_different_origins_are_each_named_with_their_own():
    a = _article("a", "В Харькове ПВО попала в жилые дома, сообщает Financial Times.", "one.test", "Financial Times")
    b = _article("b", "В Харькове ПВО попала в жилые дома, сообщает Bild.", "two.test", "Bild")
    n, (group,) = independent_sources([a, b])
    assert n == 1 and group.origin is None
    assert group.reason == "two.test copies one.test's text; one.test cites Financial Times; two.test cites Bild: several origins"


def test_the_cited_outlets_own_copy_is_the_text_the_others_copy_whatever_the_clocks_say():
    """QA pass 22a, 02: a carrier's "3:20 a.m." read without its zone put it before AP's 08:15 GMT,
    and the reason said "Associated Press copies U.S. News's text" beside "U.S. News cites AP"."""
    carrier = _article("c", "В Киеве ночью прогремели взрывы, сообщает Associated Press.", "U.S. News",
                       "Associated Press")
    agency = _article("a", "В Киеве ночью прогремели взрывы, сообщает Associated Press.", "Associated Press",
                      "Associated Press")
    n, (group,) = independent_sources([carrier, agency])  # the carrier first, as its earlier clock put it
    assert n == 1 and group.origin == "Associated Press"
    assert group.reason.startswith("U.S. News copies Associated Press's text; U.S. News cites Associated Press")


def test_an_agencys_own_copy_alone_opens_its_reason_with_no_empty_part():
    # review 24a (F4's note): a group of the agency's own article, which names the agency itself,
    # read "Harbor Wire: ; Harbor Wire's own report"
    wire = _article("w", "В Харькове ПВО попала в жилые дома, сообщает Harbor Wire.", "Harbor Wire", "Harbor Wire")
    n, (group,) = independent_sources([wire])
    assert n == 1 and group.reason == "Harbor Wire's own report: one source (Harbor Wire)"
