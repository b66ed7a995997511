"""The nation lines as a reader in Wales, Scotland or Northern Ireland meets them (users review s11, findings
4, 5, 8 and 13): a note read before the answer stands alone; the verdict stays near the top (a long note on a
nation where the answer holds goes after it, with a one-line lead); "holds in part" where only a named statute
differs, without the warning sign; one note for several nations shown once; and the line on another nation
the question names says only what is true of the entry."""

import datetime as dt
import statistics

import pytest

from bot.faq import NATION_NAMES, NATIONS, lint, load_faq
from bot.faq.plain_english import leans_on_the_answer
from bot.nations import SHORT_NOTE, Reader, nation_lines, where_it_applies
from bot.slack.blocks.faq_answer import nation_after_blocks, nation_blocks, nation_lead
from bot.slack.blocks.plain import blocks_text

from faq_factory import entry, write_faq

TODAY = dt.date(2026, 11, 30)
DEVOLVED = ("wales", "scotland", "northern-ireland")


def lines_and_lead(faq_entry, nation):
    lines = nation_lines(faq_entry, nation)
    return lines, nation_lead(lines, nation)


# a note read first stands alone ------------------------------------------------------------------------

def test_no_bundled_note_leans_on_the_answer_it_goes_with(faq):
    leaning = {(e.id, n): [f.message for f in leans_on_the_answer(note)]
               for e in faq.entries for n, note in e.nation_notes.items()}
    assert {k: v for k, v in leaning.items() if v} == {}


@pytest.mark.parametrize("note, found", [
    ("The Department for Education advice cited here is written for England.", "'cited here'"),
    ("The data protection points in this answer apply across the UK.", "'this answer'"),
    ("Check Scottish guidance before relying on the rules above.", "'above'"),
    ("The Children Act 1989 section 47 example is England and Wales law.", "example"),
    ("Not covered. Follow Co-operating to Safeguard Children and Young People in Northern Ireland.", "'Not covered'"),
    ("Chapter 1 of the 2022 Act applies in England and Wales only.", "'the 2022 Act'"),
])
def test_lint_warns_about_a_note_that_leans_on_the_answer(tmp_path, note, found):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", nation_notes={"scotland": note})]})
    warnings = [p for p in lint(directory, TODAY) if p.warning and p.field == "nation_notes"]
    assert len(warnings) == 1 and found in warnings[0].message, warnings
    assert warnings[0].blocks_loading is False


def test_a_short_name_introduced_in_the_note_and_here_inside_a_word_are_fine():
    assert not list(leans_on_the_answer("Crime and Disorder Act 1998 section 115 covers only the 1998 Act's purposes."))
    assert not list(leans_on_the_answer("Share where there is a risk, and record it."))


# the verdict near the top -------------------------------------------------------------------------------

def test_a_long_note_where_the_answer_holds_follows_it_with_a_one_line_lead(faq):
    for e in faq.entries:
        for nation in DEVOLVED:
            note = e.nation_notes.get(nation)
            if not e.holds_in(nation) or not note:
                continue
            lines, lead = lines_and_lead(e, nation)
            if len(note) > SHORT_NOTE:
                assert lead == f"This answer holds in {NATION_NAMES[nation]}. What differs there is in the note after it."
                assert lines.note_after == (f"{NATION_NAMES[nation]}: {note}",)
                assert note[:60] in blocks_text(nation_after_blocks(lines, nation)), e.id
            else:
                assert lead == f"{NATION_NAMES[nation]}: {note}" and lines.note_after == (), e.id


def test_the_characters_before_the_answers_heading_for_the_devolved_nations(faq):
    """Median before the heading, measured over the 66 entries: Wales 0, Scotland 246, Northern Ireland 290
    before this change; now 0, 74, 82. The longest is a "does not hold" warning with what applies instead, which
    must come first."""
    for nation in DEVOLVED:
        before = [len(lines_and_lead(e, nation)[1]) for e in faq.entries]
        assert statistics.median(before) <= 100, nation
        longest = max(faq.entries, key=lambda e: len(lines_and_lead(e, nation)[1]))
        assert not longest.holds_in(nation), (nation, longest.id)


# holds in part ------------------------------------------------------------------------------------------

def in_part_faq(tmp_path, **overrides):
    fields = {"nations": ["england", "wales"], "holds_in_part": ["scotland"],
              "nation_notes": {"scotland": "In Scotland, Crime and Disorder Act 1998 section 115 helps only in part."}}
    fields.update(overrides)
    return write_faq(tmp_path, {"a.yaml": [entry("one", **fields)]})


def test_holds_in_part_is_said_plainly_without_the_warning_sign(tmp_path):
    loaded = load_faq(in_part_faq(tmp_path)).get("one")
    assert loaded.holds_in_part == ("scotland",) and not loaded.holds_in("scotland")
    lines, lead = lines_and_lead(loaded, "scotland")
    assert lines.in_part and lines.lead() == lead
    assert lead == "Holds in part in Scotland: In Scotland, Crime and Disorder Act 1998 section 115 helps only in part."
    assert ":warning:" not in str(nation_blocks(lines, "scotland"))
    assert where_it_applies(loaded) == "Applies in England and Wales; in part in Scotland; not in Northern Ireland."
    mentioned = nation_lines(loaded, Reader("england", also=("scotland",))).mentioned
    assert mentioned == (lead,)


@pytest.mark.parametrize("overrides, message", [
    ({"holds_in_part": ["scotland"], "nations": ["england", "scotland"]}, "is in nations too"),
    ({"nation_notes": {"wales": "In Wales, the Wales Safeguarding Procedures apply."}}, "has no nation_notes"),
    ({"holds_in_part": ["scotia"]}, "unknown nation"),
])
def test_lint_checks_holds_in_part(tmp_path, overrides, message):
    problems = lint(in_part_faq(tmp_path, **overrides), TODAY)
    assert any(p.field == "holds_in_part" and message in p.message and not p.warning for p in problems), problems


def test_the_bundled_entries_that_hold_in_part_and_no_not_covered_wording(faq):
    assert {e.id: e.holds_in_part for e in faq.entries if e.holds_in_part} == {  # as reviewed (legal s11, two)
        "marac-domestic-abuse": ("scotland", "northern-ireland"),
        "crime-and-disorder-act-s115": ("scotland",),  # section 115 names no Northern Ireland body
        "adult-safeguarding": ("wales", "scotland", "northern-ireland"),
        "health-duty-to-share-direct-care": ("wales", "scotland", "northern-ireland"),
        "adults-lacking-capacity": ("northern-ireland",),
        "schools-and-education": ("wales",),
        "allegations-against-staff": ("wales", "northern-ireland")}
    for e in faq.entries:
        for nation in (None, *NATIONS):
            lines, lead = lines_and_lead(e, nation)
            shown = " ".join((lead, *lines.after, *lines.note_after))
            assert "instead: Not covered" not in shown and "Not covered" not in shown, (e.id, nation)


# one note for several nations, once ---------------------------------------------------------------------

def test_a_note_for_several_nations_is_shown_once_with_them_named_together(faq):
    saved = 0
    for e in faq.entries:
        after = [line.split(": ", 1) for line in nation_lines(e, None).after]
        rebuilt = {n: note for label, note in after for n in NATIONS if NATION_NAMES[n] in label}
        assert rebuilt == dict(e.nation_notes), e.id  # every note, for every nation it is for
        assert len({note for _, note in after}) == len(after), e.id  # each once
        saved += sum(len(note) for note in e.nation_notes.values()) - sum(len(note) for _, note in after)
    opt_out = nation_lines(faq.get("national-data-opt-out"), None).after
    assert any(line.startswith("Wales, Scotland and Northern Ireland: ") for line in opt_out)
    consent = nation_lines(faq.get("consent-always-required"), None).after
    assert [line.split(": ")[0] for line in consent] == ["Wales", "Scotland and Northern Ireland"]
    assert saved > 3000  # 13 entries' notes, about 3,800 characters no longer read out twice or three times


def test_a_default_readers_other_nations_notes_are_merged_too(faq):
    lines = nation_lines(faq.get("consent-always-required"), Reader("england", others=True))
    assert [line.split(": ")[0] for line in lines.elsewhere] == ["Wales", "Scotland and Northern Ireland"]


# the line on another nation the question names ----------------------------------------------------------

def test_a_named_nation_where_the_answer_holds_without_a_note_is_not_promised_a_note(faq):
    england_only = next(e for e in faq if tuple(e.nations) == ("england",) and "wales" in e.nation_notes)
    reader = Reader("wales", whose="chosen on my Home tab", also=("england",))
    why = nation_lines(england_only, reader).why
    assert why == ("Your nation is Wales (chosen on my Home tab): what applies in Wales is above. "
                   "Your question names England: this answer is written for England only.")
    uk_wide = next(e for e in faq if len(e.nations) == 4 and not e.nation_notes)
    assert nation_lines(uk_wide, reader).why == (
        "Your nation is Wales (chosen on my Home tab). Your question names England: this answer holds there as written.")
    with_a_note = next(e for e in faq if e.holds_in("scotland") and "scotland" in e.nation_notes)
    assert "so what differs there is shown too" in nation_lines(
        with_a_note, Reader("wales", whose="chosen on my Home tab", also=("scotland",))).why
