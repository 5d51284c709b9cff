"""clean_page_text: body lines of plain page text, with and without same-outlet siblings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.pagetext import clean_page_text

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seeds"
PAGE_A = (FIXTURES / "page_a.txt").read_text(encoding="utf-8")
PAGE_B = (FIXTURES / "page_b.txt").read_text(encoding="utf-8")


def test_single_page_keeps_body_drops_template():
    result = clean_page_text(PAGE_A)
    assert len(result.kept) == len(PAGE_A.splitlines())
    body = result.text.split("\n")
    assert body[0].startswith("The county board voted on Tuesday")
    assert body[-1].startswith("Construction is expected to start")
    assert len(body) == 4
    assert result.title == "Library extension approved by county board"


def test_siblings_mark_shared_lines_as_template():
    result = clean_page_text(PAGE_B, siblings=[PAGE_A])
    assert "Bakery closes" not in result.text
    assert "Valley Courier" not in result.text
    assert result.text.startswith("The weekly farmers market will move")
    assert "parking would be available" in result.text


def test_clean_text_keeps_everything_but_its_headline():
    text = (
        "Ferry service resumes after storm\n"
        "The ferry between the two islands resumed on Sunday after three days of cancellations.\n"
        "Operators said the first crossing left at seven and was fully booked within an hour.\n"
        "A second boat will be added to the timetable for the rest of the week."
    )
    result = clean_page_text(text)
    assert result.title == "Ferry service resumes after storm"
    assert result.kept == [False, True, True, True]


@pytest.mark.parametrize("text", ["", "\n\n\n", "   ", "x", "\x00\x01\ufffd" * 1000, "word " * 100_000])
def test_junk_does_not_crash(text):
    result = clean_page_text(text)
    assert len(result.kept) == len(text.splitlines())


def test_kept_is_aligned_with_splitlines_of_odd_line_breaks():
    text = "First line of text here.\r\nSecond\u2028third line\x0cfourth"
    assert len(clean_page_text(text).kept) == len(text.splitlines())


SEED = SEEDS / "000_695573be11d77573.txt"
EUROMAIDAN_BODY_STARTS = [
    "Estonian Prime Minister Kaja Kallas has stated that NATO allies",
    "In late February, French President Macron",
    "Previously, Polish FM Sikorski",
    "Speaking to FT, PM Kallas argued",
    "“I can’t possibly imagine",
    "The Estonian leader emphasized",
    "Kallas argued that helping train",
    "The Estonian PM stated",
    "“Some are saying",
]
EUROMAIDAN_BOILERPLATE_STARTS = [
    "Copyright ©", "The work of Euromaidan Press", "When referencing our materials", "Privacy and Cookie",
    "Estonian PM: NATO training", "kaja kallas estonia", "Kaja Kallas, Estonia’s Prime Minister.",
    "Read also:", "You could close this page", "To suggest a correction", "You can also highlight",
    "Please leave your suggestions", "Will the West continue", "• Know what moves", "• Stay informed",
    "• Get quality journalism", "Special discount", "for Euromaidan Press readers", "Euromaidan Press",
    "We are an independent media outlet",
]


@pytest.mark.skipif(not SEED.exists(), reason="seed data absent")
def test_euromaidan_seed_keeps_all_body_and_no_boilerplate():
    text = SEED.read_text(encoding="utf-8")
    result = clean_page_text(text)
    kept = {line.strip() for line, k in zip(text.splitlines(), result.kept) if k}
    dropped = {line.strip() for line, k in zip(text.splitlines(), result.kept) if not k and line.strip()}
    for start in EUROMAIDAN_BODY_STARTS:
        assert any(line.startswith(start) for line in kept), start
    for start in EUROMAIDAN_BOILERPLATE_STARTS:
        assert not any(line.startswith(start) for line in kept), start
        assert any(line.startswith(start) for line in dropped), start
    assert result.title == "Estonian PM: NATO training Ukraine’s army inside Ukraine poses no risk of conflict with Russia"


def test_span_decode_is_lenient_inside_the_article_and_strict_outside():
    from storydiff.extract.pagetext import span_decode

    meta = {"threshold": 0.5, "span_cost": 0.25, "inside_threshold": 0.1, "outside_threshold": 0.7}
    # menu, body, a list item between paragraphs (0.2), body, body, footer, a stray line-like link (0.6)
    prob = np.array([0.05, 0.9, 0.2, 0.95, 0.8, 0.02, 0.01, 0.6, 0.01])
    assert span_decode(prob, meta).tolist() == [False, True, True, True, True, False, False, False, False]
    # Older weights files carry one threshold only.
    assert span_decode(prob, {"threshold": 0.5}).tolist() == list(prob > 0.5)
    assert span_decode(np.zeros(0), meta).tolist() == []


def test_boundary_decode_ends_the_span_where_the_last_line_model_says():
    from storydiff.extract.pagetext import boundary_decode

    decoder = {"weight": 3.0, "span_cost": 0.25, "inside_threshold": 0.1, "outside_threshold": 0.9}
    # menu, body, body, list item (0.3), related-links list (0.35, 0.35), a stray link (0.6)
    prob = np.array([0.05, 0.9, 0.9, 0.3, 0.35, 0.35, 0.6])
    p_start = np.array([0.01, 0.9, 0.01, 0.01, 0.01, 0.01, 0.01])
    flat_end = np.full(7, 0.1)
    # With uninformative last-line scores the related list is swallowed into the span...
    assert boundary_decode(prob, p_start, flat_end, decoder).tolist() == [False, True, True, True, True, True, True]
    # ...a confident "line 3 is the body's last" cuts it there; outside, 0.6 is below 0.9.
    p_end = np.array([0.01, 0.01, 0.05, 0.9, 0.01, 0.01, 0.01])
    assert boundary_decode(prob, p_start, p_end, decoder).tolist() == [False, True, True, True, False, False, False]
    assert boundary_decode(np.zeros(0), np.zeros(0), np.zeros(0), decoder).tolist() == []


def test_boundary_span_is_the_best_scoring_span_of_every_page():
    """boundary_span's one-pass search equals scoring every (start, end) pair (bench/pagetext_lost.py
    reads the span it returns to tell where a lost page's body went)."""
    from storydiff.extract.pagetext import boundary_span

    decoder = {"weight": 3.0, "span_cost": 0.25}
    rng = np.random.default_rng(7)
    for n in (1, 2, 5, 12, 30):
        for _ in range(20):
            prob, p_start, p_end = rng.random(n), rng.random(n), rng.random(n)
            scores = {(s, e): 3.0 * (np.log(max(p_start[s], 1e-6)) + np.log(max(p_end[e], 1e-6)))
                      + float((prob[s : e + 1] - 0.25).sum()) for s in range(n) for e in range(s, n)}
            s, e = boundary_span(prob, p_start, p_end, decoder)
            assert 0 <= s <= e < n
            assert scores[s, e] == pytest.approx(max(scores.values()))


def test_section_features_mark_comment_threads_and_near_template_lines():
    from storydiff.extract.line_features import normalise_line
    from storydiff.extract.line_sections import SECTION_FEATURE_NAMES, section_features

    lines = [
        "The port authority said dredging of the inner harbour will begin next month, three days ago.",
        "12 comments",
        "marina_bob",
        "2 days ago at 07:52 am",
        "About time, my boat has been stuck at the outer mooring since February.",
        "Rating: 14 Votes",
    ]
    sibling = ["3 comments", "Rating: 2 Votes"]
    norms = [normalise_line(line) for line in lines]
    F = section_features(lines, norms, [[normalise_line(line) for line in sibling]])
    col = {name: i for i, name in enumerate(SECTION_FEATURE_NAMES)}
    assert F.shape == (len(lines), len(SECTION_FEATURE_NAMES))
    # Short timestamp and rating lines count; a paragraph mentioning "three days ago" does not.
    assert F[:, col["timestamp"]].tolist() == [0, 0, 0, 1, 0, 1]
    assert F[:, col["comments_heading"]].tolist() == [0, 1, 0, 0, 0, 0]
    assert F[4, col["timestamp_+1"]] == 1 and F[4, col["timestamp_-1"]] == 1
    # "12 comments" is a sibling's "3 comments" with other digits: near-template.
    assert F[1, col["sibling_rep_digits"]] == 1 and F[5, col["sibling_rep_digits"]] == 1
    assert F[0, col["sibling_rep_digits"]] == 0
    assert section_features(lines, norms, [])[:, col["sibling_rep_digits"]].sum() == 0



# --- date and byline read from page text (extract.metadata) -------------------------------------

from datetime import UTC, datetime  # noqa: E402

from storydiff.extract import extract_item  # noqa: E402
from storydiff.extract.metadata import authors_from_lines, is_date_line, published_from_lines  # noqa: E402
from storydiff.records import RawItem  # noqa: E402

DATED_PAGE = [
    "Valley Courier | Local news you can trust",
    "Home",
    "Most read",
    "March 2, 2021",  # teaser dates of other articles: a list, not this page's date
    "Bakery closes after forty years",
    "April 9, 2020",
    "Road works on Main Street delayed again",
    "June 1, 2019",
    "Library extension approved by county board",
    "By Jane Doe and John Roe, Staff Writers | Reuters",
    "Published: Tuesday, May 2, 2023, 1:32 PM | Updated: May 3, 2023",
    "The county board voted on Tuesday to approve a two-storey extension to the central library, ending a debate.",
    "Board members said the vote on April 30, 2023 was the last step before construction begins next spring.",
    "Share this article",
]
DATED_KEPT = [False] * 11 + [True, True, False]


def test_published_label_beats_updated_and_teaser_dates():
    assert published_from_lines(DATED_PAGE, DATED_KEPT, title=DATED_PAGE[8]) == "2023-05-02T13:32:00"
    # Without its label the only page date is the "Updated" one, which still beats the teaser list.
    unlabelled = DATED_PAGE[:10] + ["Updated: May 3, 2023"] + DATED_PAGE[11:]
    assert published_from_lines(unlabelled, DATED_KEPT) == "2023-05-03"


def test_dates_inside_the_story_or_in_the_future_are_not_publication_dates():
    no_header = DATED_PAGE[:10] + ["Share"] + DATED_PAGE[11:]
    no_header = [line for line in no_header if not is_date_line(line)]
    kept = [line.startswith(("The county", "Board members")) for line in no_header]
    assert published_from_lines(no_header, kept) is None  # April 30, 2023 is in a body sentence
    future = ["Headline about a launch", "May 2, 2031", "The rocket launched on time from the coast this morning."]
    crawl = datetime(2026, 11, 1, tzinfo=UTC)
    assert published_from_lines(future, [False, False, True], now=crawl) is None
    assert published_from_lines(["Headline", "May 2, 2026", future[2]], [False, False, True], now=crawl) == "2026-05-02"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12: 52 p. m. EDT May 2, 2013", "2013-05-02"),  # tokenised copy, clock before the date
        ("05 / 02 / 2013", "2013-05-02"),  # month first in English
        ("Posted on Thu Jun 13, 2013 08: 45 AM PDT", "2013-06-13T08:45:00-07:00"),
        ("Last Updated: Monday, 28 November 2005, 02: 24 GMT", "2005-11-28T02:24:00+00:00"),
        ("2019-10-02T10:00:00Z", "2019-10-02T10:00:00+00:00"),
    ],
)
def test_date_shapes_news_pages_print(line, expected):
    lines = ["A headline over the story", line, "The story's first sentence is long enough to be prose here."]
    assert published_from_lines(lines, [False, False, True]) == expected


def test_day_first_outside_english():
    lines = ["Titolo dell'articolo", "05/02/2013", "La prima frase dell'articolo è abbastanza lunga da essere prosa."]
    assert published_from_lines(lines, [False, False, True], language="it") == "2013-02-05"


def test_byline_people_without_roles_handles_or_organisations():
    assert authors_from_lines(DATED_PAGE, DATED_KEPT, title=DATED_PAGE[8]) == ["Jane Doe", "John Roe"]
    inline = ["Headline of the piece", "Monday November 18, 2019 7:45 am PST by Joe Rossignol", DATED_PAGE[11]]
    assert authors_from_lines(inline, [False, False, True]) == ["Joe Rossignol"]
    handle = ["Headline of the piece", "By Chris Pokorny @DawgsByNature Nov 18, 2019, 11:47am EST", DATED_PAGE[11]]
    assert authors_from_lines(handle, [False, False, True]) == ["Chris Pokorny"]
    editors = ["Headline of the piece", DATED_PAGE[11], "Editing by Mark Potter"]
    assert authors_from_lines(editors, [False, True, False]) == []


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", ["Chris Davies"]),  # a name signing the date
        ("Catherine Shu @catherineshu / 2 days", ["Catherine Shu"]),  # a name with its handle
        ("By Jonathan Garber FOXBusiness", ["Jonathan Garber"]),  # the brand glued to the name dropped
        ("By Michael Hiltzik Business Columnist", ["Michael Hiltzik"]),
        ("Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", ["Michael David Smith"]),
        ("Photo by Kirk Irwin/Getty Images", []),  # a photo credit is not a byline
        ("Sign up for alerts by Clicking Here", []),  # "by" in a phrase, no date or separator
        ("Sputnik International", []),  # a bare name-like line signs nothing
    ],
)
def test_byline_shapes_next_to_the_headline(line, people):
    lines = ["Headline of the piece", line, DATED_PAGE[11]]
    assert authors_from_lines(lines, [False, False, True]) == people


def test_a_date_line_is_never_the_headline():
    text = "May 2, 2013 | 5: 03pm\nLohan skips rehab and flies to New York\n" + "\n".join(
        ["The actress left the clinic an hour after checking in on Thursday, her lawyer said in court.",
         "Prosecutors said they had not approved the facility and asked the judge for a new hearing."]
    )
    page = clean_page_text(text)
    assert page.title == "Lohan skips rehab and flies to New York"


def test_extract_item_reads_date_and_byline_from_page_text_and_respects_the_crawl():
    text = "\n".join(DATED_PAGE)
    article = extract_item(RawItem(source="dated.txt", kind="text", content=text))
    assert article.published == "2023-05-02T13:32:00"
    assert article.authors == ["Jane Doe", "John Roe"]
    crawled_before = extract_item(RawItem(source="dated.txt", kind="text", content=text,
                                          meta={"crawled": "2023-05-01T00:00:00Z"}))
    assert crawled_before.published is None  # the page cannot be dated after it was fetched


def test_a_data_blob_line_is_never_body():
    # A base64 image or minified script pasted into the page text, between two body paragraphs.
    blob = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 400
    text = PAGE_A.replace("The extension will add", blob + "\nThe extension will add")
    result = clean_page_text(text)
    assert blob not in result.text
    assert "The extension will add a children's reading room" in result.text
    assert "The county board voted on Tuesday" in result.text
    # Beside a single sentence the classifier alone keeps it: the rule is what removes it.
    short = f"Headline of a page here\n{blob}\nThe body sentence is long enough to count as prose in this test."
    assert clean_page_text(short).kept == [False, False, True]
    assert boilerplate_kind("see https://example.com/a/very/long/path?with=query") is None


def test_page_text_dateline_is_read_from_the_body_not_only_the_page_header():
    page = "\n".join([
        "Skip to content", "Home | World | Business | Sport | Subscribe", "Search", "", "Valley Times", "",
        "Three dead as Fennick bridge falls into Tarn", "", "By Ruth Okafor", "",
        "FENNICK — Three people died and 16 were hurt when a bridge over the Tarn collapsed on Tuesday, police said.",
        "", '"The bridge simply folded in the middle," witness Colm Farrow said. "I braked and watched it fall."',
        "", "A 2023 inspection had found cracks in the bridge, built in 1962, according to the transport office. "
        "Mayor Ines Dahl said the council never saw the inspection report.",
        "", "Share on Facebook", "Share on X", "© 2024 Valley Times. All rights reserved.",
    ])
    article = extract_item(RawItem(source="page.txt", kind="text", content=page))
    assert article.dateline == "FENNICK"
    assert article.text.startswith("FENNICK — Three people died") and "Share on" not in article.text


def test_section_labels_between_lead_and_body_are_not_body():
    # UNN's page: lead, then "Details" before the body and "Context" before the background
    unn = (Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples" / "unn-kallas-ft.txt").read_text(
        encoding="utf-8"
    )
    body = clean_page_text(unn).text.splitlines()
    assert "Details" not in body and "Context" not in body
    assert any(line.startswith("In an interview with the Financial Times") for line in body)
    for label in ("Details", "Context:", "  Background ", "Key points"):
        assert boilerplate_kind(label) == "section_label"
    # only the label alone: a sentence that starts with one, or a subheading of the story, stays
    for line in ("Details of the plan were not released.", "In brief, the council said no.", "The aftermath"):
        assert boilerplate_kind(line) is None


def test_keep_prose_runs_keeps_the_sentences_of_an_article_the_model_half_dropped():
    from storydiff.extract.pagetext import keep_prose_runs
    from storydiff.settings import ExtractSettings

    settings = ExtractSettings(prose_run_gap=1, prose_run_keep=0.3, prose_fallback_below=0.5)
    sentence = "The council voted on Tuesday to close the old bridge for repairs next spring."
    lines = ["Home | News | Sport", sentence, "Subheading", sentence.replace("Tuesday", "Monday"),
             sentence.replace("old", "new"), "Share this", "Related", "Menu", "Follow us on social media today."]
    kept = [False, True, False, False, False, False, False, False, False]
    out = keep_prose_runs(lines, kept, settings=settings)
    # the run of three sentences (one kept, a one-line gap allowed) is kept; menus and the short
    # footer sentence are not; the heading inside the run stays as the model had it
    assert out == [False, True, False, True, True, False, False, False, False]
    # a sentence every sibling page repeats is template, not prose
    template = {"the council voted on monday to close the old bridge for repairs next spring"}
    assert keep_prose_runs(lines, kept, template, settings)[3] is False


def test_keep_prose_runs_restores_the_largest_run_of_a_page_that_lost_its_article():
    from storydiff.extract.pagetext import keep_prose_runs
    from storydiff.settings import ExtractSettings

    settings = ExtractSettings(prose_run_gap=1, prose_run_keep=2.0, prose_fallback_below=0.5)
    body = [f"Paragraph {i} of the report says the river rose by {i} metres overnight in the town." for i in range(4)]
    teaser = "A teaser for another story that reads like a sentence of its own here."
    lines = ["Menu", teaser, "Most read", "Login", "Weather", *body]
    kept = [False, True, False, False, False, False, False, False, False]
    assert keep_prose_runs(lines, kept, settings=settings) == [False, True, False, False, False, True, True, True, True]
    # keeping most of the sentence text already, nothing is added
    assert keep_prose_runs(lines, [False, False, False, False, False, True, True, True, False],
                           settings=settings)[8] is False
    assert keep_prose_runs(["Menu", "Login"], [False, False], settings=settings) == [False, False]


def test_a_date_line_in_ukrainian_russian_german_or_spanish_dates_page_text():
    # the month names were English only: a Ukrainian page's "14 березня 2025, 09:10" left it
    # undated, and undated articles misorder a story's "first report" (QA pass)
    from storydiff.extract.metadata import is_date_line, published_from_lines

    for line, language, day in (("14 березня 2025, 09:10", "uk", "2025-03-14"), ("14 марта 2025 г., 10:32", "ru", "2025-03-14"),
                                ("14. März 2025", "de", "2025-03-14"), ("14 de marzo de 2025", "es", "2025-03-14")):
        assert is_date_line(line)
        lines = ["Атака дронів на Одесу", line, "Внаслідок нічної атаки загинули семеро людей, повідомив голова ОВА."]
        assert (published_from_lines(lines, [False, False, True], title=lines[0], language=language) or "")[:10] == day


def test_a_byline_labelled_in_another_language_names_the_author_and_prose_does_not():
    from storydiff.extract.metadata import authors_from_lines

    body = "Внаслідок нічної атаки російських дронів на порт Одеси загинули семеро людей, повідомив голова ОВА."
    for byline, who in (("Автор: Олена Коваль", ["Олена Коваль"]), ("Von Hans Müller | dpa", ["Hans Müller"]),
                        ("Par Jean Dupont", ["Jean Dupont"]), ("Autor: Jan Kowalski", ["Jan Kowalski"]),
                        ("Von der Leyen sagte am Montag", []), ("Par ailleurs, le ministre a dit", [])):
        lines = ["Атака дронів на Одесу", byline, body]
        assert authors_from_lines(lines, [False, False, True], title=lines[0]) == who


def test_a_long_word_after_a_byline_label_is_read_in_one_pass():
    # with re.I and "\s*" between words, "Von " + 1,200 letters could be cut into names in ~L² ways:
    # a minute of CPU for one line (a review's finding); now each word is one match or none
    from storydiff.extract.metadata import _byline, authors_from_lines

    for line in ("von " + "a" * 5000 + "!", "Von " + "A" * 3000 + " b!", "Von " + "Ab " * 3000):
        assert _byline(line) is None
    lines = ["Headline here", "Von " + "a" * 1200 + " 1 May 2020!", "A body sentence long enough to be one."]
    assert authors_from_lines(lines, [False, False, True], title=lines[0]) == []


# QA pass 18: Polish, German and Reuters pages pasted as text
_BODY_PL = ("Siedem rosyjskich dronów naruszyło w nocy polską przestrzeń powietrzną nad województwem lubelskim, "
            "poinformowało Dowództwo Operacyjne.")


@pytest.mark.parametrize(("date_line", "expected"), [
    ("December 3, 2026 10:02 AM GMT+1 Updated 2 hours ago", "2026-12-03T10:02:00+01:00"),  # the offset kept
    ("03.12.2026, 14.32 Uhr", "2026-12-03T14:32:00"),  # a German dotted time
    ("czwartek, 3 grudnia 2026 r., godz. 7:50", "2026-12-03T07:50:00"),  # "r." and "godz."
    # the publication's date, not the update's, whichever the page prints first
    ("Aktualizacja: 04.12.2026 13:10 Data publikacji: 03.12.2026 07:50", "2026-12-03T07:50:00"),
    ("Aktualisiert am 04.12.2026 - 08:12 Veröffentlicht: 03.12.2026, 11:15 Uhr", "2026-12-03T11:15:00"),
])
def test_a_pages_date_line_in_the_languages_it_is_written(date_line, expected):
    lines = ["Drony nad Lubelszczyzną", date_line, _BODY_PL]
    language = "en" if "December" in date_line else "de" if "Uhr" in date_line else "pl"
    assert published_from_lines(lines, [False, False, True], title=lines[0], language=language) == expected


@pytest.mark.parametrize("line", ["December 3, 2026 10:02 AM GMT+1 Updated 2 hours ago",
                                  "Veröffentlicht am 03.12.2026 | Lesedauer: 2 Minuten",
                                  "Opublikowano: 3 grudnia 2026, 07:50 | Aktualizacja: 4 grudnia 2026, 13:10"])
def test_a_date_line_with_its_labels_is_a_date_line(line):
    assert is_date_line(line)


def test_a_byline_with_its_place_is_no_headline():
    page = "\n".join(["Die Welt", "Russische Drohnen über Polen", "Veröffentlicht am 03.12.2026 | Lesedauer: 2 Minuten",
                      "Von Philipp Fritz, Warschau",
                      "Acht russische Drohnen sind in der Nacht zum Donnerstag in den polnischen Luftraum über der "
                      "Woiwodschaft Lublin eingedrungen. Eine davon stürzte im Dorf Moniatycze bei Hrubieszów ab.",
                      "Das polnische Militär ließ vier Kampfjets aufsteigen, zwei Drohnen wurden abgeschossen. Die "
                      "Bewohner von drei Häusern wurden evakuiert."])
    article = extract_item(RawItem(source="welt.txt", kind="text", content=page))
    assert article.title == "Russische Drohnen über Polen" and article.authors == ["Philipp Fritz"]


def test_an_outlets_footer_blurb_and_a_markets_notice_are_page_clutter():
    # a wire page's foot after the story: its own blurb, its standards link and the quotes widget's
    # notice read as sentences, and were listed as facts only this outlet has (QA pass 18)
    story = [
        "VEYRA, Dec 3 (Harbor Wire) - A crowded ferry capsized in the Veyra Strait on Wednesday, killing four "
        "passengers and injuring eleven, the coast guard said.",
        "Rescue boats pulled 212 people from the water within two hours of the capsizing, officials said.",
        "The ferry operator said the vessel had passed its annual safety inspection in October.",
    ]
    clutter = [
        "Our Standards: The Harbor Wire Trust Principles.",
        "Harbor Wire, the news and media division of Harbor Holdings, is the world's largest multimedia news provider.",
        "All quotes delayed a minimum of 15 minutes. See here for a complete list of exchanges and delays.",
        "Kurse mindestens 15 Minuten verzögert.",
        "Notowania opóźnione o 15 minut.",
    ]
    result = clean_page_text("\n".join(["Harbor Wire", "Ferry capsizes in the Veyra Strait", *story, *clutter]))
    assert all(line in result.text for line in story)
    assert not any(line in result.text for line in clutter), result.text
    # a story's sentences about prices, delays and minutes stay
    for line in ("Higher oil prices delayed the recovery by two years, economists said.",
                 "The vote was delayed by 15 minutes after prices spiked."):
        assert boilerplate_kind(line) is None


# QA pass 20a, 06: an RMF24 page pasted from the browser
_RMF_PAGE = "\n".join([
    "RMF24", "Fakty", "Polska", "Wybuch gazu na Piotrkowskiej. 12 rannych", "{byline}", "{dated}",
    "Do wybuchu gazu doszło w niedzielę przed południem w kamienicy przy ul. Piotrkowskiej w Łodzi. "
    "Ewakuowano ok. 1,5 tys. mieszkańców okolicznych budynków – przekazał rzecznik strażaków Jędrzej Pawlak.",
    "Rannych zostało 12 osób. Poszkodowani trafili do łódzkich szpitali.",
    "W akcji bierze udział 30 zastępów straży pożarnej. Straty wstępnie oszacowano na ponad 2 mln zł.",
    "Źródło: RMF FM", ""])


@pytest.mark.parametrize("byline, dated", [
    ("Opracowanie: Tomasz Wróbel", "niedziela, 6 grudnia 2026 (14:41)"),
    ("oprac. Tomasz Wróbel", "6 grudnia 2026 (14:41)"),
    ("Opracowała: Tomasz Wróbel", "6 grudnia 2026, 14:41"),
])
def test_a_polish_compiled_byline_a_bracketed_clock_and_the_outlet_s_own_source_line(byline, dated):
    article = extract_item(RawItem(source="rmf-lodz.txt", kind="text",
                                   content=_RMF_PAGE.format(byline=byline, dated=dated)))
    assert article.published == "2026-12-06T14:41:00"
    assert article.authors == ["Tomasz Wróbel"]
    # the radio's own news site names itself as the source: no origin of its own article
    assert article.outlet == "RMF24" and article.cited_origins == []


def test_the_compilers_label_in_ukrainian_and_russian_and_prose_that_opens_with_it():
    from storydiff.extract.metadata import authors_from_lines

    body = "Внаслідок нічної атаки російських дронів на порт Одеси загинули семеро людей, повідомив голова ОВА."
    for byline, who in (("Підготувала: Олена Коваль", ["Олена Коваль"]), ("Подготовил: Иван Петров", ["Иван Петров"]),
                        ("Opracowanie planu budżetu trwało rok.", []),
                        # an institution's report, not a compiler (review 20, 5)
                        ("Opracowanie Głównego Urzędu Statystycznego", []), ("Opr. Biuro Prasowe", [])):
        lines = ["Атака дронів на Одесу", byline, body]
        assert authors_from_lines(lines, [False, False, True], title=lines[0]) == who

_BUDGET_PARAGRAPHS = [
    "The city council approved the new budget on Tuesday after a long debate over school funding.",
    "Council members said the plan adds money for road repairs and for two new libraries in the north.",
    "The mayor called the vote a compromise that keeps property taxes flat for the third year in a row.",
    "Opponents argued that the plan relies on optimistic revenue forecasts from the state government.",
    "A final reading of the budget is scheduled for next month, when residents can comment in person.",
]


def test_a_label_the_page_prints_between_paragraphs_is_not_body():
    from storydiff.settings import ExtractSettings

    lines = ["Home", "News", "City council approves budget", "City council approves budget"]
    for paragraph in _BUDGET_PARAGRAPHS:
        lines += [paragraph, "Article content", ""]
    text = "\n".join(lines)
    result = clean_page_text(text)
    assert result.text.split("\n") == _BUDGET_PARAGRAPHS
    # The line model alone keeps the repeated label; the near-repeat step is what drops it.
    without = clean_page_text(text, settings=ExtractSettings(page_repeat_within=0))
    assert "Article content" in without.text.split("\n")


def test_drop_near_repeats_keeps_the_first_copy_and_distant_repeats():
    from storydiff.extract.pagetext import drop_near_repeats

    lines = ["Pros", "Fast", "Pros!", "Cheap", "Cons", "Loud", "", "", "", "Pros", "Small"]
    kept = [True] * len(lines)
    got = drop_near_repeats(lines, kept, 3)
    # "Pros!" normalises to "pros", two lines after the first copy: dropped; the first copy and
    # the copy seven lines later (a list's label per item) stay.
    assert got == [True, True, False, True, True, True, True, True, True, True, True]
    assert drop_near_repeats(lines, kept, 0) == kept
    assert drop_near_repeats(lines, [False] * len(lines), 3) == [False] * len(lines)


def test_a_paragraph_whose_teaser_copy_the_model_dropped_stays_body():
    # review 20b, 6: the teaser above the body's first paragraph was dropped as chrome, and the
    # paragraph, a copy of it, was dropped as a repeat; a short label is still dropped after a
    # dropped copy of it
    from storydiff.extract.pagetext import drop_near_repeats

    lede = "Three people were killed overnight when a Russian missile hit a block of flats in Lviv."
    lines = ["Lviv mayor: 3 killed in overnight strike", "By Jane Doe", lede, lede, "The mayor said rescuers were searching."]
    assert drop_near_repeats(lines, [False, False, False, True, True], 3) == [False, False, False, True, True]
    labels = ["Advertisement", "A paragraph of the article that the model keeps as body.", "Advertisement"]
    assert drop_near_repeats(labels, [False, True, True], 3) == [False, True, False]


# The recall floor (round 22): a page whose kept lines hold under a share of its sentence text
# gets the decoder's span placed again with a lower cost.
from storydiff.extract import pagetext  # noqa: E402
from storydiff.extract.pagetext import broad_span_flags, sentence_share  # noqa: E402


def test_sentence_share_counts_sentences_in_every_script():
    lines = ["Menu", "The council met on Tuesday and voted to close the old bridge for repairs.",
             "東京都は十日、新しい防災計画を発表し、住民に対して避難経路の確認を呼びかけた。", "Login"]
    assert sentence_share(lines, [False, True, False, False]) == pytest.approx(
        len(lines[1]) / (len(lines[1]) + len(lines[2])))
    assert sentence_share(lines, [False, True, True, False]) == 1.0
    assert sentence_share(lines, [True, False, False, True]) == 0.0
    assert sentence_share(["Menu", "Home", "Price: 20 EUR"], [False, False, False]) == 1.0


def test_broad_span_reaches_a_body_of_short_lines_the_decoders_cost_cuts_off():
    # Three sentence lines scoring high, then a list whose lines score 0.1 (under the span cost
    # 0.25, over 0.05), then navigation scoring nothing.
    prob = np.array([0.001] * 3 + [0.95] * 3 + [0.1] * 12 + [0.0005] * 6)
    p_start = np.full(len(prob), 0.01)
    p_end = np.full(len(prob), 0.01)
    decoder = {"weight": 0.0, "span_cost": 0.25, "inside_threshold": 0.05, "outside_threshold": 0.9}
    assert pagetext.boundary_span(prob, p_start, p_end, decoder) == (3, 5)
    broad = broad_span_flags(prob, p_start, p_end, decoder, span_cost=0.05, inside=0.02)
    assert broad[3:18].all() and not broad[:3].any() and not broad[18:].any()
    # The inside threshold still holds in the broader span.
    assert not broad_span_flags(prob, p_start, p_end, decoder, span_cost=0.05, inside=0.2)[6:18].any()


# A guide whose body is mostly short lines: its intro, then three blocks of eleven list rows
# each closed by one sentence (each sentence more than prose_run_gap lines from the next, so
# keep_prose_runs does not join them), then the page's notices.
_TRAILS = [[f"Trail {b}{k}: {k + 2} miles" for k in range(11)] for b in "ABC"]
_CLOSING = ["Every trail in this block was walked again in May and was open to walkers and their dogs.",
            "The trails in this block climb more than the others, so allow an extra hour for each of them.",
            "Parking near this block is free on weekdays, and the town bus stops at the gate every hour."]
LIST_PAGE = (["Home", "Shop", "Guides",
              "Our guide to the trails near the lake, walked by our staff and readers this spring.",
              "We list each trail's distance and climb so that you can choose one for your afternoon."]
             + [line for rows, closing in zip(_TRAILS, _CLOSING) for line in rows + [closing]]
             + ["Privacy Policy", "Subscribe to our newsletter"])


def _fixture_scores(monkeypatch, models):
    """The line model's scores for LIST_PAGE as the model gives them on lost wcxb pages: the
    intro's sentences high, the body's short lines under the span's cost, the rest low."""
    prob = np.array([0.001] * 3 + [0.95] * 2 + [0.1] * 36 + [0.0005] * 2)
    p_start = np.full(len(prob), 0.01)
    p_end = np.full(len(prob), 0.01)
    monkeypatch.setattr(pagetext, "_line_scores", lambda lines, siblings, m: (prob, p_start, p_end))
    return dict(models, _meta=dict(models["_meta"], boundary_decoder={
        "weight": 0.0, "span_cost": 0.25, "inside_threshold": 0.05, "outside_threshold": 0.9}))


def test_the_recall_floor_adds_the_broad_span_when_the_page_kept_under_its_share(monkeypatch):
    from dataclasses import replace

    from storydiff.extract.line_model import load_models

    models = load_models()
    if models is None:
        pytest.skip("no line model weights")
    models = _fixture_scores(monkeypatch, models)
    text = "\n".join(LIST_PAGE)
    base = replace(pagetext.SETTINGS, recall_floor_span_cost=0.02, recall_floor_inside=0.02)
    off = clean_page_text(text, models=models, settings=replace(base, recall_floor=0.0))
    on = clean_page_text(text, models=models, settings=replace(base, recall_floor=0.5))
    body = range(5, 41)
    # Without the floor the list and its closing sentences are lost: the kept lines (the intro)
    # hold under half of the page's sentence text.
    assert off.kept[3] and off.kept[4] and not any(off.kept[i] for i in body)
    assert sentence_share(LIST_PAGE, off.kept) < 0.5
    assert all(on.kept[i] for i in body) and on.kept[3] and on.kept[4]
    # Navigation and the notices stay out.
    assert not any(on.kept[i] for i in (0, 1, 2, 41, 42))
    # A floor the page's kept share already meets changes nothing.
    assert clean_page_text(text, models=models, settings=replace(base, recall_floor=0.2)).kept == off.kept


def test_the_recall_floor_reuses_the_line_scores_and_the_benchmark_path_gives_the_same_flags(monkeypatch):
    """The floor's broad span reads the scores clean_page_text computed once (it computed the line
    features a second time on every page it reached), and ``kept_from_scores`` on those scores (what
    the benchmarks call with cached scores) keeps exactly clean_page_text's lines."""
    from dataclasses import replace

    from storydiff.extract.line_model import load_models

    models = load_models()
    if models is None:
        pytest.skip("no line model weights")
    models = _fixture_scores(monkeypatch, models)
    fixture = pagetext._line_scores
    calls = []

    def counted(lines, siblings, m):
        calls.append(len(lines))
        return fixture(lines, siblings, m)

    monkeypatch.setattr(pagetext, "_line_scores", counted)
    settings = replace(pagetext.SETTINGS, recall_floor=0.5, recall_floor_span_cost=0.02, recall_floor_inside=0.02)
    got = clean_page_text("\n".join(LIST_PAGE), models=models, settings=settings)
    assert calls == [len(LIST_PAGE)]  # one scoring, though the floor fired (the list's lines are kept)
    assert all(got.kept[i] for i in range(5, 41))
    kept, title = pagetext.kept_from_scores(LIST_PAGE, LIST_PAGE, fixture(LIST_PAGE, [], models), set(), models,
                                            settings)
    assert kept == got.kept and title == got.title
