"""An employer of one nation places the asker whatever the preposition and word order ("a nurse at NHS
Tayside", "a police officer with Gwent Police", "Fife Council social worker", "employed by Hywel Dda"),
each nation's ambulance, fire and national bodies among them; a body someone else works for is only a
mention; "the Care Inspectorate in Wales" is Wales's inspectorate, not Scotland's (bot.named_nations)."""

import json

import pytest

from bot.cli import main
from bot.named_nations import answer_nation, naming, without_placing

_EMPLOYERS = {
    "wales": ["Gwent Police", "Hywel Dda", "Betsi Cadwaladr", "Swansea Bay health board", "Cardiff Council",
              "NHS Wales", "the Welsh Ambulance Service", "Mid and West Wales Fire and Rescue Service",
              "Care Inspectorate Wales", "the Care Inspectorate in Wales", "CIW", "Public Health Wales"],
    "scotland": ["NHS Tayside", "NHS Fife", "NHS Greater Glasgow and Clyde", "NHS Shetland", "NHS Lothian",
                 "Fife Council", "Police Scotland", "the Scottish Ambulance Service",
                 "the Scottish Fire and Rescue Service", "the Care Inspectorate", "Education Scotland"],
    "northern-ireland": ["Belfast Trust", "the PSNI", "the Belfast HSC Trust", "NIAS", "the Southern HSC Trust",
                         "the Northern Ireland Fire and Rescue Service", "RQIA"],
    "england": ["London Ambulance Service", "the North West Ambulance Service", "Leeds City Council",
                "the Metropolitan Police", "Ofsted", "NHS England"],
}
_ROLES = ["police officer", "nurse", "GP", "social worker", "paramedic", "health visitor", "inspector"]
_CASES = [(nation, employer) for nation, employers in _EMPLOYERS.items() for employer in employers]


def _wordings(role: str, employer: str) -> list[str]:
    bare = employer.removeprefix("the ")
    return [*(f"I'm a {role} {preposition} {employer}, can I share this?"
              for preposition in ("with", "at", "in", "for", "from", "working for", "based at")),
            f"I'm a {bare} {role}, can I share?", f"{bare} {role} here: can I share?",
            f"I work for {employer} as a {role}", f"I'm employed by {employer}", f"we're part of {employer}"]


@pytest.mark.parametrize("nation, employer", _CASES)
def test_an_employer_places_the_asker_whatever_the_wording(nation, employer):
    wrong = [(role, text, naming(text).placed) for role in _ROLES for text in _wordings(role, employer)
             if naming(text).placed != (nation,)]
    assert wrong == []


@pytest.mark.parametrize("text, mentioned", [
    ("we referred to Police Scotland", ("scotland",)),
    ("Can I share with NHS Lothian?", ("scotland",)),
    ("Can I share with a nurse at NHS Tayside?", ("scotland",)),
    ("I referred the family to a social worker with Fife Council", ("scotland",)),
    ("We told a police officer from Gwent Police", ("wales",)),
    ("A social worker from Belfast Trust asked me for the file", ("northern-ireland",)),
    ("Can I send the file to a nurse for Hywel Dda?", ("wales",)),
    ("I'm working with NHS Fife on a referral", ("scotland",)),
    ("Should I tell the paramedic with the Scottish Ambulance Service?", ("scotland",)),
    ("I'm a nurse from Glasgow originally", ("scotland",)),  # where one is from is not where one works
    ("The Care Inspectorate in Wales asked for our records", ("wales",)),
    ("Ofsted asked for our safeguarding records", ("england",)),
])
def test_an_employer_someone_else_works_for_is_a_mention(text, mentioned):
    assert (naming(text).placed, naming(text).mentioned) == ((), mentioned)


@pytest.mark.parametrize("text", [
    "Southern Health NHS Foundation Trust in Hampshire nurse here",
    "I'm a nurse with Northern Care Alliance in Salford",
    "I'm a police officer with the New South Wales Police",
    "I'm a detective at Scotland Yard",
    "I'm a nurse at the Royal Bank of Scotland",
    "I'm a social worker for the Western Trust",
    "I'm a teacher with the Education Authority",
    "I'm a nurse with NHS, can I share?",
    "I met police at the house",  # not the Metropolitan Police
])
def test_look_alike_employers_place_nobody(text):
    assert naming(text).placed == ()


@pytest.mark.parametrize("text", [
    "I'm an inspector at the Care Inspectorate in Wales",
    "I work for the Care Inspectorate (Wales)",
    "I'm an inspector for the care inspectorate for Wales",
    "I'm a CIW inspector",
])
def test_the_care_inspectorate_in_wales_is_wales_never_scotland(text):
    assert (naming(text).placed, naming(text).mentioned) == (("wales",), ("wales",))


def test_the_scottish_care_inspectorate_is_still_scotland():
    assert naming("I'm an inspector with the Care Inspectorate in Dundee").placed == ("scotland",)


def test_an_employer_beats_the_default_and_says_so():
    reader = answer_nation("I'm a nurse at NHS Tayside: must I report FGM?", "england", is_default=True)
    assert reader.nation == "scotland"
    assert reader.why.startswith("Your question names Scotland, so this answer is given for Scotland")


def test_the_matcher_still_reads_an_employers_question_as_before():
    """Placing by employer chooses the nation only: what the matcher reads is unchanged."""
    text = "I'm a nurse at NHS Tayside, can I share with the police?"
    assert without_placing(text) == text


@pytest.mark.parametrize("question, nation", [
    ("I'm a police officer with Gwent Police", "wales"),
    ("I'm a nurse at NHS Tayside", "scotland"),
    ("I'm a GP in NHS Fife", "scotland"),
    ("I'm a social worker with Belfast Trust", "northern-ireland"),
    ("I'm a paramedic with the Scottish Ambulance Service", "scotland"),
    ("I'm a nurse for Hywel Dda", "wales"),
    ("I'm a social worker with Fife Council", "scotland"),
    ("I'm an inspector at the Care Inspectorate in Wales", "wales"),
])
def test_canishare_ask_answers_for_the_employers_nation(question, nation, capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_NATION", "england")
    text = f"{question} - a girl of 13 told me she had FGM, do I have to report it to the police?"
    assert main(["ask", "--json", text]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["answered_for"], answer["nations_named"]) == (nation, [nation])
