"""Answers for the practitioner's own nation (issue 15 §2) and the plain statement of where an answer
holds for everyone (issue 12 §3): ``bot.nations``, ``canishare ask --nation``, ``CANISHARE_NATION``."""

import json

import pytest

from bot.cli import main
from bot.config import Settings
from bot.faq import load_faq
from bot.nations import UnknownNation, names, nation_lines, parse_nation, where_it_applies

from faq_factory import entry, write_faq

ENGLAND_ONLY = entry(
    "england-only-duty", question="Is there a duty to share with the local safeguarding partners?",
    nations=["england"],
    nation_notes={"wales": "Share under the Social Services and Well-being (Wales) Act 2014.",
                  "scotland": "Share under GIRFEC and the National Guidance for Child Protection in Scotland."},
)
EVERYWHERE = entry("uk-wide-rule", question="Does UK GDPR apply to sharing with a charity?")
NOTE_FOR_SCOTLAND = entry(
    "capacity-rule", question="Can I share about an adult who lacks capacity?",
    nations=["england", "wales", "scotland", "northern-ireland"],
    nation_notes={"scotland": "In Scotland, the Adults with Incapacity (Scotland) Act 2000 applies."},
)


@pytest.fixture
def small_faq(tmp_path):
    return load_faq(write_faq(tmp_path / "faq", {"a.yaml": [ENGLAND_ONLY, EVERYWHERE, NOTE_FOR_SCOTLAND]}))


@pytest.fixture
def env(tmp_path, monkeypatch, small_faq):
    for name in ("CANISHARE_NATION", "CANISHARE_FAQ_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return small_faq.directory


@pytest.mark.parametrize("typed, nation", [
    ("scotland", "scotland"), ("Scotland", "scotland"), (" WALES ", "wales"), ("Northern Ireland", "northern-ireland"),
    ("northern-ireland", "northern-ireland"), ("NI", "northern-ireland"), ("england", "england"), ("", None),
])
def test_nations_are_read_as_people_type_them(typed, nation):
    assert parse_nation(typed) == nation


def test_an_unknown_nation_is_refused_naming_the_four():
    with pytest.raises(UnknownNation, match="england, wales, scotland, northern-ireland"):
        parse_nation("Cornwall")


def test_without_a_nation_an_england_only_answer_says_so_plainly_and_shows_every_note(small_faq):
    lines = nation_lines(small_faq.get("england-only-duty"))
    assert lines.before == ("Applies in England only; not in Wales, Scotland or Northern Ireland.",)
    assert lines.after == ("Wales: Share under the Social Services and Well-being (Wales) Act 2014.",
                           "Scotland: Share under GIRFEC and the National Guidance for Child Protection in Scotland.")
    assert not nation_lines(small_faq.get("uk-wide-rule"))  # nothing to add for a UK-wide answer without notes


def test_for_their_nation_the_note_comes_first(small_faq):
    lines = nation_lines(small_faq.get("capacity-rule"), "scotland")
    assert lines.before == ("Scotland: In Scotland, the Adults with Incapacity (Scotland) Act 2000 applies.",)
    assert lines.holds and lines.after == ()


def test_an_answer_that_does_not_hold_there_says_so_and_shows_what_applies_instead(small_faq):
    lines = nation_lines(small_faq.get("england-only-duty"), "scotland")
    assert not lines.holds
    assert lines.before[0] == "This answer does not hold in Scotland: it is written for England only."
    assert lines.before[1].startswith("What applies in Scotland instead: Share under GIRFEC")
    no_note = nation_lines(small_faq.get("england-only-duty"), "northern-ireland")
    assert "does not hold in Northern Ireland" in no_note.before[0] and "ask an advisor" in no_note.before[1]


def test_with_no_note_for_their_nation_the_answer_says_whose_law_it_reflects(small_faq):
    assert nation_lines(small_faq.get("capacity-rule"), "wales").after == (
        "This answer reflects the law of all four UK nations.",)
    assert nation_lines(small_faq.get("england-only-duty"), "england").after == (
        "This answer reflects the law of England.",)
    assert names(["wales", "england"]) == "England and Wales"
    assert where_it_applies(small_faq.get("uk-wide-rule")) == ""


def test_every_bundled_entry_that_does_not_hold_everywhere_says_where_it_applies(faq):
    for e in faq:
        if len(e.nations) < 4:
            assert nation_lines(e).before[0].startswith("Applies in "), e.id
        for nation in ("england", "wales", "scotland", "northern-ireland"):
            lines = nation_lines(e, nation)
            assert lines.before or lines.after, (e.id, nation)  # every reader is told something


# the command line ---------------------------------------------------------------------------------


def test_ask_with_a_nation_puts_what_applies_there_first(env, capsys):
    assert main(["--faq-dir", env, "ask", "--nation", "scotland", ENGLAND_ONLY["question"]]) == 0
    out = capsys.readouterr().out
    assert "nation: scotland" in out
    warning = out.index("This answer does not hold in Scotland")
    assert warning < out.index("Consent is only one") and "What applies in Scotland instead" in out


def test_ask_without_a_nation_says_plainly_where_an_answer_holds_and_shows_the_notes(env, capsys):
    assert main(["--faq-dir", env, "ask", ENGLAND_ONLY["question"]]) == 0
    out = capsys.readouterr().out
    assert out.index("Applies in England only; not in Wales, Scotland or Northern Ireland.") < out.index("Consent is only one")
    assert out.index("Consent is only one") < out.index("• Wales: Share under the Social Services")
    assert "• Scotland: Share under GIRFEC" in out


def test_ask_json_gains_the_nation_only_when_one_is_given(env, capsys):
    assert main(["--faq-dir", env, "ask", "--json", "--nation", "Northern Ireland", EVERYWHERE["question"]]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["nation"] == "northern-ireland" and found["faq_id"] == "uk-wide-rule"
    assert main(["--faq-dir", env, "ask", "--json", EVERYWHERE["question"]]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"decision", "faq_id", "score", "suggestions", "urgent"}


def test_ask_reads_the_workspace_nation_from_the_environment(env, capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_NATION", "Wales")
    assert main(["--faq-dir", env, "ask", "--json", EVERYWHERE["question"]]) == 0
    assert json.loads(capsys.readouterr().out)["nation"] == "wales"
    assert main(["--faq-dir", env, "ask", "--nation", "scotland", "--json", EVERYWHERE["question"]]) == 0
    assert json.loads(capsys.readouterr().out)["nation"] == "scotland"  # the option wins


def test_a_bad_nation_is_a_usage_error(env, capsys, monkeypatch):
    with pytest.raises(SystemExit) as exit_info:
        main(["--faq-dir", env, "ask", "--nation", "Cornwall", "consent"])
    assert exit_info.value.code == 2 and "not a UK nation" in capsys.readouterr().err
    monkeypatch.setenv("CANISHARE_NATION", "Kernow")
    assert main(["--faq-dir", env, "ask", "consent"]) == 2
    assert "CANISHARE_NATION='Kernow'" in capsys.readouterr().err
    assert main(["--faq-dir", env, "ask", "--nation", "wales", "consent"]) == 0  # not needed: not read


def test_settings_read_the_nation():
    assert Settings.from_env({"CANISHARE_NATION": "scotland"}, dotenv="/nonexistent").nation == "scotland"
    assert Settings.from_env({}, dotenv="/nonexistent").nation is None
    bad = Settings.from_env({"CANISHARE_NATION": "mars"}, dotenv="/nonexistent")
    assert bad.nation is None and bad.problems[0][0] == "nation"
