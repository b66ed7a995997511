"""The digest grouping's meaning signal: question vectors and their nearest neighbours in bulk."""

from __future__ import annotations

import numpy as np
import pytest

from bot.digest import grouping, meaning


def cosine(a: str, b: str) -> float:
    first, second = meaning.question_vectors([a, b])
    return float(first @ second)


def test_placeholders_and_stopwords_carry_no_meaning():
    assert meaning.meaningful_words("Can I share [name]'s address with [postcode]?") == "share address"
    same = meaning.question_vectors(["share address with police", "Can I share [name]'s address with the police?"])
    assert float(same[0] @ same[1]) > 0.95


def test_two_questions_naming_someone_are_not_alike_for_it():
    assert cosine("Can I tell [name] about [name]?", "[name] wants [name] details") < 0.5


def test_a_text_with_no_known_word_is_like_nothing():
    vectors = meaning.question_vectors(["", "[NHS number]", "bepugaxosohalixi loxeqepawizaqazi"])
    assert not vectors.any()


def test_meaning_sees_what_words_do_not():
    kid = cosine("Can I tell the kid's school?", "Can I inform the child's school?")
    other = cosine("Can I tell the kid's school?", "How long do we keep CCTV footage?")
    assert kid > other + 0.3


@pytest.mark.parametrize("chunk_cells", [3_000, 1 << 23])
def test_nearest_neighbours_are_the_exact_top_k_above_the_floor_whatever_the_chunks(monkeypatch, chunk_cells):
    monkeypatch.setattr(meaning, "CHUNK_CELLS", chunk_cells)
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((300, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    first, second = meaning.nearest_neighbours(vectors, 5, 0.3)
    cosines = vectors @ vectors.T
    np.fill_diagonal(cosines, -np.inf)
    expected = {(min(i, j), max(i, j)) for i in range(300) for j in np.argsort(-cosines[i])[:5] if cosines[i, j] >= 0.3}
    assert set(zip(first.tolist(), second.tolist())) == expected


def test_copies_of_one_text_still_give_each_at_most_k_neighbours_by_position():
    vectors = np.zeros((50, 4), dtype=np.float32)
    vectors[:, 0] = 1.0  # fifty copies: every cosine ties at 1
    first, second = meaning.nearest_neighbours(vectors, 3, 0.5)
    assert 0 < len(first) <= 50 * 3 and (first < second).all()
    assert meaning.nearest_neighbours(vectors[:1], 3, 0.5)[0].size == 0


def test_pair_cosines_do_not_depend_on_the_chunking(monkeypatch):
    vectors = meaning.question_vectors(["share records with police", "tell the school", "keep CCTV footage"])
    first, second = np.array([0, 0, 1]), np.array([1, 2, 2])
    whole = meaning.pair_cosines(vectors, first, second)
    monkeypatch.setattr(meaning, "CHUNK_CELLS", 256)
    assert meaning.pair_cosines(vectors, first, second).tolist() == whole.tolist()


def pair_score(a: str, b: str) -> float:
    return grouping.Similarity([a, b]).score(0, 1)


def test_meaning_raises_paraphrases_that_share_no_word_and_not_unrelated_questions(monkeypatch):
    paraphrase = ("Can we give the youngster's file to the solicitor?",
                  "Are we allowed to hand the teenager's records to their lawyer?")
    unrelated = ("Can we give the youngster's file to the solicitor?", "How long do we keep CCTV footage?")
    with_meaning = pair_score(*paraphrase), pair_score(*unrelated)
    monkeypatch.setattr(meaning, "pair_cosines", lambda vectors, first, second: np.zeros(len(first)))
    words_only = pair_score(*paraphrase), pair_score(*unrelated)
    assert with_meaning[0] > 3 * words_only[0] and with_meaning[1] < with_meaning[0] / 2
