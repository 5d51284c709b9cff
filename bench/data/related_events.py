"""Writes related_events.jsonl: invented reports (fictional countries, people and outlets, written
for storydiff) of pairs of *related* events: the same actors in the same weeks, different
stories. Each event is told by two outlets (and a few by a Ukrainian outlet too); `event` is
the gold story, `group` the pair of related events. Kept as Python so the texts stay readable
in review; `python bench/data/related_events.py` rewrites the JSONL."""

import json
from pathlib import Path

E = []


def add(group, event, rid, published, outlet, title, text, language="en"):
    E.append({"id": rid, "group": group, "event": event, "published": published, "outlet": outlet,
              "title": title, "text": " ".join(text.split()), "language": language})


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

if __name__ == "__main__":
    out = Path(__file__).with_suffix(".jsonl")
    out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in E), encoding="utf-8")
    print(f"wrote {len(E)} reports of {len({e['event'] for e in E})} events to {out}")
