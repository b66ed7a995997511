"""Classes of identifier found by the third development set (tests/fixtures/redaction_dev3_cases.yaml),
each with examples of our own: the fixture's cases are tested in tests/test_privacy.py.

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


@pytest.mark.parametrize(
    "text, value",
    [
        # a system's name and a colon, a label's bracketed system, more systems and documents
        ("EMIS: 5512093 says otherwise", "5512093"),
        ("custody number (NICHE) 01AB22931 today", "01AB22931"),
        ("a&e ref 25/119923 from last night", "25/119923"),
        ("her CJS no. 44XY1200931B is on the charge sheet", "44XY1200931B"),
        ("OPAL ref 220-1934 on the card", "220-1934"),
        ("incident number 25*009121 again", "25*009121"),
        ("the dbs cert. no. 009911223344 was clear", "009911223344"),
        # a person's own number somewhere: "her case number with the council is", "on the journal is"
        ("his case ref with the council is 8812201", "8812201"),
        ("claimant number on the UC journal is 9XK22LM1", "9XK22LM1"),
        ("housing register no. HX/220019 - band B", "HX/220019"),
        ("the mosaic id so it's 2231907 for both", "2231907"),
        ("referral 3318220 from the school", "3318220"),
        # a prison number by its shape alone; digits then whose number they are
        ("B1234XY was released on tag", "B1234XY"),
        ("7719200 is the child's CLA number", "7719200"),
        ("41/22019/CR is the police ref", "41/22019/CR"),
    ],
)
def test_case_ids_after_more_labels(text, value):
    removed(text, value, "case id")


@pytest.mark.parametrize(
    "text",
    [
        "our ref 12345 and case no. 55 stay",  # an organisation's own references
        "50000 is the total number of referrals",
        "20000 is our ref number",
        "I spoke with the council is that ok",
    ],
)
def test_organisations_references_and_counts_stay(text):
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
    "text, value",
    [
        ("0044 7700 900654 is her number abroad", "0044 7700 900654"),  # not a card: it starts with 0
        ("ring o1632 96o 123 she says", "o1632 96o 123"),
        ("it is 07700\n900765 sorry", "07700\n900765"),
        ("on 0 1 1 3 4 9 6 0 1 2 3 please", "0 1 1 3 4 9 6 0 1 2 3"),
    ],
)
def test_phone_numbers_written_loosely(text, value):
    removed(text, value, "phone")


def test_an_email_in_quotes():
    assert redact("use 'JO_B2001@EXAMPLE.ORG' only").text == "use '[email]' only"
    assert redact('or "jo@example.org"').text == 'or "[email]"'


@pytest.mark.parametrize(
    "text, value",
    [
        # a house name after "at"; a name after a word for a home and "is"; before one, after "at"
        ("the postman at Ivy Cottage saw it", "Ivy Cottage"),
        ("they're at Meadow Lane Caravan Park till May", "Meadow Lane Caravan Park"),
        ("she's at the Seaview Guest House for now", "Seaview Guest House"),
        ("the refuge is Hollybush House, out of county", "Hollybush House"),
        ("farm is Bryn Glas above the village", "Bryn Glas"),
        ("hostel is the Anchor on Mill Street", "Anchor on Mill Street"),
        ("placed at Oak Bank children's home last week", "Oak Bank"),
        # part of a house; a townland; a PO box; a street after "they're on" and its number after
        ("living in the granny flat at Larkspur, Church Lane now", "Larkspur, Church Lane"),
        ("they live at Drumnacross, the townland by the lough", "Drumnacross"),
        ("the townland of Ballymoney Beg, no number", "Ballymoney"),
        ("send it to P.O. Box 118, Leeds", "P.O. Box 118"),
        ("she's on Hawthorn Avenue. Number 7, the blue door", "Hawthorn Avenue"),
        ("She's on Hawthorn Avenue. Number 7, the blue door", "Number 7"),
        ("his mate's on Station Rd (no. 4)", "no. 4"),
        # a person's room in a shared house; an address in quotes
        ("the HMO is full, he's in room 12", "room 12"),
        ("written as 'Flat 2, 8 Kings Road' on the form", "8 Kings Road"),
    ],
)
def test_homes_named_without_a_number(text, value):
    removed(text, value, "address")


@pytest.mark.parametrize(
    "text",
    [
        "Grace House refuge",  # the name of a refuge alone
        "the Women's Aid refuge and the Salvation Army hostel",
        "a meeting at the Town Hall, then at Barclays Bank",
        "the meeting is in room 4",
        "the townland system in Northern Ireland",
    ],
)
def test_organisations_and_rooms_stay(text):
    assert redact(text).text == text
