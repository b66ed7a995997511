"""Mistakes a curator makes typing YAML by hand (lead review s9 #8, #9): each is reported in plain words,
at its line and column, with the line and a caret, and what to do; nothing typed is dropped silently."""

import datetime as dt

import pytest
import yaml

from bot.faq import lint

from faq_factory import entry

TODAY = dt.date(2026, 11, 30)


def lint_text(tmp_path, text: str):
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    return lint(tmp_path, TODAY)


def entry_yaml(**overrides) -> str:
    return yaml.safe_dump([entry("one", **overrides)], sort_keys=False, allow_unicode=True, width=1000)


def with_line(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


FIRST_VARIANT = "  - do I need consent to share one"


@pytest.mark.parametrize("typed, advice", [
    ("\t- do I need consent", "a tab at column 1: indent with spaces"),
    ('  - "Family Hub" wants details, can we send them', "starts with a quote and goes on after the closing quote"),
    ("  - *urgent* family hub wants details", "cannot start with '*' (Slack's *bold*"),
    ("  - [draft] do we need a DSA", "a text starting with '[' is read as a list"),
    ("  - & do we need a DSA", "cannot start with '&'"),
])
def test_a_yaml_syntax_error_says_where_and_what_to_do(tmp_path, typed, advice):
    text = entry_yaml(variants=[f"do I need consent to share {n}" for n in ("one", "two", "three", "four", "five")])
    (problem,) = lint_text(tmp_path, with_line(text, FIRST_VARIANT, typed))
    assert advice in problem.message and "invalid YAML at column" in problem.message
    assert problem.line == text.splitlines().index(FIRST_VARIANT) + 1
    shown, caret = problem.message.splitlines()[1:3]
    assert shown.strip() == typed.replace("\t", "→").strip() and caret.strip() == "^"


def test_a_mis_indented_field_is_explained(tmp_path):
    text = entry_yaml()
    tags = next(line for line in text.splitlines() if line.startswith("  tags:"))
    (problem,) = lint_text(tmp_path, with_line(text, tags, " " + tags))
    assert "this line is indented 3 space(s), as no line above it is" in problem.message
    assert problem.line == text.splitlines().index(tags) + 1


def test_a_colon_in_an_unquoted_question_is_explained(tmp_path):
    text = entry_yaml()
    question = next(line for line in text.splitlines() if line.startswith("  question:"))
    (problem,) = lint_text(tmp_path, with_line(text, question, "  question: Family Hubs: can we share?"))
    assert "': ' (a colon and a space) inside unquoted text" in problem.message and "double quotes" in problem.message


def test_an_apostrophe_in_single_quoted_text_is_explained(tmp_path):
    text = entry_yaml()
    question = next(line for line in text.splitlines() if line.startswith("  question:"))
    (problem,) = lint_text(tmp_path, with_line(text, question, "  question: 'Can we share it''s\n    info? we don't know'"))
    assert "an apostrophe inside a text in single quotes ends it" in problem.message


def test_a_colon_in_an_unquoted_variant_says_it_was_read_as_a_key(tmp_path):
    text = entry_yaml(variants=[f"do I need consent to share {n}" for n in ("one", "two", "three", "four", "five")])
    problems = lint_text(tmp_path, with_line(text, FIRST_VARIANT, "  - do we need a DSA with the hub: yes or no"))
    assert any("item 1 holds ': ' (a colon and a space), so YAML read it as a key" in p.message for p in problems)


@pytest.mark.parametrize("field, typed, kept, dropped", [
    ("question", "  question: Can we share a family #1 priority list?", "Can we share a family",
     "#1 priority list?"),
    ("variants", "  - can I share case #4 with the family hub", "can I share case", "#4 with the family hub"),
    ("variants", "  - can I share a child's NHS # with the school nurse", "can I share a child's NHS",
     "# with the school nurse"),
])
def test_unquoted_text_cut_at_a_comment_fails_lint(tmp_path, field, typed, kept, dropped):
    text = entry_yaml(variants=[f"do I need consent to share {n}" for n in ("one", "two", "three", "four", "five")])
    old = next(line for line in text.splitlines() if line.startswith("  question:")) if field == "question" \
        else FIRST_VARIANT
    problems = [p for p in lint_text(tmp_path, with_line(text, old, typed)) if p.field == field]
    (problem,) = [p for p in problems if "dropped as a comment" in p.message]
    assert not problem.warning and f"reads {kept!r} and drops {dropped!r}" in problem.message
    assert "put the whole text in double quotes" in problem.message


@pytest.mark.parametrize("typed", ["  - do I need consent to share one   # keep first",
                                   "  - do I need consent to share one  ## TODO check para"])
def test_a_comment_written_as_comments_are_is_no_cut_text(tmp_path, typed):
    """Follow-up review s9 #8: '# keep first' after a tag, a legal basis or a variant failed lint, and its advice
    (quote the whole text) would have put the comment into the text."""
    text = entry_yaml(variants=[f"do I need consent to share {n}" for n in ("one", "two", "three", "four", "five")])
    assert not [p for p in lint_text(tmp_path, with_line(text, FIRST_VARIANT, typed)) if "comment" in p.message]


def test_a_quoted_text_with_a_hash_and_a_comment_on_a_list_are_fine(tmp_path):
    text = entry_yaml(variants=[f"do I need consent to share {n}" for n in ("one", "two", "three", "four", "five")])
    text = with_line(text, FIRST_VARIANT, '  - "can I share case #4 with the hub"  # a comment')
    assert not [p for p in lint_text(tmp_path, text) if "comment" in p.message]


@pytest.mark.parametrize("date, said", [
    ("2026-02-30", "2026-02-30 is an impossible date: that month has no day 30"),
    ("2026-27-11", "there is no month 27"),
    ("30/11/2026", "not a date in YYYY-MM-DD form"),
])
def test_an_impossible_date_is_called_impossible(tmp_path, date, said):
    text = entry_yaml()
    reviewed = next(line for line in text.splitlines() if line.startswith("  last_reviewed:"))
    (problem,) = lint_text(tmp_path, with_line(text, reviewed, f"  last_reviewed: {date}"))
    assert said in problem.message


def test_every_placeholder_in_a_field_is_listed_at_once(tmp_path):
    (problem,) = [p for p in lint_text(tmp_path, entry_yaml(question="Can we tell [name] at [address] and [name]?"))
                  if "placeholder" in p.message]
    assert "the redaction placeholders '[name]', '[address]'" in problem.message


def test_the_faq_readme_and_lint_agree_that_unquoted_yes_and_numbers_only_warn(tmp_path):
    """Lead review s9 #10: canishare keeps them as written, so they warn (exit 0); the README says so."""
    from pathlib import Path

    problems = lint_text(tmp_path, entry_yaml(keywords=["consent"]).replace("  - consent", "  - yes\n  - '101'\n  - 101"))
    unquoted = [p for p in problems if "YAML tools read it as" in p.message]
    assert len(unquoted) == 2 and all(p.warning for p in unquoted)
    readme = (Path(__file__).resolve().parents[1] / "faq" / "README.md").read_text(encoding="utf-8")
    assert "It **warns** (exit 0) about an unquoted `no`, `yes`" in readme and "reports as errors" not in readme


def test_list_items_that_do_not_line_up_are_named_together(tmp_path):
    """Follow-up review s9 #9: the parser names the item after an over-indented one, and the hint told the
    curator to re-indent the correct line; now it names both lines and says they must line up."""
    text = entry_yaml(variants=[f"do I need consent to share {n}" for n in ("one", "two", "three", "four", "five")])
    text = with_line(text, FIRST_VARIANT, " " + FIRST_VARIANT)
    (problem,) = [p for p in lint_text(tmp_path, text) if "invalid YAML" in p.message]
    first = text.splitlines().index(" " + FIRST_VARIANT) + 1
    assert f"the one above it (line {first})" in problem.message and "line up" in problem.message, problem.message
