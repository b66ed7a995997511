"""Devolved employers and services that place the asker in their nation (bot.nation_places' bodies and
council and health board areas, read by bot.named_nations), names that count only in context, and
look-alikes that name no nation."""

import pytest

from bot.cli import main
from bot.named_nations import answer_nation, naming, without_placing


@pytest.mark.parametrize("text, placed", [
    # police forces
    ("I'm a PSNI officer - a girl of 13 told me she had FGM", ("northern-ireland",)),
    ("I'm a Police Scotland officer: can I share?", ("scotland",)),
    ("I work for the Police Service of Northern Ireland", ("northern-ireland",)),
    ("South Wales Police officer here", ("wales",)),
    ("I'm a Gwent Police sergeant", ("wales",)),
    ("Dyfed-Powys Police officer: can we share?", ("wales",)),
    # HSC Trusts and NIAS
    ("a nurse in the Southern HSC Trust", ("northern-ireland",)),
    ("Western Health and Social Care Trust social worker", ("northern-ireland",)),
    ("I'm a paramedic with NIAS", ("northern-ireland",)),
    # Welsh local health boards and Public Health Wales
    ("nurse at Hywel Dda", ("wales",)),
    ("I'm a nurse at Aneurin Bevan health board", ("wales",)),
    ("a Betsi Cadwaladr nurse", ("wales",)),
    ("midwife in Cwm Taf Morgannwg", ("wales",)),
    ("I'm a Public Health Wales nurse", ("wales",)),
    # NHS Scotland boards and Public Health Scotland
    ("NHS Lothian health visitor", ("scotland",)),
    ("an NHS Tayside nurse", ("scotland",)),
    ("I'm a nurse with NHS Highland", ("scotland",)),
    ("I work for NHS Forth Valley", ("scotland",)),
    ("I'm a nurse with NHS Borders", ("scotland",)),
    # council areas
    ("a Highland Council social worker", ("scotland",)),
    ("a social worker in North Lanarkshire", ("scotland",)),
    ("I'm a teacher in East Renfrewshire", ("scotland",)),
    ("social worker in Midlothian", ("scotland",)),
    ("I work in Mid Ulster", ("northern-ireland",)),
    ("a teacher in Ards and North Down", ("northern-ireland",)),
    ("I'm a social worker in Neath Port Talbot", ("wales",)),
    # education, social work and care bodies
    ("I'm a teacher with the Education Authority in NI", ("northern-ireland",)),
    ("I'm an inspector with RQIA", ("northern-ireland",)),
    ("I work for the Care Inspectorate", ("scotland",)),
    ("I work for Care Inspectorate Wales", ("wales",)),
    ("employed by Social Care Wales", ("wales",)),
])
def test_a_devolved_employer_places_the_asker(text, placed):
    assert naming(text).placed == placed


@pytest.mark.parametrize("text, mentioned", [
    ("we referred to Police Scotland", ("scotland",)),
    ("tell mum before I ring the PSNI?", ("northern-ireland",)),
    ("Can I share with a PSNI officer?", ("northern-ireland",)),
    ("We are in contact with PSNI about the family", ("northern-ireland",)),
    ("I'm working with Police Scotland on this case", ("scotland",)),
    ("An SBNI case management review wants our records", ("northern-ireland",)),
    ("Can I send the file to a nurse at Hywel Dda?", ("wales",)),
])
def test_a_body_someone_else_works_for_is_a_mention(text, mentioned):
    assert (naming(text).placed, naming(text).mentioned) == ((), mentioned)


@pytest.mark.parametrize("text, placed", [
    ("a social worker in the Western Trust in Derry", ("northern-ireland",)),
    ("Southern Trust nurse in Newry", ("northern-ireland",)),
    ("I'm a social worker in Highland, Scotland", ("scotland",)),
])
def test_a_name_that_is_a_body_only_in_context_places_with_its_nation_named(text, placed):
    assert naming(text).placed == placed


@pytest.mark.parametrize("text", [
    "I'm a social worker in the Western Trust",  # no nation named: an English trust's short name too
    "a nurse in the Southern Trust",
    "My pension is with Northern Trust",
    "Southern Health trust nurse in Hampshire",
    "I'm a social worker in Highland",
    "Highland cattle on the farm",
    "a teacher with the education authority",
    "I'm a nurse in the Northern region",
    "Our school is on Newport Road",
])
def test_look_alike_bodies_place_nobody(text):
    assert naming(text).placed == ()


def test_northern_or_newport_alone_is_not_a_placing():
    assert naming("I'm a nurse in the Northern Trust").placed == ()
    assert naming("I work for Newport council").placed == ("england", "wales")  # both nations: every note


def test_the_matcher_keeps_a_bodys_name():
    """A body's name says what kind of service it is ("PSNI": police), so the matcher still reads it."""
    assert without_placing("I'm a PSNI officer: can I share?") == "I'm a PSNI officer: can I share?"
    assert "PSNI" in without_placing("Social worker in a Belfast HSC Trust. A PSNI constable emailed")


def test_a_devolved_employer_beats_the_default_and_says_so():
    reader = answer_nation("I'm a PSNI officer: must I report FGM?", "england", is_default=True)
    assert reader.nation == "northern-ireland"
    assert reader.why.startswith("Your question names Northern Ireland, so this answer is given for Northern Ireland")
    assert answer_nation("I'm a PSNI officer: must I report FGM?", "england").nation == "england"  # a choice wins


def test_canishare_ask_answers_a_psni_officer_for_northern_ireland(capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_NATION", "england")
    assert main(["ask", "I'm a PSNI officer - a girl of 13 told me she had FGM, do I have to report it to the "
                        "police myself?"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "nation: northern-ireland" in out and "does not hold in Northern Ireland" in out
