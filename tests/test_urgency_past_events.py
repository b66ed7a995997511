"""A record of a violent event, or an event that is over, is not an act-now risk unless something says the
danger continues (review s11 users, finding 6). The examples are this project's own, written for these tests
(not copied from tests/fixtures/urgent_dev7.yaml, never from the blind set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot import urgency_past_events, urgency_rules
from bot.urgency import assess, signals_immediate_risk

REVIEWERS = [
    "Our CCTV caught a fight outside the centre, can we give the footage to the police?",
    "Can I give the police footage of a fight?",
]

PAST_EVENTS = {
    "footage": [
        "a stabbing on the estate was filmed",
        "the doorbell camera recorded the assault",
        "The gym's cameras picked up a fight by the lockers. Can we pass the clip to the police?",
        "Can the library share CCTV of a reader punching a security guard with the council?",
        "A parent has a video on her phone of a fight at the school disco. Can we ask her to send it to the police?",
        "can police have our cctv of the punch-up in the car park",
    ],
    "record-or-case": [
        "The police want a witness statement from our receptionist about the assault in the surgery. Can she name the patients she saw?",
        "The stabbing case is at the crown court in the spring. Can we give the CPS our notes on the victim?",
        "Can a youth club send its incident log about a fight between members to the police?",
    ],
    "event-over": [
        "A pupil was punched on the bus home yesterday. Can I tell the parents of the boy who did it?",
        "There was a fight in the pub garden on Saturday night. Can the landlord share the names of the regulars with the police?",
    ],
}

STILL_URGENT = {
    "there-now": [
        "The CCTV shows the man who punched a nurse last week and he's in the waiting room now. Can we ring the police with his details?",
        "Doorbell footage shows her ex hitting her door and he's still outside. Can I give the police the clip?",
    ],
    "tonight-or-going-back": [
        "We have a video of her partner punching her and she's going back to him tonight. Can I call the police?",
        "The footage of the fight went round school and the boys say they'll finish it tonight by the canal. Can we tell the police?",
    ],
    "threat-or-weapon": [
        "The recording shows him threatening to stab his neighbour. Can the housing officer give it to the police?",
        "Our cameras show a man with a machete walking towards the primary school. Can we share the footage with the police?",
    ],
    "fresh-or-lasting-harm": [
        "A boy has been stabbed outside our shop and is bleeding on the pavement. Can we give the ambulance the CCTV?",
        "The video shows her being hit and she's too scared to go home. Can I share it with the refuge?",
        "There was a fight and one lad is unconscious on the floor. Can I give the paramedics his name?",
    ],
}


@pytest.mark.parametrize("question", REVIEWERS)
def test_the_reviewers_questions_are_not_urgent(question):
    verdict = assess(question, explain=True)
    assert not verdict.urgent, verdict.explain()
    assert verdict.past_event and "footage" in verdict.past_event
    assert "nothing says the danger continues" in verdict.explain()


@pytest.mark.parametrize("question", [q for qs in PAST_EVENTS.values() for q in qs])
def test_a_record_of_an_event_or_an_event_over_is_not_urgent(question):
    assert not signals_immediate_risk(question), assess(question, explain=True).explain()


@pytest.mark.parametrize("question", [q for qs in STILL_URGENT.values() for q in qs])
def test_a_record_with_a_sign_the_danger_continues_stays_urgent(question):
    assert signals_immediate_risk(question), assess(question, explain=True).explain()


def past_event(question: str) -> str | None:
    norm, starts = urgency_rules.prepare(question)
    return urgency_past_events.record_of_past_event(norm, urgency_rules.class_counts(norm, starts))


@pytest.mark.parametrize("question, found", [
    ("Can we release the footage of the fight to the police?", "footage"),  # not a prisoner's release
    ("Can we send a still from the CCTV of the assault to the police?", "cctv"),  # a picture, not "still there"
    ("The shop camera filmed a robbery where the man had a knife. Can we share it?", "camera, filmed"),
    ("There was a fight outside the hall on Friday. Can we tell the parents?", "there was a fight"),
])
def test_words_that_look_like_danger_going_on_but_are_not(question, found):
    assert past_event(question) == found


@pytest.mark.parametrize("question", [
    "He's been released and the CCTV of the assault shows his face. Can we warn her?",  # a prisoner released
    "The CCTV shows him with a knife. Can we give it to the police?",  # a weapon, not had
    "A boy has been stabbed by the station. Can we share our footage?",  # may be happening still
    "We gave the police the footage of the fight but he keeps turning up at her work.",
    "The footage of the assault is with the police and he'll be out on Monday.",
])
def test_signs_that_the_danger_continues_leave_it_to_the_model(question):
    assert past_event(question) is None


def test_ask_json_no_longer_flags_a_question_about_footage(capsys, monkeypatch):
    from bot.cli import main

    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("\n".join(REVIEWERS) + "\n"))
    assert main(["ask", "--json", "-"]) == 0
    assert [json.loads(line)["urgent"] for line in capsys.readouterr().out.splitlines()] == [False, False]


def test_the_service_neither_flags_nor_queues_a_question_about_footage(tmp_path, faq):
    from bot.service import Service
    from bot.store import Store

    result = Service(Store(tmp_path / "db"), faq).ask(REVIEWERS[0], "U1")
    assert not result.urgent and not result.question.urgent and result.escalation is None


DEV7 = yaml.safe_load((Path(__file__).parent / "fixtures" / "urgent_dev7.yaml").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_seventh_development_set_figures():
    """The batch written for this class (fitted on since; before the fix: recall 44/44, false alarms 20/70)."""
    urgent = [item["q"] for item in DEV7 if item["urgent"]]
    calm = [item["q"] for item in DEV7 if not item["urgent"]]
    assert len(urgent) >= 40 and len(calm) >= 60
    assert all(map(signals_immediate_risk, urgent)), [q for q in urgent if not signals_immediate_risk(q)]
    assert sum(map(signals_immediate_risk, calm)) <= 4
