"""Placing versus mentioning a nation (bot.named_nations), towns and cities (bot.nation_places), and what
an answer shows for a nation the question only mentions (bot.nations)."""

import pytest

from bot.cli import main
from bot.named_nations import answer_nation, naming, nations_named
from bot.nations import Reader, nation_lines


@pytest.mark.parametrize("text, mentioned", [
    ("Can I share a child's records with our Scottish colleagues?", ("scotland",)),
    ("The family speaks Welsh at home.", ("wales",)),
    ("The Northern Ireland Housing Executive asked for the tenant's address.", ("northern-ireland",)),
    ("Our Wales Safeguarding Procedures training said we must report.", ("wales",)),
    ("NHS Wales has asked us for records.", ("wales",)),
    ("Can I share with a social worker in Scotland?", ("scotland",)),
    ("I'm worried about a child in Glasgow.", ("scotland",)),
    ("Can I share with the Belfast Trust?", ("northern-ireland",)),
])
def test_a_mention_places_nobody(text, mentioned):
    assert naming(text).mentioned == mentioned and naming(text).placed == ()


@pytest.mark.parametrize("text, placed", [
    ("I'm in Wales", ("wales",)),
    ("we're based in Scotland", ("scotland",)),
    ("I work in NI", ("northern-ireland",)),
    ("working across Northern Ireland", ("northern-ireland",)),
    ("Housing officer in Wales: can I pass my worries on?", ("wales",)),
    ("We are a Welsh council", ("wales",)),
    ("A Scottish local authority social worker here", ("scotland",)),
    ("NI Trust nurse: can I share?", ("northern-ireland",)),
    ("ni trust nurse: can i share?", ("northern-ireland",)),
    ("keyworker in ni here - can i share a client's address?", ("northern-ireland",)),
    ("I work for NHS Wales Shared Services", ("wales",)),
    ("our team in Scotland wants to share", ("scotland",)),
    ("Our Welsh-medium school in London wants to share records", ("england",)),
    ("I'm a housing officer in Leeds; the Northern Ireland Housing Executive asked", ("england",)),
])
def test_wording_that_puts_the_asker_there_places_them(text, placed):
    assert naming(text).placed == placed


@pytest.mark.parametrize("text", [
    "I have the client's NI Number on file.",
    "Her ni number is on the form",
    "What is his NI No.?",
    "Can I give the DWP her N.I. number?",
    "Rydyn ni yn poeni amdani",  # Welsh "ni" (we): not Northern Ireland
])
def test_national_insurance_and_welsh_ni_name_no_nation(text):
    assert naming(text).mentioned == ()


@pytest.mark.parametrize("text, placed", [
    ("I'm a teacher in Cardiff", ("wales",)),
    ("I'm a housing officer in Welshpool", ("wales",)),
    ("I'm a health visitor in Glasgow", ("scotland",)),
    ("social worker in Edinburgh", ("scotland",)),
    ("We're in Aberdeen", ("scotland",)),
    ("I'm a nurse in Inverness", ("scotland",)),
    ("I work in Dundee", ("scotland",)),
    ("I'm a social worker in Belfast", ("northern-ireland",)),
    ("based in Derry", ("northern-ireland",)),
    ("based in Londonderry", ("northern-ireland",)),
    ("We are in Swansea", ("wales",)),
    ("I'm in Wrexham", ("wales",)),
    ("Glasgow City Council social worker", ("scotland",)),
    # Perth: Perth and Kinross (Scotland), not Perth in Western Australia
    ("we're based in Perth", ("scotland",)),
    # Newport: the Welsh city, or Newport in Shropshire, the Isle of Wight or Essex
    ("I work for Newport council", ("england", "wales")),
    ("I work for Newport City Council", ("wales",)),
    ("I'm based in Newport, Isle of Wight", ("england",)),
    # Bangor: in Gwynedd (Wales) or County Down (Northern Ireland)
    ("I'm in Bangor", ("wales", "northern-ireland")),
    ("I work at Bangor University", ("wales",)),
    ("I'm in Bangor, County Down", ("northern-ireland",)),
])
def test_towns_and_cities_place_the_asker(text, placed):
    assert naming(text).placed == placed


def test_perth_in_australia_is_no_uk_place():
    assert naming("The family moved here from Perth, Australia").mentioned == ()


def test_an_ambiguous_town_shows_every_note_and_says_why():
    reader = answer_nation("I work for Newport council: can I share?", "england", is_default=True)
    assert reader.nation is None
    assert reader.why.startswith("Newport is in more than one UK nation (England and Wales)")


def test_a_mention_keeps_the_default_and_adds_the_named_nation(faq):
    reader = answer_nation("Can I share? Our Scottish colleagues think so.", "england", is_default=True)
    assert (reader.nation, reader.also, reader.others) == ("england", ("scotland",), True)
    entry = next(e for e in faq if "scotland" in e.nation_notes and e.holds_in("scotland"))
    assert "Your question names Scotland, so what differs there is shown too." in nation_lines(entry, reader).why
    assert reader.described() == "England (the workspace's default; the question also names Scotland)"


def test_a_later_placing_wins_over_the_question():
    assert answer_nation("I'm in Scotland", "england", True, later=["Sorry, we're in Wales"]).nation == "wales"
    assert answer_nation("Can I share?", None, later=["Forgot to say: we're in Wales."]).nation == "wales"
    assert answer_nation("Can I share?", "england", later=["we're in Wales"]).nation == "england"  # a choice wins


def test_lines_for_a_mentioned_nation_where_the_answer_does_not_hold(faq):
    england_only = next(e for e in faq if tuple(e.nations) == ("england",) and "scotland" in e.nation_notes)
    lines = nation_lines(england_only, Reader("england", also=("scotland",)))
    assert lines.holds and lines.lead() == ""  # the asker's own answer holds: nothing to warn them of first
    (line,) = lines.mentioned
    assert line.startswith("Your question names Scotland. This answer does not hold in Scotland: it is written for "
                           "England only. What applies in Scotland instead: ")


def test_lines_for_a_mentioned_nation_with_a_note_and_the_default_does_not_repeat_it(faq):
    entry = next(e for e in faq if {"wales", "scotland"} <= set(e.nation_notes) and e.holds_in("wales"))
    lines = nation_lines(entry, Reader("scotland", others=True, also=("wales",)))
    assert lines.mentioned == (f"Wales: {entry.nation_notes['wales']}",)
    assert not any(line.startswith("Wales: ") for line in lines.elsewhere)


def test_canishare_ask_shows_the_mentioned_nations_warning(capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_NATION", "england")
    question = ("Isn't safeguarding children just children's social care's job, with other agencies passing on "
                "referrals only if they choose to? Our Scottish colleagues think so.")
    assert main(["ask", question]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "nation: england" in out
    assert "Your question names Scotland. This answer does not hold in Scotland" in out


@pytest.mark.parametrize("text, nation", [
    ("a teacher in Carmarthenshire", "wales"), ("we work in North Lanarkshire", "scotland"),
    ("I'm a nurse in Co. Down", "northern-ireland"), ("our team in Port Talbot", "wales"),
    ("a school in Aberdeenshire", "scotland"),
])
def test_places_are_found_past_the_quick_look_for_place_words(text, nation):
    """Most questions name no nation and skip the patterns after a look-up of their words; names that go on
    past their first word, and short first words, still get through."""
    assert nations_named(text) == (nation,)


def test_a_follow_up_placing_the_asker_elsewhere_than_their_choice_shows_both():
    reader = answer_nation("Can I share?", "scotland", later=["Sorry, we're a Welsh council, so it's Wales"])
    assert (reader.nation, reader.said, reader.also) == ("scotland", "wales", ("wales",))
    assert reader.described() == "Asker's setting: Scotland (chosen on App Home); in a follow-up they say Wales"
    assert reader.why.startswith("Your nation on my Home tab is Scotland, but you said you are in Wales, so this "
                                 "answer shows what holds in both.")


def test_the_latest_placing_text_makes_a_conflict_the_question_too():
    back_home = answer_nation("Can I share?", "scotland", later=["we're in Wales", "no, we're in Scotland"])
    assert back_home.said is None and back_home.described().startswith("Scotland (chosen on App Home")
    assert answer_nation("I'm in Wales: can I share?", "scotland").said == "wales"  # the question too (rv7fu #9)
    assert answer_nation("I'm in Wales: can I share?", "scotland", later=["we're in Scotland"]).said is None
    by_default = answer_nation("Can I share?", "scotland", is_default=True, later=["we're in Wales"])
    assert (by_default.nation, by_default.said) == ("wales", None)  # a default, not a choice: the follow-up wins
    other = answer_nation("Can I share what England says? ", "scotland", later=["we're in Wales"])
    assert other.described() == ("Asker's setting: Scotland (chosen on App Home; the question also names England); "
                                 "in a follow-up they say Wales")


def test_lines_for_a_conflict_carry_both_nations_and_why(faq):
    entry = next(e for e in faq if {"wales", "scotland"} <= set(e.nation_notes) and e.holds_in("wales")
                 and e.holds_in("scotland"))
    lines = nation_lines(entry, answer_nation("Can I share?", "scotland", later=["we're in Wales"]))
    assert f"Scotland: {entry.nation_notes['scotland']}" in lines.before + lines.note_after
    assert lines.mentioned == (f"Wales: {entry.nation_notes['wales']}",)
    assert "but you said you are in Wales" in lines.why
