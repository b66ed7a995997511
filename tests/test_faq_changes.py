"""A curator renames, retires, adds and splits entries: the matcher and lint follow (``replaces``)."""

import re
import shutil

import pytest

from bot.faq import BUNDLED_FAQ_DIR, lint, load_faq
from bot.matching import ANSWER, ESCALATE, Matcher

RENAMED = "consent-always-required"
NEW_ID = "consent-not-always-needed"
ITS_QUESTIONS = ("Is consent always needed before I share someone's information?",
                 "Do I need consent to share with the police?")


@pytest.fixture
def faq_copy(tmp_path):
    directory = tmp_path / "faq"
    shutil.copytree(BUNDLED_FAQ_DIR, directory, ignore=shutil.ignore_patterns("__*", "*.py"))
    return directory


def _edit(directory, entry_id, change):
    """Apply ``change`` to the YAML text of the file holding ``entry_id``."""
    for path in directory.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if f"- id: {entry_id}\n" in text:
            path.write_text(change(text), encoding="utf-8")
            return path
    raise AssertionError(f"{entry_id} not found")


def _rename(directory, old, new, declare):
    extra = f"\n  replaces: [{old}]" if declare else ""
    _edit(directory, old, lambda text: text.replace(f"- id: {old}\n", f"- id: {new}{extra}\n"))


def _retire(directory, entry_id):
    def drop(text):
        start = text.index(f"- id: {entry_id}\n")
        following = text.find("\n- id: ", start + 1)
        return text[:start] + (text[following + 1:] if following != -1 else "")
    _edit(directory, entry_id, drop)


def _decisions(matcher, questions):
    return [(m.decision, m.entry.id if m.entry else None) for m in map(matcher.match, questions)]


def test_a_declared_rename_keeps_every_decision(faq_copy):
    before = _decisions(Matcher(load_faq(faq_copy)), ITS_QUESTIONS)
    _rename(faq_copy, RENAMED, NEW_ID, declare=True)
    faq = load_faq(faq_copy)
    after = _decisions(Matcher(faq), ITS_QUESTIONS)
    assert after == [(d, NEW_ID if e == RENAMED else e) for d, e in before]
    assert faq.current_id(RENAMED) == NEW_ID and faq.get(RENAMED).id == NEW_ID
    assert not [p for p in lint(faq_copy) if p.field == "examples"]


def test_an_undeclared_rename_still_answers_the_entrys_own_question_and_lint_says_how_to_declare_it(faq_copy):
    _rename(faq_copy, RENAMED, NEW_ID, declare=False)
    found = Matcher(load_faq(faq_copy)).match(ITS_QUESTIONS[0])
    assert (found.decision, found.entry.id) == (ANSWER, NEW_ID)
    assert "newer than the fitted model" in found.reason
    (warning,) = [p for p in lint(faq_copy) if p.field == "examples"]
    assert RENAMED in warning.message and "answered less often" in warning.message
    assert "replaces: [old-id]" in warning.message


def test_a_new_entry_answers_its_own_question_and_variants(faq_copy):
    (faq_copy / "zz-new.yaml").write_text(NEW_ENTRY, encoding="utf-8")
    faq = load_faq(faq_copy)
    matcher = Matcher(faq)
    entry = faq.get("dwp-benefit-fraud-requests")
    assert [matcher.match(p).decision for p in entry.phrasings].count(ANSWER) >= len(entry.phrasings) - 1
    assert matcher.match(entry.question).entry.id == entry.id
    # the bundled entries' own questions are still theirs
    other = faq.get(RENAMED)
    assert matcher.match(other.question).entry.id == RENAMED


def test_the_bundled_faq_has_no_entry_newer_than_the_model():
    assert Matcher(load_faq())._unlearnt == frozenset()


def test_a_phrasing_taught_for_a_retired_entry_is_set_aside_not_a_crash(faq_copy):
    taught = "our privacy leaflet is years out of date, can we keep using it while IG rewrites it?"
    _retire(faq_copy, "privacy-notices")
    matcher = Matcher(load_faq(faq_copy), learned={"privacy-notices": [taught]})
    found = matcher.match(taught)  # raised KeyError: the taught entry was looked up by its gone id
    assert found.entry is None or found.entry.id != "privacy-notices"
    assert "privacy-notices" not in matcher.learned


def test_a_phrasing_taught_for_a_renamed_entry_follows_it(faq_copy):
    taught = "our privacy leaflet is years out of date, can we keep using it while IG rewrites it?"
    _rename(faq_copy, "privacy-notices", "privacy-information", declare=True)
    matcher = Matcher(load_faq(faq_copy), learned={"privacy-notices": [taught]})
    found = matcher.match(taught)
    assert (found.decision, found.entry.id) == (ANSWER, "privacy-information")


@pytest.mark.parametrize("replaces, expected", [
    (f"[{RENAMED}]", "is still an entry"),
    ("[Not An Id]", "is not an entry id"),
    ("[]", "needs at least 1"),
])
def test_lint_names_a_replaces_that_cannot_hold(faq_copy, replaces, expected):
    _edit(faq_copy, "privacy-notices",
          lambda text: text.replace("- id: privacy-notices\n", f"- id: privacy-notices\n  replaces: {replaces}\n"))
    problems = [p for p in lint(faq_copy) if p.field == "replaces"]
    assert problems and expected in problems[0].message and problems[0].entry == "privacy-notices"


def test_lint_refuses_one_old_id_replaced_by_two_entries(faq_copy):
    for entry_id in ("privacy-notices", "legal-power-to-share"):
        _edit(faq_copy, entry_id,
              lambda text, e=entry_id: text.replace(f"- id: {e}\n", f"- id: {e}\n  replaces: [gone-entry]\n"))
    (problem,) = [p for p in lint(faq_copy) if p.field == "replaces" and not p.warning]
    assert re.search(r"also replaced by '(privacy-notices|legal-power-to-share)'", problem.message)


def test_an_unknown_question_is_still_escalated_with_a_new_entry(faq_copy):
    (faq_copy / "zz-new.yaml").write_text(NEW_ENTRY, encoding="utf-8")
    assert Matcher(load_faq(faq_copy)).match("what is the wifi password in the staff room").decision == ESCALATE


NEW_ENTRY = """\
- id: dwp-benefit-fraud-requests
  question: "Do I have to give the DWP information when they ask about a benefit fraud investigation?"
  variants:
    - "is a request from DWP under the Social Security Administration Act compulsory"
    - "the DWP fraud team wants a tenant's file, must we hand it over"
    - "benefit fraud investigator asked for our records about a claimant"
    - "can the Department for Work and Pensions make us disclose information about a benefit claimant"
    - "DWP authorised officer request for information, do we have to comply"
  keywords: [dwp, benefit fraud, department for work and pensions, social security administration act]
  answer: |-
    *It depends on the request.* An authorised officer of the Department for Work and Pensions can require some
    organisations to give information for benefit fraud investigations under the Social Security Administration
    Act 1992 sections 109B and 109C. If the request cites those powers and your organisation is one they cover,
    you must comply with what it asks for, and data protection law does not stand in the way (the Data Protection
    Act 2018 Schedule 2 paragraph 5 covers disclosures required by law). If it does not cite a power, treat it as a
    voluntary request: the crime exemption in Schedule 2 paragraph 2 may let you share what is necessary and
    proportionate. Check the officer's identity and authority, share only what is asked for, and record what you
    shared, with whom and why.
  legal_basis:
    - Social Security Administration Act 1992 s109B
    - Data Protection Act 2018 Sch 2 para 5
  sources:
    - title: "Social Security Administration Act 1992 s109B"
      url: https://www.legislation.gov.uk/ukpga/1992/5/section/109B
  tags: [police-and-courts]
  last_reviewed: 2026-11-30
  nations: [england, wales, scotland]
"""


def test_ratings_and_decision_records_on_an_answer_given_before_a_rename(tmp_path, faq_copy):
    from bot.decisions import DecisionForm, SharingDecision, Told
    from bot.records import HELPFUL, NOT_HELPFUL
    from bot.service import Service
    from bot.store import Store

    store = Store(tmp_path / "db")
    question = Service(store, load_faq(faq_copy)).ask(ITS_QUESTIONS[0], "U1").question
    assert question.faq_id == RENAMED
    _rename(faq_copy, RENAMED, NEW_ID, declare=True)
    service = Service(store, load_faq(faq_copy))  # the buttons of the answer already in Slack are pressed now
    assert service.feedback(question.id, "U1", HELPFUL) is True
    assert service.feedback(question.id, "U1", NOT_HELPFUL) is False  # changed, not a second rating
    assert [(row["faq_id"], row["rating"]) for row in store.feedback()] == [(RENAMED, NOT_HELPFUL)]
    form = DecisionForm(decision=SharingDecision.SHARED, shared_with="the police", what_shared="the address",
                        lawful_basis="UK GDPR Art 6(1)(e) public task", reasons="risk of harm", person_told=Told.YES)
    record, _ = service.record_decision("U1", form, question_id=question.id, faq_id=RENAMED)
    assert record.faq_id == NEW_ID and record.faq_question == service.faq.get(NEW_ID).question


def test_eval_reads_labels_of_a_renamed_entry_as_its_new_id(faq_copy):
    from bot.evaluation import Labelled, evaluate, unknown_topics

    _rename(faq_copy, RENAMED, NEW_ID, declare=True)
    matcher = Matcher(load_faq(faq_copy))
    items = [Labelled(ITS_QUESTIONS[0], RENAMED)]
    assert unknown_topics(matcher, items) == {}
    (outcome,) = evaluate(matcher, items).outcomes
    assert outcome.top1 and outcome.item.topic == NEW_ID


def test_a_replaces_problem_carries_its_line(faq_copy):
    path = _edit(faq_copy, "privacy-notices", lambda text: text.replace(
        "- id: privacy-notices\n", f"- id: privacy-notices\n  replaces: [{RENAMED}]\n"))
    (problem,) = [p for p in lint(faq_copy) if p.field == "replaces" and not p.warning]
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1].strip().startswith("replaces:")


def test_many_new_entries_keep_the_labelled_examples_for_the_old_ones():
    """17 entries added to the 66 bundled ones (79 % of the FAQ known to the examples): the examples
    and the classifier still serve, so the old entries' questions are decided as before."""
    from dataclasses import replace as copy

    from bot.faq import Faq

    bundled = load_faq()
    template = bundled.entries[0]
    added = tuple(copy(template, id=f"added-topic-{n}", question=f"Is added topic number {n} about quokkas{n}?",
                       variants=(), keywords=()) for n in range(17))
    grown = Matcher(Faq(bundled.entries + added))
    assert grown.classifier is not None and grown._unlearnt == {e.id for e in added}
    questions = [e.question for e in bundled.entries[:20]]
    assert _decisions(grown, questions) == _decisions(Matcher(bundled), questions)


@pytest.mark.parametrize("labels, ids, about", [
    ({"a", "b", "c", "d", "e"}, ["a", "b", "c", "d", "e", "f", "g"], True),  # entries added
    ({"a", "b", "c", "d", "e"}, ["a", "b", "c", "d"], True),  # one retired
    ({"a", "b", "c", "d", "e"}, ["a", "x", "y", "z", "w"], False),  # another FAQ that reuses an id
    ({"a"}, [], False),
])
def test_which_faq_the_examples_are_about(labels, ids, about):
    from bot.match_examples import about_faq

    assert about_faq(labels, ids) is about


def test_a_decision_on_an_answer_whose_entry_was_retired_still_names_it(tmp_path, faq_copy):
    from bot.decisions import DecisionForm, SharingDecision, Told, guidance_line
    from bot.service import Service
    from bot.slack.blocks.modals import decision_modal
    from bot.store import Store

    store = Store(tmp_path / "db")
    question = Service(store, load_faq(faq_copy)).ask(ITS_QUESTIONS[0], "U1").question
    _retire(faq_copy, RENAMED)
    service = Service(store, load_faq(faq_copy))
    modal = decision_modal(None, {"question": question.id, "faq": RENAMED, "escalation": None})
    assert f"`{RENAMED}` (no longer in the FAQ)" in modal["blocks"][0]["text"]["text"]
    form = DecisionForm(decision=SharingDecision.SHARED, shared_with="the police", what_shared="the address",
                        lawful_basis="UK GDPR Art 6(1)(e) public task", reasons="risk of harm", person_told=Told.YES)
    record, _ = service.record_decision("U1", form, question_id=question.id, faq_id=RENAMED)
    assert guidance_line(record) == f"canishare FAQ entry ({RENAMED}, no longer in the FAQ)"


def test_a_rating_from_a_button_made_after_the_rename_stays_under_the_id_the_question_was_given(tmp_path, faq_copy):
    from bot.records import HELPFUL, NOT_HELPFUL
    from bot.service import Service
    from bot.store import Store

    store = Store(tmp_path / "db")
    question = Service(store, load_faq(faq_copy)).ask(ITS_QUESTIONS[0], "U1").question
    assert service_rating_ids(store) == []
    _rename(faq_copy, RENAMED, NEW_ID, declare=True)
    service = Service(store, load_faq(faq_copy))
    assert service.feedback(question.id, "U1", HELPFUL, faq_id=RENAMED) is True  # the answer's own button
    assert service.feedback(question.id, "U1", NOT_HELPFUL, faq_id=NEW_ID) is False  # "Show answer" after the rename
    assert service_rating_ids(store) == [(RENAMED, NOT_HELPFUL)]


def service_rating_ids(store):
    return [(row["faq_id"], row["rating"]) for row in store.feedback()]
