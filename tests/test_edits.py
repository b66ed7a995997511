"""When an edited DM question is answered again (bot.edits)."""

import datetime as dt

from bot.edits import EDIT_ANSWERED_WITHIN, EditMeans, changes_the_question, what_the_edit_means
from bot.records import Decision, Question, Where
from bot.times import stored

ASKED = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)


def question(created_at=ASKED) -> Question:
    return Question(id=1, text="Can I share?", asker="U1", where=Where("dm", "D1", "1.0", "1.0"),
                    decision=Decision.ANSWER, faq_id="x", score=90.0, suggestions=(), redacted_kinds=(),
                    urgent=False, created_at=stored(created_at))


def test_changing_the_words_changes_the_question():
    assert changes_the_question("Can I share?", "Can I share? We're in Scotland")
    assert not changes_the_question("Can I share?", "can i share")  # case and punctuation only
    assert not changes_the_question("Can I share?", "  Can   I share ?  ")
    assert not changes_the_question("Can I share?", "")  # emptied: nothing to answer


def test_an_edit_is_answered_only_soon_after_the_answer_and_only_when_the_words_changed():
    soon = ASKED + dt.timedelta(minutes=2)
    assert (what_the_edit_means(question(), "Can I share?", "Can I share with the GP?", soon) is EditMeans.NEW_QUESTION)
    assert what_the_edit_means(question(), "Can I share?", "can I share", soon) is not EditMeans.NEW_QUESTION
    assert what_the_edit_means(None, "hello", "Can I share with the GP?", soon) is not EditMeans.NEW_QUESTION  # nothing was asked
    assert what_the_edit_means(question(), "Can I share?", "Can I share with the GP?", ASKED + EDIT_ANSWERED_WITHIN) is not EditMeans.NEW_QUESTION
    assert what_the_edit_means(question(created_at=ASKED), "a", "b", ASKED + dt.timedelta(days=3)) is not EditMeans.NEW_QUESTION


def test_the_readme_and_the_data_protection_document_give_the_same_window():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    said = f"{int(EDIT_ANSWERED_WITHIN.total_seconds() // 60)} minutes"
    assert said in (root / "README.md").read_text() and said in (root / "docs" / "data-protection.md").read_text()


def test_an_edit_into_small_talk_or_a_withdrawal_is_answered_with_nothing():
    from bot.edits import EditMeans, what_the_edit_means

    soon = ASKED + dt.timedelta(minutes=2)
    for after in ("thanks", "Thank you!", "👍", "ignore this, sorted it with my manager", "never mind",
                  "Sorted it, thanks!", "don't worry, sorted", "Actually nvm"):
        assert what_the_edit_means(question(), "Can I share?", after, soon) is EditMeans.NOTHING, after
    # a question that merely uses such a word is still a question
    for after in ("Can I share a sorted list of pupils with the council", "Can I share? Never mind the GP, the school?"):
        assert what_the_edit_means(question(), "Can I share?", after, soon) is EditMeans.NEW_QUESTION, after


def test_an_edit_of_a_question_with_the_advisors_goes_to_them_whenever_made():
    from bot.edits import EditMeans, what_the_edit_means

    later = ASKED + dt.timedelta(days=1)
    means = what_the_edit_means(question(), "Can I share?", "Can I share? She is 15", later, escalation_waits=True)
    assert means is EditMeans.FOLLOW_UP
    # a withdrawal too (the advisor should know), but not small talk or an unchanged text
    assert what_the_edit_means(question(), "Can I share?", "ignore this, sorted", later, True) is EditMeans.FOLLOW_UP
    assert what_the_edit_means(question(), "Can I share?", "thanks", later, True) is EditMeans.NOTHING
    assert what_the_edit_means(question(), "Can I share?", "can i share", later, True) is EditMeans.NOTHING


def test_an_edit_with_new_words_too_late_is_told_not_dropped():
    from bot.edits import EditMeans, too_late_said, what_the_edit_means

    late = ASKED + EDIT_ANSWERED_WITHIN
    assert what_the_edit_means(question(), "Can I share?", "Can I share with the GP?", late) is EditMeans.TOO_LATE
    assert what_the_edit_means(question(), "Can I share?", "never mind, sorted", late) is EditMeans.NOTHING
    assert what_the_edit_means(question(), "Can I share?", "can i share", late) is EditMeans.NOTHING
    assert "within 10 minutes" in too_late_said() and "escalation" not in too_late_said()
    assert "escalation #4 already has its answer" in too_late_said(4, answered=True)
    assert "escalation #4 is closed" in too_late_said(4)
