"""``canishare eval``'s figures: correct (answer or escalate) apart from helped (incl. suggestions),
and the optional ``also:`` list of equally good entries."""

import json

import pytest
import yaml
from test_cli import run

from bot.evaluation import CORRECT, HELPED, Labelled, Outcome, Report, load_labelled
from bot.faq import BUNDLED_FAQ_DIR, load_faq
from bot.matching import ANSWER, ESCALATE, SUGGEST, Match, Scored

FAQ = load_faq(BUNDLED_FAQ_DIR)
A, B, C = (FAQ.entries[i] for i in range(3))


def outcome(topic: str, decision: str, ranked=(), offered=(), also=()) -> Outcome:
    scored = tuple(Scored(e, 50.0 - n) for n, e in enumerate(ranked))
    return Outcome(Labelled("q", topic, tuple(also)), Match(decision, 50.0, scored, tuple(offered)))


def test_suggestions_help_but_are_not_correct():
    answered = outcome(A.id, ANSWER, [A, B], [A])
    suggested = outcome(A.id, SUGGEST, [B, A], [B, A])
    escalated_none = outcome("none", ESCALATE, [B])
    suggested_none = outcome("none", SUGGEST, [B], [B])
    assert (answered.correct, answered.helped) == (True, True)
    assert (suggested.correct, suggested.helped) == (False, True)
    assert (escalated_none.correct, escalated_none.helped) == (True, True)
    assert (suggested_none.correct, suggested_none.helped) == (False, False)

    figures = Report([answered, suggested, escalated_none, suggested_none]).figures()
    assert figures[CORRECT] == (2, 4)
    assert figures[HELPED] == (3, 4)
    assert figures["wrong answers"] == (0, 4)
    assert figures["top-1"] == (1, 2)


def test_also_entries_count_as_right():
    answered_also = outcome(A.id, ANSWER, [B, A], [B], also=[B.id])
    assert answered_also.correct and not answered_also.wrong_answer and answered_also.top1
    answered_other = outcome(A.id, ANSWER, [C, A], [C], also=[B.id])
    assert answered_other.wrong_answer and not answered_other.correct and not answered_other.top1
    suggested_also = outcome(A.id, SUGGEST, [C, B], [C, B], also=[B.id])
    assert suggested_also.helped and not suggested_also.correct and suggested_also.top3


def test_load_labelled_reads_also(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump([
        {"q": "one", "topic": A.id, "also": [B.id, C.id]},
        {"q": "two", "topic": A.id, "also": B.id},
        {"q": "three", "topic": "none"},
    ]))
    items = load_labelled(path)
    assert [i.also for i in items] == [(B.id, C.id), (B.id,), ()]
    assert items[0].right_ids == (A.id, B.id, C.id) and items[2].right_ids == ()


@pytest.mark.parametrize("bad", [{"q": "x", "topic": "none", "also": ["a"]}, {"q": "x", "topic": "a", "also": {"k": 1}},
                                 {"q": "x", "topic": "a", "also": {}}, {"q": "x", "topic": "a", "also": 0},
                                 {"q": "x", "topic": "a", "also": False}, {"q": "x", "topic": "a", "also": ""}])
def test_load_labelled_rejects_bad_also(tmp_path, bad):
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump([bad]))
    with pytest.raises(ValueError, match="item 1"):
        load_labelled(path)


def test_eval_cli_reports_both_figures(capsys, monkeypatch, tmp_path):
    labelled = tmp_path / "set.yaml"
    labelled.write_text(yaml.safe_dump([
        {"q": "How long do we have to report a personal data breach to the ICO?", "topic": "data-breach-72-hours"},
        {"q": "How long do we have to report a personal data breach to the ICO?", "topic": "caldicott-principles",
         "also": ["data-breach-72-hours"]},
        {"q": "where is the canteen", "topic": "none"},
    ]))
    code, out, _ = run(capsys, monkeypatch, "eval", str(labelled))
    assert code == 0 and CORRECT in out and HELPED in out and "WRONG ANSWER" not in out

    code, out, _ = run(capsys, monkeypatch, "eval", "--json", str(labelled))
    figures = json.loads(out)
    assert figures[CORRECT] == {"n": 3, "of": 3, "rate": 1.0}
    assert figures[HELPED] == {"n": 3, "of": 3, "rate": 1.0}
    assert figures["wrong answers"]["n"] == 0
