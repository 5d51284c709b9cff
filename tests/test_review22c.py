"""Review 22c of the round's extraction and storage merges: each case was wrong on main after them."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.records import Article, RawItem
from storydiff.versions.rules import reads_as_error_page

PL_BODY = ("Łódź (PAP) – W niedzielę przed południem w kamienicy przy ulicy Piotrkowskiej w Łodzi doszło do wybuchu "
           "gazu. Z okolicznych budynków ewakuowano ponad półtora tysiąca mieszkańców – poinformował rzecznik straży.\n"
           "Rannych zostało jedenaścioro dzieci i troje dorosłych. Wszyscy trafili do szpitali w Łodzi.\n"
           "Na miejscu pracuje ok. 30 zastępów straży pożarnej. Straty szacowane są na ponad 2 mln zł.\n(PAP)\n")


def page(text: str, source: str = "page.txt"):
    return extract_item(RawItem(source=source, kind="text", content=text))


@pytest.mark.parametrize("skip", ["Przejdź do treści", "Zum Inhalt springen", "Перейти до вмісту"])
def test_a_skip_link_is_no_outlet(skip):
    """r1: the skip link above a site's menu was read as its logo."""
    a = page(f"{skip}\nKraj\nŚwiat\nSport\nWybuch gazu w kamienicy w Łodzi. Ewakuowano półtora tysiąca osób\n"
             f"06.12.2026, 14:20\n{PL_BODY}")
    assert a.outlet is None or not a.outlet.startswith(skip.split()[0])


def test_a_sites_tagline_is_no_title():
    """r2: "Ukrinform" / "Ukrainian National News Agency" / headline: the tagline was the title."""
    a = page("Ukrinform\nUkrainian National News Agency\nKyiv grid repairs to take three months, Ukrenergo says\n"
             "05.12.2026 10:15\nKyiv\nRepairs to the Kyiv power grid after the latest strikes will take at least three "
             "months, Ukrenergo said on Friday.\nAccording to the company, crews restored power to 200,000 homes "
             "overnight but several substations remain out of service.\n\"We are working around the clock,\" the head "
             "of the company said.\n")
    assert a.title == "Kyiv grid repairs to take three months, Ukrenergo says"


@pytest.mark.parametrize("line", [
    "The regulator found that the site uses cookies to track visitors across other websites without asking first.",
    "\"We use cookies only to keep users logged in,\" a company spokeswoman said in a statement on Monday.",
    "Urząd ustalił, że serwis stosuje pliki cookie do śledzenia użytkowników bez ich zgody, i nałożył karę 3 mln zł.",
])
def test_news_about_cookies_is_no_consent_banner(line):
    """r8: the consent rule matched anywhere in any line."""
    assert boilerplate_kind(line) != "consent"


@pytest.mark.parametrize("banner", ["We use cookies to improve your experience on our website.",
                                    "Ta strona używa plików cookies. Korzystając z niej, zgadzasz się na ich użycie."])
def test_a_consent_banner_still_is_one(banner):
    assert boilerplate_kind(banner) == "consent"


@pytest.mark.parametrize(("title", "text", "error"), [
    ("Missing hiker not found as search enters third day", "Rescuers resumed the search on Monday.", False),
    ("Search suspended", "The two fishermen were not found after a two-day search, the rescue service said.", False),
    ("Тіло зниклого рибалки досі не знайдено", "Пошуки тривають третю добу, повідомили рятувальники.", False),
    ("Flight 404 lands safely after engine scare", "The plane landed safely in Lviv on Monday.", False),
    ("Page not found | Harbor Wire", "The page you are looking for does not exist.", True),
    ("404 Not Found", "Sorry.", True),
    ("Сторінку не знайдено", "Спробуйте пошук.", True),
])
def test_only_an_error_message_reads_as_an_error_page(title, text, error):
    """r5: any short text whose title or lede said "not found" or "404" was quarantined."""
    assert reads_as_error_page(Article(id="x", source="x", title=title, text=text)) is error


def test_a_us_slash_date_is_not_flipped_by_the_day_its_lede_names():
    """r10: a US page dated "12/07/2026" (Monday) reporting a Sunday shooting was dated 12 July."""
    a = page("Chicago Ledger\nNews\nPolitics\nSports\nThree killed in shooting at Chicago bus stop, police say\n"
             "By Jane Roe\n12/07/2026 10:30 AM\nCHICAGO — Three people were killed and two wounded in a shooting at a "
             "bus stop on the city's South Side on Sunday, police said.\nOfficers found the victims shortly after 9 "
             "p.m. near 79th Street, a police spokesman told reporters.\nNo arrests have been made, and detectives "
             "are reviewing footage from nearby cameras, he said.\n")
    assert (a.published or "").startswith("2026-12-07")


LVIV = ["Russia launched a massive drone and missile attack on Lviv overnight, the regional governor said on Sunday.",
        "Three people were killed and seven wounded, including two children, he said in a statement.",
        "More than 40,000 customers in the region were left without power after strikes on energy infrastructure.",
        "Two residential buildings and a school were damaged in the city's Sykhiv district, the mayor said."]


def test_a_re_export_does_not_move_a_revised_articles_first_time_to_its_updates(tmp_path):
    """r4: v1 at 10:00, then v2 stamped 12:00 by a CMS that dates updates as published (kept at
    10:00 as a revision); the same export with a new row on top 'corrected' the time to 12:00."""
    import json

    from storydiff.ingest import read_inputs
    from storydiff.pipeline import ingest_stream
    from storydiff.store import open_store

    base = {"id": "r7", "outlet": "Lviv Wire", "url": "https://lvivwire.example/news/r7"}
    v1 = dict(base, title="Attack on Lviv kills three", published="2026-12-06T10:00:00Z", text="\n".join(LVIV))
    v2 = dict(base, title="Attack on Lviv kills four", published="2026-12-06T12:00:00Z",
              text="\n".join([LVIV[0], LVIV[1].replace("Three", "Four"), *LVIV[2:], "A fourth victim died, doctors said."]))
    other = {"id": "r8", "outlet": "Lviv Wire", "url": "https://lvivwire.example/news/r8", "title": "Trams resume",
             "published": "2026-12-07T09:00:00Z", "text": "Trams resumed on all routes in Lviv on Monday morning, "
             "the city transport office said. Crews repaired the overhead lines damaged in the strikes."}
    export, db = tmp_path / "export.jsonl", str(tmp_path / "s.db")
    for rows in ([v1], [v2], [other, v2]):
        export.write_text("".join(json.dumps(r) + "\n" for r in rows))
        with open_store(db) as s:
            ingest_stream(s, read_inputs([str(export)]), workers=0)
    with open_store(db) as s:
        assert s.get_article("r7").published.startswith("2026-12-06T10:00") and len(s.revisions("r7")) == 2


def test_an_explainer_under_the_same_headline_is_no_update_of_the_story():
    """r7: "... kills three" and "... kills three: what we know" (one byline, one time, one site)
    were one article moved; an update's headline changes its figures."""
    from storydiff.compare.revisions import is_moved

    common = dict(source="x", outlet="Lviv Wire", authors=["Ola Roe"], published="2026-12-06T10:00:00Z")
    story = Article(id="m1", url="https://lvivwire.example/news/attack-lviv", title="Russian attack on Lviv kills three",
                    text="\n".join(LVIV), **common)
    explainer = Article(id="m2", url="https://lvivwire.example/news/attack-lviv-what-we-know",
                        title="Russian attack on Lviv kills three: what we know",
                        text=LVIV[0] + "\nHere is what we know about the attack, the targets and the air defence.", **common)
    assert not is_moved(story, explainer)


@pytest.mark.parametrize(("own", "earlier"), [
    ("2026-12-06T05:10:00Z", True),  # the page's zoned time before the feed's: the page's first time
    ("2026-12-06T03:00:00", False),  # a New York page's local time, no zone: no instant (r6)
    ("2026-12-06", False),  # a day
])
def test_a_pages_time_replaces_the_feeds_only_with_its_zone(own, earlier):
    from storydiff.fetch.round import _published_earlier

    html = f"<html><head><meta property='article:published_time' content='{own}'></head><body></body></html>"
    assert _published_earlier(html, "Sun, 06 Dec 2026 07:42:00 +0000") is earlier


@pytest.mark.parametrize("field", [{"byline": "By Jane Roe and John Doe"}, {"author": ["Jane Roe", "John Doe"]},
                                   {"author": [{"name": "Jane Roe"}, {"name": "John Doe"}]}])
def test_an_exports_byline_or_author_list_names_its_people(field):
    """r9: "By Jane Roe and John Doe" was one author as written; a list of authors gave none."""
    from storydiff.ingest.formats import record_to_item
    from storydiff.settings import IngestSettings

    rec = {"id": "1", "title": "Attack on Kyiv", "text": "Russia launched a massive drone attack on Kyiv overnight, "
           "the governor said on Sunday. Three people were killed and seven wounded, he said.", **field}
    a = extract_item(record_to_item("export.jsonl#L1", rec, IngestSettings()))
    assert sorted(a.authors) == ["Jane Roe", "John Doe"]
