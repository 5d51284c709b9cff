"""clean_body: the lines of an extracted body a reader skips, and the ones that only look like them."""

from __future__ import annotations

from storydiff.extract.html import extract_html
from storydiff.extract.line_cleanup import clean_body

PROSE = ("Home prices rose again this year in most of the regions the survey covers, and economists "
         "expect the rise to slow only when mortgage rates come down from their current levels.")


def test_a_date_stamp_line_is_dropped():
    body = clean_body(f"Posted 12/03/2024 10:15\n{PROSE}\n12/03/2024 10:15")
    assert body == PROSE


def test_a_table_row_with_a_date_is_data_not_a_stamp():
    rows = "| Month | Change |\n| 1/1/2013 | +13.1% |\n| 2/1/2013 | +12.9% |"
    body = clean_body(f"{PROSE}\n{rows}")
    assert body.splitlines() == [PROSE, "| Month | Change |", "| 1/1/2013 | +13.1% |", "| 2/1/2013 | +12.9% |"]


def test_a_table_of_dates_in_an_article_survives_extraction():
    paragraphs = "".join(f"<p>{PROSE} Paragraph {n} adds more detail on the figures.</p>" for n in range(6))
    table = ("<table><tr><th>Month</th><th>Change</th></tr><tr><td>1/1/2013</td><td>+13.1%</td></tr>"
             "<tr><td>2/1/2013</td><td>+12.9%</td></tr></table>")
    page = (f"<html><head><title>Home prices</title></head><body><article><h1>Home prices</h1>{paragraphs}"
            f"{table}<p>{PROSE}</p></article></body></html>")
    text = extract_html(page).text
    assert "1/1/2013" in text and "2/1/2013" in text
