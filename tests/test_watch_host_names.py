"""The site's name a host's pages give, for its pages that give none (fetch.round.Round)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from storydiff.fetch.round import Round


def test_a_name_read_while_the_recorded_one_is_looked_up_is_kept():
    # page A of the host names no site: its host's recorded name is looked up (in a thread); page B,
    # read meanwhile, names the site. The lookup's "none recorded" must not erase B's name, or A and
    # every later unnamed page of the host become an outlet named by the host ("www.harbor.test")
    def recorded(host: str) -> str | None:
        rnd.named_host[host] = "Harbor Wire"  # page B's <head> read during the lookup
        return None

    rnd = Round([], lookup=lambda urls: {}, now=datetime.now(UTC), recorded_site_of_host=recorded)
    assert asyncio.run(rnd._host_name("https://www.harbor.test/a/quake")) == "Harbor Wire"
    assert rnd.named_host["www.harbor.test"] == "Harbor Wire"


def test_the_recorded_name_stands_when_no_page_names_the_site():
    rnd = Round([], lookup=lambda urls: {}, now=datetime.now(UTC), recorded_site_of_host=lambda host: "Harbor Wire")
    assert asyncio.run(rnd._host_name("https://www.harbor.test/a/quake")) == "Harbor Wire"
