"""The classes dev set 9 showed leaking (written blind for fitting in the ninth session), each with
look-alikes that must stay: public IP addresses without a label, card numbers laid out as cards,
NI numbers in pairs or spelt out, numbers abroad written with 00, registrations labelled after them,
references after PPN / LADO / benefit / admission / ID labels, houses named before a street that has a
public building's word, numbers said aloud, and names shown by a role, an age, a school year, "called"
or a lower-case list."""

import pytest

from bot.privacy import redact

REMOVED = [
    # (kind, text, value)
    ("IP address", "The sextortion account messaged from 45.133.172.9 last night", "45.133.172.9"),
    ("IP address", "log: 2024-03-11 22:14:07 POST /portal/login 203.0.113.45 OK", "203.0.113.45"),
    ("IP address", "traced the emails to 2a02:c7f:8e4e:3600:5d1:bc43:aa1:7f2 which is", "2a02:c7f:8e4e:3600:5d1:bc43:aa1:7f2"),
    ("IP address", "the laptop hit the site from 2001:db8:4a1c::1f twice", "2001:db8:4a1c::1f"),
    ("card number", "can i give his card no to the home, its 4929 4310 7755 0218. he asked", "4929 4310 7755 0218"),
    ("card number", "payment card 3782 822463 10005, sort code 12-34-56", "3782 822463 10005"),
    ("NI number", "ni no for her pip form, its jt 48 21 93 c. can i pass it on", "jt 48 21 93 c"),
    ("NI number", "The NINO on the letter is T M 3 8 4 1 0 2 C for him", "T M 3 8 4 1 0 2 C"),
    ("phone", "Her sister in Lahore can be reached on 0092 300 1234567 and", "0092 300 1234567"),
    ("vehicle reg", "drives a blue Golf, LXZ 4521, Northern Irish plates", "LXZ 4521"),
    ("case id", "02.01.24 Police PPN rec'd ref 24-0011873 DA incident", "24-0011873"),
    ("case id", "LADO ref LADO-0093-24 re a teaching assistant", "LADO-0093-24"),
    ("case id", "PIP ref PIP/3345/221A for my client", "PIP/3345/221A"),
    ("case id", "SIMS: Student: X | Adno: 004417 | Year 10", "004417"),
    ("case id", "Child: X | ID: 1193847 | CP Cat: Neglect", "1193847"),
    ("case id", "ESA appeal SC241/24/01234, tribunal next week", "SC241/24/01234"),
    ("case id", "her husband's family took her passport (no. 058812347) and", "058812347"),
    ("address", "Mr X, 88, lives at Ashgrove, Church Lane, Little Hadham", "Ashgrove, Church Lane"),
    ("address", "she is 82 and lives alone at Ty Gwyn, Pen-y-Bryn. Can I", "Ty Gwyn"),
    ("address", "hv here. fam at flat 6 carlton hse, new referral", "flat 6 carlton hse"),
    ("address", "I visited her today at forty two princes avenue and her son", "forty two princes avenue"),
    ("address", "lives with aunt at flat eleven Marlowe House Lambeth", "flat eleven Marlowe House"),
    ("phone", "her number is oh seven seven double oh nine double oh two four six the police", "oh seven seven"),
    ("NHS number", "patient NHS number four eight five seven seven seven three four five six wants", "four eight five"),
    ("name", "mum is shannon, new referral", "shannon"),
    ("name", "mum = shannon, new referral", "shannon"),
    ("name", "its been texting our 13yo (zara) at night", "zara"),
    ("name", "can i tell sch that the kids (amelia n oliver) r moving", "oliver"),
    ("name", "SW visit - Chloe + Tyler seen, mum says", "Chloe"),
    ("name", "I found mum and a man she called 'Bear' who's on our flags", "Bear"),
    ("name", "Client calls himself 'Big Johnny' but his benefits", "Big Johnny"),
    ("name", "Care leaver Abebe Girma got his NINO today", "Abebe Girma"),
    ("name", "Eilidh, P6, said her mum's boyfriend locks her in", "Eilidh"),
    ("name", "can i give eddie's card no to the care home", "eddie"),
    ("social media account", "Discord user grimreaper_4471 has been messaging her", "grimreaper_4471"),
    # the follow-up review of these rules (s9): short surnames in capitals, records, ages with a space
    ("name", "Subject: Amy SHAH", "SHAH"),
    ("name", "Name: Amy ALI", "ALI"),
    ("name", "spoke to Jayden LEE about the referral", "LEE"),
    ("name", "our 13 year old (zara) ran away", "zara"),
    ("name", "my 15 y/o (zara) ran away", "zara"),
    ("card number", "card 4929-1234-5678-9013 was used", "4929-1234-5678-9013"),
    ("case id", "tribunal ref SC241/24/01234 next week", "SC241/24/01234"),
    ("social media account", "talking to someone on snapchat called 'jayboi.22' who says", "jayboi.22"),
]


@pytest.mark.parametrize("kind, text, value", REMOVED)
def test_each_class_is_removed_as_its_kind(kind, text, value):
    result = redact(text)
    assert value not in result.text and kind in result.found, result.text


KEPT = [
    "update to iOS 16.4.1.2 first, then see section 2.3.1.4 of the policy",
    "build 10.0.190.296 of Windows broke the portal",
    "the meeting runs 10:30:00 to 11:15",
    "we pay on 12 34 56 a day",
    "the DBS 123 reg team",
    "CSE 2024 regulations apply",
    "ID checked at reception",
    "SAR ref SAR-2026-0117, 3rd party info",
    "we had one two three four five six seven people",
    "it is one long drive away",
    "one or two, maybe three or four, five six seven eight nine times",
    "police want the ip addy from our wifi logs",
    "[name]'s gas bill hasn't been paid, and Bill Okonkwo-Reid asked us to ring British Gas",
    "Our Rose Ward and the Faith Unit want to share a plan",
    "The child said 'Nanny and Grandad hit me'. Should the nursery tell Nanny?",
    "Part 2 of the Criminal Justice Modernisation and Abusive Domestic Behaviour Reviews (Scotland) Act 2025",
    "Children Act 2004 ss16LA-16LC",
    "Comhairle nan Eilean Siar social work asked for the notes",
    "mum is fine now and dad is away; client is Polish",
    "the kids (all three) are fine",
    "the brook's bank flooded",
    "known as 'the Butcher' in the papers",
    # the follow-up review of these rules (s9): what a person is said to be, distances, services, slurs,
    # acronyms after a name, meeting ids, years and times, regulators, versions, MACs, timecodes
    "client is Autistic and non verbal, can I speak to his sister?",
    "mum is Muslim and dad is Sikh, can the school tell the gurdwara?",
    "we have a 17yo Albanian lad in the hotel and a 15yo Vietnamese boy",
    "mum = Hindu, can we share with the temple?",
    "the client is Sectioned under s2",
    "the refuge is twenty minutes walk from the school",
    "the new placement is two hours drive away from mum",
    "we went to two Family Court hearings last month",
    "unit one, the main block has CCTV",
    "people call him 'Paki' at school, is that a hate crime?",
    "a girl called 'Childline' for her, can they tell us what was said?",
    "emailed SENDCO and KOOTH about the plan",
    "Meeting ID: 845 2231 9987 Passcode: xY7pQ2 - can I forward it?",
    "Our published admission number is 210 and we are over by two",
    "Referrals by year: 2021 2022 2023 2024 - can we publish these?",
    "night obs at 2000 2100 2200 2300 were all fine",
    "Do we need CQC 2014 registration for supported living?",
    "Mosaic was upgraded to 23.10.104.2 last night",
    "bodycam timecode 01:12:34:15:02 shows the contact",
    "the counting game went one two three four five six seven eight nine ten",
    "Guy's appointment letter was sent to her ex",
]


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_stay(text):
    result = redact(text)
    kept = text.replace("Bill Okonkwo-Reid", "[name]")  # the person named Bill goes; the gas bill stays
    assert result.text == kept, result.text
