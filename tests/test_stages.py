"""Unit tests of the lead's stage functions: metadata, sentences, claims, independence, dates."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from storydiff.analyze.sentences import sentences
from storydiff.compare import compare_story, facts_first_reported, story_order
from storydiff.compare.claims import claim_spans, numbers_in
from storydiff.compare.independence import independent_sources, primary_origin
from storydiff.extract import extract_item, normalize_date
from storydiff.extract.metadata import dateline, language, outlet_from_text, outlet_from_url
from storydiff.records import Article, Fact, Origin, RawItem


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Headline here\nKyiv • UNN\nBody text follows here.", "UNN"),
        ("Copyright © 2024 Euromaidanpress.com\nThe work of Euromaidan Press is supported by readers.", "Euromaidan Press"),
        ("Some body text.\n© 2023 Velm Gazette. All rights reserved.", "Velm Gazette"),
        ("Just a body with no signature at all.", None),
    ],
)
def test_outlet_from_text(text, outlet):
    assert outlet_from_text(text) == outlet


@pytest.mark.parametrize(
    "foot, outlet",
    [
        # the site before the sign, its owner after it (QA pass 18: pasted Onet text got the owner)
        ("Velmo.pl © 2026 Ringier Harbor Polska. Wszelkie prawa zastrzeżone.", "Velmo"),
        ("Velm Gazette © 2026 Harbor Holdings, LLC. All rights reserved.", "Velm Gazette"),
        ("Velm Gazette. © Mediehuset Velm AS 2026", "Velm Gazette"),
        # what comes before the sign is no site: the owner after it stays the outlet
        ("Privacy Notice © 2026 Velm Gazette", "Velm Gazette"),
        ("Copyright: © 2026 Velm Gazette. All rights reserved.", "Velm Gazette"),
        ("Eine Webseite der Harbor Gruppe © 2026 Harbor Gruppe", "Harbor Gruppe"),
        ("Site design / logo © 2026 Harbor Exchange Inc", "Harbor Exchange Inc"),
    ],
)
def test_the_site_named_before_the_copyright_sign_is_the_outlet(foot, outlet):
    page = ["Velmo", "Wiadomości", "Rosyjskie drony nad Polską", "Siedem dronów naruszyło w nocy polską przestrzeń.", foot]
    assert outlet_from_text("\n".join(page)) == outlet


def test_outlet_from_url_drops_www_and_rejects_junk():
    assert outlet_from_url("https://www.reuters.com/world/x") == "reuters.com"
    assert outlet_from_url("http://[::1") is None
    assert outlet_from_url(None) is None


@pytest.mark.parametrize(
    "text, place",
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON"),
        ("LONDON, March 3 (Reuters) - Shares fell on Monday.", "LONDON"),
        ("Title\nKyiv • UNN\nBody", "Kyiv"),
        ("The Senate voted on Tuesday - a close call.", None),
        ("MÜNCHEN — Eine Straßenbahn ist am Montag entgleist.", "MÜNCHEN"),
        ("КИЇВ — Туман затримав кораблі в порту.", "КИЇВ"),
        ("über alles — nein, sagte er.", None),
    ],
)
def test_dateline(text, place):
    assert dateline(text) == place


def test_language_detection():
    assert language("The government approved a new plan to rebuild the power grid before winter.") == "en"
    assert language("Уряд схвалив новий план відбудови енергетичної системи до зими.") == "uk"
    assert language("ok") is None


def test_sentences_respect_abbreviations_and_quotes():
    got = sentences('Mr. Smith met Dr. Jones in the U.S. capital. "It went well." Then they left.\nNew paragraph')
    assert got == ["Mr. Smith met Dr. Jones in the U.S. capital.", '"It went well."', "Then they left.", "New paragraph"]


def test_sentences_end_before_a_cyrillic_or_greek_capital():
    uk = "Поштовх стався о 4:52 на глибині 10 км. Після нього були афтершоки. «Ґанок упав», — сказав він. Єдина школа вціліла."
    assert sentences(uk) == ["Поштовх стався о 4:52 на глибині 10 км.", "Після нього були афтершоки.",
                             "«Ґанок упав», — сказав він.", "Єдина школа вціліла."]
    assert sentences("Ο σεισμός έπληξε την πόλη. Δώδεκα νεκροί.") == ["Ο σεισμός έπληξε την πόλη.", "Δώδεκα νεκροί."]
    assert sentences("Он приехал в г. Москва вечером.") == ["Он приехал в г. Москва вечером."]  # an initial-like abbreviation


def test_claims_keep_a_multi_sentence_quote_together_even_with_an_unclosed_nested_quote():
    text = ('"I can\'t imagine they will say: "This is Article 5. Let\'s bomb Russia. It doesn\'t happen like that," '
            "the minister said.\nSecond paragraph is separate.")
    spans = claim_spans(text)
    assert len(spans) == 2
    assert text[spans[0][0]:spans[0][1]].endswith("the minister said.")


def test_numbers_in():
    assert numbers_in("At least 12 people died and 1,200 were hurt; 35 percent of homes") == ("12", "1200", "35 percent")


def test_normalize_date_shapes_and_future():
    assert normalize_date("2024-03-11") == "2024-03-11"
    assert normalize_date("Mon, 02 Sep 2024 18:30:00 GMT").startswith("2024-09-02T18:30")
    assert normalize_date("2024-03-11T08:40:00Z").startswith("2024-03-11T08:40:00")
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert normalize_date("2030-01-01", now=now) is None
    assert normalize_date("not a date") is None
    assert normalize_date("0001-01-01T00:00:00Z") is None  # a CMS placeholder, not a date
    assert normalize_date("1851-09-18") == "1851-09-18"  # digitised archives are old, not invalid
    # second QA pass: "yesterday" was the run's time minus a day (an archive read later moved its
    # articles), epoch seconds came out without their zone
    for relative in ("yesterday", "2 days ago", "in 2 weeks"):
        assert normalize_date(relative) is None
    assert normalize_date("1710146400") == "2024-03-11T08:40:00+00:00"
    assert normalize_date("11 березня 2024") == "2024-03-11"  # a day without a time is a day
    assert normalize_date("March 11, 2024 " + "x" * 100_000) is None  # no date is that long (review)
    # dotted dates are day first wherever they are written (de, uk, ru, pl): "11.03.2024" was 3 November
    assert normalize_date("11.03.2024 14:30") == "2024-03-11T14:30:00+00:00"
    assert normalize_date("11.03.2024") == "2024-03-11"
    assert normalize_date("03/11/2024") == "2024-03-11"  # slashes stay month first, as dateparser reads them
    # a zone given by name keeps its offset (the email parser dropped CET and left the time as UTC)
    assert normalize_date("Mon, 11 Mar 2024 10:00:00 CET") == "2024-03-11T09:00:00+00:00"
    assert normalize_date("Mon, 11 Mar 2024 10:00:00 GMT") == "2024-03-11T10:00:00+00:00"


def _article(aid, text, origins=(), published=None, outlet=None):
    return Article(id=aid, source=aid, text=text, origins=list(origins), published=published, outlet=outlet)


def test_primary_origin_needs_the_lead_or_repetition():
    text = "Kallas told the Financial Times that it was fine. " + "Filler sentence about other things. " * 20
    a = _article("a", text, [Origin("Financial Times", "told", "told the Financial Times", 7)])
    assert primary_origin(a) == "Financial Times"
    late = _article("b", text, [Origin("Reuters", "according_to", "according to Reuters", len(text) - 30)])
    assert primary_origin(late) is None


def test_copies_and_common_origin_collapse_to_one_source():
    body = "The harbour authority said the breakwater was finished two months early and under budget. " * 5
    wire = _article("w", "PORT (EPA) — " + body, [Origin("EPA", "wire", "(EPA)", 6)])
    copy = _article("c", "PORT (EPA) — " + body + " Our readers can donate.", [Origin("EPA", "wire", "(EPA)", 6)])
    other = _article("o", "A different outlet reported its own interviews with the fishermen at the harbour today.")
    n, groups = independent_sources([wire, copy, other])
    assert n == 2
    assert any(set(g.article_ids) == {"w", "c"} and g.origin == "EPA" for g in groups)
    assert any(g.article_ids == ["o"] and g.origin is None for g in groups)


def test_the_origins_own_report_and_the_outlets_citing_it_are_one_source():
    wire = _article("w", "BRENHOLM (Harbor Wire) — A leak in the Brenholm dam forced 3,200 residents from their homes "
                    "on Thursday, regional officials said.", outlet="Harbor Wire")
    rewrite_text = ("Some 3,200 people had to leave Brenholm after engineers found a crack in the dam, Harbor Wire "
                    "reported. Governor Ilka Severin told Harbor Wire the dam was stable.")
    rewrite = _article("r", rewrite_text, [Origin("Harbor Wire", "reported", "Harbor Wire reported", 85),
                                            Origin("Harbor Wire", "told", "told Harbor Wire", 137)],
                       outlet="Cobalt Times")
    other = _article("o", "The Brenholm fishermen's association held its own count of boats lost on the lake.",
                     outlet="Lake Post")
    n, groups = independent_sources([wire, rewrite, other])
    assert n == 2  # Harbor Wire's story and what cites it, and the Lake Post's own reporting
    (wire_group,) = [g for g in groups if g.origin == "Harbor Wire"]
    assert set(wire_group.article_ids) == {"w", "r"} and "Harbor Wire's own report" in wire_group.reason
    # an outlet that cites nobody and is cited by nobody stays a source of its own
    n, groups = independent_sources([wire, other])
    assert n == 2 and all(g.reason == "own reporting (cites no single origin)" for g in groups)
    # an agency's own copy, signed with its initials, and a paper's reprint of it
    body = " The Berovac quake killed 12 people on Monday, the regional governor said." * 4
    agency = _article("opa", "BEROVAC (OPA) —" + body, outlet="Ostrania Press Agency")
    reprint = _article("dl", "BEROVAC (OPA) —" + body, [Origin("OPA", "wire", "(OPA) —", 9)], outlet="Daily Lantern")
    n, (group,) = independent_sources([agency, reprint])
    assert n == 1 and group.reason == ("Daily Lantern copies Ostrania Press Agency's text; Daily Lantern cites OPA; "
                                       "OPA's own report: one source (OPA)")


def test_story_order_reads_the_instant_not_the_text():
    # QA pass 15: an agency's 09:40+03:00 (06:40 UTC) sorted after a reprint's 07:30Z, so the
    # reprint was "first report" and the agency "copies" it
    text = "A missile strike on Zaporizhzhia killed nine people and wounded 31, the governor said. " * 3
    agency = _article("agency", text, published="2026-11-20T09:40:00+03:00", outlet="Moscow Agency")
    reprint = _article("reprint", text, published="2026-11-20T07:30:00Z", outlet="London Reprints")
    day = _article("day", text, published="2026-11-20", outlet="Day Post")  # a bare date: before that day's times
    assert [x.id for x in story_order([reprint, agency, day])] == ["day", "agency", "reprint"]
    story = compare_story("s1", [reprint, agency])
    assert [t["article_id"] for t in story.timeline][0] == "agency"
    assert any("London Reprints copies Moscow Agency's text" in g.reason for g in story.source_groups)


def test_story_order_puts_dated_first():
    a = _article("a", "x", published=None)
    b = _article("b", "y", published="2024-01-02")
    c = _article("c", "z", published="2024-01-01")
    assert [x.id for x in story_order([a, b, c])] == ["c", "b", "a"]


def test_a_later_article_is_not_credited_first_with_what_an_earlier_one_possibly_said():
    # the translation (b) of a wire report (a): its sentences are "possibly" the wire's
    translated = Fact("Землетрус стався о 4:52.", ["b"], first_article_id="b", match="possibly",
                      versions=[{"article_id": "b", "text": "Землетрус стався о 4:52.", "score": 1.0},
                                {"article_id": "a", "text": "The quake hit at 4:52 a.m.", "score": 0.4}])
    # the wire's own sentence, possibly said later by b: the wire did report it first
    wire = Fact("Aftershocks followed.", ["a"], first_article_id="a", match="possibly",
                versions=[{"article_id": "a", "text": "Aftershocks followed.", "score": 1.0},
                          {"article_id": "b", "text": "Були повторні поштовхи.", "score": 0.3}])
    own = Fact("Rescuers arrived by midday.", ["b"], first_article_id="b", match="only")
    assert facts_first_reported([translated, wire, own], ["a", "b"]) == {"a": 1, "b": 1}


def test_compare_story_flags_conflicting_numbers():
    a = _article("a", "The earthquake in Berovac killed 12 people and injured dozens more, officials said on Monday.", published="2024-03-11")
    b = _article("b", "Officials said on Monday the earthquake in Berovac killed 14 people and injured dozens more.", published="2024-03-12")
    story = compare_story("s1", [b, a])
    assert story.article_ids == ["a", "b"]
    (fact,) = story.facts
    assert fact.article_ids == ["a", "b"] and fact.conflicts and "12" in fact.conflicts[0]
    assert story.timeline[0]["article_id"] == "a" and story.timeline[0]["new_facts"] == 1


def test_extract_item_uses_export_metadata_over_guesses():
    item = RawItem(source="x.jsonl#L1", kind="text", content="Body line one is long enough to count as text.\nSecond line of the body, also long enough.",
                   url="https://gazette.example/a", meta={"id": "r1", "title": "T", "outlet": "Gazette", "published": "2024-05-01"})
    a = extract_item(item)
    assert (a.id, a.title, a.outlet, a.published, a.url) == ("r1", "T", "Gazette", "2024-05-01", "https://gazette.example/a")


def test_feed_fragment_is_text_without_scripts():
    item = RawItem(source="f#1", kind="html", content="<p>First para.</p><script>alert(1)</script><p>Second para.</p>",
                   meta={"fragment": True, "title": "T"})
    a = extract_item(item)
    assert a.text == "First para.\nSecond para."


@pytest.mark.parametrize("content", ["<html><body><nav>menu</nav></body></html>",
                                     "<html><body><p>Home | News | Sport</p></body></html>"])
def test_a_page_whose_body_is_only_its_menu_is_no_article(content):
    from storydiff.extract import ExtractError

    with pytest.raises(ExtractError, match="no article text left|article text empty"):
        extract_item(RawItem(source="nav.html", kind="html", content=content))


def test_a_restated_standfirst_is_one_claim_not_two():
    from storydiff.compare.claims import article_claims

    text = ("Estonian Prime Minister Kaja Kallas stated that NATO allies training soldiers within Ukraine does not risk escalation.\n"
            "Estonian Prime Minister Kaja Kallas has stated that NATO allies training soldiers within Ukraine itself does not risk escalation.\n"
            "Polish FM Sikorski said further NATO presence in Ukraine is not unthinkable.")
    claims = article_claims("a", text, 5)
    assert [c.text[:14] for c in claims] == ["Estonian Prime", "Polish FM Siko"]


def test_a_shared_fact_names_apart_the_outlets_that_worded_it_otherwise():
    from storydiff.records import Fact, Story
    from storydiff.serve.view import build_view

    shown = "“Some are saying Ukrainians should not lose,” Kallas said, calling for a full victory."
    arts = [Article(id=i, source=i, text="x", outlet=o) for i, o in (("ep", "Euromaidan Press"), ("wire", "Wire"), ("unn", "UNN"))]
    fact = Fact(shown, ["ep", "wire", "unn"], {"ep": shown, "wire": shown.replace("Kallas", "Kallas,"),
                                             "unn": "Kallas said victory was the only goal for Ukraine."}, [], "ep")
    story = Story(id="s1", article_ids=["ep", "wire", "unn"], facts=[fact])
    (row,) = build_view(story, arts).shared_facts
    assert row["outlets"] == ["Euromaidan Press", "Wire"]  # the words shown: theirs (a comma apart)
    assert row["reworded_by"] == ["UNN"]  # carried the fact, not that sentence


def test_the_origins_own_reports_are_named_once_in_the_reason():
    # QA pass (round 14): "Harbor Wire's own report; ...; Harbor Wire's own report; ..." when the
    # origin had two reports, one of them copied
    wire_text = ("BRENHOLM (Harbor Wire) — A leak in the Brenholm dam forced 3,200 residents from their homes "
                 "on Thursday, regional officials said. Engineers worked through the night.")
    wire = _article("w", wire_text, outlet="Harbor Wire")
    copy = _article("c", wire_text + " Read more on our site.", [Origin("Harbor Wire", "wire", "(Harbor Wire)", 10)],
                    outlet="Cobalt Times")
    update = _article("u", "Harbor Wire's second report: the Brenholm dam held overnight, its operator said on Friday.",
                      outlet="Harbor Wire")
    n, groups = independent_sources([wire, copy, update])
    (group,) = [g for g in groups if g.origin == "Harbor Wire"]
    assert n == 1 and group.reason.count("Harbor Wire's own report") == 1, group.reason


def test_a_masthead_line_names_the_outlet_of_pasted_page_text():
    # QA pass 15: "ЛІГА.net" and "The Kyiv Independent" heading a pasted page were "outlet
    # unknown" (the file name stood for the outlet and split one outlet in two)
    liga = "ЛІГА.net\nНовини\nБізнес\nПолітика\nГоловна › Новини › Україна\nРакетний удар по Запоріжжю\n" + \
           "Російський ракетний удар по Запоріжжю вбив дев'ятьох людей, заявив губернатор.\n" * 3
    assert outlet_from_text(liga) == "ЛІГА.net"
    body = "".join(f"Paragraph {i} of the report on the strike, the governor said on Friday.\n" for i in range(12))
    ki = "The Kyiv Independent\nUkraine War Latest\nPolitics\nRussian attack kills 9\n" + body + \
         "Note from the author:\nThe Kyiv Independent is funded by our readers. Become a member today.\n"
    assert outlet_from_text(ki) == "The Kyiv Independent"
    # a headline repeated at the top of the body, a section name: no outlet
    assert outlet_from_text("Backup Strategy\nBackup Strategy\nBackup Strategy is what this post is about.\n" + body) is None
    assert outlet_from_text("Politics\n" + body) is None


def test_claims_keep_a_multi_sentence_quote_opened_with_a_low_mark_together():
    # German and Polish open with „ and close with “, ” or a straight quote (QA pass 18, 11): the
    # first sentence of the quote was a claim of its own, "only in" the outlet that carried it all
    for text in ('„Polen lässt sich nicht einschüchtern. Jede Verletzung wird eine Antwort finden", '
                 "sagte der Minister in Warschau. Tusk berief eine Sitzung ein.",
                 "„Polen lässt sich nicht einschüchtern. Jede Verletzung wird eine Antwort finden“, "
                 "sagte der Minister in Warschau. Tusk berief eine Sitzung ein.",
                 "„Polska nie da się zastraszyć. Każde naruszenie spotka się z odpowiedzią” - "
                 "powiedział minister w Warszawie. Tusk zwołał posiedzenie."):
        spans = claim_spans(text)
        assert len(spans) == 2, [text[a:b] for a, b in spans]
        assert text[spans[0][0]:spans[0][1]].endswith("Warszawie.") or "Warschau." in text[slice(*spans[0])]
    # an English “ still opens a quote; its sentences stay together, the next one apart
    text = "“We shot two. Nobody died,” he said. Then he left."
    assert [text[a:b] for a, b in claim_spans(text)] == ["“We shot two. Nobody died,” he said.", "Then he left."]
