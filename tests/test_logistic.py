import numpy as np
import pytest

from bot import logistic


def test_the_fit_recovers_the_weights_that_made_the_data():
    rng = np.random.RandomState(1)
    x = rng.normal(size=(4000, 3))
    y = (rng.rand(4000) < logistic.probability(x @ np.array([2.0, -1.0, 0.0]) + 0.5)).astype(float)
    weights, bias = logistic.fit(x, y, l2=0.01).in_raw_units()
    assert np.allclose(weights, [2.0, -1.0, 0.0], atol=0.2) and abs(bias - 0.5) < 0.15


def test_standardised_and_raw_units_give_the_same_log_odds():
    rng = np.random.RandomState(2)
    x = rng.normal(loc=5.0, scale=3.0, size=(200, 4))
    y = (x[:, 0] + rng.normal(size=200) > 5).astype(float)
    fitted = logistic.fit(x, y)
    weights, bias = fitted.in_raw_units()
    assert np.allclose(fitted.log_odds(x), x @ weights + bias)


def test_a_constant_column_gets_no_weight():
    rng = np.random.RandomState(3)
    x = np.column_stack([rng.normal(size=300), np.full(300, 7.0)])
    y = (x[:, 0] > 0).astype(float)
    assert logistic.fit(x, y).weights[1] == 0.0


def test_row_weights_count_like_repeated_rows():
    rng = np.random.RandomState(4)
    x = rng.normal(size=(50, 3))
    y = (x[:, 0] + rng.normal(size=50) > 0).astype(float)
    weighted = logistic.fit(x, y, sample_weight=np.full(50, 2.0), l2=2.0)
    repeated = logistic.fit(np.vstack([x, x]), np.concatenate([y, y]), l2=2.0)
    assert np.allclose(weighted.weights, repeated.weights, atol=1e-6)


def test_more_columns_than_rows_solves_in_row_space_to_the_same_model():
    """A bag of words has more columns than questions: each Newton step is then solved in row space
    (Woodbury). It must find the model the direct solve finds."""
    rng = np.random.RandomState(0)
    x = (rng.rand(40, 60) > 0.7).astype(float)
    y = (x[:, :5].sum(axis=1) + rng.rand(40) > 2.0).astype(float)
    wide = logistic.fit(x, y, 3.0).in_raw_units()
    narrow = logistic.fit(np.vstack([x, x]), np.concatenate([y, y]), 6.0).in_raw_units()  # 80 rows: direct
    assert np.allclose(wide[0], narrow[0], atol=1e-5) and abs(wide[1] - narrow[1]) < 1e-5


def test_probabilities_stay_finite_far_from_the_boundary():
    assert logistic.probability(np.array([-1e6, 0.0, 1e6])).tolist() == [logistic.probability(-30.0), 0.5,
                                                                         logistic.probability(30.0)]


@pytest.mark.parametrize("x, y, l2", [
    ([[1.0], [float("nan")]], [0, 1], 1.0),
    ([[1.0], [2.0]], [0, 2], 1.0),
    ([[1.0], [2.0]], [0, 1], 0.0),
    ([[1.0], [2.0]], [0], 1.0),
])
def test_bad_input_is_refused_rather_than_fitted_to_nan(x, y, l2):
    with pytest.raises(ValueError):
        logistic.fit(np.array(x), np.array(y, dtype=float), l2)


def test_one_class_alone_settles_on_a_finite_bias():
    fitted = logistic.fit(np.random.RandomState(5).normal(size=(30, 2)), np.ones(30))
    assert np.isfinite(fitted.bias) and fitted.bias > 5
