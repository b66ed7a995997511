"""An entry's title is shown as written when it asks, and as "Myth: …" when it states (code review s11
#7): which one is read from its shape, and lint holds every title to the rule."""

import datetime as dt

import pytest

from bot.answers import entry_title
from bot.faq import lint
from bot.faq.titles import MYTH_TAG, asks

from faq_factory import entry, write_faq

TODAY = dt.date(2026, 11, 30)

QUESTIONS = ["Can I share?", 'Is it "need to know?"', "Is it 'need to know?'", "Is it “need to know?”",
             "Can I share (for safeguarding?)", "Can I tell the school [about the plan?]", "Can I share?  ",
             'Is it "need to know?")']
STATEMENTS = ["Nothing can be shared until there's a signed data sharing agreement in place",
              "Consent is always needed.", 'A "need to know?" test applies to every disclosure',
              "Is it need to know? Not always"]


@pytest.mark.parametrize("title", QUESTIONS)
def test_a_question_ending_in_a_closing_quote_or_bracket_is_shown_as_a_question(title):
    assert asks(title)
    assert entry_title(title) == title


@pytest.mark.parametrize("title", STATEMENTS)
def test_a_statement_is_shown_as_a_myth(title):
    assert not asks(title)
    assert entry_title(title) == "Myth: " + title


def title_problems(tmp_path, question, tags):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", question=question, tags=tags)]})
    return [p for p in lint(directory, TODAY) if p.field == "question"]


@pytest.mark.parametrize("question", [*QUESTIONS, STATEMENTS[0]])
def test_a_question_or_the_statement_of_a_myth_passes_lint(tmp_path, question):
    assert title_problems(tmp_path, question, [MYTH_TAG, "consent"]) == []


@pytest.mark.parametrize("question", ["Sharing in an emergency", "Consent and its limits:", STATEMENTS[0]])
def test_a_title_neither_asking_nor_a_myth_is_a_lint_error(tmp_path, question):
    [problem] = title_problems(tmp_path, question, ["how-to"])
    assert not problem.warning and problem.line is not None
    assert "'Myth: …'" in problem.message and repr(MYTH_TAG) in problem.message


@pytest.mark.parametrize("question", ["Can I share with the police", "What counts as special category data",
                                      "Doesn't GDPR stop us sharing", '"Is consent always needed"'])
def test_a_question_without_its_question_mark_is_a_lint_error(tmp_path, question):
    [problem] = title_problems(tmp_path, question, ["consent"])
    assert not problem.warning and "end it with '?'" in problem.message


@pytest.mark.parametrize("question", ["Can I share with the police", '"Is it always needed"', "Do we need consent"])
def test_a_verb_before_a_pronoun_is_a_question_that_lost_its_mark_even_for_a_myth(tmp_path, question):
    [problem] = title_problems(tmp_path, question, [MYTH_TAG])
    assert not problem.warning and "end it with '?'" in problem.message


def test_every_bundled_title_asks_or_states_a_tagged_myth(faq):
    statements = [e for e in faq.entries if not asks(e.question)]
    assert len(statements) == 9 and all(MYTH_TAG in e.tags for e in statements)


@pytest.mark.parametrize("question", ["When in doubt, don't share.", "How we share with the police",
                                      "Can't share health information without consent.",
                                      "Must always ask the parents first.",
                                      "What happens in the MASH stays in the MASH."])
def test_a_myth_may_open_with_any_word_but_a_verb_before_a_pronoun(tmp_path, question):
    """Tagged as a myth, a statement may open as myths do (follow-up review s11)."""
    assert title_problems(tmp_path, question, [MYTH_TAG]) == []
