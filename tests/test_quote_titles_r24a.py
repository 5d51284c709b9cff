"""Review 24a, F8: a law's title in quote marks («Про внесення змін до Податкового кодексу…»,
«О внесении изменений…», „o zmianie ustawy…”, "On Amendments…") was a direct quote of whoever
reported the vote. A run that follows a law or document noun (with its number) and opens on the
language's "on / about" is a title, not speech."""

import pytest

from storydiff.analyze.quotes import find_quotes, quote_spans


@pytest.mark.parametrize("lang, text", [
    ("uk", "Верховна Рада ухвалила в цілому законопроєкт №12360 «Про внесення змін до Податкового кодексу "
           "України щодо оподаткування банків», повідомив нардеп Ярослав Железняк у Telegram."),
    ("uk", "Президент підписав закон «Про мобілізаційну підготовку та мобілізацію», повідомили в Офісі президента."),
    ("ru", "Госдума приняла закон «О внесении изменений в Уголовный кодекс Российской Федерации», "
           "сообщил председатель Госдумы Вячеслав Володин."),
    ("ru", "Путин подписал указ «Об объявлении частичной мобилизации в Российской Федерации», сообщил Песков."),
    ("pl", "Sejm uchwalił ustawę „o zmianie ustawy o pomocy obywatelom Ukrainy w związku z konfliktem "
           "zbrojnym”, poinformował marszałek Sejmu Szymon Hołownia."),
    ("pl", "Prezydent podpisał projekt nr 1234 „o ochronie ludności i obronie cywilnej na terenie kraju”, "
           "przekazał rzecznik."),
    ("en", "Parliament passed bill No. 12360 \"On Amendments to the Tax Code of Ukraine regarding the taxation "
           "of banks,\" lawmaker Yaroslav Zhelezniak said on Telegram."),
    ("de", "Der Bundestag verabschiedete das Gesetz „über die Stärkung der Resilienz kritischer Anlagen im Land“, "
           "sagte ein Sprecher."),
])
def test_a_law_s_title_is_no_quote(lang, text):
    assert quote_spans(text) == []
    assert find_quotes(text, language=lang) == []


@pytest.mark.parametrize("lang, text", [
    # speech that follows a law noun with a comma, or opens on another word, is still speech
    ("uk", "Рада ухвалила закон. «Про це ми домовилися ще влітку і тепер виконуємо», — сказав Железняк."),
    ("uk", "Железняк розповів про закон: «Ми голосували за нього двічі, і він пройшов», — сказав він."),
    ("en", "Lawmakers passed the bill. \"On Monday we will vote again on the whole package,\" Zhelezniak said."),
    ("pl", "Sejm uchwalił ustawę. „O tym rozmawialiśmy z rządem od tygodni” – powiedział Hołownia."),
])
def test_speech_about_a_law_stays_a_quote(lang, text):
    assert len(find_quotes(text, language=lang, with_speakers=False)) == 1
