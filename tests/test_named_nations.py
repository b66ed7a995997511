"""A nation named in the question (bot.named_nations): what counts as naming one, and the nation an
answer is then written for, with its lines (bot.nations) and the command line's ``ask``."""

import json

import pytest

from bot.cli import main
from bot.named_nations import answer_nation, nations_named
from bot.nations import SHORT_NOTE, Reader, nation_lines


@pytest.mark.parametrize("text, named", [
    ("Housing officer in Wales: can I pass my worries on?", ("wales",)),
    ("I'm in Scotland, can I share?", ("scotland",)),
    ("NI keyworker here: do I need consent?", ("northern-ireland",)),
    ("I'm Northern Irish and work for a trust", ("northern-ireland",)),
    ("We're in N. Ireland", ("northern-ireland",)),
    ("Gweithiwr cymdeithasol yng Nghymru / Cymru", ("wales",)),
    ("The Welsh council has asked for records", ("wales",)),
    ("A Scottish health board wants the notes", ("scotland",)),
    ("Does Scots law differ?", ("scotland",)),
    ("I work for NHS Wales Shared Services", ("wales",)),  # a Welsh organisation works under Welsh law
    ("An English council is placing a child with us in Wales", ("england", "wales")),
    ("Under the law of England and Wales", ("england", "wales")),
])
def test_a_nation_named_in_the_question_is_found(text, named):
    assert nations_named(text) == named


@pytest.mark.parametrize("text", [
    "Can I give a client's NI number to the housing team?",
    "They asked for his NI no. and date of birth",
    "His [NI number] was in the letter",
    "She has a Scottish Widows pension",
    "Our client moved from New England last year",
    "A detective from New Scotland Yard phoned",
    "Can I tell the Bank of England?",
    "The family emigrated to New South Wales",
    "He is at the Prince of Wales Hospital",
    "Her English is limited, can I use an interpreter?",
    "Can I share with the police?",
])
def test_look_alikes_name_no_nation(text):
    assert nations_named(text) == ()


def test_a_nation_the_asker_is_placed_in_beats_the_default_and_says_so():
    reader = answer_nation("Housing officer in Wales: can I share?", "england", is_default=True)
    assert reader.nation == "wales" and not reader.others and reader.also == ()
    assert reader.why == ("Your question names Wales, so this answer is given for Wales "
                          "(this workspace's default nation is England).")


def test_the_askers_own_choice_wins_and_the_named_nation_is_shown_too():
    reader = answer_nation("Our Welsh colleagues ask: can I share?", "scotland")  # names Wales, places nobody
    assert reader.nation == "scotland" and reader.also == ("wales",) and reader.said is None
    assert reader.why == "" and reader.whose == "chosen on my Home tab"  # the line is per entry: bot.nations
    assert reader.described() == "Scotland (chosen on App Home; the question also names Wales)"
    placed = answer_nation("I'm in Wales", "scotland")  # places the asker elsewhere: a conflict, as in a follow-up
    assert (placed.nation, placed.said, placed.also) == ("scotland", "wales", ("wales",))
    assert placed.described() == "Asker's setting: Scotland (chosen on App Home); in the question they say Wales"


def test_the_named_nation_is_quiet_when_it_is_the_setting_already():
    assert answer_nation("I'm in Wales", "wales") == Reader("wales", basis="chosen on App Home")
    assert answer_nation("I'm in Wales", "wales", is_default=True) == Reader("wales", basis="named in the question")


def test_several_placed_nations_show_every_note_unless_the_asker_chose_one():
    reader = answer_nation("English council, child placed with us in Wales", "scotland", is_default=True)
    assert reader.nation is None and "England and Wales" in reader.why
    assert answer_nation("English council, child placed with us in Wales", None).why == ""
    chosen = answer_nation("English council, child placed with us in Wales", "scotland")
    assert chosen.nation == "scotland" and chosen.also == ("england", "wales")


def test_with_no_nation_named_a_default_keeps_the_other_notes_and_a_choice_does_not():
    assert answer_nation("Can I share?", "england", is_default=True) == Reader(
        "england", others=True, basis="the workspace's default")
    assert not answer_nation("Can I share?", "england").others
    assert answer_nation("Can I share?", None) == Reader(None)


def test_lines_for_a_default_reader_keep_the_other_nations_notes(faq):
    entry = next(e for e in faq if {"wales", "scotland"} <= set(e.nation_notes) and e.holds_in("wales")
                 and len(e.nation_notes["wales"]) <= SHORT_NOTE)  # a short note comes first as it is
    lines = nation_lines(entry, Reader("wales", others=True))
    assert lines.before[0].startswith("Wales: ")
    assert any(line.startswith("Scotland: ") for line in lines.elsewhere)
    assert not any(line.startswith("Wales: ") for line in lines.elsewhere)
    assert nation_lines(entry, "wales").elsewhere == ()


def test_the_lead_line_is_the_warning_or_where_it_holds(faq):
    england_only = next(e for e in faq if tuple(e.nations) == ("england",))
    assert nation_lines(england_only, "wales").lead().startswith("This answer does not hold in Wales")
    assert nation_lines(england_only, None).lead().startswith("Applies in England only")
    assert nation_lines(england_only, "england").lead() == ""


def ask_json(capsys, monkeypatch, question, *args, default=None):
    if default:
        monkeypatch.setenv("CANISHARE_NATION", default)
    else:
        monkeypatch.delenv("CANISHARE_NATION", raising=False)
    assert main(["ask", "--json", *args, question]) == 0
    return json.loads(capsys.readouterr().out)


def test_canishare_ask_json_keeps_nation_as_given_and_adds_whom_the_answer_is_for(capsys, monkeypatch):
    question = "I'm a police officer in Scotland: can we share a perpetrator's history under Clare's law?"
    given = ask_json(capsys, monkeypatch, question, "--nation", "england")
    assert (given["nation"], given["nations_named"], given["answered_for"]) == ("england", ["scotland"], "england")
    default = ask_json(capsys, monkeypatch, question, default="england")
    assert (default["nation"], default["answered_for"]) == ("england", "scotland")
    none_given = ask_json(capsys, monkeypatch, question)
    assert "nation" not in none_given and none_given["answered_for"] == "scotland"
    plain = ask_json(capsys, monkeypatch, "Can we share under Clare's law?", "--nation", "wales")
    assert plain["nation"] == "wales" and "answered_for" not in plain and "nations_named" not in plain
    several = ask_json(capsys, monkeypatch, "An English council placed a child with us in Wales: can we share?")
    assert several["nations_named"] == ["england", "wales"] and several["answered_for"] is None


def test_canishare_ask_as_text_says_why_and_warns_first(capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_NATION", "england")
    assert main(["ask", "I'm a police officer in Scotland: can we share under Clare's law and MAPPA?"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "nation: scotland" in out
    assert out.index("does not hold in Scotland") < out.index("Your question names Scotland, so this answer")
