import numpy as np
import pytest

from bot import match_classifier
from bot.failures import DamagedInstall, describe


def toy():
    """Questions about two topics told apart by one term each, and one about nothing."""
    rng = np.random.RandomState(0)
    vectors = rng.normal(size=(60, 8)).astype(np.float32)
    terms = [("consent", "share")] * 20 + [("breach", "report")] * 20 + [("weather",)] * 20
    labels = ["consent-always-required"] * 20 + ["data-breach-72-hours"] * 20 + ["none"] * 20
    return vectors, terms, labels


def test_the_fitted_classifier_reads_the_terms_that_tell_topics_apart():
    vectors, terms, labels = toy()
    classifier = match_classifier.fit(vectors, terms, labels)
    p = classifier.probabilities(np.zeros(8), ["breach", "unknown-term"])
    assert max(p, key=p.get) == "data-breach-72-hours"
    assert abs(sum(p.values()) - 1) < 1e-9 and set(p) == set(labels)
    assert max(classifier.probabilities(None, ["weather"]).items(), key=lambda kv: kv[1])[0] == "none"


def test_a_written_classifier_reads_back_the_same(tmp_path, monkeypatch):
    vectors, terms, labels = toy()
    classifier = match_classifier.fit(vectors, terms, labels)
    monkeypatch.setattr(match_classifier, "CLASSIFIER_FILE", tmp_path / "c.npz")
    match_classifier.write(classifier, tmp_path / "c.npz")
    match_classifier.stored.cache_clear()
    try:
        again = match_classifier.stored()
        question = (vectors[3], ["consent"])
        assert again.probabilities(*question) == pytest.approx(classifier.probabilities(*question), abs=1e-6)
    finally:
        match_classifier.stored.cache_clear()


@pytest.mark.parametrize("damage", ["missing", "not_npz", "fewer_labels", "not_a_number"])
def test_a_damaged_classifier_is_said_plainly(tmp_path, monkeypatch, damage):
    path = tmp_path / "match_classifier.npz"
    if damage == "not_npz":
        path.write_bytes(b"not a zip")
    elif damage != "missing":
        with np.load(match_classifier.CLASSIFIER_FILE, allow_pickle=False) as data:
            parts = {name: data[name] for name in data.files}
        if damage == "fewer_labels":
            parts["labels"] = parts["labels"][:-1]
        else:
            parts["bias"] = parts["bias"].copy()
            parts["bias"][0] = np.nan
        with path.open("wb") as out:
            np.savez(out, **parts)
    monkeypatch.setattr(match_classifier, "CLASSIFIER_FILE", path)
    match_classifier.stored.cache_clear()
    try:
        with pytest.raises(DamagedInstall) as raised:
            match_classifier.stored()
        line, code = describe(raised.value)
        assert "reinstall canishare" in line and code == 1
    finally:
        match_classifier.stored.cache_clear()


def test_the_shipped_classifier_is_about_the_bundled_faq():
    from bot.faq import load_faq

    labels = set(match_classifier.stored().labels)
    assert labels == {e.id for e in load_faq().entries} | {"none"}
