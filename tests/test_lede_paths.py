"""One text, one lede: what e5 reads of a report is the same whether its headline came as the
row's `title` or as its text's first line, so `cluster` (rows as they are) and `compare` /
`ingest` (which extract a JSONL row's first line as the title) score a pair across languages
alike (round 20: a Guardian report and its Russian translation, one story in `cluster`, two in
`compare`)."""

from __future__ import annotations

import json

import pytest

from storydiff.match.clusterer import prepare
from storydiff.match.features import extract_terms
from storydiff.match.multilingual import lede, name_skeleton
from storydiff.pipeline import extract_in_workers, match_doc_from_row, read_inputs, to_match_doc
from storydiff.records import Failure

# written for this test: a fictional port city's ferry fire, in English and Ukrainian
EN_TITLE = "Caldonia ferry fire: Port Veyra evacuates 312 passengers"
EN_BODY = (
    "A fire broke out on the ferry Lorn Star as it approached Port Veyra on Saturday, and crews "
    "evacuated all 312 passengers, the harbour authority said.\n"
    "Two crew members were treated for smoke inhalation, harbour master Elin Voss told reporters. "
    "The cause of the fire was not yet known, she said, and the ferry line suspended its crossings."
)
UK_TITLE = "Пожежа на поромі Калдонії: у Порт-Вейрі евакуювали 312 пасажирів"
UK_BODY = (
    "У суботу на поромі Lorn Star, що підходив до Порт-Вейри, спалахнула пожежа, і екіпаж "
    "евакуював усіх 312 пасажирів, повідомило управління гавані.\n"
    "Двох членів екіпажу лікували через отруєння димом, сказала журналістам капітан гавані Елін Восс."
)
DATELINE = "PORT VEYRA, June 10 (Harbor Wire) - "


def test_a_headline_reads_the_same_as_a_title_and_as_the_texts_first_line():
    # `compare` wrote "title. text", `cluster` "title text": e5 read two strings of one report
    for title, body in ((EN_TITLE, EN_BODY), (UK_TITLE, UK_BODY)):
        assert lede(body, title) == lede(f"{title}\n{body}", None)
        assert lede(body, title).startswith(title.rstrip(".") + " ")


def test_a_title_the_text_repeats_is_read_once():
    # a row whose text opens with its own headline: the headline was read twice
    for title, body in ((EN_TITLE, EN_BODY), (UK_TITLE, UK_BODY), (EN_TITLE + ".", EN_BODY)):
        got = lede(f"{title}\n{body}", title)
        assert got == lede(body, title)
        assert got.count(title.rstrip(".")) == 1
    # a text opening with other words is still headed by its title; so is one whose first
    # paragraph only opens with the title's sentence (extraction keeps that line as body text)
    assert lede("Ferry fire crews were praised by the mayor.", EN_TITLE).startswith(EN_TITLE + " Ferry")
    one_paragraph = EN_BODY.replace("\n", " ")
    assert lede(one_paragraph, one_paragraph.split(", and")[0]).count("A fire broke out") == 2


def test_the_dateline_after_a_headline_line_is_left_out_too():
    # "title" + body opening with its dateline: `compare` left the dateline out, `cluster` read it
    # (it opened the text's second line)
    as_row = lede(f"{EN_TITLE}\n{DATELINE}{EN_BODY}", None)
    assert as_row == lede(DATELINE + EN_BODY, EN_TITLE)
    assert "Harbor Wire" not in as_row and "June 10" not in as_row
    assert as_row.startswith(f"{EN_TITLE} A fire broke out")


def test_cluster_and_compare_read_one_row_alike(tmp_path):
    """The same JSON Lines rows (headline as the text's first line, as WMT's are) through the
    path `cluster` reads them by and the one `compare` extracts them by: the same lede, and the
    same keys across languages (the headline's names among them: "Caldonia" is only there)."""
    rows = [{"id": "en", "text": f"{EN_TITLE}\n{EN_BODY}"}, {"id": "uk", "text": f"{UK_TITLE}\n{UK_BODY}"},
            # a title the text repeats as its first line, and one that is its first paragraph's opening
            {"id": "en-titled", "title": EN_TITLE, "text": f"{EN_TITLE}\n{EN_BODY}"},
            {"id": "en-sentence", "title": EN_BODY.split(", and")[0], "text": EN_BODY}]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    extracted = [a for a in extract_in_workers(iter(read_inputs([str(path)])), 0, None)]
    assert not [a for a in extracted if isinstance(a, Failure)]
    by_id = {a.id: a for a in extracted}
    for row in rows:
        article = by_id[row["id"]]
        if article.title is None or not (row.get("title") or row["text"]).startswith(article.title):
            pytest.skip("extraction no longer takes the first line as the title")
        from_compare, as_row = prepare(to_match_doc(article)), prepare(match_doc_from_row(row))
        assert from_compare.lede == as_row.lede
        assert set(from_compare.xkeys) == set(as_row.xkeys)
        if row["id"] in ("en", "en-titled"):
            assert "@" + name_skeleton("Caldonia") in as_row.xkeys


def test_a_titles_names_count_once():
    # the title's names count as the text's first line's would: once, whether the text repeats
    # the title or not; a title-cased word the text writes in lower case is no name
    from storydiff.match.features import named

    body = "Crews evacuated the ferry near Port Veyra, and the fire was put out."
    alone = extract_terms(body, "Caldonia Ferry Fire")
    assert alone.title_names == {"caldonia": 1}
    assert extract_terms(f"Caldonia Ferry Fire\n{body}", "Caldonia Ferry Fire").title_names == {}
    assert named(alone)["caldonia"] == extract_terms(f"Caldonia Ferry Fire\n{body}").entities["caldonia"] == 1
