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


def test_extract_html_without_gap_fill_keeps_the_precise_body(monkeypatch):
    from storydiff.extract.html import extract_html
    from storydiff.settings import ExtractSettings

    assert ExtractSettings().gap_fill_max_lines == 0  # off by default (BENCHMARKS §1, round 16)

    calls = _passes(monkeypatch)
    _settings(monkeypatch, recheck_below_words=0, gap_fill_max_lines=0)
    assert extract_html(_page(True)).text.split("\n") == [A, C, D]
    assert calls == [{"favor_precision": True}]


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
