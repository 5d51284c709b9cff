"""precise_pass: with ``precise_keeps_linked_headings`` on (off by default: it did not hold on the
held-out corpus, BENCHMARKS §1 round 18) storydiff's precise pass keeps an article's linked
headings; trafilatura's own precise pass, called by anyone else, still deletes them."""

from __future__ import annotations

import dataclasses

import pytest
import trafilatura

from storydiff.extract import html as html_module
from storydiff.extract.html import extract_html, parse_html
from storydiff.extract.precise_pass import linked_headings_kept

_PARAGRAPH = ("The {name} is the one we reach for first when a phone runs low on a long drive, and it "
              "charges a laptop at full speed too. It costs less than the maker's own charger, and its two "
              "ports share the power sensibly when both are in use, which most of its rivals do not manage.")
_PRODUCTS = ("Satechi 72W USB-C Car Charger", "RAVPower 61W Wall Charger", "Brydge Pro Keyboard for iPad")


def _gift_guide() -> str:
    sections = "".join(
        f'<h2><a href="https://shop.example/{k}">{name}</a></h2><p>{_PARAGRAPH.format(name=name)}</p>'
        for k, name in enumerate(_PRODUCTS))
    return ('<html><head><title>Gift guide</title><meta property="og:type" content="article"></head><body>'
            '<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>'
            '<article><h1>A techy gift guide</h1><div class="entry-content">'
            f'<p>{_PARAGRAPH.format(name="list below")}</p>{sections}</div></article>'
            '<footer>Copyright 2026 Example Media</footer></body></html>')


def _setting(monkeypatch, keep: bool) -> None:
    monkeypatch.setattr(html_module, "SETTINGS",
                        dataclasses.replace(html_module.SETTINGS, precise_keeps_linked_headings=keep))


def test_article_keeps_its_linked_headings(monkeypatch):
    _setting(monkeypatch, True)
    text = extract_html(_gift_guide(), url="https://gadgets.example/gift-guide").text
    for name in _PRODUCTS:
        assert name in text.split("\n")  # each section's subject, as its own line
        assert _PARAGRAPH.format(name=name) in text
    assert "Copyright" not in text and "Home" not in text


def test_without_the_setting_the_precise_pass_drops_them(monkeypatch):
    _setting(monkeypatch, False)
    text = extract_html(_gift_guide(), url="https://gadgets.example/gift-guide").text
    assert _PARAGRAPH.format(name=_PRODUCTS[0]) in text
    assert not set(_PRODUCTS) & set(text.split("\n"))  # no heading line left


@pytest.mark.parametrize("keep", [False, True])
def test_only_inside_the_block(keep):
    def precise() -> str:
        doc = trafilatura.bare_extraction(parse_html(_gift_guide()), favor_precision=True)
        return doc.text

    if keep:
        with linked_headings_kept():
            text = precise()
        assert _PRODUCTS[1] in text.split("\n")
    else:
        assert _PRODUCTS[1] not in precise().split("\n")  # trafilatura's pass as it ships, outside storydiff's
    assert _PRODUCTS[1] not in precise().split("\n")  # and after the block
