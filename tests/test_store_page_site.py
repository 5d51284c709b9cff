"""The watch state's look-ups of round 27 on both databases: the site's name a host's pages
recorded (``page_meta_of_host``) and the records dropped for addresses gone (``forget_fetched_urls``)."""

from __future__ import annotations

from test_store import db_url, store  # noqa: F401  (fixtures: SQLite and PostgreSQL)

from storydiff.records import FetchedUrl


def test_a_hosts_recorded_site_name_is_its_latest_pages(store):  # noqa: F811
    store.save_fetched_urls([
        FetchedUrl("https://www.harbor.test/a/1", last_checked="2024-06-01T00:00:00+00:00", meta={"page_site": "Harbor"}),
        FetchedUrl("http://www.harbor.test/a/2", last_checked="2024-06-02T00:00:00+00:00",
                   meta={"page_site": "Harbor Wire"}),
        FetchedUrl("https://www.harbor.test/a/3", last_checked="2024-06-03T00:00:00+00:00", meta={"title": "x"}),
        # another host, and a host whose name a LIKE pattern would take for this one ("_" is a wildcard)
        FetchedUrl("https://www.harbor_test.example/a/1", last_checked="2024-06-04T00:00:00+00:00",
                   meta={"page_site": "Other"}),
        FetchedUrl("https://wwwxharbor.test/a/1", last_checked="2024-06-04T00:00:00+00:00", meta={"page_site": "X"}),
    ])
    assert store.page_meta_of_host("www.harbor.test", "page_site") == "Harbor Wire"
    assert store.page_meta_of_host("www.harbor_test.example", "page_site") == "Other"
    assert store.page_meta_of_host("www.nowhere.test", "page_site") is None


def test_forgotten_urls_are_no_longer_recorded(store):  # noqa: F811
    store.save_fetched_urls([FetchedUrl("https://a.test/1"), FetchedUrl("https://a.test/2")])
    store.forget_fetched_urls(["https://a.test/1"])
    store.forget_fetched_urls([])
    assert set(store.fetched_urls(["https://a.test/1", "https://a.test/2"])) == {"https://a.test/2"}
