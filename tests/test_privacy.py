"""Tests for bot.privacy.redact: what is removed, what must survive, and hard inputs.

Every identifier is invented: NHS numbers carry computed mod-11 check digits (943 476 5919 is the
well-known test number), phone numbers are in Ofcom's drama ranges, postcodes are ZZ99 / famous.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from stdnum.gb import nhs as stdnum_nhs

from bot.privacy import KINDS, Redaction, redact

FIXTURES = Path(__file__).parent / "fixtures"


def _cases(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))["cases"]


CASES = _cases("redaction_cases.yaml")
# one block of cases per class of input that issue 9 found leaking (separators, titles and
# surnames, untitled names, addresses, dates of birth in words, e-mails, case identifiers)
DEV_CASES = _cases("redaction_dev_cases.yaml")
# development sets written blind by other writers (their headers say which labels were changed); the
# fourth was the blind set until it had served, then read and fitted to by class
DEV2_CASES = _cases("redaction_dev2_cases.yaml")
DEV3_CASES = _cases("redaction_dev3_cases.yaml")
DEV4_CASES = _cases("redaction_dev4_cases.yaml")
# the blind set until 2026-11-30; its cases the redactor still misses say why (``known_gap``) and are
# expected to fail, strictly: one that starts to pass must lose its mark
def _marked(name: str) -> list:
    return [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case["known_gap"])) if "known_gap" in case
        else case
        for case in _cases(name)
    ]


DEV5_CASES = _marked("redaction_dev5_cases.yaml")
# the four classes a review found leaking (lower-case streets, the country code in brackets, dates of
# birth after an age event, "X and Y" names no list knows), with their look-alikes
DEV7_CASES = _cases("redaction_dev7_cases.yaml")
# written blind for fitting (nicknames, names in brackets, families, records pasted from systems); its cases
# the redactor still misses are marked as dev5's are
DEV8_CASES = _marked("redaction_dev8_cases.yaml")
# written blind for fitting in the ninth session (dictation, system screens, chronologies, look-alikes); marked
# as dev8's are
DEV9_CASES = _marked("redaction_dev9_cases.yaml")
# prose only, written to look like identifiers (farms, "Sister", Welsh bodies, form codes, "the close")
LOOKALIKE_CASES = _cases("redaction_lookalikes.yaml")

VALID_NHS = ["943 476 5919", "573 856 3913", "480 986 5347", "611 969 2495", "749 467 7860"]


def assert_removed(text: str, value: str, kind: str) -> Redaction:
    result = redact(text)
    assert value not in result.text, result.text
    assert f"[{kind}]" in result.text, result.text
    assert kind in result.found
    return result


def assert_unchanged(text: str) -> None:
    result = redact(text)
    assert result.text == text
    assert result.found == ()


# --- API ---------------------------------------------------------------------------------


def test_api_shape():
    result = redact("NHS 943 476 5919")
    assert isinstance(result, Redaction)
    assert isinstance(result, tuple)
    assert result._fields == ("text", "found")
    assert result.text == "NHS [NHS number]"
    assert result.found == ("NHS number",)
    assert isinstance(result.found, tuple)


def test_kinds_are_the_placeholder_words():
    for kind in ("NHS number", "NI number", "email", "phone", "postcode", "date of birth", "address"):
        assert kind in KINDS


@pytest.mark.parametrize("number", VALID_NHS)
def test_nhs_test_numbers_have_valid_check_digits(number):
    assert stdnum_nhs.is_valid(number)


# --- one test per kind --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("GP here - can I tell the school about Jake, NHS 943 476 5919?", "943 476 5919"),
        ("His number is 9434765919, can I share it with the nursery?", "9434765919"),
        ("Baby's number 573-856-3913 - share with the health visitor?", "573-856-3913"),
        ("Patient 480 986 5347 attended A&E twice this week.", "480 986 5347"),
        ("nhs no: 611 969 2495 - can the school nurse see her notes?", "611 969 2495"),
        ("NHS number 749 467 7860 for the MARAC referral", "749 467 7860"),
        # check digit fails, but the text says it is an NHS number
        ("NHS no. 123 456 7890 - is that right?", "123 456 7890"),
        ("nhs#1234567890 needs correcting on the letter", "1234567890"),
        ("NHS number for Jake is 485-777-3456, can I send it?", "485-777-3456"),
        ("The NHS number: 4857773456.", "4857773456"),
    ],
)
def test_nhs_numbers(text, value):
    assert_removed(text, value, "NHS number")


def test_ten_digits_failing_check_digit_without_nhs_stay():
    assert_unchanged("Our case reference is 123 456 7890 - who can see it?")


def test_list_of_nhs_numbers():
    result = redact("NHS numbers 943 476 5919 573 856 3913 and 480-986-5347")
    assert result.text == "NHS numbers [NHS number] [NHS number] and [NHS number]"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Tenant's NI number QQ 12 34 56 C - can DWP confirm?", "QQ 12 34 56 C"),
        ("can i give the council qq123456c", "qq123456c"),
        ("NINO AB123456D for the DBS check", "AB123456D"),
        ("carer's is JT 45 67 89 B, share with the GP?", "JT 45 67 89 B"),
        ("national insurance no: ce 88 12 34 a", "ce 88 12 34 a"),
        ("payroll sent WR-56-78-90-C by mistake", "WR-56-78-90-C"),
        ("NI: AB 12 34 56 (no suffix letter)", "AB 12 34 56"),
        ("QQ123456 C was on the form", "QQ123456 C"),
        ("nino: jz987654d", "jz987654d"),
    ],
)
def test_ni_numbers(text, value):
    assert_removed(text, value, "NI number")


@pytest.mark.parametrize(
    "text",
    [
        "We called on 123456 a few times.",  # English word + number + article
        "Form TN 12 34 56 A is a temporary reference",  # TN prefix is never issued
        "Code DQ123456A in the spreadsheet",  # D is never a first letter
        "ref AB 12 34 56 with no letter and no label",
    ],
)
def test_ni_lookalikes_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Can I email the referral to jo.bloggs@example.org?", "jo.bloggs@example.org"),
        ("parent wrote from j.smith+school@example.sch.uk", "j.smith+school@example.sch.uk"),
        ("Is SENCO@example-academy.org.uk safe for EHCP drafts?", "SENCO@example-academy.org.uk"),
        ("send to pc.1234.jones@example.police.uk - s115?", "pc.1234.jones@example.police.uk"),
        ("dad emails me at o'brien.k@example.gov.uk", "o'brien.k@example.gov.uk"),
        ("<mailto:k.doe@example.com|k.doe@example.com>", "k.doe@example.com"),
    ],
)
def test_emails(text, value):
    assert_removed(text, value, "email")


def test_a_word_before_a_spaced_at_is_no_email():
    assert_unchanged("Is sending to a @nhs.net address from a @gov.uk one secure?")
    assert_removed("email jo @example.org please", "jo @example.org", "email")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Mum rang from 07700 900123 asking where she is", "07700 900123"),
        ("my mobile 07700900456 for the conference", "07700900456"),
        ("his number 07700-900-789, pass it to the YOT?", "07700-900-789"),
        ("the practice line is 020 7946 0018", "020 7946 0018"),
        ("Landlord called (020) 7946 0321", "(020) 7946 0321"),
        ("Leeds CSC duty team 0113 496 0000", "0113 496 0000"),
        ("Caller on +44 (0)113 496 0555 says he is the father", "+44 (0)113 496 0555"),
        ("texted from +44 7700 900987", "+44 7700 900987"),
        ("texted from +447700900987", "+447700900987"),
        ("Manchester GP (0161 496 0123)", "0161 496 0123"),
        ("Belfast trust on 028 9649 6000", "028 9649 6000"),
        ("the office 0121-496-0111", "0121-496-0111"),
        ("from Spain, 0044 7700 900222", "0044 7700 900222"),
        ("tel:01632 960001 is the foster carer", "01632 960001"),
        ("+44(0)7700 900123 is her mobile", "+44(0)7700 900123"),
        ("ring 020 - 7946 - 0018 after 5", "020 - 7946 - 0018"),
        ("his US number +1 202 555 0100", "+1 202 555 0100"),
        ("pasted from WhatsApp: 447700900456", "447700900456"),
        ("Call me back on 0113 4960123 pls", "0113 4960123"),
        ("tel +44-7700-900-456", "+44-7700-900-456"),
    ],
)
def test_phone_numbers(text, value):
    assert_removed(text, value, "phone")


def test_two_phone_numbers_side_by_side():
    assert redact("07700 900123 07700 900456").text == "[phone] [phone]"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Family has moved to SW1A 1AA", "SW1A 1AA"),
        ("registered at ZZ99 3CZ (no fixed abode)", "ZZ99 3CZ"),
        ("she lives in m1 1ae now", "m1 1ae"),
        ("pupil's address changed to LS1 4AB", "LS1 4AB"),
        ("postcode M11AE on the police report", "M11AE"),
        ("near SW1A1AA", "SW1A1AA"),
        ("Family at bs1 6qa refused early help", "bs1 6qa"),
        ("moving to CF10 1EP next week", "CF10 1EP"),
        ("offender near a school at NE1 7RU", "NE1 7RU"),
        ("(EH1 1YZ) for the adult protection referral", "EH1 1YZ"),
        ("Belfast, BT1 5GS", "BT1 5GS"),
    ],
)
def test_postcodes(text, value):
    assert_removed(text, value, "postcode")


@pytest.mark.parametrize(
    "text",
    [
        "KS2 3rd term data",
        "Y9 2nd half of the year",
        "Is the 1st floor accessible?",
        "COVID19 rules in 2020",
        "Form CK1 1CK is not a postcode",  # CK is no postcode area
    ],
)
def test_postcode_lookalikes_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("dob 04/05/2014 - can I share?", "04/05/2014"),
        ("D.O.B. 12.03.2015, can I confirm her age?", "12.03.2015"),
        ("young person d.o.b 12-3-15 wants counselling", "12-3-15"),
        ("Date of birth 3rd March 2015 and year 5", "3rd March 2015"),
        ("She was born on March 3, 2015 so she's 10", "March 3, 2015"),
        ("Care leaver, born 21/11/2009, asked for his file", "21/11/2009"),
        ("Amy (b. 02/02/2016) attends the nursery", "02/02/2016"),
        ("DOB: 2015-03-12; strategy meeting next week", "2015-03-12"),
        ("born on the 14th of July 2012", "14th of July 2012"),
        ("DoB 1st Jan 2019, twin", "1st Jan 2019"),
        ("DOB:12/03/2015", "12/03/2015"),
        ("date of birth is 5 Sept 2001", "5 Sept 2001"),
        ("DOB 31-DEC-2009 per the GP record", "31-DEC-2009"),
        ("Her dob is 03/04/2016", "03/04/2016"),
        # a day, month or year in words, a day as a cardinal number, a year after "in" or "of"
        ("born on the twenty-third of October, two thousand and nine", "twenty-third of October, two thousand and nine"),
        ("date of birth: nine april twenty-eleven", "nine april twenty-eleven"),
        ("born on the second of August in 2017, per mum", "second of August in 2017"),
        ("born 2nd August of 2017", "2nd August of 2017"),
        ("born in August of 2017", "August of 2017"),
        ("born the 2nd day of August 2017", "2nd day of August 2017"),
        # other labels and links: birth date, birthdate, "DOB of", "DOB's", "being", glued to DOB
        ("birth date 17/09/2016 on the form", "17/09/2016"),
        ("Birthdate: 17.09.2016", "17.09.2016"),
        ("his DOB's 17/9/16", "17/9/16"),
        ("a DoB of 17/09/2016", "17/09/2016"),
        ("date of birth being 17 September 2016", "17 September 2016"),
        ("date-of-birth 17/09/2016", "17/09/2016"),
        ("DOB17/09/2016", "17/09/2016"),
        # a weekday with "a", "early" / "mid-" / "the end of" before a month
        ("born on a Sunday, 17 September 2016", "17 September 2016"),
        ("born mid-September 2016", "September 2016"),
        ("born at the end of September 2016", "September 2016"),
        # a few words between "born" and "on" / "in"
        ("born six weeks early on 17 September 2016", "17 September 2016"),
        ("born in Wrexham on the 17th of September 2016", "17th of September 2016"),
        # "bday", "D/O/B", a year right after the label, eight digits, a day and month, after a name
        ("her bday is 3 june", "3 june"),
        ("D/O/B 17/09/2016", "17/09/2016"),
        ("grandad (born 1948) wants the minutes", "1948"),
        ("Mr Price b. 1971 asked", "1971"),
        ("dob 17092016 on the form", "17092016"),
        ("DOB 17/9 (year not known)", "17/9"),
        ("Kacper Nowak 17/09/2016 - year 4", "17/09/2016"),
        # a year's last two digits in words
        ("dob: seventh of june oh nine", "seventh of june oh nine"),
        ("born 7th june twelve", "7th june twelve"),
    ],
)
def test_dates_of_birth(text, value):
    assert_removed(text, value, "date of birth")


def test_several_dates_after_one_dob():
    result = redact("dob 04/05/2014 and 17/09/2016 - siblings")
    assert result.text == "dob [date of birth] and [date of birth] - siblings"


@pytest.mark.parametrize(
    "text",
    [
        "the meeting on 12/03/2025 - can the school nurse attend?",
        "minutes due 19.03.2025",
        "Strategy meeting 3rd March 2025 at 10:30",
        "The meeting on March 3, 2025",
        "Born in 2015 so she's 10 - can she see her records?",
        "What does b. mean on the old form? It says b. unknown.",
        "Do I need her date of birth on the form?",
        # a date near "born" that is no birth date
        "Born in 2016 and due in court on the 3rd of March",
        "born in 2016, the hearing is in September 2025",
        "she was born abroad and the visit is on 3 May",
    ],
)
def test_plain_dates_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Neighbour reported shouting at 14 Acacia Avenue - tell the police?", "14 Acacia Avenue"),
        ("Client now lives at Flat 3, 22 High Street - tell the IDVA?", "Flat 3, 22 High Street"),
        ("Is 12a Mill Lane on the risk register?", "12a Mill Lane"),
        ("the patient at 7 Station Road has dementia", "7 Station Road"),
        ("lad from 101 Kings Rd says his stepdad hits him", "101 Kings Rd"),
        ("3 Church Close is a cuckooed flat", "3 Church Close"),
        ("moving to 27 St John's Road", "27 St John's Road"),
        ("carer lives at 16 Victoria Crescent", "16 Victoria Crescent"),
        ("who lives at 45 Orchard Way?", "45 Orchard Way"),
        ("going home to 9 Park View", "9 Park View"),
        ("at 2 Primrose Mews", "2 Primrose Mews"),
        ("FORM SAYS 14 ACACIA AVENUE", "14 ACACIA AVENUE"),
        # a house name and its street, with no number
        ("she lives at Honeysuckle Cottage, Back Lane", "Honeysuckle Cottage, Back Lane"),
        ("The Old Vicarage, Chapel Street, is where the family moved", "The Old Vicarage, Chapel Street"),
        ("post went to Brook Farm, Long Lane instead", "Brook Farm, Long Lane"),
        ("Hollybank House, Moor Road, Keswick", "Hollybank House, Moor Road"),
        # a house name or a street after a place word
        ("moved into Alder Lodge last month", "Alder Lodge"),
        ("lives at The Granary", "The Granary"),
        ("she lives on Buttercup Close now", "Buttercup Close"),
        ("lives at 7 Oakfield with her nan", "7 Oakfield"),
        # Welsh street names, and street words such as Brow, End, Garth
        ("3 Heol y Nant, Bala", "3 Heol y Nant"),
        ("12 Maes yr Haf is the flat", "12 Maes yr Haf"),
        ("visit 8 Bryn Eithin tomorrow", "8 Bryn Eithin"),
        ("at 2 Hollins Brow and 4 Fold End", "2 Hollins Brow"),
        ("the address is 14 acacia av", "14 acacia av"),
        ("she lives at number 22, next to the shop", "number 22"),
        ("moved to 9 heol y bryn, bala", "9 heol y bryn"),
        ("Hafod Wen, Heol y Dderwen, Tywyn", "Hafod Wen, Heol y Dderwen"),
        ("Ivy Cottage, L\u00f4n Uchaf", "Ivy Cottage, L\u00f4n Uchaf"),
        ("6 Pant-yr-Odyn, Llanelli", "6 Pant-yr-Odyn"),
        ("a visit to 3 The Maltings today", "3 The Maltings"),
        ("Pitch 7, Riverside Park - the family", "Pitch 7, Riverside Park"),
        ("Flat 22, Block B, Hyde Park - adult at risk", "Flat 22, Block B, Hyde Park"),
        ("31 Moor Top, Leeds", "31 Moor Top"),
        # more street words, one-word streets, house names with no house word before a street
        ("at 18 Long Acre and 2 Station Approach", "2 Station Approach"),
        ("11 Mill Race, Otley", "11 Mill Race"),
        ("she moved to 4 Briggate last week", "4 Briggate"),
        ("3 Burnside, Dumfries", "3 Burnside"),
        ("Oakdene, Mill Lane, Keswick", "Oakdene, Mill Lane"),
        ('"Hillcrest", Park Road', '"Hillcrest", Park Road'),
        ("lives at Thornbury, Hill Top Lane", "Thornbury, Hill Top Lane"),
    ],
)
def test_addresses(text, value):
    assert_removed(text, value, "address")


@pytest.mark.parametrize(
    "text",
    [
        "There are 2 Family Court hearings next week",
        "Our 2 High Court applications and 1 Crown Court case",
        "Our charity runs 3 Food Bank sites",
        "A 5 Step Approach to information sharing",
        "URGENT - 2 KIDS WALK HOME ALONE",
        "THE 2 SCHOOLS CLOSE AT 3",
        # public buildings and institutions, times and days after a place word
        "the hearing is at Leeds Town Hall, Park Lane",
        "the White House, Downing Street and the Crown Court, High Street",
        "she went home at 3 Monday afternoon",
        "home at 5 PM",
        "moved to the House of Lords",
        "we have 3 pen drives and 2 tan coats",
        "Plot 3 of the story and block 4 of the course",
        "she is number 10 on the waiting list",
        "we use a 2 Stage Approach and the 3 Outside agencies",
        'see "Keeping Children Safe", Part 2',
        "the 4 Fields required on the form",
        "the 3 children walk to school on their own",
        "within 2 days the court decided",
    ],
)
def test_address_lookalikes_stay(text):
    assert_unchanged(text)


def test_bank_details_with_their_labels():
    result = redact("sort code 12-34-56 and account number 12345678 - ok to email?")
    assert result.text == "sort code [sort code] and account number [account number] - ok to email?"
    assert result.found == ("sort code", "account number")


@pytest.mark.parametrize(
    "text, value, kind",
    [
        # any label for a sort code, anything between it and the value, any separator
        ("sort-code 40-11-62 for the refund", "40-11-62", "sort code"),
        ("S/C 40 11 62, acc 31926819", "40 11 62", "sort code"),
        ("SC: 40.11.62", "40.11.62", "sort code"),
        ("the sort code number is 40 - 11 - 62", "40 - 11 - 62", "sort code"),
        ("bank sort code of 401162", "401162", "sort code"),
        ("sort code being 40-11-62", "40-11-62", "sort code"),
        ("acc 31926819 sort 40-11-62", "40-11-62", "sort code"),
        # "bank details" / "bank:" then a sort code and an account number
        ("bank details: 40-11-62 / 31926819", "40-11-62", "sort code"),
        ("bank details 40-11-62, 31926819", "31926819", "account number"),
        # an account number in groups
        ("account no 3192 6819", "3192 6819", "account number"),
        ("account number 31-92-68-19", "31-92-68-19", "account number"),
        # a sort code next to an account number with no label; an IBAN; payment cards
        ("pay into 40 11 62 / 31926819 please", "40 11 62", "sort code"),
        ("pay into 40-11-62, 31926819 please", "31926819", "account number"),
        ("IBAN GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32", "account number"),
        ("her card 4111 1111 1111 1111 was taken", "4111 1111 1111 1111", "card number"),
        ("found 4012888888881881 in the notes", "4012888888881881", "card number"),
        ("card no 1234-5678-9012-3456", "1234-5678-9012-3456", "card number"),
        # vehicle registrations
        ("a silver Astra, KP21 XRT, outside school", "KP21 XRT", "vehicle reg"),
        ("reg is kp21xrt", "kp21xrt", "vehicle reg"),
        ("number plate kp21-xrt", "kp21-xrt", "vehicle reg"),
        ("his car P456 KLM again", "P456 KLM", "vehicle reg"),
        ("VRM BXZ 4410 (Belfast)", "BXZ 4410", "vehicle reg"),
        ("private plate JO 5H", "JO 5H", "vehicle reg"),
    ],
)
def test_bank_details_cards_and_vehicles_in_their_many_shapes(text, value, kind):
    assert_removed(text, value, kind)


@pytest.mark.parametrize(
    "text",
    ["sort the 12 34 56 files", "we sorted 40 11 62 cases", "account for 3 days", "a bank of 12 phones",
     "the car on 12 May was late; the van at 9am", "KS2 SATs, GCSE results, the A1 and M62 at J27",
     "Is a bank sort code on its own personal data?", "order 1234 5678 9012 3456 items"],
)
def test_bank_card_and_vehicle_lookalikes_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    "text, value",
    [
        # short identifiers after a known label: letters and two digits, or three digits
        ("CRN: B47 on nDelius", "B47"),
        ("UPN K19 for the new school", "K19"),
        ("Mosaic ID 812 is hers", "812"),
        ("hospital no 657, ward 4", "657"),
        ("pupil ID 62 moved school", "62"),
        ("incident number 451 of 14/05", "451"),
        # police logs, prisons, immigration and benefit references
        ("log 2231 of 21 May", "2231"),
        ("prisoner number A1234BC at HMP Leeds", "A1234BC"),
        ("NOMIS number B7654CD", "B7654CD"),
        ("Home Office reference M1234567", "M1234567"),
        ("HO ref M1234567", "M1234567"),
        ("UCI 1234-5678", "1234-5678"),
        ("child ID 9031 on Mosaic", "9031"),
        ("tenancy ref T8812", "T8812"),
        ("council tax ref 81234567", "81234567"),
        # multi-agency and court references, benefit claims, a glued label, a label after the value
        ("MARAC ref 2024-117 for next week", "2024-117"),
        ("CIN ref C-5521", "C-5521"),
        ("family court case no. LV24P00301", "LV24P00301"),
        ("UC claim ref 771203311", "771203311"),
        ("CAD 3381 last night", "3381"),
        ("MRN00871234 on the letter", "00871234"),
        ("GMP-2025-0099812 is the police ref", "GMP-2025-0099812"),
        ("about 13/44781/25 - the victim", "13/44781/25"),
        ("passports (nos 512345678 and 512345686)", "512345686"),
        ("Slovak passport SK 4417209 is with dad", "SK 4417209"),
        ("incident 4410 of 12/03 - the school", "4410"),
        ("PNC 14/55871K on the record", "14/55871K"),
        ("case ID 5521 on our system", "5521"),
    ],
)
def test_short_case_ids_after_their_label(text, value):
    assert_removed(text, value, "case id")


@pytest.mark.parametrize(
    "text",
    ["ward 4 and bay 12", "Mosaic 2 upgrade", "client no. 7 of 12 on the list", "the log of 21 May",
     "year 10 pupil, ID checked", "case ref CS-2024-001234", "our ref CS/2025/0881", "CP plan for 2 weeks",
     "court number 3 is busy", "the Passport Office and 2 passports", "the incident of 12 May",
     "PNC check done", "our case reference is 123 456 7890"],
)
def test_short_numbers_without_an_id_label_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("mob. 7700 900321", "7700 900321"),  # no trunk 0
        ("ring 0 7700 900321", "0 7700 900321"),  # a stray space
        ("phone number is 0 7 7 0 0 9 0 0 3 2 1", "0 7 7 0 0 9 0 0 3 2 1"),  # one by one
        ("tel: 1632 960321", "1632 960321"),
    ],
)
def test_phone_numbers_after_a_phone_word(text, value):
    assert_removed(text, value, "phone")


def test_phone_words_before_other_numbers_stay():
    assert_unchanged("call 999 or text 85258; the ring road 12")


# --- must keep ------------------------------------------------------------------------------


KEEP = [
    "DPA 2018",
    "Data Protection Act 2018",
    "Children Act 1989",
    "Children Act 2004 s11",
    "Crime and Disorder Act 1998 s115",
    "Care Act 2014 s42",
    "Mental Capacity Act 2005 s44",
    "Education Act 1996 s29",
    "s115",
    "s47",
    "section 29",
    "section 47",
    "Section 17",
    "Article 6(1)(e)",
    "Art 9(2)(h)",
    "Article 9",
    "Schedule 1 para 18",
    "Schedule 2 paragraph 2",
    "Sch 1 para 6",
    "72 hours",
    "within 1 month",
    "30 days",
    "3 months",
    "GP",
    "DSL",
    "DPO",
    "IDVA",
    "MARAC",
    "14 year old",
    "a 13-year-old",
    "year 9",
    "Y9 2nd term",
    "KS2",
    "aged 86",
    "3 children",
    "3 children under 5",
    "£1,250.50",
    "£1,500,000",
    "40%",
    "0.5%",
    "10:30",
    "08:00-18:00",
    "2025-W14",
    "week 14",
    "<#C0123456789|safeguarding>",
    "Working Together 2023",
    "the 7 golden rules",
    "Childline 0800 1111",
    "NHS 111",
    "999",
    "12,000 records",
    "version 2.3.1",
    "ICO reference 00123456",
    "case ref CS-2024-001234",
    "24/7",
    "1:1",
    "https://www.legislation.gov.uk/ukpga/2018/12/section/10",
    "ISBN 978-0-12-345678-9",
    "[NHS number]",
    "[phone] [email] [postcode]",
]


@pytest.mark.parametrize("keep", KEEP)
def test_keep_alone(keep):
    assert_unchanged(keep)


@pytest.mark.parametrize("keep", KEEP)
def test_keep_in_a_question(keep):
    assert_unchanged(f"Quick one - does {keep} let me share with the police?")


PROSE = [
    "Teacher here - a parent has asked me not to tell anyone about the bruises. What should I do?",
    "can i share info with the police if the young person doesnt consent?",
    "Health visitor: dad won't agree to me contacting CSC about the baby's weight loss - what now?",
    "Do I need consent to share a safeguarding concern with another agency?",
    "What's the difference between a DPIA and an ISA, and who signs them off?",
    "Our DPO says we can't use WhatsApp for case discussions. Is that right?",
    "GP: parents declined consent for a safeguarding referral, can I still share with children's social care?",
    "my manager says we need the parents' permission before we refer for a s47, is that right?",
    "does DPA Schedule 1 para 18 let me share a child's health info for safeguarding without consent?",
    "A 14 year old in year 9 told the DSL about self-harm. Parents? Within 72 hours?",
    "Police asked for CCTV under Schedule 2 paragraph 2 - do we need a DPIA first?",
    "IDVA here: MARAC is at 10:30 on Thursday, can I bring the risk assessment?",
    "We have 3 children's homes and 250 staff; is 30 days enough for a SAR?",
    "Line 1\nLine 2\n\n  indented line\ttab",
]


@pytest.mark.parametrize("text", PROSE)
def test_ordinary_prose_is_unchanged(text):
    result = redact(text)
    assert result.text == text
    assert result.found == ()


# --- whole texts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("943 476 5919", "[NHS number]"),
        ("QQ 12 34 56 C", "[NI number]"),
        ("jo.bloggs@example.org", "[email]"),
        ("07700 900123", "[phone]"),
        ("+44 (0)20 7946 0018", "[phone]"),
        ("SW1A 1AA", "[postcode]"),
        ("14 Acacia Avenue", "[address]"),
    ],
)
def test_text_that_is_only_an_identifier(text, expected):
    result = redact(text)
    assert result.text == expected
    assert result.found == (expected[1:-1],)


def test_several_identifiers_in_order_of_first_appearance():
    text = (
        "Urgent: Sam, NHS 450 535 6825, DOB 09/10/2012, 14 Acacia Avenue, LS6 2AB, "
        "mum on 07700 900111 or m.jones@example.net, dad 07700 900112, NI QQ 65 43 21 A"
    )
    result = redact(text)
    assert result.text == (
        "Urgent: Sam, NHS [NHS number], DOB [date of birth], [address], [postcode], "
        "mum on [phone] or [email], dad [phone], NI [NI number]"
    )
    assert result.found == (
        "NHS number",
        "date of birth",
        "address",
        "postcode",
        "phone",
        "email",
        "NI number",
    )


def test_found_is_unique():
    result = redact("07700 900123, 07700 900456 and 020 7946 0018")
    assert result.found == ("phone",)
    assert result.text == "[phone], [phone] and [phone]"


# --- overlaps: the most specific kind, once, without mangling --------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # e-mail before anything
        ("07700900123@example.org", "[email]"),
        ("sw1a1aa@example.org", "[email]"),
        ("jo.9434765919@example.org", "[email]"),
        # a valid-check-digit tail of a phone number stays part of the phone number
        ("+44 113 496 0000", "[phone]"),
        # NHS number before phone; both kept apart
        ("NHS 943 476 5919 0113 496 0000", "NHS [NHS number] [phone]"),
        # NI number before postcode-ish pieces
        ("AB123456C", "[NI number]"),
        # date of birth before phone-like digit groups
        ("DOB 12.03.2015", "DOB [date of birth]"),
        # address and postcode side by side
        ("14 Acacia Avenue, Leeds LS1 4AB", "[address], Leeds [postcode]"),
        # Slack phone link
        ("<tel:07700900123|07700 900123>", "<tel:[phone]|[phone]>"),
    ],
)
def test_overlaps(text, expected):
    assert redact(text).text == expected


# --- fixture cases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    CASES + DEV_CASES + DEV2_CASES + DEV3_CASES + DEV4_CASES + DEV5_CASES + DEV7_CASES + DEV8_CASES + DEV9_CASES
    + LOOKALIKE_CASES,
    ids=[f"case{i}" for i in range(len(CASES))] + [f"dev{i}" for i in range(len(DEV_CASES))]
    + [f"dev2_{i}" for i in range(len(DEV2_CASES))] + [f"dev3_{i}" for i in range(len(DEV3_CASES))]
    + [f"dev4_{i}" for i in range(len(DEV4_CASES))] + [f"dev5_{i}" for i in range(len(DEV5_CASES))]
    + [f"dev7_{i}" for i in range(len(DEV7_CASES))] + [f"dev8_{i}" for i in range(len(DEV8_CASES))]
    + [f"dev9_{i}" for i in range(len(DEV9_CASES))] + [f"lookalike{i}" for i in range(len(LOOKALIKE_CASES))],
)
def test_fixture_case(case):
    result = redact(case["text"])
    for kind, value in case["identifiers"]:
        assert value not in result.text, (value, result.text)
        assert f"[{kind}]" in result.text
        assert kind in result.found
    for keep in case["keep"]:
        assert keep in result.text, (keep, result.text)
    if not case["identifiers"]:
        assert result.text == case["text"]
        assert result.found == ()
    else:
        expected_kinds = {kind for kind, _ in case["identifiers"]}
        assert set(result.found) == expected_kinds


def test_fixture_is_big_enough():
    with_ids = [c for c in CASES if c["identifiers"]]
    without = [c for c in CASES if not c["identifiers"]]
    assert len(with_ids) >= 60
    assert len(without) >= 60


# --- idempotence -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [c["text"] for c in CASES + DEV_CASES + DEV2_CASES + DEV3_CASES + DEV4_CASES + DEV7_CASES + LOOKALIKE_CASES]
    + [
        "Practice nurse: Mr Lewis Grant says no.",  # a title after a role field is no name
        "NHS 943 476 5919, 123 456 7890",
        "NI QQ 12 34 56 C, AB 12 34 56",
        "dob 04/05/2014 and 17/09/2016",
        "sort code 12-34-56 account 12345678",
        "Flat 3, 22 High Street",
    ],
)
def test_redacting_twice_changes_nothing(text):
    once = redact(text)
    twice = redact(once.text)
    assert twice.text == once.text
    assert twice.found == ()


# --- hard inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\t",
        "?!...,,;;--()[]{}<>@@@###",
        "🙂👍🏽🚸 ❤️",
        "谢谢你的帮助",
        "Спасибо за помощь",
        "مرحبا ٠١٢٣٤٥٦٧٨٩ ١٢٣",  # Arabic-Indic digits are not ASCII digits
        "١٢٣ ٤٥٦ ٧٨٩٠",
        "\u00a0\u200b\ufeff",
        "@",
        "+",
        "(0)",
        "DOB",
        "NHS",
        "NI number:",
        "0" * 40,
        "1 " * 500,
    ],
)
def test_hard_inputs_do_not_crash_and_pass_through(text):
    assert_unchanged(text)


def test_emoji_and_other_scripts_around_identifiers():
    result = redact("🙂 Mum 📞 07700 900123 — 谢谢 — NHS 943 476 5919 ✅")
    assert result.text == "🙂 Mum 📞 [phone] — 谢谢 — NHS [NHS number] ✅"


def test_fifty_thousand_characters():
    chunk = (
        "GP here - can I tell the school about Jake, NHS 943 476 5919, dob 04/05/2014? "
        "Mum is on 07700 900123 at 14 Acacia Avenue, LS1 4AB (jo@example.org). "
        "Children Act 1989 s47, DPA 2018 Schedule 1 para 18, within 72 hours. "
    )
    text = (chunk * (50_000 // len(chunk) + 1))[:50_000]
    result = redact(text)
    assert "943 476 5919" not in result.text
    assert "07700 900123" not in result.text
    assert "Children Act 1989 s47" in result.text
    assert result.found[:2] == ("NHS number", "date of birth")


def test_fifty_thousand_characters_of_prose():
    text = ("Teacher here - a parent has asked me not to tell anyone. What should I do? " * 700)[:50_000]
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "07700 " * 8000,
        "0" * 50_000,
        "9" * 50_000,
        "a@" * 25_000,
        "dob " * 12_000,
        "14 Acacia " * 5_000,
        "(0)" * 16_000,
        "+44 " * 12_000,
    ],
)
def test_degenerate_long_inputs_do_not_crash(text):
    result = redact(text)
    assert isinstance(result.text, str)


@pytest.mark.parametrize(
    "text",
    ["lives at 22 high street", "she's staying at 27 elm grove with her aunt", "lives at 3 oak rd",
     "moved to flat 3, 22 high st last week", "address: 14 acacia avenue", "lives at 3 church Road",
     "home at 9 station road"],
)
def test_lower_case_addresses_after_a_place_word(text):
    result = redact(text)
    assert "[address]" in result.text and result.found == ("address",)
    assert not any(ch.isdigit() for ch in result.text)


@pytest.mark.parametrize(
    "text",
    ["I drove 5 miles down the road", "he lives on the 3 estate road", "within 72 hours",
     "lives with 2 kids on the way", "moved to 2 different schools"],
)
def test_lower_case_near_misses_survive(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mrs Patel, DOB 3/4/1950", "Mrs [name], DOB [date of birth]"),
        ("Dr Helen Briggs signed our ISA", "Dr [name] signed our ISA"),
        ("Mr. J. Bloggs rang", "Mr. [name] rang"),
        ("a boy called Jake Smith told his teacher", "a boy called [name] told his teacher"),
        ("my client named Sam wants", "my client named [name] wants"),
    ],
)
def test_names_the_text_announces_are_removed(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["I called Childline", "I miss the old system", "the DPO said no", "Dr. or nurse?", "GP and DSL agreed",
     "Children Act 1989 s47", "we named the file after the team"],
)
def test_names_are_not_guessed(text):
    assert redact(text).text == text


# --- the shadow copy: folded characters, original spans -----------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # zero-width characters dropped inside the number: the whole original span goes
        ("NHS 943\u200b476\u200b5919 ok", "NHS [NHS number] ok"),
        # a character that folds to three ("\u2026" -> "...") before and after the identifier
        ("Mum\u2026 NHS 943 476 5919\u2026 ok?", "Mum\u2026 NHS [NHS number]\u2026 ok?"),
        # full-width digits and a full-width @
        ("\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13", "[phone]"),
        ("jo\uff20example.org", "[email]"),
        # a ligature before a curly-apostrophe surname
        ("\ufb01le for Mr O\u2019Neill", "\ufb01le for Mr [name]"),
    ],
)
def test_shadow_copy_replaces_the_original_span(text, expected):
    assert redact(text).text == expected


def test_text_with_only_foldable_characters_comes_back_the_same_object():
    text = "GP\u00a0here \u2013 can I share\u2019s notes\u2026?"
    result = redact(text)
    assert result.text is text
    assert result.found == ()


# --- bot.names, the one home of name knowledge -----------------------------------------------------


def test_names_word_level_api():
    from bot import names

    assert names.is_title("Mrs") and names.is_title("dr.") and names.is_title("MX")
    assert not names.is_title("Nurse")
    assert names.is_given_name("Priya") and names.is_given_name("priya")
    assert names.is_given_name("Ellie-Mae") and names.is_given_name("Siobh\u00e1n")
    assert not names.is_given_name("Caldicott")
    assert names.is_ambiguous_name("Will") and names.is_ambiguous_name("Grace")
    assert not names.is_ambiguous_name("Priya")
    assert names.is_common_word("scheme") and not names.is_common_word("Okafor")
    for word in ("Caldicott", "Gillick", "May", "Monday", "Act", "Council", "Prevent", "Channel"):
        assert names.is_not_a_name(word), word
    assert names.is_place("Paris") and not names.is_place("Priya")
    assert names.is_name_shaped("O'Neill") and names.is_name_shaped("al-Hassan")
    assert names.is_name_shaped("OKAFOR") and not names.is_name_shaped("GP")
    assert names.is_surname_particle("van") and names.is_role_word("client")


def test_name_spans_leave_titles_and_possessives_out():
    from bot import names

    text = "Mrs O'Neill said Jake Dunn's dad rang"
    assert [text[s:e] for s, e in names.name_spans(text)] == ["O'Neill", "Jake Dunn"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr O'Neill rang", "Mr [name] rang"),
        ("Mrs O\u2019Brien rang", "Mrs [name] rang"),
        ("MRS OKAFOR RANG", "MRS [name] RANG"),
        ("my client Priya wants it", "my client [name] wants it"),
        ("worried about Amir Hassan", "worried about [name]"),
        ("Jake Dunn's dad", "[name]'s dad"),
        ("a boy called jake told me", "a boy called [name] told me"),
        ("Priya told her teacher", "[name] told her teacher"),
        ("Priya told me. Priya is 14.", "[name] told me. [name] is 14."),
        ("Jake and Priya told me", "[name] and [name] told me"),
        # a given name in brackets, or with a bracket that shows a person after it
        ("her brother (Tomasz) rang", "her brother ([name]) rang"),
        ("Nadia (the youngest) and Kacper (dad) came in", "[name] (the youngest) and [name] (dad) came in"),
        ("Andrei (Moldovan, 16) is in foster care", "[name] (Moldovan, 16) is in foster care"),
        # given names joined to each other, and a list once one is found
        ("Gethin and Ffion are on the CIN plan", "[name] and [name] are on the CIN plan"),
        ("the twins are Aiden, Kian and Ruby", "the twins are [name], [name] and [name]"),
        # a given name that is an everyday word, with strong evidence
        ("Hope told her tutor about it", "[name] told her tutor about it"),
        ("Faith is 15 and wants contraception", "[name] is 15 and wants contraception"),
        ("Will's teacher saw the marks", "[name]'s teacher saw the marks"),
        ("is it ok for Kacper to see his file?", "is it ok for [name] to see his file?"),
        ("Callum, Year 8, said so", "[name], Year 8, said so"),
        ("Shauna's IDVA rang", "[name]'s IDVA rang"),
        # lower case: a possessive before a person, a verb only people do, a particle surname
        ("harpreet's mum wants the letter", "[name]'s mum wants the letter"),
        ("nadia told her friend", "[name] told her friend"),
        ("can le roux's key worker know?", "can [name]'s key worker know?"),
        ("spoke with jade smith's nan; jade stays there", "spoke with [name]'s nan; [name] stays there"),
        # families, an initial, names the dictionary lacks
        ("the Hassan family moved", "the [name] family moved"),
        ("Okonkwo twins' dad rang", "[name] twins' dad rang"),
        ("the Kowalczyks have moved away", "the [name] have moved away"),
        ("re: Bartek W - can I share?", "re: [name] - can I share?"),
        ("Wojtek Nowicki and Nkechi Obi", "[name] and [name]"),
        ("Mum is Chelsea Wright", "Mum is [name]"),
        # a given name that is also a place, with an age or a bracket that shows a person
        ("Brooklyn (Year 3) has bruises", "[name] (Year 3) has bruises"),
        ("Jordan, 15, was arrested", "[name], 15, was arrested"),
        # a role as a field ("Mum - Tanya"), a name in brackets after a role, "re:", "abt", a year
        # group after the name, a possessive with no apostrophe, a lower-case name spoken to
        ("Mum - Tanya, Dad - Lee", "Mum - [name], Dad - [name]"),
        ("the boy (Tyreese) said", "the boy ([name]) said"),
        ("pls advise re: leon baptiste", "pls advise re: [name]"),
        ("worried abt mohammed ali", "worried abt [name]"),
        ("amira yr8 disclosed", "[name] yr8 disclosed"),
        ("ok to share jakes address?", "ok to share [name] address?"),
        ("spoke to chloe today", "spoke to [name] today"),
        ("is it ok to tell kayden's dad?", "is it ok to tell [name]'s dad?"),
    ],
)
def test_untitled_and_titled_names(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "can I tell the school about Jake?",  # a lone first name with nothing to show a person
        "Will the DSL tell mum? May I share?",
        "Grace period; Hope this helps; Mark the file; Faith schools",
        "Caldicott Guardian, Gillick competence, Fraser guidelines, Clare's Law, clare's law",
        "The mum called Childline and the team is called Early Help",
        "Kent Police, Leeds City Council, Bradford Royal Infirmary, Marie Curie nurses",
        "St Mary's school and St Thomas' Hospital",
        "In May the DSL said Monday was fine",
        # everyday words with weak evidence, months, places, peoples
        "Hope this helps; Will the DSL say? May I ask?",
        "Nan has been looking after them since Christmas",
        "we met in Jan and since Jan she has been fine",
        "they arrived from Hong Kong last year",
        "the Gypsy Roma Traveller team",
        "can we tell Oak Hill's DSL about the transfer?",
        "the Royal family and the Troubled Families programme",
        "Mark is 10 minutes late",
        "a trip to Paris (France) next week; Kent said no; Jersey (Channel Islands)",
        "the hospitals records and the schools plan; other agencies records",
    ],
)
def test_names_that_are_not_people_stay(text):
    assert redact(text).text == text


# --- speed ---------------------------------------------------------------------------------------


def test_a_bracket_before_a_phone_number_stays():
    assert redact("Mrs Okafor (07700 900456, ZZ99 3CZ)").text == "Mrs [name] ([phone], [postcode])"
    assert redact("rang (020) 7946 0321").text == "rang [phone]"


def test_a_long_chain_of_names_is_redacted_whole():
    # (it once took quadratic time; benchmarks/redaction_figures.py times such inputs)
    result = redact("Amy and " * 4000 + "Priya told me")
    assert result.text.count("[name]") == 4001


@pytest.mark.parametrize("text, kept", [
    ("Slack user <@W012A3CDE> asked", "Slack user [name] asked"),
    ("my manager <@U0123ABCD> says no", "my manager [name] says no"),
    ("check with <@U123ABC|kim> in legal", "check with [name] in legal"),
    ("<@U024BE7LH> and <@W0123ABC>", "[name] and [name]"),
])
def test_a_slack_mention_of_a_person_is_a_name(text, kept):
    """A mention names a colleague as surely as their name, and in someone else's question it would be
    out of reach of that colleague's subject access and erasure (follow-up review s8 #3)."""
    assert redact(text).text == kept and redact(text).found == ("name",)


@pytest.mark.parametrize("text", ["<!here> now", "<!channel>", "<#C0123456789|safeguarding>", "<!subteam^S123|dsl>"])
def test_broadcasts_channels_and_groups_are_not_people(text):
    assert_unchanged(text)


@pytest.mark.parametrize("text, name", [
    ("Subject: Chantelle BROWN - referral from school", "Chantelle BROWN"),
    ("spoke to Chantelle BROWN today about the plan", "Chantelle BROWN"),
    ("Jordan SMITH is on a CP plan, can I tell his new school?", "Jordan SMITH"),
    ("Re: Kyle O'NEILL school move", "Kyle O'NEILL"),
    ("mum Agnieszka KOWALSKA says the ex knows where they are", "Agnieszka KOWALSKA"),
])
def test_a_given_name_then_the_surname_in_capitals_as_records_write_it(text, name):
    result = redact(text)
    assert name not in result.text and name.split()[-1] not in result.text, result.text


@pytest.mark.parametrize("text", [
    "Will NOT share without a court order",
    "told Grace MUST attend the strategy meeting",
    "Hope CAMHS can help with the referral",
    "Can Jordan ATTEND the meeting?",
    "CAN I SHARE THE MARAC MINUTES WITH THE GP?",
])
def test_capitals_after_a_name_word_that_are_emphasis_or_acronyms_stay(text):
    assert all(word in redact(text).text for word in text.split() if word.isupper() and len(word) > 2)
