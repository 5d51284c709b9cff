"""Attributions to Russian and Ukrainian agencies as ru/uk/en newsrooms write them (QA pass 19b, 10)."""

import subprocess
import sys

import pytest

from storydiff.analyze.origins import find_origins


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # the QA's five misses
        ("Удар нанесен ночью. Об этом РБК сообщил источник в Минобороны.", "RBC"),
        ("Як повідомило російське агентство РІА Новини, удар завдали вночі.", "RIA Novosti"),
        ("Про це пишуть російські пропагандистські ЗМІ, зокрема ТАСС.", "TASS"),
        ("The Interfax-Ukraine news agency said the strike hit a depot.", "Interfax-Ukraine"),
        ("According to independent Russian outlet Meduza, the strike hit a depot.", "Meduza"),
        # the same forms with other names, verbs and languages
        ("Источник в силовых структурах рассказал РБК, что удар нанесен по складу.", "RBC"),
        ("ТАСС передает, что удар нанесен по складу.", "TASS"),
        ("Джерело в СБУ розповіло УНІАН, що удар завдали дрони.", "UNIAN"),
        ("Укринформ сообщает, что удар нанесен по складу.", "Ukrinform"),
        ("За даними РІА Новин, удар завдали вночі.", "RIA Novosti"),
        ("Про це повідомляє російське інформагентство ТАРС.", "TASS"),
        ("Об этом сообщают российские СМИ, в частности РИА Новости.", "RIA Novosti"),
        ("Jak podały rosyjskie media, w tym TASS, atak nastąpił w nocy.", "TASS"),
        ("PAP podała, że atak nastąpił w nocy.", "Polska Agencja Prasowa"),
        ("Der Spiegel berichtet, dass der Angriff nachts erfolgte.", "Der Spiegel"),
        ("Russian state news agency TASS said the strike hit a depot.", "TASS"),
        ("He told Russian state news agency RIA Novosti that talks would resume.", "RIA Novosti"),
        ("The strike hit a depot, according to Russian media, including RIA Novosti.", "RIA Novosti"),
        ("The Kyiv Post newspaper said on Monday that it had obtained the document.", "Kyiv Post"),
        # QA pass 19a (a Kyiv data desk): Ukrainian agencies in their Russian spelling
        ("Об этом передает РБК-Украина со ссылкой на источники.", "RBC-Ukraine"),
        ("Об этом передает УНИАН.", "UNIAN"),
        ("Об этом передает Интерфакс-Украина.", "Interfax-Ukraine"),
    ],
)
def test_state_media_attributions_name_their_origin(text, origin):
    assert origin in [o.name for o in find_origins(text)], text


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # an agency's dateline mark: its copy, wherever it is reprinted
        ("МОСКВА, 6 декабря. /ТАСС/. Вооруженные силы России нанесли удар по Харькову.", "TASS"),
        ("МОСКВА, 6 декабря. /ИНТЕРФАКС/ - Российские войска нанесли удар по Харькову.", "Interfax"),
        ("КИЇВ, 6 грудня. /Укрінформ/. Російські війська завдали удару по Харкову.", "Ukrinform"),
        ("МОСКВА, 7 дек — РИА Новости. Российские войска нанесли удар по Харькову.", "RIA Novosti"),
        ("Главное за день\nМОСКВА, 6 декабря — ТАСС. Российские войска нанесли удар.", "TASS"),
    ],
)
def test_an_agencys_dateline_mark_is_its_wire_origin(text, origin):
    found = find_origins(text)
    assert (origin, "wire") in [(o.name, o.kind) for o in found], found
    # the agency's own article does not cite itself
    assert origin not in [o.name for o in find_origins(text, outlet=origin)]


@pytest.mark.parametrize(
    "text",
    [
        "Об этом заявил Песков журналистам.",  # a told verb before a person, no outlet
        "Песков сообщил, что переговоров не будет.",  # a name-first verb after a person
        "Про це пишуть російські ЗМІ.",  # media, none named
        "Об этом сообщают СМИ, в частности телеграм-каналы.",
        "According to a spokesman for the agency, the talks failed.",
        "The International Atomic Energy Agency said the plant was safe.",  # an agency, no outlet
        "The agency said the strike hit a depot.",
        "Reuters said it could not verify the footage.",  # a bare "said": the outlet about itself
        "МОСКВА, 6 декабря. Вооруженные силы России нанесли удар.",  # a dateline without a mark
        "Ціни на газ зросли на 6/12 відсотка.",
    ],
)
def test_the_new_forms_take_no_false_origin(text):
    assert find_origins(text) == [], text


def test_the_new_slots_read_hostile_runs_in_linear_time():
    # the "media, among them X" slot, the English kind before a name and the dateline mark must
    # not backtrack per character pair on runs of blanks, adjectives or capitals
    script = (
        "from storydiff.analyze.origins import find_origins\n"
        "run = ' \\t\\u00a0' * 6667\n"
        "find_origins('пишуть російські' + run + 'ЗМІ' + run + ',' + run + 'зокрема' + run + 'x.')\n"
        "find_origins(('пишуть ' + 'російські ' * 3 + 'ЗМІ, ') * 20000)\n"
        "find_origins(('according to ' + 'independent ' * 3 + 'news ') * 20000)\n"
        "find_origins(('Russian state news agency ' * 3 + 'said ') * 20000)\n"
        "find_origins(('МОСКВА, ' + '6 ' * 20 + '\\n') * 20000)\n"
        "find_origins(('ТАСС ' + run) * 3 + 'x')\n"
        "found = find_origins('Про це пишуть російські' + run + 'ЗМІ, зокрема ТАСС.')\n"
        "assert [o.name for o in found] == ['TASS'], found\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
