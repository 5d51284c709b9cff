"""A regional rewrite that closes by crediting the agency is that agency's, whatever form its credit
takes (QA pass 21b, 04: "— Укрінформ", "За інформацією Укрінформу.", "(Укрінформ)", an inline
"Джерело: Укрінформ" each made the rewrite a second independent source; "за інформацією УНН" and
"(Інтерфакс-Україна)" were not even read)."""

from __future__ import annotations

import json

import pytest

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources, primary_origin
from storydiff.records import Article

AGENCY = ("Луцьк, 3 грудня. У Луцьку на Театральному майдані відкрили ковзанку площею 800 квадратних метрів, "
          "повідомив міський голова Ігор Поліщук, передає кореспондент {agency_gen}.\n"
          "Вхід безкоштовний до кінця тижня, далі квиток коштуватиме 150 гривень.\n"
          "«Ми хочемо, щоб діти мали де провести канікули», — сказав Поліщук.")
# the rewrite: the same facts in its own words, its credit closing it
REWRITE = ("Ковзанка площею 800 квадратних метрів запрацювала на Театральному майдані в Луцьку.\n"
           "До кінця тижня кататися можна безкоштовно, потім вхід коштуватиме 150 гривень, розповів мер "
           "Ігор Поліщук.\n«Ми хочемо, щоб діти мали де провести канікули», — наголосив Поліщук.{credit}")

# (agency's outlet, its name in the genitive, the closing credit, the name it is read as)
CREDITS = [
    ("Укрінформ", "Укрінформу", "\n— Укрінформ", "Ukrinform"),
    ("Укрінформ", "Укрінформу", "\nЗа інформацією Укрінформу.", "Ukrinform"),
    ("Укрінформ", "Укрінформу", "\nза інформацією Укрінформу", "Ukrinform"),
    ("Укрінформ", "Укрінформу", "\n(Укрінформ)", "Ukrinform"),
    ("Укрінформ", "Укрінформу", " Джерело: Укрінформ", "Ukrinform"),  # the last paragraph's end
    ("Укрінформ", "Укрінформу", " (Укрінформ)", "Ukrinform"),
    ("Укрінформ", "Укрінформу", "\n— Укринформ", "Ukrinform"),  # a Russian-language reprint's
    ("УНН", "УНН", "\nза інформацією УНН", "UNN"),
    ("УНН", "УНН", "\nДжерело: Українські Національні Новини", "UNN"),
    ("Інтерфакс-Україна", "Інтерфакс-Україна", "\n(Інтерфакс-Україна)", "Interfax-Ukraine"),
    ("Інтерфакс-Україна", "Інтерфакс-Україна", " по информации Интерфакс-Украина", "Interfax-Ukraine"),
    ("PAP", "PAP", " (PAP)", "Polska Agencja Prasowa"),
    ("PAP", "PAP", " Źródło: PAP", "Polska Agencja Prasowa"),
    ("dpa", "dpa", "\nQuelle: dpa", "Deutsche Presse-Agentur"),
]


def _article(aid, outlet, text):
    return Article(id=aid, source=aid, text=text, outlet=outlet, origins=find_origins(text, outlet=outlet))


@pytest.mark.parametrize("outlet, genitive, credit, name", CREDITS)
def test_a_rewrite_closing_with_the_agencys_credit_is_the_agencys_one_source(outlet, genitive, credit, name):
    agency = _article("agency", outlet, AGENCY.format(agency_gen=genitive))
    rewrite = _article("rewrite", "Волинь пост", REWRITE.format(credit=credit))
    assert primary_origin(rewrite) == name
    n, groups = independent_sources([agency, rewrite])
    assert n == 1 and groups[0].origin == name


@pytest.mark.parametrize("ending", [
    "",  # no credit: own reporting
    "\nЗа даними поліції.",  # a credit to no agency
    " — наголосив Поліщук.",  # a dash, and a speaker after it
    # the agency as the last sentence's topic or a passing citation, not its credit (review 21c, 4)
    " Окремим рядком мерія виділила кошти на висвітлення заходів національним інформагентством (Укрінформ).",
    " Tickets were also handed to reporters of the national news agency (Ukrinform).",
    "\nЩе шість ковзанок відкриють до кінця місяця; торік їх було чотири, за даними Укрінформу.",
    "\nКовзанку вже показали у своїх сюжетах кілька видань, зокрема — Укрінформ",
])
def test_a_rewrite_without_an_agencys_credit_at_its_end_stays_a_source_of_its_own(ending):
    agency = _article("agency", "Укрінформ", AGENCY.format(agency_gen="Укрінформу"))
    rewrite = _article("rewrite", "Волинь пост", REWRITE.format(credit=ending))
    assert primary_origin(rewrite) is None
    assert independent_sources([agency, rewrite])[0] == 2


def test_an_agency_named_inside_the_text_is_no_closing_credit():
    # a passing mention in the middle of an own report, with the report going on after it
    text = REWRITE.format(credit="").replace("розповів мер", "за інформацією Укрінформу, розповів мер")
    text += "\nВолинь пост зверталася до мерії по коментар, але відповіді не отримала до публікації цього матеріалу."
    assert primary_origin(_article("own", "Волинь пост", text)) is None


def test_a_credit_line_page_text_drops_is_read_from_the_export(tmp_path):
    # "за інформацією Укрінформу" without a stop is dropped from the text as a short line: it is the
    # rewrite's credit, kept apart and read (it was dropped unread)
    from storydiff.pipeline import compare_paths

    rows = [{"id": "agency", "outlet": "Укрінформ", "title": "У Луцьку відкрили ковзанку",
             "published": "2026-12-03T11:10:00+02:00", "text": AGENCY.format(agency_gen="Укрінформу")},
            {"id": "rewrite", "outlet": "Волинь пост", "title": "На Театральному майдані запрацювала ковзанка",
             "published": "2026-12-03T13:00:00+02:00", "text": REWRITE.format(credit="\nза інформацією Укрінформу")}]
    path = tmp_path / "pair.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = compare_paths([path], parse_singles=False, entities=False)
    rewrite = next(a for a in result.articles if a.id == "rewrite")
    assert "Ukrinform" in rewrite.cited_origins
    (story,) = result.stories
    assert story.independent_sources == 1
