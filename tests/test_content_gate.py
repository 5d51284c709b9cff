"""The content gate (MatchSettings.min_content_cosine, content_gate_min_words): long reports that
share their names or one figure but tell another happening stay apart; reports of one happening,
short briefs and reports in two languages are left to the score."""

from __future__ import annotations

from dataclasses import replace

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.settings import MatchSettings

# The same rapper in the same week: a write-in bid for governor, then an apology to his wife
# (wmt-dev 2021 held two such reports of Kanye West; the lexical score joined them on the names).
_BID = ("Darius Quell says he can win Tessaly governor race on write-in votes",
        "Rapper Darius Quell claimed on Saturday that he could beat Governor Hal Brenner on write-in ballots alone, "
        "days after his campaign missed the deadline to appear on the printed ballot in Tessaly. Quell told supporters "
        "in a video that thousands of volunteers would teach voters how to spell his name, and that polling firms "
        "ignored young people who never answer landline phones. Election lawyers said write-in campaigns rarely gather "
        "more than a few percent, and that counting them slows the tally for weeks. Brenner's spokesman called the plan "
        "a stunt and said the governor would keep talking about schools, roads and water prices instead. Quell, whose "
        "wife Mira Quell runs a fashion label, has spent heavily on billboards across the state. Analysts noted that "
        "turnout among first-time voters jumped sharply last spring, though surveys show most of them favour the "
        "incumbent's housing plan. A county clerk warned that misspelled entries could be rejected under rules "
        "adopted after a disputed mayoral contest, and several campus groups announced registration drives for October.")
_APOLOGY = ("Darius Quell apologises to wife Mira after revealing private matter",
            "Darius Quell has apologised to his wife Mira Quell for talking in public about a private family matter. "
            "The rapper had described at an event in Tessaly how the couple once argued about whether to keep their "
            "first child, which left the audience silent and upset relatives. In a message posted overnight he wrote "
            "that he had hurt someone he loved and asked fans to forgive him for the pain he caused at home. Friends "
            "of the family said Mira Quell was angry and had flown with the children to her mother's house. Quell's "
            "manager cancelled two concerts planned for next week, citing exhaustion and the need for rest and privacy. "
            "Fans outside the couple's gated home left flowers and handwritten notes, while a pastor who married them "
            "urged patience. Tabloids had published photographs of the tense evening, showing guests leaving early "
            "and security staff escorting a shouting relative to a waiting car before midnight.")
_APOLOGY_2 = ("Quell says sorry to wife over remarks about their first child",
              "Rapper Darius Quell said sorry to his wife Mira Quell on Tuesday after telling an audience in Tessaly that "
              "the couple had argued about whether to keep their first child. He wrote that he had hurt someone he loved "
              "by speaking about a private matter and asked fans to forgive him. Relatives were upset by the remarks, "
              "friends said, and Mira Quell took the children to her mother's house. His manager called off two concerts "
              "next week, saying the rapper needed rest and privacy after an exhausting month. Photographs of the evening "
              "showed guests leaving early, and a relative was escorted out by security before midnight. The pastor who "
              "married the couple urged patience, and fans left flowers and notes outside their gated home.")


def _place(settings: MatchSettings, docs: list[MatchDoc]) -> dict[str, str]:
    c = OnlineClusterer(settings)
    sids = {d.id: c.add(d) for d in docs}
    return {i: c.resolve(s) for i, s in sids.items()}


def _quell() -> list[MatchDoc]:
    return [MatchDoc(i, text, title, language="en")
            for i, (title, text) in (("bid", _BID), ("apology", _APOLOGY), ("apology-2", _APOLOGY_2))]


def test_long_reports_sharing_only_the_names_stay_apart_by_default():
    on = _place(MatchSettings(), _quell())
    assert on["apology"] == on["apology-2"] != on["bid"]
    off = _place(MatchSettings(min_content_cosine=0.0), _quell())
    assert off["bid"] == off["apology"] == off["apology-2"]  # the names alone joined them


def test_the_gate_leaves_short_texts_to_the_score():
    """Briefs of one event share the names and few other words: below content_gate_min_words
    distinct content words the gate does not apply."""
    def cut(d: MatchDoc, words: int) -> MatchDoc:
        return replace(d, text=" ".join(d.text.split()[:words]))

    docs = _quell()
    long_enough = _place(MatchSettings(content_gate_min_words=10), [cut(d, 45) for d in docs])
    assert long_enough["bid"] != long_enough["apology"]
    short = _place(MatchSettings(content_gate_min_words=200), docs)  # every text below the floor
    assert short["bid"] == short["apology"]


_DAM_UK = (
    "Ремонт греблі на Дністрі коштуватиме 412 мільйонів гривень, заявив у вівторок міністр інфраструктури Олег Панченко. "
    "За його словами, роботи почнуться 14 квітня і триватимуть 18 місяців. Підрядником стала компанія Hydrobud, яка "
    "виграла тендер з ціною на 37 мільйонів нижчою за конкурентів. Під час ремонту рівень води в сховищі знизять на "
    "2,5 метра, а 6 турбін з 9 працюватимуть по черзі. Мешканцям 23 прибережних сіл обіцяють компенсації за втрачений "
    "улов. Експерти попереджають, що без ремонту тріщини в бетоні за 3 роки можуть стати небезпечними. Уряд уже виділив "
    "перші 120 мільйонів, решту обіцяє Європейський інвестиційний банк."
)
_DAM_RU = (
    "Ремонт плотины на Днестре обойдется в 412 миллионов гривен, заявил во вторник министр инфраструктуры Олег Панченко. "
    "По его словам, работы начнутся 14 апреля и продлятся 18 месяцев. Подрядчиком стала компания Hydrobud, которая "
    "выиграла тендер с ценой на 37 миллионов ниже конкурентов. Во время ремонта уровень воды в водохранилище снизят на "
    "2,5 метра, а 6 турбин из 9 будут работать поочередно. Жителям 23 прибрежных сел обещают компенсации за потерянный "
    "улов. Эксперты предупреждают, что без ремонта трещины в бетоне за 3 года могут стать опасными. Правительство уже "
    "выделило первые 120 миллионов, остальное обещает Европейский инвестиционный банк."
)


_DAM_EN = (
    "Repairing the dam on the Dniester will cost 412 million hryvnias, infrastructure minister Oleh Panchenko said on "
    "Tuesday. Work will start on 14 April and last 18 months, he said. The contractor is Hydrobud, which won the tender "
    "with a price 37 million below its rivals. During the repairs the reservoir will be lowered by 2.5 metres, and 6 of "
    "the 9 turbines will run in turns. Residents of 23 riverside villages are promised compensation for the lost catch. "
    "Experts warn that without repairs the cracks in the concrete could become dangerous within 3 years. The government "
    "has already set aside the first 120 million; the European Investment Bank has promised the rest."
)


def test_the_gate_does_not_judge_a_report_in_another_language():
    """The lexical path joins an English report and its Russian or Ukrainian translation on the
    figures and Latin names they share; their words differ by language, not by what they tell
    (content cosine 0: wmt-dev's translations were kept out of their stories when the gate
    compared them)."""
    for lang, text in (("ru", _DAM_RU), ("uk", _DAM_UK)):
        docs = [MatchDoc("dam-en", _DAM_EN, language="en"), MatchDoc("dam-x", text, language=lang)]
        for gate in (0.08, 0.0):
            placed = _place(MatchSettings(cross_language=False, min_content_cosine=gate, content_gate_min_words=10), docs)
            assert placed["dam-en"] == placed["dam-x"], (lang, gate)
