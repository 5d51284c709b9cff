"""Same-story grouping, QA pass 27 (written fixtures of a fictional region).

A: two drone attacks on Dorniv two days apart, the later one's lede naming only its night
("Уночі ... знову атакували"), were one story: a day from the first by the date veto's slack.
B: a reaction filed under a dateline in capitals ("МОСКВА, 4 декабря."), its lede naming no day,
read no day at all and joined the proposal's story of three days before.
"""

from __future__ import annotations

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.match.event_dates import event_days
from storydiff.match.same_story import dated_apart
from storydiff.settings import MatchSettings

ATTACK_4 = (
    "Атака на Дорнів: одна людина загинула, семеро поранених",
    "Уночі 4 грудня російські війська атакували Дорнів ударними безпілотниками. Внаслідок атаки одна "
    "людина загинула, ще семеро дістали поранення, повідомив начальник обласної військової адміністрації "
    "Петро Гранчук.\nУламки дрона влучили у житловий будинок у Заводському районі міста, пошкоджено 30 "
    "квартир та автомобілі.\n«Ворог знову бив по житлових кварталах», – написав Гранчук.",
)
ATTACK_6 = (
    "Нова атака дронів на Дорнів: п'ятеро поранених",
    "Уночі російські війська знову атакували Дорнів ударними безпілотниками, п'ятеро людей поранені, "
    "повідомив Петро Гранчук.\nУ Заводському районі уламки пошкодили дев'ятиповерхівку, без вікон лишилися 25 "
    "квартир, згоріли автомобілі.\nМіський голова Дорнова Іван Сорока сказав, що пункт незламності знову "
    "працює.\n«Ворог знову бив по житлових кварталах», – написав Гранчук.",
)


def _stories(docs: list[MatchDoc], **settings) -> list[str]:
    c = OnlineClusterer(MatchSettings(**settings))
    sids = [c.add(d) for d in docs]
    return [c.resolve(s) for s in sids]


def _attacks() -> list[MatchDoc]:
    return [
        MatchDoc("att-4", ATTACK_4[1], ATTACK_4[0], "2026-12-04T06:10:00+02:00", language="uk"),
        MatchDoc("att-6", ATTACK_6[1], ATTACK_6[0], "2026-12-06T06:20:00+02:00", language="uk"),
    ]


def test_a_night_two_days_on_is_no_update_of_the_first_attack():
    off = _stories(_attacks(), out_before_event=False)
    assert off[0] == off[1]  # the lexical score and the date veto's day of slack join them
    on = _stories(_attacks())
    assert on[0] != on[1]
    # whichever arrives first
    assert len(set(_stories(_attacks()[::-1]))) == 2


def test_a_night_reported_the_next_morning_stays_with_its_story():
    # the same night told again the next day ("Уночі" in a report of the 5th, the night into the
    # 5th): out after that night began, so no veto
    late = MatchDoc("att-4b", ATTACK_6[1].replace(" знову", ""), ATTACK_6[0], "2026-12-04T09:30:00+02:00", language="uk")
    sids = _stories([_attacks()[0], late])
    assert sids[0] == sids[1]


PROPOSAL = ("МОСКВА, 1 декабря. Комиссия Союза во вторник предложила выделить Ридании кредит в размере 40 млрд "
            "евро за счет замороженных активов, сообщает агентство Вести.")
REACTION = ("МОСКВА, 4 декабря. Любое использование замороженных активов будет кражей, заявил пресс-секретарь "
            "Игорь Ланской, сообщает агентство Вести.\nНакануне лидеры Союза договорились выделить Ридании кредит "
            "в размере 40 млрд евро.")


def test_a_dateline_in_capitals_dates_a_lede_that_names_no_day():
    dec4 = (739954, 739954)
    assert event_days(REACTION, "ru", "2026-12-04T11:40:00+03:00") == (dec4,)
    # as in title case
    assert event_days(REACTION.replace("МОСКВА", "Москва"), "ru", "2026-12-04T11:40:00+03:00") == (dec4,)
    # a lede that names its own day keeps it; an inline wire dateline dates only the filing
    assert event_days(PROPOSAL, "ru", "2026-12-01T17:30:00+03:00") == ((739951, 739951),)
    assert event_days("KYIV, Dec 4 (Reuters) - Ukraine's parliament approved the budget, officials said.", "en",
                      "2026-12-04T11:40:00+02:00") == ()


def test_a_reaction_three_days_on_is_no_report_of_the_proposal():
    proposal = MatchDoc("prop", PROPOSAL, "Комиссия предложила кредит Ридании", "2026-12-01T17:30:00+03:00", language="ru")
    reaction = MatchDoc("react", REACTION, "Ланской назвал кражей использование активов", "2026-12-04T11:40:00+03:00",
                        language="ru")
    assert dated_apart(proposal, reaction)


SUMMIT_1 = (
    "Les Vingt-Sept s'accordent sur un prêt de 40 milliards d'euros à la Ridanie",
    "Par Claire Dumont, avec AFP\nBruxelles (AFP) - Les dirigeants de l'Union se sont mis d'accord dans la nuit "
    "de jeudi 3 à vendredi 4 décembre pour prêter 40 milliards d'euros à la Ridanie, financés par un emprunt "
    "commun, selon l'AFP.\nLa Belgique, où se trouvent 150 milliards d'euros d'avoirs gelés chez Vestaclear, a "
    "refusé d'endosser seule les risques.\n« Nous avons tenu parole », a déclaré le président du Conseil, Anton "
    "Kessel, à l'issue du sommet.",
)
SUMMIT_2 = (
    "Accord à Bruxelles sur un prêt de 40 milliards d'euros pour la Ridanie",
    "Les chefs d'État et de gouvernement des Vingt-Sept ont conclu jeudi soir à Bruxelles un accord sur un prêt "
    "de 40 milliards d'euros à la Ridanie, a-t-on appris de sources diplomatiques.\nLe Premier ministre belge "
    "Marc Vanlede a obtenu que les 150 milliards d'euros d'avoirs gelés chez Vestaclear ne soient pas utilisés."
    "\n« Nous avons tenu parole », a déclaré Anton Kessel lors de la conférence de presse finale.",
)


def test_a_byline_with_its_agency_is_no_name_a_report_leads_with():
    from storydiff.extract.metadata import is_byline
    from storydiff.match.lede_keys import lede_text

    assert is_byline("Par Claire Dumont, avec AFP") and is_byline("Von Anna Ott, mit dpa")
    assert not is_byline("Par ailleurs, avec AFP, le Conseil a décidé.")
    assert "Dumont" not in lede_text(SUMMIT_1[1], SUMMIT_1[0])
    assert "Les dirigeants" in lede_text(SUMMIT_1[1], SUMMIT_1[0])


def test_two_french_reports_of_one_summit_are_one_story():
    docs = [MatchDoc("s1", SUMMIT_1[1], SUMMIT_1[0], "2026-12-04T07:30:00+01:00", language="fr"),
            MatchDoc("s2", SUMMIT_2[1], SUMMIT_2[0], "2026-12-04T09:15:00+01:00", language="fr")]
    for order in (docs, docs[::-1]):
        assert len(set(_stories(order))) == 1


def test_terms_past_the_heaviest_look_a_story_up_where_those_find_none():
    docs = [MatchDoc("s1", SUMMIT_1[1], SUMMIT_1[0], "2026-12-04T07:30:00+01:00", language="fr"),
            MatchDoc("s2", SUMMIT_2[1], SUMMIT_2[0], "2026-12-04T09:15:00+01:00", language="fr")]
    # the second report's three heaviest terms (Bruxelles, Premier, Marc) are its own: the next
    # three (Vanlede, Vingt, Ridanie) find the first report's story
    sids = _stories(docs, max_index_terms=3)
    assert sids[0] == sids[1]


CLAIM = ("Russian forces take control of Sadove in Kharkov Region",
         "MOSCOW, December 9. /TASS/. Russian troops have taken control of the village of Sadove in the Kharkov Region, "
         "the Russian Defence Ministry said on Wednesday.\n\"Units of the Zapad battlegroup liberated the settlement of "
         "Sadove in the Kharkov Region,\" the ministry said in its daily briefing.\nAccording to the ministry, Ukraine "
         "lost up to 180 servicemen and two tanks in the area over the past 24 hours.")
DENIAL = ("General Staff denies Russian claim of capturing Sadove",
          "Ukraine's General Staff denied on Dec. 9 Russian claims that Moscow's forces had captured the village of "
          "Sadove in Kharkiv Oblast.\n\"The village of Sadove is under the control of the Defense Forces of Ukraine, "
          "fighting continues on its outskirts,\" General Staff spokesperson Ivan Morenko said.\nRussia's Defense "
          "Ministry earlier claimed the capture of the village and said Ukraine had lost 180 troops in the area.")


def test_a_citys_spellings_are_one_name():
    from storydiff.match.features import extract_terms

    kharkov = extract_terms(CLAIM[1], CLAIM[0])
    kharkiv = extract_terms(DENIAL[1], DENIAL[0])
    assert "kharkiv" in kharkov.entities and "kharkov" not in kharkov.entities
    assert "kharkiv" in kharkiv.entities
    # as written for the shingles: a copy is a copy of what it writes
    assert "kharkov" in kharkov.tokens


def test_a_denial_writing_the_other_spelling_joins_the_claims_story():
    docs = [MatchDoc("claim", CLAIM[1], CLAIM[0], "2026-12-09T09:00:00+00:00", language="en"),
            MatchDoc("denial", DENIAL[1], DENIAL[0], "2026-12-09T12:00:00+00:00", language="en")]
    sids = _stories(docs)
    assert sids[0] == sids[1]
