"""The digest grouping's frames (what a question asks, read by rules) and its pair model."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
import yaml

from bot.digest import asks, grouping, pairs

DEV2 = Path(__file__).parent / "fixtures" / "digest_grouping_dev2.yaml"


def labels(text: str, family: str) -> frozenset[str]:
    return asks.frame(text)[list(asks.FAMILIES).index(family)]


@pytest.mark.parametrize("text, family, label", [
    ("Who signs the data sharing agreement on our side?", "ask", "who"),
    ("How long can we keep information another agency sent us?", "ask", "how_long"),
    ("Do we have to give the police a client's address?", "ask", "obligation"),
    ("Court order for our records - can we refuse?", "ask", "obligation"),
    ("Do I need the parents' consent to refer to MASH?", "ask", "consent"),
    ("Do we have to tell her before we share?", "ask", "tell_first"),
    ("What should go in a data sharing agreement?", "ask", "contents"),
    ("I sent a referral to the wrong person. What do I do now?", "ask", "what_now"),
    ("Police want our CCTV of the incident. Can we give it?", "requester", "police"),
    ("A neighbour wants our CCTV of the incident. Can we give it?", "requester", "resident"),
    ("Home Office have asked for a client's address.", "requester", "home_office"),
    ("The adult can't consent because of dementia.", "condition", "lacks_capacity"),
    ("Adult won't consent to a referral - she has capacity.", "condition", "has_capacity"),
    ("Son wants his dad's file. Dad died last month.", "condition", "died"),
    ("14 year old doesn't want me to share her information.", "person", "child"),
])
def test_a_frame_reads_what_the_question_asks(text, family, label):
    assert label in labels(text, family)


def test_questions_on_one_topic_that_ask_different_things_have_different_frames():
    need, who = "Do we need a DSA with the health trust?", "Who signs the DSA with the health trust?"
    assert asks.signature(need) != asks.signature(who)
    assert asks.signature("Do we need a DSA with the health trust?") == asks.signature("do we need a dsa with the health trust")


def test_frames_read_a_mistyped_word_as_the_word():
    frames = asks.Frames.of(["Can I share records with the polcie?"], {"polcie": "police"})
    assert frames.masks["party"][0, list(asks.PARTY).index("police")]


def test_frames_compare_pairs_in_bulk():
    frames = asks.Frames.of(["Who signs the DSA?", "Who has to sign the DSA?", "How long do we keep it?", "Is it ok?"])
    compared = frames.compare(np.array([0, 0, 3]), np.array([1, 2, 3]))
    ask = {name: compared[:, n] for n, name in enumerate(asks.COMPARISONS)}  # the "ask" family comes first
    assert ask["shared"][0] > 0 and not ask["none_shared"][0]
    assert ask["shared"][1] == 0 and ask["none_shared"][1] and ask["both_none_shared"][1]
    assert ask["neither"][2] and compared.shape == (3, len(asks.feature_names()))


def test_the_stored_pair_model_reads_the_features_grouping_computes():
    model = pairs.stored()
    assert model.with_entries.names == pairs.FEATURES
    assert 0 < model.threshold < 100
    assert pairs.PairModel.from_dict(json.loads(json.dumps(model.as_dict()))).as_dict() == model.as_dict()
    sim = grouping.Similarity(["Who signs the DSA?", "Who has to sign the DSA?"])
    assert sim.features(np.array([0]), np.array([1])).shape == (1, len(pairs.FEATURES))


def test_a_model_fitted_on_other_features_is_refused():
    data = pairs.stored().as_dict()
    data["with_entries"]["features"] = data["with_entries"]["features"][:-1]
    with pytest.raises(ValueError, match="refit"):
        pairs.PairModel.from_dict(data)


def test_fitting_separates_what_the_labels_separate_and_is_deterministic():
    rng = np.random.default_rng(4)
    features = rng.random((400, len(pairs.FEATURES)))
    same = (features[:, 2] + 0.2 * rng.random(400) > 0.7).astype(float)  # the meaning decides
    model = pairs.fit(features, same, threshold=50)
    scores = model.scores(features, np.ones(400, dtype=bool))
    assert ((scores >= 50) == same.astype(bool)).mean() > 0.9
    assert model.with_entries.weights[pairs.FEATURES.index("meaning")] == max(model.with_entries.weights)
    assert pairs.fit(features, same, threshold=50).as_dict() == model.as_dict()


def test_a_pair_without_faq_entries_is_scored_on_its_words_meaning_and_frames():
    texts = ["Can we share a tenant's allotment plot number with the parish council?",
             "can we share a tenants allotment plot number with the parish council"]
    assert grouping.Similarity(texts).score(0, 1) > pairs.stored().threshold
    assert len(grouping.group_questions(texts)) == 1


def test_the_fitting_set_is_grouped_the_same_in_three_shuffled_orders():
    from bot.faq import load_faq
    from bot.matching import Matcher, Thresholds

    texts = [q["text"] for q in yaml.safe_load(DEV2.read_text(encoding="utf-8"))["questions"]][:150]
    matched = grouping.entries_now(texts, Matcher(load_faq()))
    partitions = set()
    rng = random.Random(21)
    for _ in range(3):
        order = rng.sample(range(len(texts)), len(texts))
        groups = grouping.group_questions([texts[i] for i in order],
                                          topics=[matched[i][0] if matched[i][1] >= Thresholds().answer else None
                                                  for i in order],
                                          entries=[matched[i][0] for i in order])
        partitions.add(tuple(sorted(tuple(sorted(order[m] for m in g.members)) for g in groups)))
    assert len(partitions) == 1
