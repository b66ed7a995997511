"""Classes of identifier found by the third and fourth development sets
(tests/fixtures/redaction_dev3_cases.yaml, redaction_dev4_cases.yaml), each with examples of our own:
the fixtures' cases are tested in tests/test_privacy.py.

Every identifier is invented (phones in Ofcom's drama ranges)."""

from __future__ import annotations

import pytest

from bot.privacy import redact


def removed(text: str, value: str, kind: str) -> str:
    result = redact(text)
    assert value not in result.text, result.text
    assert f"[{kind}]" in result.text, result.text
    assert kind in result.found
    return result.text


# (kind, text, the identifier that must go)
REMOVED = [
    # --- case id ---
    # a system's name and a colon, a label's bracketed system, more systems and documents
    ("case id", "EMIS: 5512093 says otherwise", "5512093"),
    ("case id", "custody number (NICHE) 01AB22931 today", "01AB22931"),
    ("case id", "a&e ref 25/119923 from last night", "25/119923"),
    ("case id", "her CJS no. 44XY1200931B is on the charge sheet", "44XY1200931B"),
    ("case id", "OPAL ref 220-1934 on the card", "220-1934"),
    ("case id", "incident number 25*009121 again", "25*009121"),
    ("case id", "the dbs cert. no. 009911223344 was clear", "009911223344"),
    # a person's own number somewhere: "her case number with the council is", "on the journal is"
    ("case id", "his case ref with the council is 8812201", "8812201"),
    ("case id", "claimant number on the UC journal is 9XK22LM1", "9XK22LM1"),
    ("case id", "housing register no. HX/220019 - band B", "HX/220019"),
    ("case id", "the mosaic id so it's 2231907 for both", "2231907"),
    ("case id", "referral 3318220 from the school", "3318220"),
    # a prison number by its shape alone; digits then whose number they are
    ("case id", "B1234XY was released on tag", "B1234XY"),
    ("case id", "7719200 is the child's CLA number", "7719200"),
    ("case id", "41/22019/CR is the police ref", "41/22019/CR"),
    # --- phone ---
    ("phone", "0044 7700 900654 is her number abroad", "0044 7700 900654"),  # not a card: it starts with 0
    ("phone", "ring o1632 96o 123 she says", "o1632 96o 123"),
    ("phone", "it is 07700\n900765 sorry", "07700\n900765"),
    ("phone", "on 0 1 1 3 4 9 6 0 1 2 3 please", "0 1 1 3 4 9 6 0 1 2 3"),
    # --- address ---
    # a house name after "at"; a name after a word for a home and "is"; before one, after "at"
    ("address", "the postman at Ivy Cottage saw it", "Ivy Cottage"),
    ("address", "they're at Meadow Lane Caravan Park till May", "Meadow Lane Caravan Park"),
    ("address", "she's at the Seaview Guest House for now", "Seaview Guest House"),
    ("address", "the refuge is Hollybush House, out of county", "Hollybush House"),
    ("address", "farm is Bryn Glas above the village", "Bryn Glas"),
    ("address", "hostel is the Anchor on Mill Street", "Anchor on Mill Street"),
    ("address", "placed at Oak Bank children's home last week", "Oak Bank"),
    # part of a house; a townland; a PO box; a street after "they're on" and its number after
    ("address", "living in the granny flat at Larkspur, Church Lane now", "Larkspur, Church Lane"),
    ("address", "they live at Drumnacross, the townland by the lough", "Drumnacross"),
    ("address", "the townland of Ballymoney Beg, no number", "Ballymoney"),
    ("address", "send it to P.O. Box 118, Leeds", "P.O. Box 118"),
    ("address", "she's on Hawthorn Avenue. Number 7, the blue door", "Hawthorn Avenue"),
    ("address", "She's on Hawthorn Avenue. Number 7, the blue door", "Number 7"),
    ("address", "his mate's on Station Rd (no. 4)", "no. 4"),
    # a person's room in a shared house; an address in quotes
    ("address", "the HMO is full, he's in room 12", "room 12"),
    ("address", "written as 'Flat 2, 8 Kings Road' on the form", "8 Kings Road"),
    # --- name ---
    # nicknames; names of cultures the dictionary lacked
    ("name", "Bazza rang the office again", "Bazza"),
    ("name", "Tezza's mum wants a copy", "Tezza"),
    ("name", "spoke to Gulalai about the move", "Gulalai"),
    # a word no list knows, opening a sentence before a verb only people do; with a relative
    ("name", "Zerihun keeps missing school. who do we tell?", "Zerihun"),
    ("name", "Kowalska's brother rang reception", "Kowalska"),
    # social media handles
    ("name", "she follows @jaz_m2010 on tiktok", "@jaz_m2010"),
    ("name", "a dm from @bex.x.07", "@bex.x.07"),
    # a relative, "is", a name; an apposition with a role; ", b." after a name; an age before a bracket
    ("name", "Mum is Adwoa, dad unknown", "Adwoa"),
    ("name", "then seen by Priyanka, the school nurse", "Priyanka"),
    ("name", "Oskar, b. 2019, is in nursery", "Oskar"),
    ("name", "a 12yo (Mateusz) was there", "Mateusz"),
    ("name", "Yasmin (grandmother) is the carer", "Yasmin"),
    # an everyday word that is a name, with an age, opening a sentence; joined by "n"; shouting
    ("name", "Will is 15 and wants to know", "Will"),
    ("name", "Kyle n Tasha are back together", "Tasha"),
    ("name", "JAYDEN'S DAD SAYS NO", "JAYDEN"),
    ("name", "Aisha's CRN is known", "Aisha"),
    ("name", "Nan collected Priya from school", "Priya"),
    # initials shown to be a person, or with their dots; a surname made plural; two lower-case names
    ("name", "TK (the youngest) told her teacher", "TK"),
    ("name", "MB and her brother were there", "MB"),
    ("name", "LW's mum rang", "LW"),
    ("name", "we saw K.L. in town", "K.L."),
    ("name", "the Brennans' social worker is off", "Brennans"),
    ("name", "worried about the Kowalczyks - no GP", "Kowalczyks"),
    ("name", "oksana and taras - both on the plan", "taras"),
    ("name", "Mia has moved in with Tasha and the kids", "Tasha"),
    # a name in quotes after a role; with a parent; "has been self-harming"; "it's for"; family name first
    ("name", "a pupil, 'Rozhin', who won't say", "Rozhin"),
    ("name", "worried about Bohdan without his mum knowing", "Bohdan"),
    ("name", "Grace has been self-harming again", "Grace"),
    ("name", "the form is done. It's for Caoimhe.", "Caoimhe"),
    ("name", "Tran Thi Lan was found at the address", "Tran Thi Lan"),
    # a person named by their number
    ("case id", "K552019 was recalled yesterday", "K552019"),
    # ==== classes of the fourth development set ====
    # --- name ---
    # a name found once is a name wherever it comes again, in lower case too
    ("name", "Kofi and his cousin reuben ran off; can we tell reuben's school?", "reuben"),
    ("name", "my client Oksana says oksana is not her real name", "oksana"),
    # a name that is also a word, when a person is being named
    ("name", "there's a lad named rocky in year 10", "rocky"),
    ("name", "a boy called hunter keeps going missing", "hunter"),
    # a role in brackets after a name, in any case
    ("name", "zofia (resident) asked us to keep it quiet", "zofia"),
    ("name", "Tariq (our service user) wants his notes", "Tariq"),
    ("name", "spoke to mehmet (the lodger) this morning", "mehmet"),
    # a lower-case full name with a year group or role in brackets
    ("name", "siobhan doherty (yr 10) told her teacher", "siobhan doherty"),
    ("name", "gethin pryce (tenant) has rent arrears", "gethin pryce"),
    # a lower-case surname with particles after a title; "Sr" and "Sister" as titles
    ("name", "mrs van der berg called again", "van der berg"),
    ("name", "dr de souza says no", "de souza"),
    ("name", "Sr. O'Hara on ward 9 raised it", "O'Hara"),
    ("name", "Sister Nwosu wants to know", "Nwosu"),
    # --- address ---
    # a house name anywhere when its last word names only a home
    ("address", "Primrose Cottage - the police have been there twice", "Primrose Cottage"),
    ("address", "anyone know Lower Hendre Farm? the kids there are not in school", "Lower Hendre Farm"),
    ("address", "The Old Vicarage has new tenants", "The Old Vicarage"),
    ("address", "Ashdown Bungalow, the one by the church", "Ashdown Bungalow"),
    # Welsh street words in lower case, stopping before English words
    ("address", "it's 4 clos y wern is where she stays", "4 clos y wern"),
    ("address", "14 plas newydd, near the school", "14 plas newydd"),
    # a street word shortened, in lower case, with no place word before it
    ("address", "7 juniper cl had the police round", "7 juniper cl"),
    ("address", "3 kingsway pde above the chippy", "3 kingsway pde"),
    # a number, "the", and a street word that is nothing else
    ("address", "22 the avenue is the family home", "22 the avenue"),
    ("address", "lives at 5 the close, Hartlepool", "5 the close"),
    ("address", "9 The Maltings, flat 2", "9 The Maltings"),
    # --- date of birth ---
    # a feast or a named day after "born", with or without the year
    ("date of birth", "she was born on boxing day 2015", "boxing day 2015"),
    ("date of birth", "dob new year's eve 2009", "new year's eve 2009"),
    ("date of birth", "born on st david's day, twins", "st david's day"),
    # a short weekday before the date
    ("date of birth", "born weds 4th june 2014", "4th june 2014"),
    ("date of birth", "dob: Thu 12/09/2013", "12/09/2013"),
    # --- case id ---
    # police forces and the fraud centre before "ref"; WCCIS spelt as it is
    ("case id", "PSNI ref 0411-2290 for the assault", "0411-2290"),
    ("case id", "Police Scotland log no 2219 of 3rd June", "2219"),
    ("case id", "the action fraud reference NFRC2203119843", "NFRC2203119843"),
    ("case id", "WCCIS ID 22019873 for mum", "22019873"),
    # a reference shaped like an IBAN whose check digits fail is no account number, but an identifier
    ("case id", "ref on the letter: AB12 3456 7890 1234", "AB12 3456 7890 1234"),
    # a labelled reference wins over a card number its digits happen to make
    ("case id", "incident ref 4539578763621486 from last week", "4539578763621486"),
    # --- phone ---
    # a mobile in groups split by slashes
    ("phone", "her mob is 07700/900/812 now", "07700/900/812"),
    ("phone", "new no. 07700 / 900 / 813", "07700 / 900 / 813"),
]


@pytest.mark.parametrize(
    "kind, text, value", REMOVED, ids=[f"{kind}-{i}" for i, (kind, _, _) in enumerate(REMOVED)]
)
def test_identifiers_of_the_new_classes_are_removed(kind, text, value):
    removed(text, value, kind)


@pytest.mark.parametrize(
    "text",
    [
        "our ref 12345 and case no. 55 stay",  # an organisation's own references
        "50000 is the total number of referrals",
        "20000 is our ref number",
        "I spoke with the council is that ok",
        "Grace House refuge",  # the name of a refuge alone
        "the Women's Aid refuge and the Salvation Army hostel",
        "a meeting at the Town Hall, then at Barclays Bank",
        "the meeting is in room 4",
        "the townland system in Northern Ireland",
        # words and names of things that the new classes must leave alone
        "we read Animal Farm in year 9",
        "the wind farm and the city farm both have volunteers",
        "Rose Cottage Hospital has closed",  # an institution
        "my sister is a nurse and the ward sister agreed",
        "they watched Sister Act",
        "someone called in sick, and she called back later",
        "the mum called childline",
        "page 12/34/56 of the bundle, refs 0123/4567/89",  # a document reference, not a phone
        "at 3 the close of the meeting",
        "the meeting is on christmas day",
        "is the MPS ref on the policy right?",
        "the Care Act (adult) guidance",
        "Next of Kin and the Red Cross",
        # look-alikes of older classes (tests/fixtures/redaction_lookalikes.yaml found them)
        "Desk sergeant. A stop and search found nothing",  # a title written in full ends its sentence
        "Duty inspector. Grace period for the report?",
        "Team leader (Sr Mgr on the chart) asked",
        "Support worker, Cardiff. Can I share?",  # a town after a role
        "we work with Cyngor Sir Ceredigion and Heddlu De Cymru",
        "a school on Ynys Môn asked",
        "an FP10SS was found in his bag",  # a prescription form, not a number plate
        "our school URN 104455 is on the form",  # the setting's number
        "she works at the Cottage Hospital",  # a house word alone is no house's name
        "he moved into a Home Farm Trust place",
        "the 2 Cwm Taf Morgannwg teams",
    ],
)
def test_references_counts_rooms_and_look_alikes_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text, values",
    [
        ("Friday 2nd May 2014 was her DOB, the review is Friday 9th", ["2nd May 2014"]),
        ("Sam, b. 11/2019, is the youngest", ["11/2019"]),
        ("dob 7 7 07 then", ["7 7 07"]),
        ("DOB 04.xi.2012 on the form", ["04.xi.2012"]),
        ("DOB 2/3/90 dad, 5/6/15 child", ["2/3/90", "5/6/15"]),
        ("DOB 1/2/2010 - sorry, 01/02/2011", ["1/2/2010", "01/02/2011"]),
        ("dob 12-3-14 on Mosaic and 14-3-12 on SIMS", ["12-3-14", "14-3-12"]),
        ("her birthday is the 9th, in year 8", ["9th"]),
        ("year of birth recorded as 1999 only", ["1999"]),
        ("born in 2012 on the 5th of June", ["2012", "5th of June"]),
    ],
)
def test_dates_of_birth_in_more_forms(text, values):
    result = redact(text)
    for value in values:
        assert value not in result.text, result.text
    assert "date of birth" in result.found


@pytest.mark.parametrize(
    "text",
    [
        "DOB 1/2/2010 - meeting 3/4/2026",  # a meeting after a date of birth
        "born in 2015 so she's 10",  # how old a child is
        "the meeting is on 4/5/2026 and the review 3/4/26",
    ],
)
def test_other_dates_stay(text):
    result = redact(text)
    assert "3/4/2026" in result.text or "2015" in result.text or "4/5/2026" in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Appointee wants the money paid to him; Executor says no; Councillor said yes",
        "DfE says 6 months; Ofsted says a year; Facebook said no; Childline says call them",
        "dpia says high risk",
        "Bernardo's or Barnardo's? always forget",
        "the Roma family moved from Sheffield - can we ask Sheffield for the file?",
        "a trip to Paris (France) next week",
        "Will you tell mum? Will it be shared?",
        "email jo@example.org, ask @DSL or @here, a @nhs.net address, meet @ 3pm",
        "[phone]@Wk and [address]@home: after a placeholder, no handle (redacting twice changes nothing)",
        "the GP and his team; the U.K. and the E.U.; N.B. this; YP dob unknown; DV and her kids",
        "worried about the Midlands; the Cotswolds' hills; reading and maths are fine",
        "Hope has been building; Summer has been amazing; the YP, \"Support\", ok",
        "Next of kin wants an update; can we tell his Next of Kin? next of kin rang",
        "the fire service and Red Cross asked; the British Red Cross want the list",
        "she moved to Milton Keynes; the family in Leighton Buzzard; born in Newton Abbot; Melton Mowbray police",
    ],
)
def test_words_that_are_not_names_stay(text):
    result = redact(text)
    assert "[name]" not in result.text, result.text


def test_an_email_in_quotes():
    assert redact("use 'JO_B2001@EXAMPLE.ORG' only").text == "use '[email]' only"
    assert redact('or "jo@example.org"').text == 'or "[email]"'


def test_a_named_day_after_a_date_of_birth_says_no_more_than_it():
    text = "D.O.B.: 12 11 2012 - bonfire night baby"
    assert redact(text).text == "D.O.B.: [date of birth] - bonfire night baby"


def test_a_real_iban_is_still_an_account_number():
    assert redact("pay GB29 NWBK 6016 1331 9268 19 today").text == "pay [account number] today"


# Classes an outside review of the command line found (2026-11-30), each with examples of our own: a name in
# capitals in a text that does not shout (typed as on a form), and a lower-case given name before a
# possessive and a thing about the person, or after a verb of sharing with its surname.
@pytest.mark.parametrize("text, name", [
    ("ZAINAB OKAFOR wants to see her file, can we share it", "OKAFOR"),
    ("Referral for TOMASZ NOWAK from the school", "TOMASZ"),
    ("can we pass on dariusz's info to housing", "dariusz"),
    ("is it ok to share aaliyah's details with the gp", "aaliyah"),
    ("can i tell olumide adeyemi about the referral", "adeyemi"),
])
def test_names_in_capitals_or_lower_case_by_their_context(text, name):
    removed(text, name, "name")


@pytest.mark.parametrize("text", [
    "report to the designated officer (LADO) the same day",
    "our ELSA works with the pupil on Tuesdays",
    "Can the SENCO share the EHCP with CAMHS?",
    "KENT POLICE asked for the MARAC minutes",
    "clare's law request from her sister",
])
def test_acronyms_and_laws_are_no_names(text):
    assert redact(text).text == text


# Classes a privacy review found (2026-11-30, second review), each with examples of our own.
# A form typed or pasted from a case system: a name or date of birth after its label, the label in Slack's
# bold or italics, the value on the next line.
@pytest.mark.parametrize("text, values, kinds", [
    ("Name: Rhiannon, ok to share?", ["Rhiannon"], ["name"]),
    ("*Name:* Deon - is this ok", ["Deon"], ["name"]),
    ("_Child's name:_ ellis brannigan", ["ellis brannigan"], ["name"]),
    ("Forename: Milosz Surname: Zielinski", ["Milosz", "Zielinski"], ["name"]),
    ("surname - ADEBAYO, first name Temi", ["ADEBAYO", "Temi"], ["name"]),
    ("Maiden name Ferreira on the old record", ["Ferreira"], ["name"]),
    ("*D.O.B:* 14.02.16", ["14.02.16"], ["date of birth"]),
    ("Child:\nCallum\nSurname:\nDrysdale", ["Callum", "Drysdale"], ["name"]),
    ("Name: Aoife Brennan\nDOB:\n21/09/2013", ["Aoife", "Brennan", "21/09/2013"], ["name", "date of birth"]),
])
def test_form_fields_are_redacted(text, values, kinds):
    result = redact(text)
    for value in values:
        assert value not in result.text, result.text
    assert set(kinds) <= set(result.found)


FORM_LOOK_ALIKES = [
    "Name: unknown, DOB not given",
    "Surname: TBC",
    "What name do we put on the referral form?",
    "a surname change after adoption",
    "on first name terms with the DSL",
    "Name: [name]",
    "the *Children Act* and _Working Together_",
    "email jo_bloggs_team is the shared inbox name",
]


# Names as case systems and hospital letters write them: the surname first and in capitals, or an initial.
@pytest.mark.parametrize("text, values", [
    ("OKONJO, Adaeze - can I share her notes?", ["OKONJO", "Adaeze"]),
    ("FITZGERALD Niamh (14) missed school again", ["FITZGERALD", "Niamh"]),
    ("re WISNIEWSKA, Kasia and her brother", ["WISNIEWSKA", "Kasia"]),
    ("T. Okafor asked for his records", ["Okafor"]),
    ("letter from K.L. Fairbairn about her son", ["Fairbairn"]),
    ("Mensah K, DOB 02/02/2002, wants his notes", ["Mensah"]),
    ("(Oyelaran T) is on the list", ["Oyelaran"]),
])
def test_surname_first_and_initialled_names_are_redacted(text, values):
    result = redact(text)
    for value in values:
        assert value not in result.text, result.text
    assert "name" in result.found


LETTERED_THINGS_AND_ACRONYMS = [
    "Hepatitis B, can I share the result?",
    "Plan B, then the MARAC",
    "Vitamin D levels from the GP",
    "Is a MASH referral needed, SENCO asked",
    "Schedule 1 Part 2 and Annex A.",
    "Part A. Children in need",
    "I Think the school knows",
    "U.K. Government guidance",
    "Year R pupil, Key Stage 1",
    "Kent Police and WOOD Green school",
    # Welsh health boards, hospitals and hospices named after people or places
    "Can I tell the Hywel Dda health board?",
    "Can Betsi Cadwaladr see the file?",
    "Can I share with Aneurin Bevan UHB?",
    "Should I contact Tŷ Hafan hospice?",
    "Does Ysbyty Glan Clwyd need the form?",
]


# Online identifiers, references by their shape or an organisation's initials, and more forms of phone
# numbers, e-mail addresses, dates of birth, addresses and names (privacy review, 2026-11-30).
@pytest.mark.parametrize("kind, text, value", [
    ("IP address", "the abuse came from IP 86.14.203.77 apparently", "86.14.203.77"),
    ("IP address", "he logged on from 10.0.0.12 at school", "10.0.0.12"),
    ("IP address", "ip address fe80::1ff:fe23:4567:890a in the audit log", "fe80::1ff:fe23:4567:890a"),
    ("IP address", "logs show 172.16.254.31 every night", "172.16.254.31"),
    ("social media account", "see www.facebook.com/kerry.mcbride.71 for the posts", "kerry.mcbride.71"),
    ("social media account", "instagram.com/lil_t_2011/ has the photos", "lil_t_2011"),
    ("social media account", "her snapchat is bexx_2009", "bexx_2009"),
    ("social media account", "tiktok name: deano.x.x", "deano.x.x"),
    ("social media account", "his xbox gamertag is ShadowKid77", "ShadowKid77"),
    ("case id", "occurrence 55123/24 was raised", "55123/24"),
    ("case id", "QEUH no 40012387 on the letter", "40012387"),
    ("case id", "HCN: 712 345 6789 for the NI patient", "712 345 6789"),
    ("phone", "dad's on (0044) 7700 900 431", "7700 900 431"),
    ("phone", "direct line 0113 496 0788 ext 2251", "2251"),
    ("email", "contact kayleigh.b_01 at hotmail", "kayleigh.b_01"),
    ("email", "her email address is tanya at gmail", "tanya"),
    ("date of birth", "d.o.b 9th of the 11th 2012", "9th of the 11th 2012"),
    ("date of birth", "he turned 14 on 2 March", "2 March"),
    ("address", "the family at number 9 on Larch Close", "Larch Close"),
    ("address", "they live on the Fernhill estate, block D", "Fernhill"),
    ("address", "in a caravan at Meadowbank park, plot 22", "Meadowbank"),
    ("name", "can I pass this on? Thanks, Gemma", "Gemma"),
    ("name", "this is Dawit from the youth offending team", "Dawit"),
    ("name", "Kind regards\nFarah Siddiqui", "Siddiqui"),
])
def test_online_identifiers_and_more_forms_are_removed(kind, text, value):
    removed(text, value, kind)


ONLINE_LOOK_ALIKES = [
    "version 2.3.1.4 of the app",
    "meeting at 10:30:00 then 14:15",
    "see https://www.legislation.gov.uk/ukpga/2018/12/section/10",
    "facebook is down and snapchat: is it ok to screenshot",
    "her snap is private",
    "VAT no 123456789 on the invoice",
    "log 2231 of 21 May".replace("2231", "the"),
    "meet at gmail's London office",
    "the review is on the 3rd of the 4th",
    "he turned 16 on Monday",
    "number 10 on the list",
    "Crown Court, no 3 and the Magistrates Court number 2",
    "the Retail Park, unit 4",
    "Thanks, Will",
    "thanks Police",
    "this is Grace period question",
]


# Given names the context shows are people: an everyday-word name after whose relative it is, and an
# unknown name joined by "and" to a known one.
NAMES_BY_A_RELATIVE_OR_A_COMPANION = [
    ("his girlfriend jade has a non-mol against him", "jade"),
    ("my daughter grace is 4 and at nursery", "grace"),
    ("her sister amber said no", "amber"),
    ("Chidinma and Tobi are privately fostered", "Chidinma"),
    ("Sarah and Oluwaseun told me", "Oluwaseun"),
    ("Can Siobhan from Hollie Guard ring her?", "Siobhan"),
    ("Ask Tariq at Leeds Women's Aid", "Tariq"),
]


RELATIVES_VERBS_AND_ORGANISATIONS = [
    "her son will be at school",
    "her mum rose to the occasion",
    "his partner may call back",
    "Cafcass and Ofsted both asked",
    "MASH and CAMHS and the GP",
    "Hope at the end of the meeting",
    "Grace from Monday",
]


# Look-alikes a follow-up review of the classes above found masked (2026-11-30), and names they had let go.
FOLLOW_UP_LOOK_ALIKES = [
    "snapchat: 14yo sharing nudes in yr9",
    "N. Ireland, E. Sussex and W. Midlands teams; an E. Coli outbreak",
    "facebook/instagram and Twitter/X posts, 3 x/day",
    "version 10.12.1.3 of the app, section 2.4.1.1",
    "incident log 2023/24 and the occurrence log for 2024/25",
    "ICO no 12345678, our UKPRN number 10001234",
    "photos taken at live events",
    "Name: DSL",
    "Legal Name Change form",
    "It's Amber in our RAG rating",
    "she visits Amber ward",
    "he gave his address as 'no fixed abode'",
    "ring 07700 900123 x 2 times".replace("07700 900123", "the office"),
    "Hall B, then Field A",
    "NSPCC, Faith groups and churches",
    "Surname: N/A",
]


NAMES_THE_WORD_LISTS_MUST_NOT_HIDE = [
    ("Barry said he was hit", "Barry"),
    ("Mrs Munro asked for the file", "Munro"),
    ("her grandad bob has a key", "bob"),
]


@pytest.mark.parametrize("text", FORM_LOOK_ALIKES + LETTERED_THINGS_AND_ACRONYMS + ONLINE_LOOK_ALIKES
                         + RELATIVES_VERBS_AND_ORGANISATIONS + FOLLOW_UP_LOOK_ALIKES)
def test_look_alikes_of_the_review_classes_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text, value", NAMES_BY_A_RELATIVE_OR_A_COMPANION + NAMES_THE_WORD_LISTS_MUST_NOT_HIDE)
def test_names_shown_by_their_context_are_redacted(text, value):
    removed(text, value, "name")


# Classes the follow-up review found still missed (2026-11-30), each with examples of our own.
@pytest.mark.parametrize("kind, text, value", [
    ("name", "The referral says Okafor, T. has missed school", "Okafor"),
    ("name", "Re: Brennan, K - can the GP see the plan?", "Brennan"),
    ("name", "MCALLISTER R was seen by police last night", "MCALLISTER"),
    ("name", "Re: Nowak, Zofia - any news from the school?", "Nowak"),
    ("name", "Thanks, Bethany (DSL)", "Bethany"),
    ("name", "Best wishes,\nAnita Sharma", "Sharma"),
    ("social media account", "her snap is kayzbxo", "kayzbxo"),
    ("email", "contact tylerplays at hotmail", "tylerplays"),
    ("email", "it was sent to jadew@gmail apparently", "jadew"),
    ("IP address", "messages sent from 81.2.69.160 overnight", "81.2.69.160"),
    ("case id", "Occ: 55123/24 was raised", "55123/24"),
    ("case id", "occurrence 55123-24 on the system", "55123-24"),
    ("phone", "ring 0161 496 0000 - ext 4402", "4402"),
    ("name", "Pupil: Precious\nYear: 9", "Precious"),
    ("name", "| Name | Kayleigh | Year 9 |", "Kayleigh"),
    ("name", "Nickname: Smudge", "Smudge"),
    ("name", "his gf jade has a non-mol", "jade"),
    ("name", "her carer dawn said no", "dawn"),
])
def test_the_follow_up_reviews_missed_classes_are_removed(kind, text, value):
    removed(text, value, kind)


@pytest.mark.parametrize("text", [
    "Sorry, Sarah, can I ask something",
    "meet at gmail offices on Friday",
    "her snap is private and facebook is down",
    "the case 2023/24 figures and the 2024-25 report",
    "ASB case 2025/0771: neighbours want to know",
    "Plan B, then Part A has to be signed",
    "Name | Date | Outcome",
    "Child: Looked After, Pupil: Premium",
    "the girlfriend will be there",
])
def test_the_follow_up_reviews_look_alikes_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text, names", [
    ("the children KAYDEN AND BROGAN were seen", ("KAYDEN", "BROGAN")),
    ("siblings ZYLER & BROGAN are in foster care", ("ZYLER", "BROGAN")),
    ("KAYDEN (7) and BROGAN (9) have bruises", ("KAYDEN", "BROGAN")),
    ("the children TYLER AND MASON were seen", ("TYLER", "MASON")),  # known given names too
    ("siblings JAYDEN AND ELLIE are in foster care", ("JAYDEN", "ELLIE")),
])
def test_two_names_in_capitals_where_people_are_shown_are_taken(text, names):
    out = redact(text).text
    assert not any(name in out for name in names), out


@pytest.mark.parametrize("text", [
    "the children LAC and CIN were seen", "pupils CAMHS and SALT are in care", "HEALTH AND SAFETY were seen",
])
def test_acronyms_in_capitals_beside_people_words_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text", [
    "Redcar and Cleveland said they would share", "Wigan and Leigh said no", "Devon and Cornwall police said",
])
def test_two_places_that_name_one_area_stay_though_one_is_a_given_name(text):
    assert redact(text).text == text


def test_a_given_name_beside_a_name_that_is_no_place_is_still_taken():
    assert redact("Kayden and Leigh said he was hit").text == "[name] and [name] said he was hit"


@pytest.mark.parametrize("text, kept", [
    ("see https://mosaic.example.org/person?id=1234567", "see https://mosaic.example.org/person?id=[case id]"),
    ("https://lcs.example.gov.uk/view?personId=AB12345&tab=2", "https://lcs.example.gov.uk/view?personId=[case id]&tab=2"),
    ("https://x.example/r?recordId=998877", "https://x.example/r?recordId=[case id]"),
])
def test_a_records_id_in_a_link_pasted_from_a_case_system_is_taken(text, kept):
    assert redact(text).text == kept


@pytest.mark.parametrize("text", [
    "https://www.gov.uk/guidance/x?page=2", "the id=5 setting", "https://www.legislation.gov.uk/ukpga/1992/5/section/109B",
])
def test_links_without_a_records_id_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text, name", [
    ("the twins Camden and Brent were seen with bruises", "Brent"),
    ("my clients Devon and Leigh missed school", "Leigh"),
    ("Mum says Devon and Leigh went to their dad's", "Leigh"),
])
def test_given_names_that_are_also_places_are_taken_where_no_area_is_named(text, name):
    assert name not in redact(text).text
