"""Lint teaches plain English (accessibility review s10 #8): each answer and nation note is read on its own, by
people with dyslexia, with English as a second language, or on a phone between visits, so an abbreviation is
spelled out at its first use in that text, and no sentence runs over 25 words. Each warning names the entry,
the field and the line to change."""

import datetime as dt

import pytest

from bot.faq import BUNDLED_FAQ_DIR, lint, load_faq
from bot.faq.plain_english import ABBREVIATIONS, LONGEST_SENTENCE

from faq_factory import ANSWER, entry, write_faq

TODAY = dt.date(2026, 11, 30)


def plain_english_warnings(problems):
    return [p for p in problems if p.warning and ("spelled out" in p.message or "sentence of" in p.message
                                                 or "shortened word" in p.message)]


def one_warning(directory):
    found = plain_english_warnings(lint(directory, TODAY))
    assert len(found) == 1, found
    return found[0]


def sentence(words: int) -> str:
    return " ".join(["word"] * (words - 1) + ["end."])


LITERAL_ENTRY = """\
- id: one
  question: "Can I share it?"
  variants: [one a, one b, one c, one d, one e]
  answer: |-
    {first}
    {second}
  legal_basis: [UK GDPR Article 6]
  sources:
    - title: ICO data sharing code
      url: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/
  tags: [test]
  last_reviewed: 2026-01-15
  nations: [england, wales, scotland, northern-ireland]
"""


def literal(tmp_path, first: str, second: str):
    return write_faq(tmp_path, {"a.yaml": LITERAL_ENTRY.format(first=ANSWER, second=first + " " + second)})


def line_text(directory, problem) -> str:
    return (directory / "a.yaml").read_text().splitlines()[problem.line - 1]


# abbreviations ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("abbreviation", ["DPO", "IG", "KCSIE", "DPA"])
def test_an_abbreviation_before_its_expansion_is_a_warning_at_its_line(tmp_path, abbreviation):
    directory = literal(tmp_path, f"If unsure, ask your {abbreviation}.", "Keep a record.")
    problem = one_warning(directory)
    assert (problem.entry, problem.field) == ("one", "answer")
    assert abbreviation in line_text(directory, problem)
    assert f"{ABBREVIATIONS[abbreviation]} ({abbreviation})" in problem.message
    assert load_faq(directory).get("one")  # a warning: the entry is served


def test_an_abbreviation_spelled_out_at_its_first_use_is_clean_and_may_be_used_alone_after(tmp_path):
    directory = literal(tmp_path, "Ask your data protection officer (DPO) or information governance (IG) team.",
                        "Your DPO keeps the IG records.")
    assert plain_english_warnings(lint(directory, TODAY)) == []


def test_the_expansion_given_only_after_the_abbreviation_is_still_a_warning(tmp_path):
    directory = literal(tmp_path, "Ask your DPO.", "Your data protection officer knows.")
    assert "'DPO'" in one_warning(directory).message


def test_an_abbreviation_inside_a_word_or_in_lower_case_is_not_one(tmp_path):
    directory = literal(tmp_path, "Keep the ICONS and the digital records.", "Then record it.")
    assert plain_english_warnings(lint(directory, TODAY)) == []


@pytest.mark.parametrize("short, full", [("s115", "section"), ("Sch 1", "Schedule"), ("para 18", "paragraph"),
                                         ("Art 6", "Article")])
def test_a_shortened_word_of_a_citation_is_a_warning(tmp_path, short, full):
    directory = literal(tmp_path, f"The law ({short}) allows it.", "Record it.")
    problem = one_warning(directory)
    assert repr(full) in problem.message and short.split()[0] in line_text(directory, problem)


def test_a_nation_note_is_read_alone_so_it_spells_out_its_own_abbreviations(tmp_path):
    note = "In Scotland the Getting it right for every child (GIRFEC) guidance applies; the DPA 2018 applies as everywhere."
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", nation_notes={"scotland": note})]})
    problem = one_warning(directory)
    assert problem.field == "nation_notes"
    assert "scotland" in problem.message and "'DPA'" in problem.message
    assert "scotland:" in line_text(directory, problem)


# long sentences ---------------------------------------------------------------------------------------

def test_a_sentence_over_25_words_is_a_warning_at_its_line(tmp_path):
    directory = literal(tmp_path, sentence(LONGEST_SENTENCE + 1), "Record it.")
    problem = one_warning(directory)
    assert (problem.entry, problem.field) == ("one", "answer") and f"{LONGEST_SENTENCE + 1} words" in problem.message
    assert line_text(directory, problem).strip().startswith("word word")


def test_closing_markup_after_a_full_stop_still_ends_the_sentence(tmp_path):
    text = "*No.* " + sentence(LONGEST_SENTENCE)
    assert plain_english_warnings(lint(literal(tmp_path, text, "Record it."), TODAY)) == []


def test_a_sentence_of_25_words_is_clean(tmp_path):
    assert plain_english_warnings(lint(literal(tmp_path, sentence(LONGEST_SENTENCE), "Record it."), TODAY)) == []


@pytest.mark.parametrize("joint", ["; ", ": ", "\n    • ", ". "])
def test_a_semicolon_colon_or_list_item_ends_a_sentence(tmp_path, joint):
    text = sentence(20)[:-1] + joint + sentence(20)
    assert plain_english_warnings(lint(literal(tmp_path, text, "Record it."), TODAY)) == []


def test_a_long_sentence_in_a_nation_note_is_a_warning(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", nation_notes={"wales": sentence(30)})]})
    problem = one_warning(directory)
    assert problem.field == "nation_notes" and "wales" in problem.message and "30 words" in problem.message


# the bundled FAQ --------------------------------------------------------------------------------------

def test_the_bundled_faq_is_in_plain_english():
    assert [str(p) for p in plain_english_warnings(lint(BUNDLED_FAQ_DIR))] == []

