"""One stripper of formatting marks (``bot.mrkdwn.without_format_marks``) for the command line's answer and
the answer's text in Slack, and one logistic probability (``bot.logistic``) for every scorer (the house review,
rv-house, finding 11)."""

import numpy as np
import pytest

from bot import logistic
from bot.answers import render_entry
from bot.faq import load_faq
from bot.match_model import stored
from bot.mrkdwn import without_format_marks
from bot.slack.blocks.faq_answer import entry_text
from bot.urgency_model import _probability

from faq_factory import entry, write_faq

MARKED = "Use the `SAR` form; _only_ *then* share."


def test_the_cli_and_the_answers_text_strip_the_same_marks(tmp_path):
    write_faq(tmp_path, {"entries.yaml": [entry(answer=MARKED)]})
    (marked,) = load_faq(tmp_path).entries
    plain = without_format_marks(MARKED)
    assert plain == "Use the SAR form; only then share."
    assert plain in render_entry(marked) and plain in entry_text(marked)


@pytest.mark.parametrize("log_odds", [-80.0, -31.0, -2.5, 0.0, 0.7, 29.9, 45.0])
def test_the_urgent_risk_model_uses_the_one_probability(log_odds):
    assert _probability(log_odds) == float(logistic.probability(np.float64(log_odds)))


def test_the_matchers_decision_model_scores_as_the_one_fit():
    model = stored()
    columns = np.random.default_rng(7).normal(size=(5, len(model.names)))
    assert np.array_equal(model.probabilities(columns), logistic.probability(model.fitted.log_odds(columns)))
