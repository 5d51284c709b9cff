"""The precise pass's gaps filled from the balanced pass (extract/pass_gaps.py)."""

from storydiff.extract.pass_gaps import fill_gaps, page_paragraphs, shows_gap

A = "The alliance was formed in Washington in 1949 by twelve countries."
B = "Its purpose was to block the expansion of the Soviet Union in Europe."
C = "It also aimed to prevent the revival of nationalist militarism."
D = "Finland joined in April 2023 and Sweden in March 2024."


def fill(precise: list[str], balanced: list[str], **kw) -> list[str]:
    options = {"max_gap": 3, "min_words": 0, "sentence_end": True} | kw
    return fill_gaps("\n".join(precise), "\n".join(balanced), **options).split("\n")


def test_a_paragraph_dropped_between_two_read_ones_is_put_back_in_place():
    assert fill([A, C, D], [A, B, C, D]) == [A, B, C, D]


def test_what_lies_before_the_first_or_after_the_last_paragraph_stays_out():
    teaser = "Read the full explainer on the alliance's history."
    assert fill([A, C], [teaser, A, C, "More from the alliance's members."]) == [A, C]


def test_a_gap_longer_than_max_gap_stays_out():
    assert fill([A, D], [A, B, C, D], max_gap=1) == [A, D]
    assert fill([A, D], [A, B, C, D], max_gap=2) == [A, B, C, D]


def test_a_gap_with_a_line_that_is_not_a_sentence_stays_out():
    headline = "Related: Finland and Sweden join"
    assert fill([A, D], [A, B, headline, D]) == [A, D]
    assert fill([A, D], [A, B, headline, D], sentence_end=False) == [A, B, headline, D]


def test_a_gap_with_a_short_line_stays_out_when_min_words_asks_for_more():
    assert fill([A, C], [A, "Why?", C], min_words=5) == [A, C]
    assert fill([A, C], [A, "Why?", C], min_words=0) == [A, "Why?", C]


def test_a_paragraph_cut_short_by_the_precise_pass_is_read_in_full():
    cut = "Kauert said that at high temperatures . This raises the tension in the road surface."
    full = "Kauert said that at high temperatures the concrete expands. This raises the tension in the road surface."
    assert fill([A, cut, D], [A, full, D]) == [A, full, D]


def test_a_different_paragraph_is_not_taken_for_the_same_one():
    other = "Kauert said something else entirely about bridges and their joints in summer heat."
    mine = "Kauert said that the concrete expands at high temperatures."
    assert fill([A, mine, D], [A, other, D]) == [A, mine, D]


def test_lines_only_the_precise_pass_reads_stay():
    assert fill([A, "A line only the precise pass has.", D], [A, B, D]) == [A, "A line only the precise pass has.", D]


def test_off_or_without_a_balanced_pass_the_precise_body_is_unchanged():
    assert fill([A, C], [A, B, C], max_gap=0) == [A, C]
    assert fill_gaps(f"{A}\n{C}", "", max_gap=3, min_words=0) == f"{A}\n{C}"


def _page(declared: bool) -> str:
    og = '<meta property="og:type" content="article">' if declared else ""
    return (f"<html><head><title>Nato</title>{og}</head><body><article>"
            + "".join(f"<p>{x}</p>" for x in (A, B, C, D)) + "</article></body></html>")


def _passes(monkeypatch) -> list[dict]:
    """extract_html's trafilatura passes replaced: the precise one drops B, the others read all."""
    from trafilatura.settings import Document

    from storydiff.extract import html

    calls = []

    def fake(tree, url, **options):
        calls.append(options)
        doc = Document()
        doc.text = "\n".join([A, C, D] if options.get("favor_precision") else [A, B, C, D])
        return doc

    monkeypatch.setattr(html, "_trafilatura", fake)
    return calls


def _settings(monkeypatch, **changes) -> None:
    import dataclasses

    from storydiff.extract import html

    monkeypatch.setattr(html, "SETTINGS", dataclasses.replace(html.SETTINGS, **changes))


def test_extract_html_fills_a_declared_article_from_a_balanced_pass_without_fallbacks(monkeypatch):
    from storydiff.extract.html import extract_html

    calls = _passes(monkeypatch)
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=3)  # a long article: no re-check pass
    assert extract_html(_page(True)).text.split("\n") == [A, B, C, D]
    assert calls == [{"favor_precision": True}, {"fast": True}]


def test_a_short_article_is_filled_from_its_re_check_pass_without_a_third_pass(monkeypatch):
    from storydiff.extract.html import extract_html

    calls = _passes(monkeypatch)  # 41 words: re-checked, and the precise pass kept (3 of 4 lines)
    _settings(monkeypatch, gap_fill_max_lines=3)
    assert extract_html(_page(True)).text.split("\n") == [A, B, C, D]
    assert calls == [{"favor_precision": True}, {}]


def test_extract_html_without_gap_fill_reads_the_gap_from_the_pages_paragraphs_in_one_pass(monkeypatch):
    from storydiff.extract.html import extract_html
    from storydiff.settings import ExtractSettings

    assert ExtractSettings().gap_fill_max_lines == 0  # off by default (BENCHMARKS §1, round 16)

    calls = _passes(monkeypatch)
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=0)
    assert extract_html(_page(True)).text.split("\n") == [A, B, C, D]  # <p>B</p> between A and C, read alike
    assert calls == [{"favor_precision": True}]
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=0, paragraph_gap_max_lines=0)
    assert extract_html(_page(True)).text.split("\n") == [A, C, D]


def test_the_balanced_pass_runs_where_the_pages_paragraphs_show_a_gap(monkeypatch):
    from storydiff.extract.html import extract_html

    calls = _passes(monkeypatch)
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=3)  # the gap fill switched on, a long article
    assert extract_html(_page(True)).text.split("\n") == [A, B, C, D]  # <p>B</p> between A and C
    assert calls == [{"favor_precision": True}, {"fast": True}]


def test_no_balanced_pass_where_the_pages_paragraphs_show_no_gap(monkeypatch):
    from storydiff.extract.html import extract_html

    calls = _passes(monkeypatch)
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=3)
    page = _page(True).replace(f"<p>{B}</p>", f"<div>{B}</div>")  # B is no <p>: nothing tells of it
    assert extract_html(page).text.split("\n") == [A, C, D]
    assert calls == [{"favor_precision": True}]
    calls.clear()
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=3, gap_fill_when_paragraphs_show=False)
    assert extract_html(page).text.split("\n") == [A, B, C, D]
    assert calls == [{"favor_precision": True}, {"fast": True}]


def test_the_pages_paragraphs_show_a_gap_between_two_read_lines():
    options = {"max_gap": 3, "min_words": 0}
    menu = ["Home", "News", "Sport"] * 20  # many <p>s before the article: its first line searched anywhere
    assert shows_gap("\n".join([A, C, D]), [*menu, A, B, C, D], **options)
    assert not shows_gap("\n".join([A, B, C, D]), [*menu, A, B, C, D], **options)
    assert not shows_gap("\n".join([A, D]), [A, "Read next: the alliance at 75", D], **options)  # no sentence
    assert not shows_gap("\n".join([A, D]), [A, B, C, B, C, D], **options)  # longer than max_gap
    assert not shows_gap("\n".join([A, C]), [A, B, C], max_gap=0, min_words=0)


def test_the_pages_paragraphs_show_a_paragraph_the_precise_pass_cut_short():
    cut = "Kauert said that at high temperatures . This raises the tension in the road surface."
    full = "Kauert said that at high temperatures the concrete expands. This raises the tension in the road surface."
    assert shows_gap("\n".join([A, cut, D]), [A, full, D], max_gap=3, min_words=0)


def test_page_paragraphs_reads_each_p_in_order_with_its_inline_text():
    from storydiff.extract.html import parse_html

    tree = parse_html("<html><body><div>Menu</div><p>First <a href='/x'>linked</a> words.</p><div><p> Second\n one. </p>"
                      "<p></p></div></body></html>")
    assert page_paragraphs(tree) == ["First linked words.", "Second one."]


def test_a_page_that_is_no_article_gets_the_balanced_pass_alone(monkeypatch):
    from storydiff.extract.html import extract_html

    calls = _passes(monkeypatch)
    assert extract_html(_page(False)).text.split("\n") == [A, B, C, D]
    assert calls == [{}]


# fill_from_paragraphs: the same gaps filled from the page's own <p>s, no second pass

from lxml.html import fromstring  # noqa: E402

from storydiff.extract.pass_gaps import fill_from_paragraphs  # noqa: E402


def from_page(precise: list[str], body: str, **kw) -> list[str]:
    options = {"max_gap": 3, "min_words": 0, "sentence_end": True} | kw
    tree = fromstring(f"<html><body><h1>Nato at 75</h1>{body}<footer><p>About us.</p></footer></body></html>")
    return fill_from_paragraphs("\n".join(precise), tree, **options).split("\n")


def test_a_paragraph_left_out_between_two_sibling_paragraphs_is_read_from_the_page():
    body = f'<div class="story"><p>{A}</p><p>{B} See <a href="/x">the treaty</a>.</p><p>{C}</p></div>'
    assert from_page([A, C], body) == [A, f"{B} See the treaty.", C]


def test_paragraphs_each_in_a_wrapper_of_one_kind_are_placed_alike():
    wrap = '<div class="text-block"><p>{}</p></div>'
    body = '<article>' + "".join(wrap.format(x) for x in (A, B, C, D)) + '</article>'
    assert from_page([A, D], body) == [A, B, C, D]
    assert from_page([A, D], body, max_gap=1) == [A, D]


def test_a_caption_a_teaser_box_or_a_link_between_two_paragraphs_stays_out():
    caption = '<p><img src="map.jpg"/>The first map of the alliance. (NATO)</p>'
    boxed = f'<p>{A}</p><div class="teaser"><p>Finland and Sweden joined the alliance.</p></div><p>{C}</p>'
    linked = f'<p>{A}</p><p><a href="/quiz">Take the quiz on the alliance now!</a></p><p>{C}</p>'
    classed = f'<p>{A}</p><p class="credit">Reporting by the wire desk.</p><p>{C}</p>'
    assert from_page([A, C], f"<div><p>{A}</p>{caption}<p>{C}</p></div>") == [A, C]
    for body in (boxed, linked, classed):
        assert from_page([A, C], f"<div>{body}</div>") == [A, C]


def test_a_gap_that_is_no_sentence_or_a_notice_stays_out():
    heading = f"<div><p>{A}</p><p>Related: Finland and Sweden join</p><p>{C}</p></div>"
    notice = f"<div><p>{A}</p><p>Sign up for our daily newsletter.</p><p>{C}</p></div>"
    assert from_page([A, C], heading) == [A, C]
    assert from_page([A, C], notice) == [A, C]


def test_what_lies_before_the_first_or_after_the_last_read_line_stays_out():
    body = f'<div><p>Read the full explainer.</p><p>{A}</p><p>{C}</p><p>More from the alliance.</p></div>'
    assert from_page([A, C], body) == [A, C]


def test_a_line_cut_of_its_linked_words_is_read_whole_from_its_paragraph():
    cut = "Finland joined in April 2023 and in March 2024."
    body = f'<div><p>{A}</p><p>Finland joined in April 2023 and <a href="/se">Sweden</a> in March 2024.</p><p>{C}</p></div>'
    assert from_page([A, cut, C], body) == [A, D, C]
    # a paragraph placed otherwise (a caption's) is not read in
    other = f'<div><p>{A}</p><figure><p>Finland joined in April 2023 and <a href="/se">Sweden</a> in March 2024.</p></figure></div>'
    assert from_page([A, cut], other) == [A, cut]


def test_a_paragraph_the_pass_split_into_lines_is_not_read_twice():
    # trafilatura can end a line at an inline element: both lines are the same <p>'s
    head, tail = "Finland joined in April 2023 and", "Sweden in March 2024."
    body = f'<div><p>{A}</p><p>Finland joined in April 2023 and <code>Sweden</code> in March 2024.</p><p>{C}</p></div>'
    assert from_page([A, head, tail, C], body) == [A, head, tail, C]


def test_a_paragraph_that_only_opens_like_the_line_does_not_replace_it():
    heading = "How Much Does Software Cost?"
    body = f'<div><p>{A}</p><p>How much does tier 1 software cost?</p><p>{C}</p></div>'
    assert from_page([A, heading, C], body) == [A, heading, C]
