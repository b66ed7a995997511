import os
import time
from pathlib import Path

import pytest
import yaml

from bot.faq import BUNDLED_FAQ_DIR, FaqError, ReloadingFaq, lint, load_faq
from faq_factory import entry, write_faq

TOPICS = Path(__file__).resolve().parents[2] / "shared" / "faq-topics.yaml"


def messages(directory) -> list[str]:
    return [str(p) for p in lint(directory)]


def test_bundled_faq_is_clean():
    assert lint(BUNDLED_FAQ_DIR) == []


@pytest.mark.skipif(not TOPICS.exists(), reason="shared/faq-topics.yaml is not beside the checkout")
def test_every_topic_has_an_entry():
    topics = {t["id"] for t in yaml.safe_load(TOPICS.read_text())}
    ids = {e.id for e in load_faq(BUNDLED_FAQ_DIR)}
    assert topics - ids == set()


def test_bundled_entries_are_complete_and_readable():
    for e in load_faq(BUNDLED_FAQ_DIR):
        assert 60 <= len(e.answer.split()) <= 150, e.id
        assert len(e.variants) >= 5, e.id
        assert e.legal_basis and e.sources and e.tags, e.id


def test_loads_typed_immutable_entries(tmp_path):
    faq = load_faq(write_faq(tmp_path, {"a.yaml": [entry("one"), entry("two")]}))
    first = faq.get("one")
    assert first.variants[0] == "one phrasing number 1"
    assert first.last_reviewed.isoformat() == "2026-01-15"
    assert first.sources[0].url == "https://ico.org.uk/"
    assert first.file.endswith("a.yaml")
    with pytest.raises(AttributeError):
        first.answer = "changed"


def test_missing_unknown_and_empty_fields_name_file_entry_and_field(tmp_path):
    broken = entry("broken", answer=None, colour="blue", variants=["ok one", "", "three", "four", "five"])
    problems = messages(write_faq(tmp_path, {"themes.yaml": [entry("fine"), broken]}))
    assert any("themes.yaml" in p and "entry 'broken'" in p and "field 'answer'" in p and "missing" in p for p in problems)
    assert any("field 'colour'" in p and "unknown field" in p for p in problems)
    assert any("field 'variants'" in p and "item 2 is empty" in p for p in problems)
    assert not any("entry 'fine'" in p for p in problems)


def test_reports_line_numbers(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one"), entry("two", last_reviewed="last tuesday")]})
    (problem,) = lint(directory)
    assert problem.field == "last_reviewed" and problem.entry == "two"
    line = (directory / "a.yaml").read_text().splitlines()[problem.line - 1]
    assert line.startswith("  last_reviewed")


@pytest.mark.parametrize(
    "overrides, field, words",
    [
        ({"last_reviewed": "2026-13-45"}, "last_reviewed", "not a date"),
        ({"id": "Not Kebab"}, "id", "kebab-case"),
        ({"variants": ["only", "three", "here"]}, "variants", "at least 5"),
        ({"variants": "a string"}, "variants", "must be a list"),
        ({"sources": [{"url": "https://x.org"}]}, "sources", "needs a 'title'"),
        ({"sources": [{"title": "t", "url": "ftp://x"}]}, "sources", "http"),
        ({"question": "   "}, "question", "non-empty"),
        ({"variants": ["same", "Same", "c", "d", "e"]}, "variants", "repeated"),
    ],
)
def test_field_problems(tmp_path, overrides, field, words):
    (problem,) = lint(write_faq(tmp_path, {"a.yaml": [entry("one", **overrides)]}))
    assert problem.field == field and words in problem.message


def test_duplicate_ids_across_files(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("same")], "b.yaml": [entry("same", question="Other")]})
    problems = messages(directory)
    assert any("b.yaml" in p and "duplicate id" in p and "a.yaml" in p for p in problems)


def test_near_duplicate_phrasings_across_entries(tmp_path):
    one = entry("one", variants=["Can I share with the police without consent?", "b1", "c1", "d1", "e1"])
    two = entry("two", variants=["can i share with the police without consent", "b2", "c2", "d2", "e2"])
    problems = messages(write_faq(tmp_path, {"a.yaml": [one, two]}))
    assert any("entry 'two'" in p and "nearly duplicates" in p and "'one'" in p for p in problems)


def test_invalid_yaml_names_file_and_line(tmp_path):
    directory = write_faq(tmp_path, {"bad.yaml": "- id: one\n  question: [unclosed\n  answer: x\n"})
    (problem,) = lint(directory)
    assert problem.file.endswith("bad.yaml") and problem.line is not None and "invalid YAML" in problem.message


@pytest.mark.parametrize(
    "content, words",
    [("", "empty"), ("id: one\n", "list of entries"), ("- just a string\n", "not a mapping")],
)
def test_wrong_shapes(tmp_path, content, words):
    (problem,) = lint(write_faq(tmp_path, {"a.yaml": content}))
    assert words in problem.message


def test_missing_directory(tmp_path):
    with pytest.raises(FaqError, match="not found"):
        load_faq(tmp_path / "nowhere")


def test_not_utf8(tmp_path):
    tmp_path.joinpath("a.yaml").write_bytes(b"- id: caf\xe9\n")
    (problem,) = lint(tmp_path)
    assert "UTF-8" in problem.message


def test_drafts_are_not_loaded(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one")]})
    write_faq(directory / "drafts", {"new.yaml": [entry("draft-entry", variants=[])]})
    assert [e.id for e in load_faq(directory)] == ["one"]


def test_reloading_keeps_last_good_faq(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one")]})
    source = ReloadingFaq(directory)
    assert [e.id for e in source.current()] == ["one"]

    write_faq(directory, {"a.yaml": [entry("one"), entry("two")]})
    _touch_later(directory / "a.yaml")
    assert [e.id for e in source.current()] == ["one", "two"]

    write_faq(directory, {"a.yaml": "- id: [broken\n"})
    _touch_later(directory / "a.yaml")
    assert [e.id for e in source.current()] == ["one", "two"]
    assert source.last_problems and "invalid YAML" in source.last_problems[0].message


def _touch_later(path: Path) -> None:
    later = time.time() + 5
    os.utime(path, (later, later))


EVAL_SETS = [Path(__file__).resolve().parents[2] / "shared" / "eval" / "questions_dev.yaml",
             Path(__file__).resolve().parent / "fixtures" / "questions_holdout.yaml"]


@pytest.mark.parametrize("labelled", EVAL_SETS, ids=lambda p: p.name)
def test_faq_phrasings_do_not_copy_evaluation_questions(labelled):
    """The evaluation sets must stay an honest measure of the matcher."""
    from rapidfuzz import fuzz, process

    from bot import text

    if not labelled.exists():
        pytest.skip(f"{labelled} is not here")
    phrasings = [text.normalise(p) for e in load_faq(BUNDLED_FAQ_DIR) for p in e.phrasings]
    copies = [
        item["q"] for item in yaml.safe_load(labelled.read_text())
        if process.extractOne(text.normalise(item["q"]), phrasings, scorer=fuzz.ratio, score_cutoff=90)
    ]
    assert copies == []
