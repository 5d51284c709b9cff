"""Build src/storydiff/lexicon/names_table.json: one name per country, city and organisation,
spelled as en, uk, ru, de, pl, fr and es write it, for lexicon/names.py.

    python bench/build_names_table.py

Sources: every country and territory's name in the seven languages from the Unicode CLDR (as
shipped by Babel, which courlan already installs: ``babel.Locale(lang).territories``); then, written
for this project, short forms and adjectives of the countries news quotes name most ("the US",
"США", "russisch", "rosyjski"), and the major cities, regions and organisations whose names are
not one word spelled in another script (Moscow / Москва / Moskau / Moskwa; UN / ООН / ONZ). A
form ending in "*" (each word of a phrase may) is a stem: it matches any word it begins ("російськ*" reads "російська",
"російських"); lexicon/names.py also reads every other form as a stem when inflected.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "lexicon" / "names_table.json"
LANGUAGES = ("en", "uk", "ru", "de", "pl", "fr", "es")

# short forms and adjectives (stems), by CLDR territory code: written for this project
COUNTRY_EXTRA = {
    "US": "US U.S. USA U.S.A. America American* США Штати Штатів Штатам Штаты Штатов Штатах америк* "
          "американськ* американск* amerykańsk* amerikanisch* Amerika* Ameryk* EE.UU. EEUU estadounidense*",
    "GB": "UK U.K. Britain British Briton* Британі* Британи* британськ* британск* Великобритані* Англи* "
          "Сполучен*_Королівств* Соединенн*_Королевств* Scotland Scottish Шотланді* Шотланди* шотландськ* "
          "шотландск* Wales Welsh Уельс* валлійськ* валлийск* Northern_Ireland Північн*_Ірланді* "
          "Северн*_Ирланди* Schottland Szkocj* Walia Walii brytyjsk* Brytani* "
          "britisch* Großbritannien Grande-Bretagne britannique* británic* Gran_Bretaña Англі* англійськ* "
          "английск* Anglia England",
    "RU": "Russian* Росі* російськ* росіян* РФ Росси* российск* русск* россиян* russisch* Russen rosyjsk* "
          "Rosjan* russe russes ruso rusos rusa rusas",
    "UA": "Ukrainian* українськ* украинск* українц* украинц* ukrainisch* ukraińsk* Ukrai* ukrainien* "
          "ucranian*",
    "DE": "German* німецьк* немецк* Німеччин* Германи* deutsch* niemieck* Niemiec Niemczech Niemcom "
          "allemand* alemán alemana* ФРН ФРГ FRG BRD",
    "PL": "Polish Poles польськ* польск* Польщ* Польш* polnisch* polsk* polonais* polac* polaco*",
    "FR": "French француз* французьк* французск* französisch* francusk* Francj* Francuz* français* francés "
          "francesa*",
    "CN": "Chinese китайськ* китайск* chinesisch* chińsk* chinois* chin* КНР PRC",
    "BY": "Belarusian* Belarus* Belorussia* білорусь* білоруськ* белорус* Білорус* Беларус* "
          "białorusk* Białoru* weißrussisch* Weißrussland biélorusse*",
    "KP": "DPRK КНДР Pyongyang Пхеньян* Північн*_Коре* Северн*_Коре* Nordkorea* Korea*_Północn*",
    "IR": "Iranian* іранськ* иранск* iranisch* irańsk* iranien* iraní*",
    "IL": "Israeli* ізраїльськ* израильск* israelisch* izraelsk* israélien* israelí*",
    "TR": "Turkey Turkish Türkei турецьк* турецк* türkisch* tureck* turc* turco*",
    "NL": "Holland Dutch Голланді* Голланди* нідерландськ* нидерландск* niederländisch* holendersk* "
          "néerlandais*",
    "SA": "Saudi* саудівськ* саудовск* saudisch* saudyjsk* saoudien*",
    "HU": "Hungarian* угорськ* венгерск* ungarisch* węgiersk* hongrois*",
    "SK": "Slovak* словацьк* словацк* slowakisch* słowack*",
    "CZ": "Czech_Republic Czech* Чехі* чеськ* чешск* tschechisch* czesk*",
    "IC": "Canaries Canary Канарськ* Канарск* Kanarisch* Kanaryjsk*",
    "ZA": "ЮАР ПАР Південн*_Африк* Южн*_Африк* Südafrika* RPA",
    "AE": "UAE U.A.E. Emirates Emirati* ОАЕ ОАЭ Емірат* Эмират* VAE ZEA EAU",
    "MD": "Moldovan* Moldau Молдові Молдавия",
    "KR": "South_Korea* Південн*_Коре* Южн*_Коре* Südkorea*",
    "IT": "Italian* італійськ* итальянск* italienisch* włosk* italien*",
    "ES": "Spanish іспанськ* испанск* spanisch* hiszpańsk* espagnol* español*",
    "JP": "Japanese японськ* японск* japanisch* japońsk* japonais*",
    "IN": "Indian* індійськ* индийск* indisch* indyjsk* indien*",
    "GE": "Джорджи* Georgian* грузинськ* грузинск* georgisch* gruzińsk*",
    "AM": "Armenian* вірменськ* армянск* armenisch* ormiańsk*",
    "AZ": "Azerbaijani* азербайджанськ* азербайджанск* aserbaidschanisch* azerbejdżańsk*",
    "KZ": "Kazakh* казахськ* казахск* kasachisch* kazachsk*",
    "LT": "Lithuanian* литовськ* литовск* litauisch* litewsk*",
    "LV": "Latvian* латвійськ* латвийск* lettisch* łotewsk*",
    "EE": "Estonian* естонськ* эстонск* estnisch* estońsk*",
    "FI": "Finnish фінськ* финск* finnisch* fińsk*",
    "SE": "Swedish шведськ* шведск* schwedisch* szwedzk*",
    "CA": "Canadian* канадськ* канадск* kanadisch* kanadyjsk*",
    "SY": "Syrian* сирійськ* сирийск* syrisch* syryjsk*",
    "PS": "Palestinian* палестинськ* палестинск* palästinensisch* palestyńsk*",
}

# cities, regions and organisations: en uk ru de pl fr es (and other usual forms), one line each
OTHER = {
    "city:Kyiv": "Kyiv Kiev Київ* Києв* Киев* Kijów Kijow* Kiew* Kiev",
    "city:Moscow": "Moscow Москв* Moskau Moskw* Moscou Moscú",
    "city:Warsaw": "Warsaw Варшав* Warschau Warszaw* Varsovie Varsovia",
    "city:Vienna": "Vienna Відень Відні Вiдня Вена Вене Вены Wien* Wiedeń Wiedniu Vienne Viena",
    "city:Beijing": "Beijing Peking Пекін* Пекин* Pekin* Pékin Pekín",
    "city:Geneva": "Geneva Женев* Genf* Genew* Genève Ginebra",
    "city:Rome": "Rome Рим Римі Риме Rom Roms Rzym* Roma",
    "city:Brussels": "Brussels Брюссел* Brüssel* Bruksel* Bruxelles Bruselas",
    "city:Prague": "Prague Праг* Prag Praha Prasze Praga",
    "city:Munich": "Munich Мюнхен* München* Monachium Munich Múnich",
    "city:Cologne": "Cologne Кельн* Köln* Kolonia Colonia",
    "city:Lviv": "Lviv Lvov Львів* Львов* Lemberg Lwów Lwowie Lwowa Léopol Leópolis",
    "city:Kharkiv": "Kharkiv Kharkov Харків* Харков* Charkiw Charków Charkowie",
    "city:Odesa": "Odesa Odessa Одес* Odessa Odeskа Odesie Одещин*",
    "city:Mykolaiv": "Mykolaiv Nikolaev Миколаїв* Миколаєв* Николаев* Mykolajiw Mikołajów",
    "city:Zaporizhzhia": "Zaporizhzhia Zaporizhia Zaporozhye Запоріжж* Запорізьк* Запорож* Saporischschja "
                         "Zaporoże Zaporożu Zaporiyia",
    "city:Kherson": "Kherson Херсон* Cherson*",
    "city:Donetsk": "Donetsk Донецьк* Донецк* Donezk Donieck* Донеччин* Донетчин*",
    "city:Luhansk": "Luhansk Lugansk Луганськ* Луганск* Luhansk Ługańsk* Луганщин*",
    # Polish cities with the adjective and the region their name gives, where those do not begin
    # as the city's name does ("Lublin" / "lubelski" / "Lubelszczyzna": QA pass 18 read "in die
    # Region Lublin" for "na Lubelszczyznę" as a name changed), as the Ukrainian "-щина" regions
    # above ("Донеччина", "Одещина")
    "city:Lublin": "Lublin* Lubelszczyzn* lubelsk* Люблін* Люблин*",
    "city:Bialystok": "Białystok* Bialystok* Białymstoku Białegostoku białostock* Białostocczyzn* Білосток* Белосток*",
    "city:Kielce": "Kielc* kieleck* Kielecczyzn* Кельц*",
    "city:Lodz": "Łódź Łodzi Łodzią Lodz Lodsch łódzk* Лодз*",
    "city:Opole": "Opol* Oppeln opolsk* Opolszczyzn* Ополе Опол*",
    "city:Katowice": "Katowic* Kattowitz katowick* Катовіц* Катовиц*",
    "city:Szczecin": "Szczecin* Stettin* szczecińsk* Щецин*",
    "city:Torun": "Toruń Toruni* Torun Thorn toruńsk* Торун*",
    "city:Olsztyn": "Olsztyn* Allenstein olsztyńsk* Ольштин* Ольштын*",
    "city:Rzeszow": "Rzeszów Rzeszow* rzeszowsk* Rzeszowszczyzn* Жешув*",
    "city:Krakow": "Kraków Krakow* Krakau Cracow krakowsk* Краків* Кракова Кракові Краков* Cracovie Cracovia",
    "city:Gdansk": "Gdańsk* Gdansk Danzig Гданськ* Гданьск*",
    "city:Wroclaw": "Wrocław* Wroclaw Breslau Вроцлав*",
    "city:Poznan": "Poznań* Poznani* Poznan Posen Познан* Познань",
    "region:Donbas": "Donbas Donbass Донбас* Донбасс*",
    "region:Crimea": "Crimea Crimean Крим Криму Кримськ* Крым* Krim Krym* Crimée",
    "city:Mariupol": "Mariupol Маріупол* Мариупол* Mariupol*",
    "city:Bakhmut": "Bakhmut Бахмут* Bachmut*",
    "city:Washington": "Washington Вашингтон* Waszyngton* Washington",
    "city:London": "London Лондон* Londyn* Londres",
    "city:Paris": "Paris Париж* Paryż* París",
    "city:Berlin": "Berlin Берлін* Берлин* Berlin* Berlín",
    "city:Minsk": "Minsk Мінськ* Минск* Mińsk*",
    "city:Istanbul": "Istanbul Стамбул* Istanbul Stambuł* Estambul",
    "city:Riyadh": "Riyadh Ер-Ріяд* Эр-Рияд* Riad Rijad* Riyad",
    "city:Jerusalem": "Jerusalem Єрусалим* Иерусалим* Jerozolim* Jérusalem Jerusalén",
    "region:Gaza": "Gaza Газ* Gazy Gazie Gazastreifen",
    "city:Tehran": "Tehran Тегеран* Teheran* Téhéran Teherán",
    "city:Ankara": "Ankara Анкар*",
    "city:Budapest": "Budapest Будапешт*",
    "city:Bucharest": "Bucharest Бухарест* Bukarest Bukareszt* Bucarest",
    "city:Vilnius": "Vilnius Вільнюс* Вильнюс* Wilno Wilnie Wilna",
    "city:Chisinau": "Chisinau Chișinău Кишинів* Кишинев* Kischinau Kiszyni*",
    "city:Tbilisi": "Tbilisi Тбілісі Тбилиси Tiflis",
    "city:Belgrade": "Belgrade Белград* Belgrad*",
    "city:Copenhagen": "Copenhagen Копенгаген* Kopenhagen Kopenhag* Copenhague",
    "city:The Hague": "Hague Гаага Гаазі Гааге Den_Haag Haga Hadze La_Haye",
    "region:Europe": "Europe European* Європ* Европ* Europa Europ* Européen* Europeo* Europea*",
    "region:Asia": "Asia Asian* Азі* азійськ* Ази* азиатск* Asien asiatisch* Azj* azjatyck* Asie asiatique*",
    "region:Africa": "Africa African* Африк* африканськ* африканск* Afrika* afrikanisch* Afryk* afrykańsk* Afrique "
                     "africain*",
    "region:Middle East": "Middle_East Близьк*_Сход* Ближн*_Восток* Nahe*_Osten Nahost* Bliski*_Wsch* "
                          "Moyen-Orient Oriente_Medio",
    "region:Baltic": "Baltic* Балті* балтійськ* Прибалти* Балти* балтийск* Baltikum baltisch* Bałty* bałtyck* "
                     "Baltique* Báltic*",
    "region:Balkans": "Balkan* Балкан* Bałkan*",
    "region:Black Sea": "Black_Sea Чорн*_мор* Черн*_мор* Schwarz*_Meer* Morz*_Czarn* mer_Noire Mar_Negro",
    "org:UN": "UN U.N. United_Nations ООН UNO ONZ ONU Vereinte*_Nationen Organizacj*_Narodów_Zjednoczonych Nations_Unies Naciones_Unidas",
    "org:Security Council": "Security_Council Радбез* Рад*_безпеки Совбез* Совет*_безопасности "
                            "Sicherheitsrat* Rad*_Bezpieczeństwa Conseil_de_sécurité Consejo_de_Seguridad",
    "org:NATO": "NATO НАТО OTAN North_Atlantic_Alliance",
    "org:EU": "EU E.U. European_Union ЄС ЕС Євросоюз* Евросоюз* Європейськ*_Союз* Европейск*_Союз* UE Unia*_Europejsk* "
              "Europäisch*_Union Union_européenne Unión_Europea",
    "org:European Commission": "European_Commission Єврокомісі* Еврокомисси* Європейськ*_комісі* "
                               "EU-Kommission Komisj*_Europejsk* Commission_européenne Comisión_Europea",
    "org:IMF": "IMF МВФ IWF MFW FMI International_Monetary_Fund Міжнародн*_валютн*_фонд* Международн*_валютн*_фонд* "
               "Währungsfonds Fundusz*_Walutow*",
    "org:World Bank": "World_Bank Світов*_банк* Всемирн*_банк* Weltbank* Bank*_Światow* Banque_mondiale Banco_Mundial",
    "org:OSCE": "OSCE ОБСЄ ОБСЕ OSZE OBWE",
    "org:IAEA": "IAEA МАГАТЕ МАГАТЭ IAEO MAEA AIEA OIEA",
    "org:WHO": "WHO ВООЗ ВОЗ ŚOZ OMS",
    "org:ICC": "ICC International_Criminal_Court МКС МУС IStGH MTK CPI",
    "org:Red Cross": "Red_Cross ICRC МКЧХ МККК Червон*_Хрест* Красн*_Крест* Rot*_Kreuz* Czerwon*_Krzyż* "
                     "Croix-Rouge CICR Cruz_Roja",
    "org:Kremlin": "Kremlin Кремл* Kreml* Kremla Kremlu",
    "org:White House": "White_House Біл*_дім Біл*_дом* Бел*_дом* Weiße*_Haus* Biał*_Dom* Maison_Blanche Casa_Blanca",
    "org:Pentagon": "Pentagon Пентагон* Pentagon*",
    "org:State Department": "State_Department Держдеп* Госдеп* Außenministerium* Departament*_Stanu",
    "org:Congress": "Congress Конгрес* Kongress* Kongres* Congrès Congreso",
    "org:Verkhovna Rada": "Verkhovna_Rada Верховн*_Рад* Werchowna_Rada Rad*_Najwyższ*",
    "org:Bundestag": "Bundestag* Бундестаг* Bundestagu",
    "org:SBU": "SBU СБУ",
    "org:FSB": "FSB ФСБ",
    "org:Gazprom": "Gazprom Газпром*",
    "org:G7": "G7 G-7 Г7 Велик*_сімк* Велик*_сімц* Больш*_семерк*",
    "org:Foreign Ministry": "Foreign_Ministry Foreign_Office Ministry_of_Foreign_Affairs Foreign_Affairs_Ministry МЗС МИД Міністерств*_закордонних_справ Министерств*_иностранных_дел "
                           "Auswärtige*_Amt* MSZ Ministerstw*_Spraw_Zagranicznych",
    # the institutions whose statements the war's daily news relays (review 24a, F9: "повідомили
    # Повітряні сили" / "the Air Force said" is one speaker)
    "org:Air Force": "Air_Force Повітрян*_сил* Воздушн*_сил* Luftwaffe* Luftstreitkr* Sił*_Powietrzn*",
    "org:General Staff": "General_Staff Генштаб* Генеральн*_штаб* Generalstab* Sztab*_Generaln*",
    "org:Defence Ministry": "Defence_Ministry Defense_Ministry Ministry_of_Defence Ministry_of_Defense Міноборони "
                            "Минобороны Міністерств*_оборони Министерств*_обороны Verteidigungsministeri* MON "
                            "Ministerstw*_Obrony_Narodowej",
    "org:State Emergency Service": "State_Emergency_Service ДСНС ГСЧС",
    "org:National Police": "National_Police Нацполіц* Нацполиц* Національн*_поліці* Национальн*_полици*",
}


def main() -> None:
    from babel import Locale

    names: dict[str, dict[str, list[str]]] = {}  # name -> language ("*": any) -> forms
    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    for code in territories["en"]:
        if not (code.isalpha() and len(code) == 2) or code in ("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"):
            continue  # regions and pseudo-territories: the organisations are written below
        names[f"country:{code}"] = {lang: [re.sub(r"\s*\(.*?\)", "", territories[lang][code])]
                                    for lang in LANGUAGES if code in territories[lang]}
    for code, forms in COUNTRY_EXTRA.items():
        names[f"country:{code}"]["*"] = sorted({f.replace("_", " ") for f in forms.split()})
    for key, forms in OTHER.items():
        names[key] = {"*": sorted({f.replace("_", " ") for f in forms.split()})}
    table = {"source": __doc__.strip().splitlines()[0] + " See bench/build_names_table.py: CLDR territory names "
                       "(Babel), read in their own language only (German 'Island' is Iceland, English 'Island' no name), "
                       "plus forms written for this project (key '*', read in any language).", "names": names}
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(names)} names, {sum(len(f) for n in names.values() for f in n.values())} forms -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
