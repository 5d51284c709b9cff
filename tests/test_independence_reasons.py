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
