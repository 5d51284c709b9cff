"""Page text of English, Ukrainian and Polish sites as a browser copies them (QA passes 22a, 22b): the
carrier of an agency's copy, logo lines over menus, consent banners, English date forms, wire slugs,
bylines without a label, short paragraphs, related-links blocks and widget labels."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item, metadata
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.metadata import dateline, dateline_agency, outlet_from_text
from storydiff.extract.pagetext import clean_page_text
from storydiff.records import RawItem

BODY = (
    "KYIV, Ukraine (AP) — Russian drones and missiles struck the capital overnight, killing three people and "
    "wounding a dozen others, officials said Sunday.\n\n"
    "The air force said it shot down most of the drones, adding that two missiles hit residential blocks in "
    "the western districts.\n\n"
    "\"Rescuers are still working at the sites of the strikes and more people may be trapped,\" the mayor "
    "wrote on Telegram.\n\n"
    "About 80,000 homes lost power, officials said.\n\n"
    "\"The enemy targets our energy system every week before the winter comes,\" the energy minister said "
    "in a statement.\n\n"
    "The defence ministry in Moscow said its forces had struck military targets and denied hitting homes.\n"
)


def page(text: str, source: str = "page.txt"):
    return extract_item(RawItem(source=source, kind="text", content=text))


def test_a_carriers_copy_of_an_agency_story_is_the_carriers():
    """U.S. News runs AP's copy "By Associated Press" under its own logo, AP's copyright at the foot:
    the outlet is U.S. News (qa22a 02: it was AP, and the copy became a revision of AP's article)."""
    carrier = ("U.S. News & World Report\nNews\nEducation\nHealth\n"
               "Russian Drones Hit Kyiv, Killing 3\nBy Associated Press\nDec. 6, 2026, at 3:20 a.m.\n\n" + BODY
               + "\nCopyright 2026 The Associated Press. All rights reserved.\n")
    own = ("AP NEWS\nU.S. News\nWorld News\nRussian drones hit Kyiv, killing 3\nBy JANE ROE and JOHN DOE\n"
           "Updated 8:15 AM GMT, December 6, 2026\nShare\n\n" + BODY
           + "\nCopyright 2026 The Associated Press. All rights reserved.\n")
    assert page(carrier).outlet == "U.S. News & World Report"
    assert page(own).outlet == "Associated Press"
    # AP's own site's logo names the agency even without its copyright line
    assert outlet_from_text("AP NEWS\nWorld News\nPolitics\nHeadline of the story here\n" + BODY) == "Associated Press"
    # no logo line over a menu: the agency's copyright still names it
    assert outlet_from_text("Russian Drones Hit Kyiv\nBy Reuters\n" + BODY + "\n© Reuters 2026\n") == "Reuters"


@pytest.mark.parametrize("logo, menu", [
    ("The Kyiv Independent", ["News Feed", "Ukraine War", "Business"]),
    ("RT", ["Russia & FSU", "World News"]),
    ("Волинські Новини", ["Головна", "Новини Луцька", "Новини Волині"]),
])
def test_a_logo_line_over_the_sites_menu_names_the_outlet(logo, menu):
    text = "\n".join([logo, *menu, "Russian attack on Kyiv kills three people", BODY])
    assert outlet_from_text(text) == logo
    # the footer repeating the name by its sign confirms the logo (qa22b 12: "Волинські Новини © 2026. ...")
    assert outlet_from_text(text + f"\n{logo} © 2026. Усі права захищено.") == logo


@pytest.mark.parametrize("first", ["Home", "Skip to main content", "Menu", "Новини"])
def test_a_menu_item_first_is_no_outlet(first):
    text = "\n".join([first, "World", "Politics", "Russian attack on Kyiv kills three people", BODY])
    assert outlet_from_text(text) is None


@pytest.mark.parametrize("banner, accept", [
    ("Ми використовуємо файли cookie, щоб покращити роботу сайту. Продовжуючи користуватися сайтом, ви "
     "погоджуєтеся з цим.", "Зрозуміло"),
    ("Ta strona używa plików cookies. Korzystając ze strony, wyrażasz zgodę na ich używanie.", "Akceptuję"),
    ("We use cookies to improve your experience on our website. By continuing you agree to this.", "OK"),
])
def test_a_consent_banner_between_menu_and_headline(banner, accept):
    """qa22b 04: the banner, a line of two sentences after the menu, was read as the body's first
    line: title, date and byline were lost and the banner became a fact."""
    assert boilerplate_kind(banner) == "consent"
    text = ("Суспільне Волинь\nНовини\nВолинь\nВійна\n" + banner + "\n" + accept + "\n"
            "Уламки дрона впали у Польщі за кілька кілометрів від Волині\n05 грудня 2026, 13:20\nОлена Савчук\n"
            "У суботу, 5 грудня, на поле в селі Мірче впали уламки безпілотника, повідомили польські служби.\n"
            "Мешканці почули вибух о 06:30 за місцевим часом і викликали поліцію до місця падіння.\n"
            "Уламки розкидало на площі близько двохсот метрів, постраждалих немає, будинки не пошкоджені.\n")
    article = page(text)
    assert article.title == "Уламки дрона впали у Польщі за кілька кілометрів від Волині"
    assert article.published and article.published.startswith("2026-12-05T13:20")
    assert article.authors == ["Олена Савчук"]
    assert "cookie" not in article.text and "cookies" not in article.text


@pytest.mark.parametrize("sentence", [
    "The bakery uses cookies from a family recipe, the owner said.",
    "Regulators said the site used cookies to track users without consent.",
])
def test_news_about_cookies_is_no_banner(sentence):
    assert boilerplate_kind(sentence) is None


@pytest.mark.parametrize("line, expected", [
    ("Updated 8:15 AM GMT, December 6, 2026", "2026-12-06T08:15:00+00:00"),
    ("Published 5:12 AM GMT, December 6, 2026", "2026-12-06T05:12:00+00:00"),
    ("Sun 6 Dec 2026 10.30 GMT", "2026-12-06T10:30:00+00:00"),
    ("Dec. 6, 2026, at 3:20 a.m.", "2026-12-06T03:20:00"),
    ("6 December 2026 • 10:30am", "2026-12-06T10:30:00"),
    ("6 December 2026, 10:30 GMT", "2026-12-06T10:30:00+00:00"),
])
def test_english_wire_and_newspaper_times(line, expected):
    """qa22a 04: each was read as the bare day, which then sorted first in the timeline."""
    text = "Russian drones hit Kyiv, killing three people\n" + line + "\n" + BODY
    assert page(text).published == expected


@pytest.mark.parametrize("weekday, expected", [("on Sunday", "2026-12-06"), ("on Friday", "2026-06-12")])
def test_an_english_slash_date_ordered_by_the_weekday_the_body_names(weekday, expected):
    """qa22a 05: France 24's "Issued on: 06/12/2026 - 09:05" with "on Sunday" in the lede is 6 December."""
    text = ("Russia strikes Kyiv with drones and missiles, four dead\nIssued on: 06/12/2026 - 09:05\n"
            f"Kyiv (AFP) – Russia attacked Kyiv with drones and missiles overnight, killing four people, officials "
            f"said {weekday}.\n" + BODY)
    assert page(text).published.startswith(expected)


def test_an_english_slash_date_without_a_weekday_stays_month_first():
    text = "Russia strikes Kyiv with drones, four dead\nPublished: 06/12/2026 09:05\n" + BODY.replace("Sunday", "today")
    assert page(text).published.startswith("2026-06-12")


@pytest.mark.parametrize("line, place, date", [
    ("MOSCOW, December 6. /TASS/. The Russian Armed Forces delivered a massive strike overnight.", "MOSCOW", None),
    ("MOSCOW, December 6, 2026, 10:15. /TASS/. Units of the Battlegroup Center took the village of Kurakhivka.",
     "MOSCOW", "2026-12-06T10:15:00"),
])
def test_tass_english_dateline(line, place, date):
    """qa22a 09: neither a dateline nor (with its year) a date."""
    assert dateline(line) == place
    assert dateline_agency(line) == "TASS"
    text = ("TASS\nWorld\nMilitary & Defense\nRussian forces deliver massive strike on Ukrainian facilities\n" + line
            + "\n" + BODY.replace("KYIV, Ukraine (AP) — ", ""))
    assert page(text).published == date


@pytest.mark.parametrize("title, expected", [
    ("UPDATE 2-Russian drone and missile attack on Kyiv kills at least four", "Russian drone and missile attack on "
     "Kyiv kills at least four"),
    ("CORRECTED-UPDATE 1-Russia attacks Kyiv", "Russia attacks Kyiv"),
    ("EXCLUSIVE-Ukraine seeks more Patriots", "Ukraine seeks more Patriots"),
    ("UPDATE on the talks - what we know", "UPDATE on the talks - what we know"),
    ("Kyiv after the strike", "Kyiv after the strike"),
])
def test_a_wire_slug_is_no_part_of_the_title(title, expected):
    assert metadata.without_wire_slug(title) == expected


def test_the_guardians_headline_standfirst_and_byline():
    """qa22a 09: the title was "Shaun Walker in Kyiv", with no author."""
    text = ("The Guardian\nNews\nOpinion\nWorld\nUkraine\n"
            "Four killed as Russia launches one of biggest attacks on Kyiv in weeks\n"
            "Mayor says nine-storey building partly destroyed as Ukraine urges allies to speed up deliveries\n"
            "Shaun Walker in Kyiv\nSun 6 Dec 2026 10.30 GMT\nShare\n\n" + BODY)
    article = page(text)
    assert article.title == "Four killed as Russia launches one of biggest attacks on Kyiv in weeks"
    assert article.authors == ["Shaun Walker"]
    assert article.outlet == "The Guardian"


def test_a_title_case_headline_with_in_is_no_byline_without_a_date_next_to_it():
    text = "Zelensky Visits Troops in Bakhmut\n" + BODY
    assert page(text).title == "Zelensky Visits Troops in Bakhmut"


def test_the_bbcs_byline_block_under_the_headline():
    """qa22a 09: "Share" / "Paul Kirby" / "Europe digital editor" between the headline and the body: no
    title, no author."""
    text = ("BBC\nHome\nNews\nSport\nEU pledges $1.2bn to fix Ukraine's power grid\n4 December 2026\nShare\n"
            "Paul Kirby\nEurope digital editor\n" + BODY)
    article = page(text)
    assert article.title == "EU pledges $1.2bn to fix Ukraine's power grid"
    assert article.authors == ["Paul Kirby"]


AP_BODY = (
    "KYIV, Ukraine (AP) — Russia pounded Kyiv with drones and missiles overnight, killing at least four people and "
    "wounding 23 others, Ukrainian officials said Sunday.\n\n"
    "Russia fired 112 drones and eight cruise missiles, Ukraine's air force said, adding that 96 of the drones were "
    "intercepted.\n\n"
    "Kyiv Mayor Vitali Klitschko said a nine-story apartment building in the city's western district was partly "
    "destroyed.\n\n"
    "\"Rescuers are still pulling people from the rubble. The number of victims may rise,\" Klitschko said.\n\n"
    "About 300,000 homes lost power, officials said.\n\n"
    "Ukrainian President Volodymyr Zelenskyy again urged allies to send more air defense systems. \"Every Patriot "
    "system means saved lives,\" he said.\n\n"
    "Russia's Defense Ministry said its forces struck Ukrainian military-industrial sites.\n"
)


def test_a_short_paragraph_between_two_kept_paragraphs_is_kept():
    """qa22a 10: AP's one-line "About 300,000 homes lost power, officials said." was dropped silently."""
    text = "AP NEWS\nWorld News\nPolitics\nRussian drones hit Kyiv, killing 4\nBy JANE ROE\nShare\n\n" + AP_BODY
    assert "About 300,000 homes lost power, officials said." in page(text).text


def test_a_short_line_between_paragraphs_that_is_a_notice_stays_dropped():
    text = BODY.replace("About 80,000 homes lost power, officials said.", "Read more: our live coverage of the war.")
    assert "Read more" not in clean_page_text(text).text


def test_the_headlines_under_a_related_links_label_are_dropped():
    """qa22b 07: the label was dropped, the linked headlines under it kept as the article's lines."""
    text = ("RMF FM\nFakty\nSzczątki drona spadły pod Mirczem\n"
            "W nocy z piątku na sobotę Rosja przeprowadziła zmasowany atak na zachodnią Ukrainę i Wołyń.\n"
            "Szczątki drona spadły w sobotę rano na pole w miejscowości Mircze w powiecie hrubieszowskim.\n"
            "Czytaj także:\nRosja zaatakowała Wołyń. Polska poderwała myśliwce\n"
            "Tusk po naradzie w BBN: Jesteśmy w stałym kontakcie z sojusznikami\n"
            "Na miejscu pracują policjanci, żołnierze Wojsk Obrony Terytorialnej i żandarmeria wojskowa.\n"
            "Fragmenty obiektu rozrzucone są na obszarze około dwustu metrów, nikt nie został ranny.\n")
    body = page(text).text
    assert "Tusk" not in body and "poderwała" not in body
    assert "Na miejscu pracują policjanci" in body


def test_a_read_more_link_after_each_item_of_a_list_leaves_the_next_items_headline():
    """A news-list page closes each item with "Read more": the next item's headline under it is the
    page's (wcxb: a page lost its body to the related-links rule before this case)."""
    items = [("Tutoring program seeks to improve reading rates in Brown County",
              "At the local level, 115 students benefited from the program's services over the past year."),
             ("Reading Corps brings tutoring to schools across Wisconsin",
              "The program uses one-on-one tutors to teach children in kindergarten through third grade."),
             ("Many students struggle with reading, and one group helps schools",
              "Only a third of fourth-graders read at or above the proficient level, the state says.")]
    from storydiff.extract.pagetext import _without_teaser_blocks

    lines = ("Our Programs in the News\n" + "".join(f"{h}\n{b}\nRead more\n" for h, b in items)).splitlines()
    kept = [line for line, k in zip(lines, _without_teaser_blocks(lines, [True] * len(lines))) if k]
    assert [h for h, _ in items if h in kept] == [h for h, _ in items]
    once = ["Lead paragraph of the story, which ends as a sentence.", "Read more", "Teaser headline of another story",
            "Next paragraph of the story, which ends as a sentence."]
    assert _without_teaser_blocks(once, [True] * 4) == [True, True, False, True]  # printed once: a block label


def test_a_related_teaser_in_an_export_rows_html_body_is_dropped():
    """qa22b 07: "<p>Czytaj także: ...</p>" in a CMS row's HTML body became two "only in" facts."""
    html = ("<p>W nocy Dowództwo Operacyjne poderwało polskie i sojusznicze samoloty w związku z atakiem.</p>"
            "<p>Port Lotniczy Lublin był zamknięty od godz. 22.40 do 2.15, opóźnionych było 400 pasażerów.</p>"
            "<p>REKLAMA</p><p>Czytaj także: Blokada w Dorohusku. Rolnicy nie przepuszczają ciężarówek</p>")
    item = RawItem(source="kl.jsonl#L1", kind="html", content=html, meta={"fragment": True, "title": "Alarm w nocy"})
    text = extract_item(item).text
    assert "Czytaj" not in text and "Rolnicy" not in text and "REKLAMA" not in text
    assert "Port Lotniczy Lublin" in text


@pytest.mark.parametrize("label", ["Note from the author:", "You can share this story on social media:"])
def test_a_widgets_label_whose_block_was_dropped(label):
    """qa22a 14: the label was kept and listed as a fact."""
    text = "Russian attack on Kyiv kills 3\n" + BODY + label + "\n"
    assert label not in page(text).text


def test_a_news_line_ending_in_a_colon_before_kept_text_stays():
    text = BODY.replace("About 80,000 homes lost power, officials said.",
                        "The mayor wrote on Telegram on Sunday morning that the situation was difficult:")
    assert "the situation was difficult:" in clean_page_text(text).text


@pytest.mark.parametrize("line, names", [
    ("oprac. Ewa Marczak, źródło: PAP", "PAP"),
    ("Autor: Marta Jabłońska / Źródło: TVN24, PAP", "TVN24, PAP"),
    ("PAP/ż", None),
    ("Źródło: PAP", "PAP"),
])
def test_polish_credit_lines_name_their_source(line, names):
    """qa22b 09: the source after a compiler's or an author's name, and a PAP credit signed by an
    editor's one letter, were no source lines."""
    from storydiff.extract.line_rules import SOURCE_LINE

    m = SOURCE_LINE.fullmatch(line)
    assert m is not None
    if names:
        assert m.group("names").strip() == names


def test_a_sentence_naming_a_source_is_no_credit_line():
    from storydiff.extract.line_rules import SOURCE_LINE

    assert SOURCE_LINE.fullmatch("Rolnicy mówią, że źródło: problemu leży w imporcie zboża z Ukrainy.") is None


@pytest.mark.parametrize("lines, authors", [
    (["oprac. Ewa Marczak, źródło: PAP"], ["Ewa Marczak"]),
    (["Autor: Marta Jabłońska / Źródło: TVN24, PAP"], ["Marta Jabłońska"]),
    (["Źródło: PAP"], []),
])
def test_the_people_of_a_credit_line(lines, authors):
    assert metadata.credit_line_authors(lines) == authors


def test_an_export_rows_closing_credit_gives_author_and_origin_and_leaves_the_text():
    html = ("<p>Od środy rano rolnicy z powiatu chełmskiego blokują dojazd do przejścia granicznego w Dorohusku.</p>"
            "<p>Wojewoda lubelski zapowiedział, że w piątek spotka się z protestującymi w Chełmie.</p>"
            "<p>oprac. Ewa Marczak, źródło: PAP</p>")
    item = RawItem(source="kl.jsonl#L2", kind="html", content=html, meta={"fragment": True, "title": "Blokada"})
    article = extract_item(item)
    assert article.authors == ["Ewa Marczak"]
    assert "źródło" not in article.text
    assert article.credit_lines == ["oprac. Ewa Marczak, źródło: PAP"]


def test_an_editorial_desks_credit_alone_is_no_article_line():
    assert boilerplate_kind("(opr. red.)") == "field"
    assert boilerplate_kind("Redakcja poinformowała, że zmieniła godziny pracy biura w Chełmie.") is None


def test_an_exports_author_field_is_read():
    """qa22b 09: "author": "Ewa Marczak" was dropped without a word (the API refuses it by name)."""
    from storydiff.ingest.formats import export_record

    assert export_record({"author": "Ewa Marczak", "text": "x"})["authors"] == "Ewa Marczak"
    assert export_record({"authors": ["A B"], "author": "C D", "text": "x"})["authors"] == ["A B"]
