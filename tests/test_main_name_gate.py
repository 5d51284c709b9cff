"""The content gate's main-name check (MatchSettings.main_name_gate, clusterer.main_names_apart),
the gate across languages (a story's members joined from another language judge the next report
in their language) and the order-free bridge (MatchSettings.cross_bridge, on by default since round 21).

Invented reports of a fictional relief bill in a fictional country: two interviews given the same
Sunday, one with a senator (Varga) and one with an economic adviser (Lindqvist), which share the
bill's names, figures and words (the lexical score joins them) and are two stories; a second
outlet's report of the senator's interview, which is the same story; a Russian translation of the
senator's interview. Modelled on wmt-dev 2021's CBS and Fox News interviews, not copied."""

from __future__ import annotations

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.match.clusterer import main_names, main_names_apart
from storydiff.settings import MatchSettings

_VARGA = (
    "Varga says Ortega's relief plan is 'throwing money at the problem'",
    "Senator Tobias Varga of Marlow accused Speaker Nell Ortega on Sunday of pushing a relief package that throws "
    "money at the problem while shops stay closed, as negotiations on the next relief bill continue in the Senate. "
    "In an interview with the Morning Ledger programme, Varga said the country faced a health emergency and an "
    "economic collapse at once, and that Ortega's $3 trillion bill would help neither. \"Families want to get back "
    "to work and provide for their children,\" Varga said. White House chief of staff Emil Brandt and Treasury "
    "Secretary Mara Holt spent last week negotiating with Senate staff on a package expected to cost $1 trillion. "
    "Varga argued that the extra $600 a week in unemployment benefits kept people from returning to their jobs, "
    "and he urged Congress to pay for school reopenings, testing and loans to small firms instead. Varga also "
    "criticised governors who closed beaches and parks during the summer holidays, and predicted that hospitals "
    "in rural counties would need federal nurses before winter. He promised to block any measure that raised fuel "
    "taxes, and said farmers hit by drought deserved grants rather than loans.",
)
_LINDQVIST = (
    "Lindqvist says next relief bill will include new checks and protect renters",
    "White House economic adviser Lena Lindqvist promised on Sunday that the government will extend the ban on "
    "evictions and send out another round of checks as part of the next relief package. Lindqvist spoke after a "
    "week in which Congress rejected the payroll tax cut the White House had hoped for. \"There's a $1,200 check "
    "coming, and it will be part of the new package,\" Lindqvist told the Capitol Sunday programme. Treasury "
    "Secretary Mara Holt and chief of staff Emil Brandt have been meeting Senate leaders to settle the details of "
    "a package expected to cost $1 trillion. On ending the extra $600 a week in unemployment benefits, Lindqvist "
    "said restaurants and small stores could not hire staff back while the payments lasted. Lindqvist added that "
    "tenants behind on rent would get more time, and that airlines asking for grants would have to keep their crews. "
    "She expected factory orders to recover by autumn, pointed to rising retail sales in July, and said the central "
    "bank's low interest rates gave builders and homeowners a rare chance to refinance mortgages cheaply.",
)
_VARGA_2 = (  # another outlet's report of the same interview, in its own words and without the figures
    "Senator Varga attacks Ortega's relief bill as a giveaway",
    "Marlow senator Tobias Varga said on Sunday that Speaker Nell Ortega's relief bill would shovel money at the "
    "crisis without reopening the economy. Speaking to the Morning Ledger programme, Varga said the country needed its "
    "schools and shops open and its families back at work, not more spending. Varga said the Senate would agree a "
    "smaller package with the White House within days, after the president's negotiators met Senate staff last week. "
    "He said the extra unemployment benefits should end, and that money for testing, school reopenings and small "
    "business loans mattered more. Varga repeated his criticism of governors who closed beaches and parks in the "
    "summer, warned that rural hospitals would run short of nurses before winter, vowed to block higher fuel taxes "
    "and said drought-hit farmers should receive grants instead of loans.",
)
_VARGA_RU = (
    "Варга: план Ортеги по помощи — это «заливание проблемы деньгами»",
    "Сенатор от Марлоу Тобиас Варга в воскресенье обвинил спикера Нелл Ортегу в том, что она продвигает пакет "
    "помощи, который заливает проблему деньгами, пока магазины остаются закрытыми, а переговоры о следующем "
    "законопроекте продолжаются в Сенате. В интервью программе Morning Ledger Варга сказал, что страна "
    "одновременно столкнулась с чрезвычайной ситуацией в здравоохранении и экономическим крахом, и что "
    "законопроект Ортеги на $3 трлн не поможет ни в том, ни в другом. «Семьи хотят вернуться к работе и "
    "обеспечивать своих детей», — сказал Варга. Глава аппарата Белого дома Эмиль Брандт и министр финансов "
    "Мара Холт всю прошлую неделю вели переговоры с сотрудниками Сената о пакете стоимостью около $1 трлн. "
    "Варга заявил, что дополнительные $600 в неделю пособия по безработице мешают людям вернуться на работу, "
    "и призвал Конгресс оплатить открытие школ, тестирование и кредиты малому бизнесу. Варга также раскритиковал "
    "губернаторов, закрывших пляжи и парки во время летних каникул, и предсказал, что больницам в сельских "
    "округах до зимы понадобятся федеральные медсёстры. Он пообещал заблокировать любое повышение налогов на "
    "топливо и заявил, что фермеры, пострадавшие от засухи, заслуживают грантов, а не кредитов.",
)


def _doc(doc_id: str, report: tuple[str, str], language: str) -> MatchDoc:
    title, text = report
    return MatchDoc(doc_id, text, title, language=language)


def _place(settings: MatchSettings, docs: list[MatchDoc]) -> dict[str, str]:
    c = OnlineClusterer(settings)
    sids = {d.id: c.add(d) for d in docs}
    return {i: c.resolve(s) for i, s in sids.items()}


GATE_OFF = MatchSettings(main_name_gate=False)


# -- the names a report is about ---------------------------------------------------------------
def test_main_names_are_the_names_written_most_at_least_three_times():
    assert main_names({"varga": 5, "ortega": 2, "senate": 3}) == ("varga",)
    assert main_names({"lagos": 3, "abuja": 3, "niger": 1}) == ("abuja", "lagos")  # a tie keeps both
    assert main_names({"varga": 2, "ortega": 2}) == ()  # named twice: mentioned, not what it is about
    assert main_names({}) == ()


def test_main_names_apart_needs_both_sides_to_miss_the_other():
    assert main_names_apart(["varga"], ["varga", "senate"], ["lindqvist"], ["lindqvist", "senate"])
    # the adviser's report names the senator once: one side's main name is in the other
    assert not main_names_apart(["varga"], ["varga", "senate"], ["lindqvist"], ["lindqvist", "varga"])
    assert not main_names_apart([], ["senate"], ["lindqvist"], ["lindqvist"])  # nothing to compare


def test_a_names_case_forms_count_as_the_name():
    # Russian and Ukrainian decline names: "Испании" and "Испанию" are one country
    assert not main_names_apart(["испании"], ["испании"], ["испанию"], ["испанию", "рааб"])
    assert not main_names_apart(["лигу"], ["лигу"], ["юнайтед"], ["лиги", "юнайтед"])


# -- in one language -----------------------------------------------------------------------------
def test_two_interviews_about_one_bill_are_two_stories():
    docs = [_doc("varga", _VARGA, "en"), _doc("lindqvist", _LINDQVIST, "en"), _doc("varga-2", _VARGA_2, "en")]
    on = _place(MatchSettings(), docs)
    assert on["varga"] == on["varga-2"] != on["lindqvist"]
    off = _place(GATE_OFF, docs)
    assert off["varga"] == off["lindqvist"]  # the bill's names, figures and words alone joined them


# -- across languages --------------------------------------------------------------------------------
def test_a_storys_members_from_another_language_judge_the_next_report_in_theirs():
    # The Russian report opens the story (its language: Russian) and its English original joins it
    # across languages. The adviser's interview, in English, is then no lexical candidate of a
    # Russian story: before, only the cross-language scorer judged it (at a threshold as low as a
    # year's fit may choose) and it joined; the story's English member now judges it as the
    # content gate would in one story.
    low = dict(cross_threshold=0.2, cross_min_cover=0.1)
    docs = [_doc("varga-ru", _VARGA_RU, "ru"), _doc("varga", _VARGA, "en"), _doc("lindqvist", _LINDQVIST, "en")]
    on = _place(MatchSettings(**low), docs)
    assert on["varga-ru"] == on["varga"] != on["lindqvist"]
    off = _place(MatchSettings(**low, main_name_gate=False, min_content_cosine=0.0), docs)
    assert off["varga"] == off["lindqvist"]


def test_a_report_placed_in_its_own_language_bridges_its_translations_story():
    # The Russian translation opens a story; the second outlet's English report of the interview
    # opens another (it is no translation and, here, below the cross-language threshold); the
    # English original then joins the English report in its own language. Before the bridge it was
    # never scored across languages, and the one interview stayed two stories.
    # Only the translation crosses, made sure of: the second outlet's report shares 0.58 of the
    # Russian story's key weight (the smaller side's), the original 0.74, and 0.67 of the larger
    # side's, which the bridge asks for too (each scores over 0.95 across languages with the
    # shipped gate, so without this the second report would cross by itself). (Round 21: the idf
    # over the stories besides the candidate; before, 0.45, 0.71 and 0.59, with a gate of 0.5.)
    strict = dict(cross_min_cover=0.65)
    docs = [_doc("varga-ru", _VARGA_RU, "ru"), _doc("varga-2", _VARGA_2, "en"), _doc("varga", _VARGA, "en")]
    off = _place(MatchSettings(**strict, cross_bridge=False), docs)
    assert off["varga"] == off["varga-2"] != off["varga-ru"]
    on = _place(MatchSettings(**strict, cross_bridge=True), docs)
    assert on["varga"] == on["varga-2"] == on["varga-ru"]


def test_a_bridge_needs_the_keys_to_cover_both_stories():
    # Merging two stories asks more of the keys than joining one report: the shared key weight
    # is measured against the larger side's (0.675 here, under a gate of 0.68), not only the
    # smaller side's (0.69), which lets twice the candidates through on a stream of unrelated
    # news in other languages (bench/crosslingual.py, round 18; round 21's idf, as above).
    docs = [_doc("varga-ru", _VARGA_RU, "ru"), _doc("varga-2", _VARGA_2, "en"), _doc("varga", _VARGA, "en")]
    both = _place(MatchSettings(cross_min_cover=0.68, cross_bridge=True), docs)
    assert both["varga"] == both["varga-2"] != both["varga-ru"]
    smaller = _place(MatchSettings(cross_min_cover=0.68, cross_bridge=True, cross_bridge_both_sides=False), docs)
    assert smaller["varga"] == smaller["varga-ru"]
