"""How a comparison reads: the terminal report at 80 columns without colour (a pipe, a log file)
and on a wide terminal, the story list, and the HTML report (counts, contents, the summary of
disagreements, dates). The stories are built by hand, so each test knows exactly what is in them."""

from __future__ import annotations

import io
import re

from rich.console import Console

from storydiff.records import AlignedQuote, Article, Fact, Origin, QuoteVersion, SourceGroup, Story
from storydiff.serve import format as fmt
from storydiff.serve.html import render_html
from storydiff.serve.terminal import print_report, story_list
from storydiff.store.base import StorySummary

TITLE_A = "Strong earthquake kills 12 in the mountain town of Berovac, hundreds of families left homeless overnight"
TITLE_B = "Berovac quake: 14 dead as the old town hall collapses on rescuers and the mayor asks for help"
QUOTE_A = "We are not giving up on anyone who is still under the rubble tonight"
QUOTE_B = "We are giving up on anyone who is still under the rubble tonight"
BOX_DRAWING = re.compile("[\u2500-\u257f]")  # table and panel borders


def quake() -> tuple[Story, list[Article]]:
    """Two reports of one quake: a death toll that differs, a quote whose "not" was dropped."""
    a = Article("wire-1", "wire.html", "…", url="https://wire.example/berovac", outlet="Ostrania Press Agency",
                title=TITLE_A, published="2024-03-11T08:40:00+00:00", dateline="BEROVAC")
    b = Article("lantern-2", "lantern.jsonl", "…", outlet="Daily Lantern", title=TITLE_B,
                published="2024-03-11T13:15:00+02:00",
                origins=[Origin("OPA", "citing", "OPA said")])
    story = Story(
        id="s7bfb3dffa7d06bee",
        article_ids=[a.id, b.id],
        origins=["OPA"],
        independent_sources=1,
        source_groups=[SourceGroup([a.id, b.id], "OPA", "Daily Lantern cites OPA: one source (OPA)")],
        quotes=[
            AlignedQuote("Ilse Varnik", [
                QuoteVersion(a.id, QUOTE_A, "verbatim", speaker="Ilse Varnik"),
                QuoteVersion(b.id, QUOTE_B, "edited", [("=", "We are"), ("-", "not"), ("=", "giving up on anyone")],
                             "Ilse Varnik", ["negation"]),
            ]),
            AlignedQuote("Petar Holm", [QuoteVersion(a.id, "Newer homes mostly stood.", "only_here", speaker="Petar Holm")]),
        ],
        facts=[
            Fact("At least 12 people were killed.", [a.id, b.id],
                 {a.id: "At least 12 people were killed.", b.id: "At least 14 people were killed."},
                 ["numbers differ: 12 (Ostrania Press Agency) vs 14 (Daily Lantern)"], a.id),
            Fact("Rescue teams from three provinces arrived by midday.", [a.id, b.id], {}, [], a.id),
            Fact("The Red Cross set up tents for about 800 people in the football stadium.", [a.id], {}, [], a.id),
        ],
        timeline=[{"article_id": a.id, "new_facts": 3}, {"article_id": b.id, "new_facts": 0}],
    )
    return story, [a, b]


def one_report() -> tuple[Story, list[Article]]:
    a = Article("herald-1", "herald.rss", "…", outlet="Coastal Herald", title="Moderate earthquake shakes Marisol",
                published="2024-09-02")
    return Story(id="s73e353bcd694eb3b", article_ids=[a.id], independent_sources=1,
                 source_groups=[SourceGroup([a.id], None, "own reporting")],
                 facts=[Fact("No one was killed.", [a.id], {}, [], a.id)],
                 timeline=[{"article_id": a.id, "new_facts": 1}]), [a]


def terminal(width: int, colour: bool = False) -> str:
    story, articles = quake()
    single, more = one_report()
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system="truecolor" if colour else None,
                      force_terminal=colour, soft_wrap=False)
    print_report(console, [story, single], articles + more)
    return buf.getvalue()


def flat(text: str) -> str:
    """The text with every run of spaces and line breaks as one space: phrases, however wrapped."""
    return " ".join(text.split())


# -- one format for dates and counts ------------------------------------------------------------


def test_one_date_format_in_utc_and_counts_that_agree():
    assert fmt.when("2024-03-11T13:15:00+02:00") == "2024-03-11 11:15 UTC"
    assert fmt.when("2024-03-11T08:40:00") == "2024-03-11 08:40 UTC"  # no zone: taken as UTC
    assert fmt.when("2024-09-02") == "2024-09-02"  # a day stays a day
    assert fmt.when(None) == "—" and fmt.when("last Tuesday") == "last Tuesday"
    assert [fmt.plural(n, "story", "stories") for n in (0, 1, 2)] == ["0 stories", "1 story", "2 stories"]
    assert fmt.plural(1, "independent source") == "1 independent source"


# -- the terminal: 80 columns without colour ----------------------------------------------------


def test_report_at_80_columns_without_colour_reads_as_plain_text():
    text = terminal(80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert not any(line != line.rstrip() for line in lines)  # no padding left at line ends in a log
    # no frames or table rules: a log keeps text, and every title and quote gets the full width
    assert not any(BOX_DRAWING.search(line) for line in lines if set(line) != {"─"})
    # each headline on at most two lines (a 16-column table cell made seven of TITLE_A)
    for title in (TITLE_A, TITLE_B):
        first_words = " ".join(title.split()[:4])
        at = next(i for i, line in enumerate(lines) if first_words in line)
        assert " ".join(" ".join(lines[at:at + 2]).split()).find(title.split()[-1]) > 0
    # dates whole and in the one format, converted to UTC
    assert "2024-03-11 08:40 UTC" in text and "2024-03-11 11:15 UTC" in text
    assert "2024-03-11T" not in text and "…" not in text
    # the diff marked in the text, the meaning change flagged
    assert "[-not-]" in text and "⚠ “not” changed" in text


def test_report_explains_its_terms_in_the_vocabulary_of_the_json():
    text = flat(terminal(80))
    for label, meaning in fmt.FIDELITY_MEANING.items():
        assert f"{label}: {meaning}" in text
    assert "missing" not in text  # the JSON's word is only_here: one word for one thing
    assert f"{fmt.FIRST_REPORTED}: {fmt.FIRST_REPORTED_MEANING}" in text
    assert f"3 {fmt.FIRST_REPORTED}" in text


def test_disagreements_are_summed_up_before_the_details():
    text = flat(terminal(80))
    summary = text.index("Where the reports disagree")
    assert summary < text.index("Articles (first report first)")
    block = text[summary:text.index("Articles (first report first)")]
    assert "numbers differ: 12 (Ostrania Press Agency) vs 14 (Daily Lantern)" in block
    assert "At least 14 people were killed." in block  # each outlet's own wording beside it
    assert "“not” changed" in block


def test_counts_agree_with_their_numbers():
    text = flat(terminal(80))
    assert "3 articles → 2 stories" in text
    assert "story s73e353bcd694eb3b · 1 article · 1 independent source" in text
    assert "Facts (1; one report so far):" in text


def test_a_wide_terminal_keeps_the_tables_and_dates_whole():
    text = terminal(140, colour=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "┃ outlet" in plain  # the articles table
    assert "2024-03-11 08:40 UTC" in plain and "2024-03-11 11:15 UTC" in plain
    assert "…" not in plain


def test_story_list_dates_whole_at_80_and_140_columns():
    rows = [StorySummary("s7bfb3dffa7d06bee", TITLE_A, 2, ["Ostrania Press Agency", "Daily Lantern"],
                         "2024-03-11T08:40:00+00:00", "2024-09-02T18:30:00+00:00")]
    for width in (80, 140):
        buf = io.StringIO()
        Console(file=buf, width=width, color_system=None).print(story_list(rows, width))
        text = buf.getvalue()
        assert "2024-03-11 08:40 UTC" in text and "2024-09-02 18:30 UTC" in text, (width, text)
        assert "s7bfb3dffa7d06bee" in text and "…" not in text
        assert max(len(line) for line in text.splitlines()) <= width
    # within a day the date is said once: "2024-09-02 16:05 – 18:30 UTC"
    same_day = [StorySummary("s73e353bcd694eb3b", "Marisol", 2, ["Coastal Herald"], "2024-09-02T16:05:00+00:00",
                             "2024-09-02T18:30:00+00:00")]
    buf = io.StringIO()
    Console(file=buf, width=80, color_system=None).print(story_list(same_day, 80))
    assert "2 articles · 2024-09-02 16:05 – 18:30 UTC" in buf.getvalue()
    assert fmt.span("2024-03-11T08:40:00+00:00", None) == fmt.span("2024-03-11T08:40:00Z", "2024-03-11T08:40:00+00:00")


# -- the HTML report ------------------------------------------------------------------------------


def test_html_report_counts_contents_disagreements_and_dates():
    story, articles = quake()
    single, more = one_report()
    page = render_html([story, single], articles + more)
    assert "3 articles → 2 stories" in page and "1 stories" not in page and "1 articles" not in page
    # a contents list linking to each story's section
    contents = page[page.index('<nav class="contents">'):page.index("</nav>")]
    assert contents.count('href="#story-') == 2
    assert 'id="story-s7bfb3dffa7d06bee"' in page and 'id="story-s73e353bcd694eb3b"' in page
    assert "1 disagreement" in contents or "2 disagreements" in contents
    # the web app's summary of disagreements, with each outlet's wording
    box = page[page.index("Where the reports disagree"):]
    assert "numbers differ: 12 (Ostrania Press Agency) vs 14 (Daily Lantern)" in box
    assert "At least 14 people were killed." in box
    # the one date format; the raw ISO string nowhere
    assert "2024-03-11 08:40 UTC" in page and "2024-03-11 11:15 UTC" in page
    assert "2024-03-11T08:40" not in page
    assert fmt.FIRST_REPORTED_MEANING in page and "missing" not in page


def test_html_report_is_one_file_styled_like_the_web_app():
    story, articles = quake()
    page = render_html([story], articles)
    assert "<nav class=\"contents\">" not in page  # one story: nothing to list
    assert ".badge{" in page and "@media (max-width:700px)" in page  # web.css, inlined
    assert 'href="/static' not in page and "http-equiv=\"Content-Security-Policy\"" in page
    assert 'rel="icon" href="data:image/svg+xml,' in page


def test_each_articles_words_carry_their_language_and_a_bad_tag_is_left_out():
    # a mixed-language story on an English page: a browser, a screen reader and a page
    # translator must read the Ukrainian title and quote as Ukrainian
    from dataclasses import replace

    story, articles = quake()
    uk = replace(articles[1], language="uk", title="Землетрус у Беровці: 14 загиблих")
    hostile = replace(articles[0], language='en" onmouseover="alert(1)')
    html = render_html([story], [hostile, uk])
    assert '<span lang="uk">Землетрус у Беровці: 14 загиблих</span>' in html
    wording = re.findall(r'<td class="wording"( lang="[^"]*")?>', html)
    assert ' lang="uk"' in wording  # the Ukrainian outlet's version of the quote
    assert "onmouseover" not in html and 'lang="en"' not in html.split("<body", 1)[1]


def test_a_long_quote_named_in_a_speaker_warning_is_cut_after_a_whole_word():
    # QA pass 18: "⚠ “… dla lotó”: speaker differs" (the quote cut at 80 characters, inside a word)
    words = ("We do not rule out closing the airspace over the eastern border to civilian flights"
             " until the end of the week")
    story, articles = quake()
    a, b = articles
    story.quotes.append(AlignedQuote("Ilse Varnik", [
        QuoteVersion(a.id, words, "verbatim", speaker="Ilse Varnik"),
        QuoteVersion(b.id, words, "verbatim", speaker="Petar Holm"),
    ]))
    buf = io.StringIO()
    print_report(Console(file=buf, width=200, color_system=None, soft_wrap=False), [story], articles)
    (shown,) = re.findall(r"⚠ “([^”]*)”: speaker differs", buf.getvalue())
    assert shown.endswith("…") and len(shown) <= 81
    assert words.startswith(shown[:-1]) and words[len(shown) - 1] == " "  # whole words, then the ellipsis
    assert fmt.clipped("one two", 80) == "one two" and fmt.clipped("x" * 90, 80) == "x" * 80 + "…"
