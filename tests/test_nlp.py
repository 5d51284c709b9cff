"""The English pipeline as storydiff runs it (analyze/nlp.py)."""

from __future__ import annotations

from conftest import EXAMPLES
from spacy.tokens import Doc

from storydiff.analyze.nlp import FastAttributeRuler, get_nlp

TRICKY = (
    "Y'all gonna come? Let's go, c'mon. There's a cat, there are two. I ain't done. She'd gotta go.\n\n"
    "  It 's fine , he said.   Gimme that. \u201cWe won\u2019t,\u201d said Dr. Ana Berg-Holm, 41."
)


def _tagged(nlp, text: str):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name in ("tok2vec", "tagger", "parser"):
            doc = proc(doc)
    return doc


def test_fast_attribute_ruler_sets_what_spacys_sets():
    """Every token's POS, morphology, lemma, tag and dependency as spaCy's own AttributeRuler
    leaves them, on the bundled examples and on contractions that its multi-token rules name."""
    nlp = get_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)
    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    changed = 0
    for text in texts:
        tagged = _tagged(nlp, text)
        want = ruler(Doc(nlp.vocab).from_bytes(tagged.to_bytes()))
        got = fast(Doc(nlp.vocab).from_bytes(tagged.to_bytes()))
        assert len(want) == len(got)
        for a, b in zip(want, got):
            assert (a.pos_, str(a.morph), a.lemma_, a.tag_, a.dep_) == (b.pos_, str(b.morph), b.lemma_, b.tag_, b.dep_), a.text
            changed += a.pos_ != ""
    assert changed > 1000  # the rules did set something: POS was empty before them
    lemmas = {t.text.lower(): t.lemma_ for t in fast(Doc(nlp.vocab).from_bytes(_tagged(nlp, TRICKY).to_bytes()))}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"  # a rule of two tokens, each its own lemma
