"""QA round 27: facts of a many-article story (27a-4, 27c-4/8, 27b-2)."""

import numpy as np

from storydiff.compare.claims import article_claims
from storydiff.compare.facts import FactGroup, align_facts
from storydiff.records import Article


def _art(aid: str, lang: str, text: str) -> Article:
    return Article(id=aid, source=aid, outlet=aid, title="", language=lang, text=text)


REPRINT = ("About 210 billion euros of Russian central bank assets are frozen in the EU, "
           "185 billion euros of them at the Belgian clearing house Euroclear.")


def test_sentences_set_apart_from_a_fact_stay_one_fact_when_linked(monkeypatch):
    from storydiff.compare import facts as facts_module

    texts = {"gazette": "Bart De Wever a obtenu que les 200 milliards d'euros gelés chez Euroclear ne soient pas utilisés.",
             "pulse": "About 185 billion euros of Russian assets are held at Euroclear in Belgium.",
             "wire": REPRINT, "desk": REPRINT}
    arts = [_art(aid, "fr" if aid == "gazette" else "en", t) for aid, t in texts.items()]
    claims = [article_claims(aid, t, 3, a.language)[0] for (aid, t), a in zip(texts.items(), arts)]
    # the wire and its reprint joined the fact through EuroPulse's sentence, weak against the Gazette's
    links = np.array([[0, 0.34, 0, 0], [0.34, 0, 0.98, 0.98], [0, 0.98, 0, 1.0], [0, 0.98, 1.0, 0]])
    group = FactGroup(claims, "same", [0.34, 0.34, 0.07, 0.07], links=links)
    monkeypatch.setattr(facts_module, "fact_groups", lambda *a, **k: [group])
    got = align_facts(arts)
    reprinted = [f for f in got if "wire" in f.article_ids or "desk" in f.article_ids]
    assert len(reprinted) == 1 and reprinted[0].article_ids == ["wire", "desk"] and reprinted[0].match == "same"
    assert [v["score"] for v in reprinted[0].versions] == [1.0, 1.0]
    assert [f.article_ids for f in got if f is not reprinted[0]] == [["gazette", "pulse"]]


def test_sentences_set_apart_with_no_link_are_each_alone(monkeypatch):
    from storydiff.compare import facts as facts_module

    texts = {"a": "Russia fired 112 drones at Ukraine overnight, the air force said.",
             "b": "Ukraine's air force said Russia launched 112 drones overnight.",
             "c": "Air defences shot down 41 drones over the Belgorod region, the ministry said.",
             "d": "The governor said a fire broke out at a warehouse in Valuyki."}
    arts = [_art(aid, "en", t) for aid, t in texts.items()]
    claims = [article_claims(aid, t, 3, "en")[0] for aid, t in texts.items()]
    links = np.array([[0, 0.9, 0, 0], [0.9, 0, 0.3, 0.3], [0, 0.3, 0, 0], [0, 0.3, 0, 0]])
    group = FactGroup(claims, "same", [0.9, 0.9, 0.05, 0.05], links=links)
    monkeypatch.setattr(facts_module, "fact_groups", lambda *a, **k: [group])
    got = align_facts(arts)
    assert sorted(f.article_ids for f in got) == [["a", "b"], ["c"], ["d"]]
    assert all(f.match == "only" for f in got if len(f.article_ids) == 1)


def test_sentences_set_apart_join_again_only_where_half_their_pairs_are_linked(monkeypatch):
    from storydiff.compare import facts as facts_module

    texts = {"mod": "Air defences destroyed 34 Ukrainian drones over the Belgorod region overnight.",
             "ria": "Some of the drones shot down overnight were targeting a maternity hospital in Valuyki.",
             "up": "Ukrainian drones hit an oil depot in the town of Valuyki overnight.",
             "rt": "The drones shot down over Belgorod were targeting a maternity hospital in Valuyki.",
             "reuters": "RIA said some of the drones had been heading towards a maternity hospital."}
    arts = [_art(aid, "en", t) for aid, t in texts.items()]
    claims = [article_claims(aid, t, 3, "en")[0] for aid, t in texts.items()]
    links = np.zeros((5, 5))
    for (i, j), v in {(0, 1): 0.3, (0, 2): 0.3, (0, 3): 0.3, (0, 4): 0.3,
                      (1, 2): 0.40, (1, 3): 0.47, (3, 4): 0.83}.items():
        links[i, j] = links[j, i] = v
    group = FactGroup(claims, "same", [1.0, 0.1, 0.1, 0.1, 0.1], links=links)
    monkeypatch.setattr(facts_module, "fact_groups", lambda *a, **k: [group])
    got = sorted(f.article_ids for f in align_facts(arts))
    # the maternity claim with its translation and its report; the depot strike, linked to one of three, alone
    assert got == [["mod"], ["ria", "rt", "reuters"], ["up"]]


def _lexical_match(texts: dict[str, str]) -> tuple[dict[tuple[str, str], float], float]:
    from storydiff.compare.facts import claim_match_probabilities
    from storydiff.settings import FactSettings

    claims = [article_claims(aid, t, 3, "en")[0] for aid, t in texts.items()]
    sim, cut = claim_match_probabilities(claims, FactSettings(scorer="learned"), ["en"] * len(claims))
    ids = list(texts)
    return {(a, b): float(sim[i, j]) for i, a in enumerate(ids) for j, b in enumerate(ids)}, cut


GLADKOV = {"tass": "Belgorod Region Governor Vyacheslav Gladkov said there were no casualties.",
           "ki": "Belgorod Oblast Governor Vyacheslav Gladkov acknowledged the fire.",
           "reuters": "Belgorod Governor Vyacheslav Gladkov denied that the depot had been hit.",
           "rt": "Belgorod Region Governor Vyacheslav Gladkov said there were no casualties in the town."}


def test_two_sentences_sharing_only_who_acts_are_not_the_same_fact():
    sim, cut = _lexical_match(GLADKOV)
    # the name and title they open with is all that the claim, its denial and "no casualties" share
    assert sim["tass", "ki"] < cut and sim["tass", "reuters"] < cut and sim["ki", "reuters"] < cut
    # what was said, shared, still makes one fact
    assert sim["tass", "rt"] >= cut


def test_a_shared_word_beyond_the_name_keeps_the_words_score():
    sim, cut = _lexical_match({"a": "Belgorod Governor Vyacheslav Gladkov said the oil depot was not damaged.",
                               "b": "Belgorod Region Governor Vyacheslav Gladkov insisted the depot itself was intact."})
    assert sim["a", "b"] >= cut


def test_a_score_read_through_another_sentence_says_whose():
    import io

    from rich.console import Console

    from storydiff.records import Fact, Story
    from storydiff.serve.html import render_html
    from storydiff.serve.terminal import render_story
    from storydiff.serve.view import build_view

    arts = [Article(id="tass-ru", source="t", outlet="ТАСС", text="x", title="Белгород"),
            Article(id="tass-en", source="e", outlet="TASS <i>", text="y"),
            Article(id="rt", source="r", outlet="RT", text="z")]
    ru = "Губернатор Вячеслав Гладков сообщил, что пострадавших нет."
    en = "Governor Vyacheslav Gladkov said there were no casualties."
    fact = Fact(text=ru, article_ids=["tass-ru", "tass-en", "rt"], variants={"tass-ru": ru, "tass-en": en, "rt": en},
                first_article_id="tass-ru", match="same",
                versions=[{"article_id": "tass-ru", "text": ru, "score": 0.817},
                          {"article_id": "tass-en", "text": en, "score": 0.817},
                          {"article_id": "rt", "text": en, "score": 0.817, "via": "tass-en"}])
    story = Story(id="s", article_ids=["tass-ru", "tass-en", "rt"], facts=[fact])
    view = build_view(story, arts)
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(render_story(view))
    text = out.getvalue()
    assert "RT (match 0.82 via TASS <i>): " in text and "TASS <i> (match 0.82): " in text
    html = render_html([story], arts)
    assert "(match 0.82 via TASS &lt;i&gt;)" in html and "via TASS <i>" not in html
