"""Writes related_events.jsonl: invented reports (fictional countries, people and outlets, written
for storydiff) of pairs of *related* events: the same actors in the same weeks, different
stories. Each event is told by two outlets (and a few by a Ukrainian outlet too); `event` is
the gold story, `group` the pair of related events. Kept as Python so the texts stay readable
in review; `python bench/data/related_events.py` rewrites the JSONL."""

import json
from pathlib import Path

E = []


SPLIT = ["dev"]  # groups 1-6 were written first (dev); 7-12 later, held out of every choice until round 22; 13-18 in round 22


def add(group, event, rid, published, outlet, title, text, language="en"):
    E.append({"id": rid, "group": group, "event": event, "published": published, "outlet": outlet,
              "title": title, "text": " ".join(text.split()), "language": language, "split": SPLIT[0]})


# 1. A summit's secret preparation vs. the leader's announcement four days later
add("summit", "summit-prep", "summit-prep-1", "2025-03-03T08:00:00+00:00", "Harbor Wire",
    "Officials quietly prepared Brel-Marrow meeting for weeks",
    """Diplomats from Veyra and Ostland have spent weeks in secret talks preparing a meeting between
    President Anton Brel and Chancellor Ilse Marrow, three officials told Harbor Wire. The talks were
    held at a hunting lodge outside Lorn and kept from both cabinets. Negotiators drafted a text on
    border crossings and river shipping, one official said. No date has been agreed, and the foreign
    ministry in Lorn declined to comment on what it called speculation.""")
add("summit", "summit-prep", "summit-prep-2", "2025-03-04T10:30:00+00:00", "Meridian Daily",
    "Secret talks at a Lorn hunting lodge paved way for Brel and Marrow",
    """For weeks, a handful of Veyran and Ostlandic diplomats met in secret at a lodge near Lorn to
    lay the ground for talks between President Anton Brel and Chancellor Ilse Marrow, according to
    officials familiar with the process. The teams worked on a draft about river shipping and border
    crossings. Even ministers were not told, the officials said. The Veyran foreign ministry would
    not confirm the talks.""")
add("summit", "summit-announced", "summit-ann-1", "2025-03-07T12:00:00+00:00", "Harbor Wire",
    "Brel says he will meet Marrow in Harrowgate on April 2",
    """President Anton Brel announced on Friday that he will meet Chancellor Ilse Marrow in Harrowgate
    on April 2, the first visit by a Veyran leader to Ostland in eleven years. Speaking at a news
    conference in Lorn, Brel said the two leaders would sign an agreement on river shipping. Marrow's
    office confirmed the date within the hour. Opposition leaders in Lorn criticised the plan as
    rushed and demanded a vote in parliament before any signing.""")
add("summit", "summit-announced", "summit-ann-2", "2025-03-07T15:20:00+00:00", "Veyra Post",
    "Harrowgate summit set: Brel to visit Ostland on April 2",
    """Anton Brel will travel to Harrowgate on April 2 to meet Ilse Marrow, he told reporters in Lorn
    on Friday, and the two will sign a river shipping accord. It will be the first trip by a president
    of Veyra to Ostland since 2014. The Ostlandic chancellery confirmed the meeting. The opposition
    called the announcement rushed and said parliament must vote first.""")
add("summit", "summit-announced", "summit-ann-uk", "2025-03-07T16:05:00+00:00", "Лорн Інформ",
    "Брель зустрінеться з Марров у Гарроугейті 2 квітня",
    """Президент Антон Брель у п'ятницю оголосив, що 2 квітня зустрінеться з канцлеркою Ільзе Марров
    у Гарроугейті. Це буде перший візит лідера Вейри до Остланду за одинадцять років. На пресконференції
    в Лорні Брель сказав, що лідери підпишуть угоду про річкове судноплавство. Опозиція назвала план
    поспішним і вимагає голосування в парламенті.""", "uk")

# 2. A fired official's memos vs. the special counsel's questions
add("counsel", "quill-memos", "quill-memos-1", "2025-05-12T07:45:00+00:00", "Meridian Daily",
    "Fired security chief Quill kept memos of pressure from minister",
    """Dara Quill, the security chief dismissed last month, wrote memos after each meeting with
    Interior Minister Oskar Venn describing what she called pressure to drop an inquiry into port
    contracts, according to people who have read them. The memos, kept in a safe at her home, run to
    fourteen pages. Quill's lawyer confirmed they exist but would not discuss their content. Venn's
    spokesman said the minister never asked anyone to end an inquiry.""")
add("counsel", "quill-memos", "quill-memos-2", "2025-05-12T11:10:00+00:00", "Harbor Wire",
    "Quill memos describe minister's pressure over port inquiry",
    """Fourteen pages of notes written by Dara Quill, the ousted head of the security service, record
    meetings in which Interior Minister Oskar Venn urged her to close an inquiry into port contracts,
    two people who have seen them said. Quill wrote the notes after each meeting and kept them at home.
    Her lawyer confirmed the notes exist. A spokesman for Venn denied that the minister had ever asked
    for the inquiry to end.""")
add("counsel", "venn-questioned", "venn-q-1", "2025-05-15T18:00:00+00:00", "Veyra Post",
    "Special counsel questions Venn for five hours",
    """Special counsel Miriam Holt questioned Interior Minister Oskar Venn for five hours on Tuesday
    about the dismissal of security chief Dara Quill, Venn's office said. Holt's team asked about
    phone calls Venn made in the week before the dismissal and about his contacts with a shipping
    company, a person briefed on the session said. Venn told reporters outside the prosecutor's
    building that he had answered every question and expected to be cleared.""")
add("counsel", "venn-questioned", "venn-q-2", "2025-05-15T21:30:00+00:00", "Meridian Daily",
    "Venn says he answered every question after session with Holt",
    """Oskar Venn spent five hours with special counsel Miriam Holt on Tuesday, the interior minister
    said as he left the prosecutor's building, adding that he had answered every question. Holt is
    examining whether the dismissal of Dara Quill was meant to stop an investigation. Her team asked
    about Venn's calls in the days before Quill was fired and about a shipping company, according to
    a person familiar with the questioning.""")

# 3. A president's offer of a new deal vs. an ally's accusations about the same deal
add("deal", "sorin-offer", "sorin-offer-1", "2025-07-01T09:00:00+00:00", "Harbor Wire",
    "Sorin offers Caldonia new grain deal with lower tariffs",
    """President Lev Sorin offered Caldonia a new grain agreement on Tuesday, proposing to cut tariffs
    on wheat by half and to guarantee 2 million tonnes of exports a year through the port of Sable.
    In a televised address Sorin said the offer would stay open until the end of August. Caldonia's
    trade ministry said it would study the proposal. Farmers' unions welcomed the plan.""")
add("deal", "sorin-offer", "sorin-offer-2", "2025-07-01T13:40:00+00:00", "Veyra Post",
    "Sorin proposes to halve wheat tariffs in offer to Caldonia",
    """Lev Sorin used a televised speech on Tuesday to offer Caldonia a grain deal: wheat tariffs cut
    by half and 2 million tonnes a year shipped through Sable, on terms open until the end of August.
    Caldonian trade officials said they would examine it. Farm unions praised the proposal.""")
add("deal", "reyk-accuses", "reyk-acc-1", "2025-07-04T16:00:00+00:00", "Meridian Daily",
    "Ostland's Reyk accuses Sorin of betraying allies with grain offer",
    """Prime Minister Tomas Reyk of Ostland accused President Lev Sorin on Friday of betraying his
    allies with the grain deal he offered Caldonia, saying the plan would flood Ostlandic markets with
    cheap wheat. Reyk said Sorin had not consulted partners and that Ostland would raise the matter at
    the next council of the trade bloc. Sorin's office rejected the criticism as electioneering.""")
add("deal", "reyk-accuses", "reyk-acc-2", "2025-07-04T19:15:00+00:00", "Harbor Wire",
    "Reyk says Sorin's Caldonia grain plan betrays Ostland",
    """Ostland's prime minister Tomas Reyk said on Friday that Lev Sorin had betrayed his allies,
    attacking the grain offer Sorin made to Caldonia this week. Cheap wheat would swamp Ostland's
    farmers, Reyk told a rally in Dunmere, and Sorin had consulted no partner. Ostland will take the
    dispute to the trade bloc's council, he said. Sorin's spokesman called the attack campaign talk.""")
add("deal", "reyk-accuses", "reyk-acc-uk", "2025-07-04T20:00:00+00:00", "Лорн Інформ",
    "Рейк звинуватив Соріна у зраді союзників через зернову угоду",
    """Прем'єр-міністр Остланду Томас Рейк у п'ятницю звинуватив президента Лева Соріна у зраді союзників
    через зернову угоду, яку той запропонував Калдонії. За словами Рейка, дешева пшениця заполонить
    ринки Остланду, а Сорін не порадився з партнерами. Остланд винесе суперечку на раду торговельного
    блоку. В офісі Соріна назвали критику передвиборчою риторикою.""", "uk")

# 4. A club signs a striker vs. the striker's injury four days later
add("striker", "brandt-signs", "brandt-signs-1", "2025-08-02T10:00:00+00:00", "Veyra Post",
    "Lorn City sign striker Jon Brandt for 18 million",
    """Lorn City have signed striker Jon Brandt from Dunmere Rovers for 18 million crowns on a
    four-year contract, the club said on Saturday. Brandt, 24, scored 21 league goals last season.
    Manager Petra Kos said Brandt would make his debut against Sable United next weekend.""")
add("striker", "brandt-signs", "brandt-signs-2", "2025-08-02T12:30:00+00:00", "Meridian Daily",
    "Brandt joins Lorn City from Dunmere Rovers on four-year deal",
    """Jon Brandt has completed an 18 million crown move to Lorn City from Dunmere Rovers, signing a
    contract until 2029. The 24-year-old striker scored 21 goals in the league last season. Lorn City
    manager Petra Kos expects him to start against Sable United.""")
add("striker", "brandt-injured", "brandt-inj-1", "2025-08-06T21:00:00+00:00", "Veyra Post",
    "Brandt out for three months with knee ligament injury",
    """Lorn City striker Jon Brandt will miss three months after tearing a knee ligament in training
    on Tuesday, the club said. Brandt had played only one match since his move from Dunmere Rovers.
    Manager Petra Kos called the injury a cruel blow and said the club would not sign a replacement.""")
add("striker", "brandt-injured", "brandt-inj-2", "2025-08-07T08:15:00+00:00", "Harbor Wire",
    "Lorn City lose new signing Brandt to torn knee ligament",
    """Jon Brandt tore a ligament in his knee during training on Tuesday and faces three months out,
    Lorn City said, days after his debut. Petra Kos, the manager, described it as a cruel blow but
    ruled out signing another striker.""")

# 5. A flood vs. the reconstruction money announced four days later
add("flood", "kessa-flood", "kessa-flood-1", "2025-09-05T06:30:00+00:00", "Harbor Wire",
    "River Kessa floods Dunmere, 2,000 people evacuated",
    """The river Kessa burst its banks in Dunmere overnight, flooding the old town and forcing about
    2,000 people from their homes, the regional governor Ana Pell said on Friday. Two bridges were
    closed and rescue teams used boats to reach the hospital. No deaths were reported.""")
add("flood", "kessa-flood", "kessa-flood-2", "2025-09-05T09:45:00+00:00", "Veyra Post",
    "Dunmere old town under water as Kessa bursts its banks",
    """About 2,000 residents of Dunmere were evacuated after the Kessa overflowed during the night,
    governor Ana Pell said. Boats took rescuers to the hospital, and two bridges were shut. There
    were no reports of deaths.""")
add("flood", "kessa-funds", "kessa-funds-1", "2025-09-09T14:00:00+00:00", "Meridian Daily",
    "Government sets aside 90 million to rebuild flooded Dunmere",
    """The government will spend 90 million crowns to rebuild bridges and homes in Dunmere after last
    week's flood, Finance Minister Karl Ost said on Friday. Governor Ana Pell said the first payments
    to families would arrive in October. The opposition said the sum was too small for the old town.""")
add("flood", "kessa-funds", "kessa-funds-2", "2025-09-09T17:30:00+00:00", "Harbor Wire",
    "Dunmere to get 90 million crowns for flood repairs",
    """Finance Minister Karl Ost announced 90 million crowns on Friday for the repair of Dunmere's
    bridges and homes damaged in the Kessa flood. Families will receive first payments in October,
    governor Ana Pell said. Opposition deputies called the fund too small.""")

# 6. A mayor's arrest vs. her resignation three days later
add("mayor", "mayor-arrest", "mayor-arrest-1", "2025-10-06T07:00:00+00:00", "Veyra Post",
    "Sable mayor Ines Varro arrested in bribery probe",
    """Police arrested Sable mayor Ines Varro at her home on Monday on suspicion of taking bribes
    from a construction company, prosecutors said. Officers also searched the city hall. Varro's
    lawyer said she denied all wrongdoing and would fight the charges.""")
add("mayor", "mayor-arrest", "mayor-arrest-2", "2025-10-06T10:20:00+00:00", "Meridian Daily",
    "Prosecutors detain Sable mayor Varro over construction bribes",
    """Ines Varro, the mayor of Sable, was detained on Monday in a bribery investigation involving a
    construction firm, prosecutors said, as officers searched city hall. Her lawyer said Varro denies
    the accusations.""")
add("mayor", "mayor-resigns", "mayor-resign-1", "2025-10-09T16:00:00+00:00", "Veyra Post",
    "Varro resigns as Sable mayor, deputy takes over",
    """Ines Varro resigned as mayor of Sable on Thursday, three days after her arrest, saying she wanted to
    spare the city a long fight. Deputy mayor Paul Dorn will run the city until an election in
    January, the city council said. Varro remains under investigation.""")
add("mayor", "mayor-resigns", "mayor-resign-2", "2025-10-09T18:40:00+00:00", "Harbor Wire",
    "Sable's Varro steps down; election set for January",
    """Sable mayor Ines Varro stepped down on Thursday, saying the city should not be dragged through
    her case. Her deputy Paul Dorn takes over until a January election, councillors said. The bribery
    investigation against Varro continues.""")

# -- Test half: written after the dev half's numbers were seen, before anything was fitted or
# chosen; gaps vary (a related event the same day, a same-story update the next day).
SPLIT[0] = "test"

# 7. A rail operator's job cuts vs. the union's strike call over them, the same day
add("rail", "rail-cuts", "rail-cuts-1", "2025-11-03T07:30:00+00:00", "Harbor Wire",
    "VeyRail to cut 1,200 jobs as losses mount",
    """VeyRail will cut 1,200 jobs over the next two years and close its repair works in Tamsk, chief
    executive Nora Feld said on Monday, after the state rail operator reported a loss of 310 million
    crowns for the first nine months. Most of the posts will go in maintenance and ticket offices.
    Feld said the company could not keep running trains on borrowed money.""")
add("rail", "rail-cuts", "rail-cuts-2", "2025-11-03T10:05:00+00:00", "Meridian Daily",
    "VeyRail plans 1,200 redundancies and Tamsk works closure",
    """State railway VeyRail plans to shed 1,200 staff by 2027 and shut the Tamsk repair works, its
    chief Nora Feld announced, blaming a nine-month loss of 310 million crowns. Ticket offices and
    maintenance depots will bear most of the reductions, she told reporters in Lorn.""")
add("rail", "rail-strike", "rail-strike-1", "2025-11-03T18:40:00+00:00", "Veyra Post",
    "Rail union calls 48-hour strike over VeyRail cuts",
    """The rail workers' union called a 48-hour strike for next Thursday in protest at VeyRail's plan
    to cut 1,200 jobs, union leader Tomas Brod said on Monday evening. Brod said members in Tamsk
    would walk out first and urged passengers to avoid travel. VeyRail chief Nora Feld called the
    strike irresponsible and said talks remained open.""")
add("rail", "rail-strike", "rail-strike-2", "2025-11-04T06:50:00+00:00", "Harbor Wire",
    "Trains to stop for two days as union answers VeyRail job cuts",
    """Rail workers will strike for 48 hours from Thursday, their union said, hours after VeyRail set
    out 1,200 job cuts. Union leader Tomas Brod told a rally in Tamsk that the walkout was the only
    answer. Nora Feld, VeyRail's chief executive, said the stoppage was irresponsible.""")

# 8. A former minister's trial opening vs. her aide's testimony two days later
add("trial", "tarr-trial-opens", "tarr-open-1", "2026-01-12T09:00:00+00:00", "Meridian Daily",
    "Ex-finance minister Lina Tarr goes on trial for fraud",
    """Former finance minister Lina Tarr pleaded not guilty on Monday as her trial for fraud opened in
    Lorn. Prosecutors say Tarr steered 40 million crowns of public contracts to a printing firm owned
    by her brother. Judge Elsa Morrow set hearings through March. Tarr told the court the charges
    were political.""")
add("trial", "tarr-trial-opens", "tarr-open-2", "2026-01-12T13:15:00+00:00", "Veyra Post",
    "Tarr denies fraud charges as trial begins",
    """Lina Tarr, who ran the finance ministry until last year, denied all charges when her fraud
    trial began on Monday. The indictment accuses her of handing 40 million crowns in state printing
    contracts to her brother's company. She called the case a political vendetta. Hearings before
    Judge Elsa Morrow will run until March.""")
add("trial", "tarr-aide-testifies", "tarr-aide-1", "2026-01-14T15:30:00+00:00", "Harbor Wire",
    "Tarr's former aide tells court she ordered contract changes",
    """A former aide to Lina Tarr testified on Wednesday that the ex-minister personally ordered
    changes to tender rules that favoured her brother's printing firm. Viktor Salm, who was Tarr's
    chief of staff, told Judge Elsa Morrow he had kept emails of the instructions. Tarr's lawyer
    said Salm was lying to win a lighter sentence of his own.""")
add("trial", "tarr-aide-testifies", "tarr-aide-2", "2026-01-14T19:00:00+00:00", "Meridian Daily",
    "Aide Salm testifies against Tarr, cites emails on tenders",
    """Viktor Salm, once chief of staff to Lina Tarr, said in court on Wednesday that she instructed
    him to rewrite tender rules for the printing contracts won by her brother's company. Salm said he
    kept the emails. Tarr's defence accused him of lying to reduce his own sentence.""")

# 9. An earthquake (with a next-day update of the same story) vs. the donors' pledges a week later
add("quake", "tamsk-quake", "tamsk-quake-1", "2026-02-20T04:10:00+00:00", "Harbor Wire",
    "Magnitude 6.4 earthquake hits Tamsk, at least 12 dead",
    """A magnitude 6.4 earthquake struck the Tamsk region before dawn on Friday, killing at least 12
    people and collapsing dozens of houses, the emergency ministry said. Governor Rolf Ander said
    rescuers were searching the rubble in three villages. Power was cut across the valley.""")
add("quake", "tamsk-quake", "tamsk-quake-2", "2026-02-21T08:30:00+00:00", "Veyra Post",
    "Tamsk quake death toll rises to 31 as search goes on",
    """The number of people killed by Friday's earthquake in the Tamsk region has risen to 31, the
    emergency ministry said on Saturday, as rescuers dug through collapsed houses for a second day.
    Governor Rolf Ander said about 800 people had spent the night in tents. Electricity returned
    to part of the valley.""")
add("quake", "tamsk-quake", "tamsk-quake-uk", "2026-02-20T09:00:00+00:00", "Лорн Інформ",
    "Землетрус магнітудою 6,4 у Тамську: щонайменше 12 загиблих",
    """Землетрус магнітудою 6,4 у п'ятницю вранці сколихнув регіон Тамська, загинули щонайменше
    12 людей, повідомило міністерство з надзвичайних ситуацій. Губернатор Рольф Андер сказав, що
    рятувальники розбирають завали у трьох селах. Долина залишилася без світла.""", "uk")
add("quake", "tamsk-pledges", "tamsk-pledges-1", "2026-02-27T15:00:00+00:00", "Meridian Daily",
    "Donors pledge 150 million to rebuild quake-hit Tamsk",
    """Governments and banks pledged 150 million crowns on Friday to rebuild homes and schools in the
    Tamsk region, a week after the earthquake that killed 31 people. Governor Rolf Ander said the
    money would house 800 families before winter. The largest sum came from the Ostland development
    bank.""")
add("quake", "tamsk-pledges", "tamsk-pledges-2", "2026-02-27T18:20:00+00:00", "Harbor Wire",
    "Tamsk reconstruction conference raises 150 million crowns",
    """A donors' conference in Lorn raised 150 million crowns for the reconstruction of Tamsk after
    last week's earthquake, organisers said. Rolf Ander, the region's governor, said new houses for
    800 families would be ready by November.""")

# 10. A candidate enters a race vs. her rival's complaint about her signatures, a day later
add("race", "ember-runs", "ember-runs-1", "2026-03-02T11:00:00+00:00", "Veyra Post",
    "Mila Ember launches bid for Lorn mayor",
    """Mila Ember, a former judge, said on Monday she would run for mayor of Lorn in the June
    election, promising cheaper public transport and an audit of city contracts. Ember, who has no
    party, said she had collected 14,000 signatures. Incumbent mayor Georg Falk has not said whether
    he will seek a third term.""")
add("race", "ember-runs", "ember-runs-2", "2026-03-02T14:45:00+00:00", "Meridian Daily",
    "Ex-judge Ember enters Lorn mayoral race as independent",
    """Former judge Mila Ember entered the race for Lorn's mayoralty on Monday, running without a
    party on a pledge to audit city contracts and lower transit fares. She said 14,000 residents had
    signed her nomination papers.""")
add("race", "falk-complaint", "falk-complaint-1", "2026-03-03T16:30:00+00:00", "Harbor Wire",
    "Falk's campaign challenges Ember's nomination signatures",
    """Mayor Georg Falk's campaign asked the election commission on Tuesday to check thousands of
    signatures on Mila Ember's nomination papers, saying some belonged to people who do not live in
    Lorn. Ember called the complaint a sign of panic. The commission has ten days to rule.""")
add("race", "falk-complaint", "falk-complaint-2", "2026-03-03T19:10:00+00:00", "Veyra Post",
    "Falk camp says Ember signatures include non-residents",
    """The team of Lorn mayor Georg Falk filed a complaint with the election commission on Tuesday
    alleging that Mila Ember's 14,000 nomination signatures include non-residents. Ember said Falk
    was panicking. A ruling is due within ten days.""")

# 11. A steelmaker's profit warning vs. its chief executive ousted two days later
add("steel", "ostmark-warning", "ostmark-warn-1", "2026-04-06T06:45:00+00:00", "Meridian Daily",
    "Ostmark Steel warns of first annual loss in a decade",
    """Ostmark Steel expects its first annual loss in ten years, the company said on Monday, citing
    cheap imports and high power prices. Shares fell 14 percent in Lorn. Chief executive Hanna Lind
    said the group would idle one of its two furnaces at Sable.""")
add("steel", "ostmark-warning", "ostmark-warn-2", "2026-04-06T09:30:00+00:00", "Harbor Wire",
    "Ostmark shares slide 14% on loss warning",
    """Shares in Ostmark Steel dropped 14 percent on Monday after the steelmaker forecast a loss for
    the year, its first since 2015. Imports and power costs hit margins, chief executive Hanna Lind
    said, announcing that a furnace in Sable would be idled.""")
add("steel", "ostmark-ceo", "ostmark-ceo-1", "2026-04-08T17:00:00+00:00", "Veyra Post",
    "Ostmark Steel board ousts chief executive Hanna Lind",
    """The board of Ostmark Steel removed chief executive Hanna Lind on Wednesday, two days after the
    company warned of an annual loss. Finance director Erik Moll will lead the group until a
    successor is found, chairman Otto Varga said. Lind had run the steelmaker since 2019.""")
add("steel", "ostmark-ceo", "ostmark-ceo-2", "2026-04-08T20:15:00+00:00", "Meridian Daily",
    "Lind out at Ostmark Steel; Moll steps in as interim chief",
    """Hanna Lind has been dismissed as head of Ostmark Steel, chairman Otto Varga said on Wednesday.
    Erik Moll, the finance director, takes over for now. The decision follows Monday's warning of
    the group's first loss in a decade.""")

# 12. A drone strike on a city vs. the president's visit to it the next day (one report in German)
add("strike", "sable-drones", "sable-drones-1", "2026-05-10T05:20:00+00:00", "Harbor Wire",
    "Drone attack on Sable kills four, damages power plant",
    """Drones struck Sable overnight, killing four people and setting fire to the city's power plant,
    regional governor Ilya Serov said on Sunday. Air defences shot down 23 of 30 drones, the military
    said. Parts of the city were without electricity in the morning.""")
add("strike", "sable-drones", "sable-drones-de", "2026-05-10T08:00:00+00:00", "Nordkurier Lorn",
    "Drohnenangriff auf Sable: vier Tote, Kraftwerk beschädigt",
    """Bei einem nächtlichen Drohnenangriff auf Sable sind vier Menschen getötet worden, teilte
    Gouverneur Ilya Serov am Sonntag mit. Das Kraftwerk der Stadt geriet in Brand. Die Luftabwehr
    schoss nach Angaben des Militärs 23 von 30 Drohnen ab. Teile der Stadt waren ohne Strom.""", "de")
add("strike", "sable-visit", "sable-visit-1", "2026-05-11T12:30:00+00:00", "Veyra Post",
    "President Brel visits Sable, promises air defence systems",
    """President Anton Brel visited Sable on Monday, a day after a drone attack killed four people
    there, and promised the city two more air defence systems. Standing by the damaged power plant
    with governor Ilya Serov, Brel said repairs would take a month. He laid flowers for the dead.""")
add("strike", "sable-visit", "sable-visit-2", "2026-05-11T15:00:00+00:00", "Meridian Daily",
    "Brel in Sable: two new air defence batteries pledged",
    """Anton Brel travelled to Sable on Monday and pledged two air defence batteries for the city, where
    Sunday's drone strike killed four people. The president toured the burned power plant with
    governor Ilya Serov and said power would be fully restored within a month.""")

# -- Second test half (round 22): written before anything of round 22 was designed and before the
# first test half's errors were read; held out of every choice of round 22. Gaps: the same day
# (13, 17), a day (14, 15's arrest is two), days (16, 18); a same-story update the next day (15).
SPLIT[0] = "test2"

# 13. Dockers walk out at a port vs. the port authority suing their union, the same day
add("port", "vesk-walkout", "vesk-walkout-1", "2026-06-08T08:10:00+00:00", "Harbor Wire",
    "Dockers walk out at Vesk, halting container traffic",
    """About 1,400 dock workers at the port of Vesk walked off the job on Monday morning over a new
    shift system, stopping all container traffic, the Vesk Dockers' Union said. Union leader Mara
    Olin said the walkout would last until the port authority withdrew the rota. Ships queued outside
    the harbour by midday.""")
add("port", "vesk-walkout", "vesk-walkout-2", "2026-06-08T10:40:00+00:00", "Meridian Daily",
    "Vesk port at a standstill as dockers strike over shifts",
    """Cranes stood idle at Vesk on Monday after some 1,400 dockers stopped work in protest at longer
    night shifts. Mara Olin, who leads the dockers' union, told workers at the gate that they would not
    return until the new rota was scrapped. At least nine cargo ships were waiting to berth.""")
add("port", "vesk-lawsuit", "vesk-lawsuit-1", "2026-06-08T17:30:00+00:00", "Veyra Post",
    "Port authority sues Vesk dockers' union, calls strike unlawful",
    """The Vesk port authority filed a lawsuit against the Vesk Dockers' Union on Monday afternoon,
    asking the labour court to declare the strike unlawful and to order the union to pay damages of
    4 million crowns a day. Authority director Piet Hanning said the union had given no notice. Mara
    Olin called the suit an attempt to frighten members.""")
add("port", "vesk-lawsuit", "vesk-lawsuit-2", "2026-06-08T19:05:00+00:00", "Harbor Wire",
    "Vesk port seeks damages from union in labour court",
    """Vesk's port authority has taken the dockers' union to the labour court, its director Piet
    Hanning said on Monday, claiming 4 million crowns for each day of the stoppage and asking judges
    to rule that no legal notice was given. A hearing was set for Thursday. The union's Mara Olin said
    members would not be intimidated.""")

# 14. A finance minister presents the budget vs. a rating agency's downgrade over it the next day
add("budget", "ost-budget", "ost-budget-1", "2026-09-15T11:00:00+00:00", "Meridian Daily",
    "Finance minister Karl Ost presents budget with record deficit",
    """Finance Minister Karl Ost presented the 2027 budget to parliament on Tuesday, with spending up
    9 percent and a deficit of 4.8 percent of output, the largest since the currency was introduced.
    Ost said higher defence and pension costs left no room for cuts. Opposition leader Rina Tals
    called the plan reckless.""")
add("budget", "ost-budget", "ost-budget-2", "2026-09-15T14:20:00+00:00", "Veyra Post",
    "Ost's 2027 budget: more for defence and pensions, deficit at 4.8%",
    """Veyra will run a deficit of 4.8 percent next year under the budget Karl Ost laid before
    lawmakers on Tuesday. The finance minister raised spending by 9 percent, most of it on the army
    and on pensions, and ruled out new taxes. Rina Tals of the opposition said the country was
    borrowing its way into trouble.""")
add("budget", "ost-budget", "ost-budget-uk", "2026-09-15T15:00:00+00:00", "Лорн Інформ",
    "Міністр фінансів Карл Ост представив бюджет з рекордним дефіцитом",
    """Міністр фінансів Вейри Карл Ост у вівторок представив парламенту бюджет на 2027 рік: видатки
    зростуть на 9 відсотків, дефіцит сягне 4,8 відсотка. Ост пояснив це витратами на оборону та
    пенсії. Лідерка опозиції Ріна Талс назвала план безвідповідальним.""", "uk")
add("budget", "veyra-downgrade", "veyra-downgrade-1", "2026-09-16T19:45:00+00:00", "Harbor Wire",
    "Agency cuts Veyra's rating after Ost budget",
    """Rating agency Norbeck cut Veyra's credit rating by one notch to A- on Wednesday, a day after
    Finance Minister Karl Ost presented a budget with a 4.8 percent deficit. Norbeck said it no longer
    expected the government to reduce its debt before 2030. Ost said the decision ignored growth
    forecasts.""")
add("budget", "veyra-downgrade", "veyra-downgrade-2", "2026-09-16T21:10:00+00:00", "Meridian Daily",
    "Norbeck downgrades Veyra to A-, citing deficit",
    """Veyra lost its A rating on Wednesday when Norbeck lowered it to A-, saying the budget unveiled
    by Karl Ost would push public debt higher for years. The finance minister said the agency had been
    too pessimistic. Bond yields rose after the announcement.""")

# 15. A warehouse fire (and the next day's update of the same fire) vs. the owner's arrest two days on
add("fire", "dorn-fire", "dorn-fire-1", "2026-10-19T05:50:00+00:00", "Veyra Post",
    "Three dead in Dorn warehouse fire",
    """Three workers died when a fire swept through a furniture warehouse in the industrial zone of
    Dorn overnight into Monday, the city's fire service said. Sixty firefighters fought the blaze for
    six hours. The cause was not yet known, fire chief Lena Brock said.""")
add("fire", "dorn-fire", "dorn-fire-uk", "2026-10-19T08:30:00+00:00", "Лорн Інформ",
    "У Дорні згорів меблевий склад, троє загиблих",
    """У ніч на понеділок у промисловій зоні Дорна спалахнула пожежа на меблевому складі, загинули
    троє працівників, повідомила міська пожежна служба. Шістдесят рятувальників гасили вогонь шість
    годин. Причина пожежі поки невідома, сказала начальниця служби Лена Брок.""", "uk")
add("fire", "dorn-fire", "dorn-fire-2", "2026-10-20T09:15:00+00:00", "Harbor Wire",
    "Dorn warehouse fire toll rises to four",
    """A fourth worker has died in hospital after the fire at a furniture warehouse in Dorn overnight
    into Monday, fire chief Lena Brock said on Tuesday. Investigators found that the sprinkler system
    had been switched off, she said. The warehouse had failed an inspection in the spring.""")
add("fire", "dorn-owner", "dorn-owner-1", "2026-10-21T16:00:00+00:00", "Meridian Daily",
    "Owner of burned Dorn warehouse arrested",
    """Police arrested Viktor Sallen, the owner of the Dorn furniture warehouse where four workers died
    in a fire, on Wednesday on suspicion of manslaughter, prosecutors said. Investigators say the
    sprinkler system had been switched off to save money. Sallen's lawyer said his client would
    cooperate.""")
add("fire", "dorn-owner", "dorn-owner-2", "2026-10-21T18:30:00+00:00", "Veyra Post",
    "Sallen detained over deadly Dorn fire",
    """Viktor Sallen, whose warehouse in Dorn burned down with four workers inside, was detained on
    Wednesday and faces manslaughter charges, prosecutors said. They accuse him of turning off the
    sprinklers. His lawyer said Sallen was shocked by the deaths and would answer every question.""")

# 16. A club sacks its coach vs. the new coach named two days later (one report in Russian)
add("coach", "rovers-sack", "rovers-sack-1", "2026-11-02T10:30:00+00:00", "Harbor Wire",
    "Dunmere Rovers sack coach Arne Falk after five defeats",
    """Dunmere Rovers sacked coach Arne Falk on Monday after five league defeats in a row left the club
    second from bottom, chairman Tom Reese said. Falk had been in charge for 14 months. Assistant Ivo
    Marsh will lead training until a successor is found.""")
add("coach", "rovers-sack", "rovers-sack-2", "2026-11-02T13:00:00+00:00", "Meridian Daily",
    "Falk out at Rovers as losing run costs him his job",
    """Arne Falk has lost his job as Dunmere Rovers coach, the club announced on Monday, a day after a
    fifth straight league defeat. Chairman Tom Reese thanked Falk for his work. Ivo Marsh, his
    assistant, takes temporary charge.""")
add("coach", "rovers-hire", "rovers-hire-1", "2026-11-04T15:00:00+00:00", "Veyra Post",
    "Rovers name Helga Strom as new coach",
    """Dunmere Rovers appointed Helga Strom as their new coach on Wednesday, two days after sacking Arne
    Falk, chairman Tom Reese said. Strom, 41, led Sable United to the cup final last season. She
    signed a contract until 2028 and will take her first training session on Thursday.""")
add("coach", "rovers-hire", "rovers-hire-ru", "2026-11-04T17:20:00+00:00", "Лорн Новости",
    "«Данмир Роверс» назначил Хельгу Стром главным тренером",
    """«Данмир Роверс» в среду назначил новым главным тренером Хельгу Стром, через два дня после
    увольнения Арне Фалька, сообщил председатель клуба Том Рис. 41-летняя Стром в прошлом сезоне
    вывела «Сейбл Юнайтед» в финал кубка. Контракт подписан до 2028 года.""", "ru")

# 17. A measles outbreak confirmed in a town vs. the order closing its schools, the same day (German)
add("measles", "brask-outbreak", "brask-outbreak-1", "2026-01-15T09:00:00+00:00", "Harbor Wire",
    "Measles outbreak confirmed in Brask, 23 children ill",
    """Health officials confirmed a measles outbreak in the town of Brask on Thursday, with 23 cases,
    all of them children, the health ministry said. Two children are in hospital. Chief medical
    officer Oda Virt said fewer than 80 percent of children in the town had been vaccinated.""")
add("measles", "brask-outbreak", "brask-outbreak-de", "2026-01-15T11:30:00+00:00", "Nordkurier Lorn",
    "Masernausbruch in Brask: 23 Kinder erkrankt",
    """In der Stadt Brask ist ein Masernausbruch bestätigt worden, teilte das Gesundheitsministerium am
    Donnerstag mit. 23 Kinder sind erkrankt, zwei liegen im Krankenhaus. Die Amtsärztin Oda Virt sagte,
    weniger als 80 Prozent der Kinder in Brask seien geimpft.""", "de")
add("measles", "brask-schools", "brask-schools-1", "2026-01-15T18:10:00+00:00", "Meridian Daily",
    "Brask schools ordered shut for two weeks",
    """All eleven schools and kindergartens in Brask will close for two weeks from Friday, the town's
    mayor Jon Edel ordered on Thursday evening, following advice from chief medical officer Oda Virt.
    Parents' groups said the order came with less than a day's notice. Teachers will set work
    online.""")
add("measles", "brask-schools", "brask-schools-2", "2026-01-15T20:00:00+00:00", "Veyra Post",
    "Mayor closes Brask schools and kindergartens",
    """Mayor Jon Edel shut Brask's eleven schools and kindergartens for a fortnight on Thursday. Edel
    said he acted on the advice of Oda Virt, the chief medical officer, and that lessons would move
    online from Friday. Some parents complained they had no time to arrange care.""")

# 18. A foreign minister's visit vs. the host country's expulsion of a diplomat three days later (Polish)
add("envoy", "lind-visit", "lind-visit-1", "2026-03-10T12:00:00+00:00", "Meridian Daily",
    "Foreign minister Lind in Karsk for talks on gas pipeline",
    """Veyra's foreign minister Eva Lind held talks in Karsk on Tuesday with her Ostlandic counterpart
    Bruno Hale on a gas pipeline under the Kessa river, the first such visit in three years. The two
    agreed to set up a working group. Lind said relations had entered a new phase.""")
add("envoy", "lind-visit", "lind-visit-pl", "2026-03-10T14:40:00+00:00", "Głos Karska",
    "Minister Lind w Karsku. Rozmowy o gazociągu",
    """Szefowa dyplomacji Veyry Eva Lind rozmawiała we wtorek w Karsku z ministrem spraw zagranicznych
    Ostlandu Bruno Hale o gazociągu pod rzeką Kessą. To pierwsza taka wizyta od trzech lat. Ministrowie
    powołali wspólną grupę roboczą.""", "pl")
add("envoy", "envoy-expelled", "envoy-expelled-1", "2026-03-13T16:20:00+00:00", "Harbor Wire",
    "Ostland expels Veyran diplomat for spying",
    """Ostland ordered a Veyran diplomat to leave the country within 48 hours on Friday, accusing him of
    spying on the pipeline talks, foreign minister Bruno Hale said. Veyra's foreign ministry called
    the charge absurd. The expulsion came three days after Eva Lind's visit to Karsk.""")
add("envoy", "envoy-expelled", "envoy-expelled-2", "2026-03-13T18:00:00+00:00", "Veyra Post",
    "Hale: Veyran attaché must leave Ostland in 48 hours",
    """A Veyran embassy attaché has been declared persona non grata in Ostland and given 48 hours to go,
    Bruno Hale announced on Friday, saying the man had gathered information on the pipeline project.
    Eva Lind's ministry rejected the accusation and said Veyra would respond.""")

# (Groups 17 and 18 were first dated in 2027, after the day the benches ran: ingest reads a
# future publication date as none, so they ran undated; moved back 52 weeks, the same weekdays,
# before any rule was measured on them dated.)

# -- Third test half (round 22; dated 52 weeks back from 2027, as written, before it was run): written after the rules of round 22's first commit were measured
# on the first test half (and found to leave test2 as it was), before test2's errors were read;
# held out of every later choice. Gaps: the same day (19), a day (23), two days (21, 24), three
# days (22), four days (20, with a next-day update of the same story).
SPLIT[0] = "test3"

# 19. An activist convicted vs. the protest outside the court that evening
add("verdict", "noor-verdict", "noor-verdict-1", "2026-04-15T10:20:00+00:00", "Harbor Wire",
    "Activist Sela Noor jailed for four years over blockade",
    """A court in Lorn sentenced environmental activist Sela Noor to four years in prison on Wednesday
    for organising a blockade of the Kessa refinery last summer. Judge Aron Feit said the blockade had
    put workers' lives at risk. Noor's lawyer Ivo Hart said she would appeal.""")
add("verdict", "noor-verdict", "noor-verdict-2", "2026-04-15T12:05:00+00:00", "Meridian Daily",
    "Four-year sentence for Noor over refinery blockade",
    """Sela Noor, who led last year's blockade of the Kessa refinery, was given a four-year prison term
    by a Lorn court on Wednesday. The judge, Aron Feit, ruled that the protest endangered staff at the
    plant. Her lawyer, Ivo Hart, announced an appeal.""")
add("verdict", "noor-protest", "noor-protest-1", "2026-04-15T20:30:00+00:00", "Veyra Post",
    "Thousands rally outside Lorn court after Noor verdict",
    """Several thousand people gathered outside the Lorn courthouse on Wednesday evening to protest
    against the prison sentence handed to activist Sela Noor, police said. Protesters blocked Harbour
    Street for two hours and 17 were detained after scuffles with officers. Organiser Dita Rell said
    rallies would continue every evening.""")
add("verdict", "noor-protest", "noor-protest-2", "2026-04-15T22:10:00+00:00", "Harbor Wire",
    "Police detain 17 as Noor supporters block Harbour Street",
    """Police detained 17 people in Lorn on Wednesday night as supporters of jailed activist Sela Noor
    blocked Harbour Street outside the courthouse. Dita Rell, one of the organisers, told the crowd
    they would return every evening until Noor was freed.""")

# 20. A bank's data breach (and the next day's update of it) vs. the regulator's fine four days later
add("breach", "nordbank-breach", "nordbank-breach-1", "2026-05-04T09:00:00+00:00", "Meridian Daily",
    "Hackers steal data of Nordbank customers",
    """Nordbank said hackers had stolen names, addresses and account numbers of about 200,000 customers
    in an attack on its payment system discovered over the weekend. Chief executive Hanna Lisk
    apologised and said no money had been taken. The police cyber unit is investigating.""")
add("breach", "nordbank-breach", "nordbank-breach-2", "2026-05-04T13:30:00+00:00", "Veyra Post",
    "Nordbank: 200,000 customers hit by cyber attack",
    """The personal data of some 200,000 Nordbank customers was stolen in a cyber attack on the bank's
    payment system, chief executive Hanna Lisk said on Monday. Account numbers were among the stolen
    data, but no funds were lost, she said.""")
add("breach", "nordbank-breach", "nordbank-breach-3", "2026-05-05T10:15:00+00:00", "Harbor Wire",
    "Nordbank breach larger than first thought: 340,000 customers",
    """Hackers who attacked Nordbank's payment system stole the data of 340,000 customers, not 200,000
    as first reported, the bank said on Tuesday. Hanna Lisk, the chief executive, said customers would
    be given new account numbers free of charge.""")
add("breach", "nordbank-fine", "nordbank-fine-1", "2026-05-08T15:40:00+00:00", "Meridian Daily",
    "Regulator fines Nordbank 12 million over data breach",
    """The financial supervisor fined Nordbank 12 million crowns on Friday for failing to protect
    customer data, after hackers stole the details of 340,000 clients. Supervisor chief Emil Dahl said
    the bank had ignored warnings about its payment system. Nordbank said it would not appeal.""")
add("breach", "nordbank-fine", "nordbank-fine-2", "2026-05-08T18:00:00+00:00", "Veyra Post",
    "Nordbank hit with 12 million crown fine",
    """Emil Dahl, head of the financial supervisor, announced a fine of 12 million crowns against
    Nordbank on Friday, saying the bank had been warned about weaknesses in its systems months before
    this week's breach. The bank accepted the penalty.""")

# 21. A bridge collapse vs. the transport minister's resignation over it two days later (Russian)
add("bridge", "arn-bridge", "arn-bridge-1", "2026-06-11T07:10:00+00:00", "Harbor Wire",
    "Six dead as road bridge collapses in Arn",
    """A road bridge over the Kessa collapsed in the town of Arn on Thursday morning, sending a bus and
    three cars into the river and killing six people, the regional governor Petr Vall said. Divers were
    searching for two missing. The bridge had been due for repairs since 2024.""")
add("bridge", "arn-bridge", "arn-bridge-ru", "2026-06-11T09:40:00+00:00", "Лорн Новости",
    "В Арне обрушился мост: шесть погибших",
    """В четверг утром в городе Арн обрушился автомобильный мост через Кессу, в реку упали автобус и
    три легковых автомобиля, погибли шесть человек, сообщил губернатор Петр Валл. Водолазы ищут двух
    пропавших. Ремонт моста откладывался с 2024 года.""", "ru")
add("bridge", "arn-bridge", "arn-bridge-2", "2026-06-11T11:00:00+00:00", "Veyra Post",
    "Arn bridge collapse: bus and cars plunge into Kessa",
    """Six people were killed when the Arn road bridge gave way on Thursday, governor Petr Vall said,
    as a bus and three cars fell into the Kessa. Two people are missing. Repairs to the bridge had
    been postponed for three years.""")
add("bridge", "minister-quits", "minister-quits-1", "2026-06-13T12:30:00+00:00", "Meridian Daily",
    "Transport minister Lena Roos resigns over Arn bridge",
    """Transport Minister Lena Roos resigned on Saturday, two days after the collapse of the Arn bridge
    killed six people, saying she took political responsibility for the delayed repairs. Prime
    Minister Tomas Reyk accepted her resignation and named her deputy, Olaf Brun, acting minister.""")
add("bridge", "minister-quits", "minister-quits-2", "2026-06-13T14:45:00+00:00", "Harbor Wire",
    "Roos quits as minister; deputy Brun takes over",
    """Lena Roos stepped down as transport minister on Saturday over the postponed repairs to the Arn
    bridge, whose collapse killed six people. Tomas Reyk, the prime minister, said Olaf Brun would run
    the ministry until a successor was appointed.""")

# 22. A marathon won in a course record vs. the winner's positive doping test three days later
add("marathon", "lorn-marathon", "lorn-marathon-1", "2026-09-20T13:00:00+00:00", "Veyra Post",
    "Kiva Abel wins Lorn marathon in course record",
    """Kiva Abel won the Lorn marathon on Sunday in 2 hours 5 minutes 41 seconds, breaking the course
    record by almost a minute. Abel, 27, pulled away from Tom Saari after 35 kilometres. More than
    18,000 runners took part.""")
add("marathon", "lorn-marathon", "lorn-marathon-2", "2026-09-20T15:30:00+00:00", "Meridian Daily",
    "Record run in Lorn as Abel beats Saari",
    """Kiva Abel set a course record of 2:05:41 to win the Lorn marathon on Sunday, leaving Tom Saari
    behind in the last seven kilometres. Abel said the cool weather had helped. Some 18,000 runners
    started.""")
add("marathon", "abel-doping", "abel-doping-1", "2026-09-23T10:00:00+00:00", "Harbor Wire",
    "Lorn marathon winner Abel fails doping test",
    """Kiva Abel, who won the Lorn marathon in a course record, has tested positive for a banned blood
    booster, the national anti-doping agency said. Abel has been provisionally suspended and could
    lose the title to Tom Saari. His agent said Abel denied taking any banned substance.""")
add("marathon", "abel-doping", "abel-doping-2", "2026-09-23T12:20:00+00:00", "Veyra Post",
    "Abel suspended after positive test, Lorn record in doubt",
    """The anti-doping agency provisionally suspended Kiva Abel on Wednesday after his sample from the
    Lorn marathon tested positive for a banned substance. If the result is confirmed, Tom Saari will be
    declared the winner. Abel's agent said the runner was innocent.""")

# 23. A ceasefire signed vs. the reports of its first violations the next day (Ukrainian)
add("truce", "truce-signed", "truce-signed-1", "2026-10-09T16:00:00+00:00", "Meridian Daily",
    "Veyra and Ostland sign ceasefire in Harrowgate",
    """Veyra and Ostland signed a ceasefire in Harrowgate on Friday, ending three weeks of fighting
    along the Kessa border. Foreign ministers Eva Lind and Bruno Hale agreed to pull heavy weapons
    back 15 kilometres from the river. The truce takes effect at midnight.""")
add("truce", "truce-signed", "truce-signed-2", "2026-10-09T18:30:00+00:00", "Harbor Wire",
    "Ceasefire deal: heavy weapons to move 15 km from Kessa",
    """Eva Lind and Bruno Hale put their names to a ceasefire on Friday in Harrowgate, under which
    both armies will withdraw heavy weapons 15 kilometres from the Kessa. The agreement comes into
    force at midnight after three weeks of clashes.""")
add("truce", "truce-broken", "truce-broken-1", "2026-10-10T14:10:00+00:00", "Veyra Post",
    "Shelling on the Kessa hours after truce begins",
    """Artillery fire was reported at three points on the Kessa border on Saturday morning, hours after
    a ceasefire between Veyra and Ostland took effect, the Veyran defence ministry said. Two soldiers
    were wounded near Dunmere. Ostland denied firing first and accused Veyran units of provocations.""")
add("truce", "truce-broken", "truce-broken-uk", "2026-10-10T16:00:00+00:00", "Лорн Інформ",
    "На кордоні по Кессі стріляють попри перемир'я",
    """У суботу вранці, через кілька годин після набуття чинності перемир'я між Вейрою та Остландом,
    на кордоні по Кессі зафіксовано артилерійські обстріли у трьох місцях, повідомило міністерство
    оборони Вейри. Поблизу Данміра поранено двох військових. Остланд заперечує, що стріляв першим.""", "uk")

# 24. A vaccine approved vs. the first shots given two days later (German)
add("vaccine", "vaccine-approved", "vaccine-approved-de", "2026-11-17T11:00:00+00:00", "Nordkurier Lorn",
    "Neuer Grippeimpfstoff in Veyra zugelassen",
    """Die Arzneimittelbehörde von Veyra hat am Dienstag den Grippeimpfstoff Valtra-4 des Herstellers
    Orsen zugelassen. Behördenchefin Mira Solt sagte, der Impfstoff schütze auch vor der neuen
    H3-Variante. Die Regierung hat zwei Millionen Dosen bestellt.""", "de")
add("vaccine", "vaccine-approved", "vaccine-approved-1", "2026-11-17T13:20:00+00:00", "Harbor Wire",
    "Regulator approves Orsen's Valtra-4 flu vaccine",
    """Veyra's medicines agency approved Orsen's flu vaccine Valtra-4 on Tuesday, saying it also
    protects against the new H3 strain. Agency head Mira Solt said the government had ordered two
    million doses.""")
add("vaccine", "first-shots", "first-shots-1", "2026-11-19T09:30:00+00:00", "Meridian Daily",
    "First Valtra-4 shots given in Lorn clinics",
    """Nurses in Lorn gave the first doses of the Valtra-4 flu vaccine to about 3,000 people over 70 on
    Thursday, the health ministry said. Health Minister Oda Virt received a shot at the city hospital
    and urged older people to book appointments. Queues formed outside two clinics.""")
add("vaccine", "first-shots", "first-shots-2", "2026-11-19T12:00:00+00:00", "Veyra Post",
    "Queues in Lorn as flu vaccination begins",
    """About 3,000 people over 70 were vaccinated with Valtra-4 in Lorn on Thursday, the first day of
    the campaign, according to the health ministry. Minister Oda Virt was among the first to get the
    shot and called on pensioners to sign up.""")

if __name__ == "__main__":
    out = Path(__file__).with_suffix(".jsonl")
    out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in E), encoding="utf-8")
    print(f"wrote {len(E)} reports of {len({e['event'] for e in E})} events to {out}")
