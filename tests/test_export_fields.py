"""Export rows as vendors write them (QA pass 18): their field names, epoch numbers, HTML-escaped
text, a brief whose text is its headline; read alike by ``ingest``, ``compare`` and ``cluster``."""

from __future__ import annotations

import json

from storydiff.extract import extract_item, normalize_date
from storydiff.ingest.formats import read_jsonl
from storydiff.pipeline import match_doc_from_row
from storydiff.records import RawItem
from storydiff.settings import IngestSettings

TEXT = ("A Russian drone strike hit a thermal power plant in Lviv early on Tuesday, injuring 14 people, "
        "regional governor Maksym Kozytskyi said.\nFirefighters put out the blaze by noon, the emergency service said.")


def _items(*rows: dict) -> list:
    return list(read_jsonl("rows.jsonl", [json.dumps(r).encode() for r in rows], IngestSettings()))


def test_a_vendors_field_names_are_read_as_storydiffs():
    [item] = _items({"id": "v1", "headline": "Drone strike hits Lviv", "body": TEXT,
                     "source_name": "Harbor Wire", "pub_date": "2026-11-03T06:10:00Z"})
    assert isinstance(item, RawItem)
    article = extract_item(item)
    assert (article.title, article.outlet) == ("Drone strike hits Lviv", "Harbor Wire")
    assert article.published.startswith("2026-11-03T06:10")


def test_storydiffs_own_field_wins_over_an_alias():
    [item] = _items({"id": "v1", "title": "Own title", "headline": "Vendor headline", "text": TEXT})
    assert item.meta["title"] == "Own title"


def test_cluster_reads_the_fields_ingest_reads():
    doc = match_doc_from_row({"id": "v1", "body": TEXT, "headline": "Drone strike hits Lviv", "source_name": "Harbor Wire"})
    assert (doc.text, doc.title, doc.outlet) == (TEXT, "Drone strike hits Lviv", "Harbor Wire")


def test_an_epoch_given_as_a_json_number_is_a_date_not_a_refused_row():
    [item] = _items({"id": "e1", "text": TEXT, "published": 1793685000})
    assert isinstance(item, RawItem), item
    assert extract_item(item).published == normalize_date("1793685000")


def test_a_boolean_published_is_still_refused_by_name():
    [failure] = _items({"id": "e1", "text": TEXT, "published": True})
    assert not isinstance(failure, RawItem) and "'published'" in failure.reason


def test_html_escaped_text_is_read_with_its_quote_marks():
    text = "The mayor of Berovac said on Monday: &quot;We will rebuild every house.&quot; Officials said 12 people had died &amp; 40 were injured."
    [item] = _items({"id": "h1", "text": text})
    body = extract_item(item).text
    assert '"We will rebuild every house."' in body and "died & 40" in body and "&quot;" not in body


def test_a_script_or_an_image_in_a_text_field_is_markup_not_words():
    text = ("<script>alert(1)</script>The mayor of Berovac said on Monday that the town would be rebuilt."
            "<img src=x onerror=alert(1)> Officials said 12 people had died in the floods.")
    [item] = _items({"id": "h3", "text": text})
    body = extract_item(item).text
    assert "alert" not in body and "<img" not in body and "rebuilt" in body


def test_a_brief_whose_text_is_its_headline_is_kept():
    line = "The parliament election is over in Turkmenistan."
    [item] = _items({"id": "t1", "title": line, "text": line, "outlet": "A"})
    assert extract_item(item).text == line


def test_a_twelve_hour_time_keeps_its_pm():
    assert normalize_date("Nov 3, 2026 9:10 PM") == "2026-11-03T21:10:00+00:00"
    assert normalize_date("November 3, 2026 9:10 p.m.") == "2026-11-03T21:10:00+00:00"
    assert normalize_date("Nov 3, 2026 9:10 AM") == "2026-11-03T09:10:00+00:00"
    assert normalize_date("Tue, 03 Nov 2026 21:10:00 GMT") == "2026-11-03T21:10:00+00:00"


def test_an_aggregators_source_object_names_the_outlet_and_a_bare_source_string_does_not():
    # review 18 #2: NewsAPI's "source": {"id", "name"} refused the row whole; "source": "rss" became the outlet
    [newsapi, channel, numbered] = _items(
        {"id": "n1", "text": TEXT, "source": {"id": "bbc-news", "name": "BBC News"}, "publishedAt": "2026-12-03T08:00:00Z"},
        {"id": "n2", "text": TEXT, "source": "Google News"},
        {"id": "n3", "text": TEXT, "headline": 5, "pub_date": 1793685000})
    assert isinstance(newsapi, RawItem) and newsapi.meta["outlet"] == "BBC News"
    assert newsapi.meta["published"] == "2026-12-03T08:00:00Z"
    assert isinstance(channel, RawItem) and "outlet" not in channel.meta
    # a number is a time only where a time belongs: a numeric headline is ignored, not a refused row
    assert isinstance(numbered, RawItem) and "title" not in numbered.meta and numbered.meta["published"] == "1793685000"
