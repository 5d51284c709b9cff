"""Two sentences are one fact by what they say, not by the dateline they open with: one wire's
briefs of a day share "CHISINAU, Dec 6 (Reuters) -", and read with it a grain convoy's lede, an
airport closure's and an inflation figure's were one fact "in other words" (QA pass 26a, 02)."""

from __future__ import annotations

from storydiff.compare.claims import article_claims
from storydiff.compare.facts import align_facts
from storydiff.records import Article

GRAIN = ("PORT ILMA, Dec 6 (Reuters) - Three cargo ships left the port of Reni on Sunday carrying 98,000 "
         "tonnes of wheat, the ports authority said.")
AIRPORT = ("VELDEN, Dec 6 (Reuters) - Velden airport briefly closed its airspace for 47 minutes on Sunday after "
           "an unidentified object was spotted, the civil aviation authority said.")
PRICES = ("VELDEN, Dec 6 (Reuters) - Ostrania's annual inflation rose to 7.8% in November from 6.9% in "
          "October, the national statistics bureau said on Monday.")


def test_a_claims_figures_and_keys_leave_its_dateline_out():
    (claim,) = article_claims("a", PRICES, 4, "en")
    assert claim.shown == PRICES  # the sentence as written (its text is what it says, its dateline apart)
    assert claim.text.startswith("Ostrania's annual inflation")
    assert "6" not in claim.numbers and "7.8%" in claim.numbers
    assert not {"velden", "reuters", "dec"} & set(claim.keys)


def test_briefs_sharing_a_dateline_share_no_fact():
    facts = align_facts([Article(id=k, source=k, text=t) for k, t in
                         (("grain", GRAIN), ("airport", AIRPORT), ("prices", PRICES))])
    assert sorted(f.article_ids for f in facts) == [["airport"], ["grain"], ["prices"]]
