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
add("measles", "brask-outbreak", "brask-outbreak-1", "2027-01-14T09:00:00+00:00", "Harbor Wire",
    "Measles outbreak confirmed in Brask, 23 children ill",
    """Health officials confirmed a measles outbreak in the town of Brask on Thursday, with 23 cases,
    all of them children, the health ministry said. Two children are in hospital. Chief medical
    officer Oda Virt said fewer than 80 percent of children in the town had been vaccinated.""")
add("measles", "brask-outbreak", "brask-outbreak-de", "2027-01-14T11:30:00+00:00", "Nordkurier Lorn",
    "Masernausbruch in Brask: 23 Kinder erkrankt",
    """In der Stadt Brask ist ein Masernausbruch bestätigt worden, teilte das Gesundheitsministerium am
    Donnerstag mit. 23 Kinder sind erkrankt, zwei liegen im Krankenhaus. Die Amtsärztin Oda Virt sagte,
    weniger als 80 Prozent der Kinder in Brask seien geimpft.""", "de")
add("measles", "brask-schools", "brask-schools-1", "2027-01-14T18:10:00+00:00", "Meridian Daily",
    "Brask schools ordered shut for two weeks",
    """All eleven schools and kindergartens in Brask will close for two weeks from Friday, the town's
    mayor Jon Edel ordered on Thursday evening, following advice from chief medical officer Oda Virt.
    Parents' groups said the order came with less than a day's notice. Teachers will set work
    online.""")
add("measles", "brask-schools", "brask-schools-2", "2027-01-14T20:00:00+00:00", "Veyra Post",
    "Mayor closes Brask schools and kindergartens",
    """Mayor Jon Edel shut Brask's eleven schools and kindergartens for a fortnight on Thursday. Edel
    said he acted on the advice of Oda Virt, the chief medical officer, and that lessons would move
    online from Friday. Some parents complained they had no time to arrange care.""")

# 18. A foreign minister's visit vs. the host country's expulsion of a diplomat three days later (Polish)
add("envoy", "lind-visit", "lind-visit-1", "2027-03-09T12:00:00+00:00", "Meridian Daily",
    "Foreign minister Lind in Karsk for talks on gas pipeline",
    """Veyra's foreign minister Eva Lind held talks in Karsk on Tuesday with her Ostlandic counterpart
    Bruno Hale on a gas pipeline under the Kessa river, the first such visit in three years. The two
    agreed to set up a working group. Lind said relations had entered a new phase.""")
add("envoy", "lind-visit", "lind-visit-pl", "2027-03-09T14:40:00+00:00", "Głos Karska",
    "Minister Lind w Karsku. Rozmowy o gazociągu",
    """Szefowa dyplomacji Veyry Eva Lind rozmawiała we wtorek w Karsku z ministrem spraw zagranicznych
    Ostlandu Bruno Hale o gazociągu pod rzeką Kessą. To pierwsza taka wizyta od trzech lat. Ministrowie
    powołali wspólną grupę roboczą.""", "pl")
add("envoy", "envoy-expelled", "envoy-expelled-1", "2027-03-12T16:20:00+00:00", "Harbor Wire",
    "Ostland expels Veyran diplomat for spying",
    """Ostland ordered a Veyran diplomat to leave the country within 48 hours on Friday, accusing him of
    spying on the pipeline talks, foreign minister Bruno Hale said. Veyra's foreign ministry called
    the charge absurd. The expulsion came three days after Eva Lind's visit to Karsk.""")
add("envoy", "envoy-expelled", "envoy-expelled-2", "2027-03-12T18:00:00+00:00", "Veyra Post",
    "Hale: Veyran attaché must leave Ostland in 48 hours",
    """A Veyran embassy attaché has been declared persona non grata in Ostland and given 48 hours to go,
    Bruno Hale announced on Friday, saying the man had gathered information on the pipeline project.
    Eva Lind's ministry rejected the accusation and said Veyra would respond.""")

if __name__ == "__main__":
    out = Path(__file__).with_suffix(".jsonl")
    out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in E), encoding="utf-8")
    print(f"wrote {len(E)} reports of {len({e['event'] for e in E})} events to {out}")
