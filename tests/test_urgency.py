"""Tests for bot.urgency: what signals a risk of serious harm now, by class, and what does not.

The examples below are this project's own, written for these tests (never the blind set in
tests/fixtures/blind/, and not copied from the development set the model was fitted on). Figures
are measured by benchmarks/urgency_figures.py and python benchmarks/urgency_train.py; the floor asserted
here only guards against a change that breaks the classifier wholesale.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from bot import urgency, urgency_model, urgency_rules, wordgate
from bot.urgency import assess, signals_immediate_risk

FIXTURES = Path(__file__).parent / "fixtures"
DEV_FILES = sorted(FIXTURES.glob("urgent_dev*.yaml"))
DEV_ITEMS = [item for path in DEV_FILES for item in yaml.safe_load(path.read_text(encoding="utf-8"))]

# --- urgent, by class: harm happening or about to happen ------------------------------------------

URGENT = {
    "weapon": [
        "A boy in my tutor group has a kitchen knife in his blazer and says he's using it after school. Can I call the police without his parents' say-so?",
        "Neighbour says the tenant is sitting in his van with a shotgun across his lap, shouting about his ex. Can housing give the police his details?",
    ],
    "threat": [
        "Dad rang the office screaming that he'll come down and kill the social worker who took his kids, and he's on his way. Can we share his address with the police?",
    ],
    "suicide": [
        "My client just messaged 'thanks for everything, I won't be a problem after tonight' and now his phone is off. Can I ask the police to check on him?",
        "A pupil told me she's been saving her antidepressants and is going to take them all tonight. Can I ring her mum?",
    ],
    "overdose": [
        "A caller to our helpline says she's swallowed a full box of sleeping tablets in the last hour. Can we give her address to the ambulance?",
    ],
    "missing": [
        "A 12-year-old in foster care hasn't come home from school, it's 9pm, her phone goes straight to voicemail and she was seen with older lads. Can we give police her file?",
    ],
    "cannot-go-home": [
        "A Year 5 girl says she daren't go home because her stepdad hit her with a belt last night and he's collecting her at 3. Can the school ring children's services now?",
    ],
    "forced-marriage-or-cutting": [
        "A Year 10 student says her family fly to Pakistan on Friday and she's been told she's getting married there. She's terrified. Can college tell the police?",
    ],
    "release": [
        "The man who attacked my client is being let out of prison on Monday and she hasn't been told. He knows her address. Can I tell her?",
    ],
    "exploitation": [
        "A 13 year old says she's meeting a 28 year old man from Snapchat at a hotel tonight. Can I give the police his username?",
    ],
}

# --- not urgent, by class: the hard negatives ------------------------------------------------------

NOT_URGENT = {
    "admin-urgency": [
        "URGENT please - the subject access request is due tomorrow, do I have to include the emails about the complaint?",
        "Emergency budget meeting this afternoon: can I share the agency staff costs with the finance team?",
    ],
    "historic": [
        "A woman in her fifties told me she was abused by her stepfather in the 1970s. He died years ago. Do I need to share this?",
    ],
    "training-or-hypothetical": [
        "For our induction training: if a young person says they've got a knife, what can staff share with the police?",
        "Hypothetically, if a patient said they wanted to end their life, could a receptionist tell the GP?",
    ],
    "policy-or-statistics": [
        "Can we publish anonymised figures on knife crime and self-harm admissions for the council's strategy?",
    ],
    "resolved": [
        "The teenager who ran away last month came home the next day and is doing well. Can we share the return interview with her school?",
    ],
    "risk-document": [
        "Can we send the DASH risk assessment to the housing provider before the MARAC meeting next month?",
    ],
    "idiom": [
        "The deadline is killing me - can I email the case files unencrypted just this once?",
        "I'd like to kill two birds with one stone and use one consent form for photos and the newsletter. Is that OK?",
    ],
    "ordinary": [
        "Can I share a child's date of birth with the dentist?",
        "Do I need consent to send a care plan to the GP?",
    ],
}


@pytest.mark.parametrize("question", [q for qs in URGENT.values() for q in qs])
def test_urgent_by_class(question):
    assert signals_immediate_risk(question), assess(question, explain=True).explain()


@pytest.mark.parametrize("question", [q for qs in NOT_URGENT.values() for q in qs])
def test_not_urgent_by_class(question):
    assert not signals_immediate_risk(question), assess(question, explain=True).explain()


def test_existing_contract_examples():
    assert signals_immediate_risk("Mum says he threatened to kill her tonight, can I tell the police?")
    assert signals_immediate_risk("Can I share information about a child at risk tonight?")


def test_ask_json_says_whether_each_question_is_urgent(capsys, monkeypatch):
    from bot.cli import main

    questions = ["How long do we have to report a data breach?",
                 "hes got a knife and says hes going round to hers 2nite, can i tell the police?"]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("\n".join(questions) + "\n"))
    assert main(["ask", "--json", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["urgent"] for line in lines] == [False, True]


# --- the development set, the model file, the fallback ---------------------------------------------

def test_development_set_shape():
    assert len(DEV_ITEMS) >= 200
    assert all(set(item) <= {"q", "urgent", "kind"} and isinstance(item["urgent"], bool) for item in DEV_ITEMS)
    urgent = sum(1 for item in DEV_ITEMS if item["urgent"])
    assert 0.4 <= urgent / len(DEV_ITEMS) <= 0.6
    hard = [item for item in DEV_ITEMS if not item["urgent"] and item["kind"] != "soft"]
    assert len(hard) >= 60
    assert not any("blind" in str(path) for path in DEV_FILES)


@pytest.mark.slow
def test_development_set_floor():
    """In-sample (the model was fitted on these): a guard against breakage, not a measurement."""
    urgent = [item["q"] for item in DEV_ITEMS if item["urgent"]]
    calm = [item["q"] for item in DEV_ITEMS if not item["urgent"]]
    recall = sum(map(signals_immediate_risk, urgent)) / len(urgent)
    false_alarms = sum(map(signals_immediate_risk, calm)) / len(calm)
    assert recall >= 0.95 and false_alarms <= 0.10, (recall, false_alarms)


def test_model_file_matches_the_code():
    data = json.loads(urgency_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == urgency_model.FEATURE_NAMES
    assert 0 < data["threshold"] < 1 and data["questions"] == len(DEV_ITEMS)
    assert len(data["embedding_model"]["weights"]) == 256


def test_without_the_embedding_the_word_model_still_decides():
    scorer = urgency_model.load_scorer(use_embedding=False)
    assert not scorer.uses_embedding
    norm, starts = urgency_rules.prepare("He's got a knife and says he's going round to kill her tonight")
    counts = {c: len(w) for c, w in urgency_rules.class_counts(norm, starts).items()}
    probability, threshold, embedding_score, _ = scorer.probability("", norm, counts)
    assert embedding_score is None and probability >= threshold
    norm, starts = urgency_rules.prepare("Can I share a child's date of birth with the dentist?")
    counts = {c: len(w) for c, w in urgency_rules.class_counts(norm, starts).items()}
    assert scorer.probability("", norm, counts)[0] < scorer.fallback_threshold


def test_explain_names_what_drove_it():
    verdict = assess("He's got a machete and he's on his way to her flat now", explain=True)
    assert verdict.urgent and verdict.embedding_score is not None
    text = verdict.explain()
    assert "machete" in text and "now" in text and "threshold" in text


def test_long_and_odd_input_is_safe():
    assert signals_immediate_risk("") is False
    assert isinstance(signals_immediate_risk("x" * 100_000), bool)
    assert isinstance(signals_immediate_risk("((((( ''' \\\\ \u2019\u2019 ~ 2nite \U0001f52a"), bool)
    assert urgency.MAX_CHARS == 5000


# --- normalisation --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("hes got a knife nd hes goin round 2nite", "he's got a knife and he's going round tonight"),
    ("15yo missing", "15 year old missing"),
])
def test_txt_speak_is_expanded(text, expected):
    assert urgency_rules.normalise(text) == expected


@pytest.mark.parametrize("text, gone", [
    ("kill two birds with one stone", "kill"),
    ("the deadline is killing me", "killing"),
    ("our knife crime figures", "knife"),
    ("the suicide risk assessment form", "suicide"),
    ("there is no risk of harm", "risk"),
])
def test_borrowed_harm_words_are_removed(text, gone):
    assert gone not in urgency_rules.normalise(text)


# --- word gates -----------------------------------------------------------------------------------

@pytest.mark.slow
def test_word_gates_never_hide_a_match():
    """A gate is a necessary condition: wherever a pattern matches, its gate must let it run."""
    texts = [urgency_rules.normalise(item["q"]) for item in DEV_ITEMS]
    for _, gated in urgency_rules.LEXICON.entries:
        for text in texts:
            if gated.rx.search(text):
                assert gated.may_match(wordgate.starts(text)), (gated.pattern, text)


@pytest.mark.parametrize("pattern, matching, gate_words", [
    (r"\b(?:hasn't|has not) (?:come|came) (?:back|home)\b", "she hasn't come home", {"come", "came"}),
    (r"\bsuicid\w*\b", "he is non-suicidal", {"suici"}),
    (r"(?:has|have|'s|'ve) got (?:a |the )?knife", "he's got a knife", {"got", "knife"}),
    (r"\b(?:he|she)(?:'ll| will) (?:\w+ ){0,2}?(?:kill|stab)\b", "she'll really kill", {"kill", "stab"}),
])
def test_gate_of_a_pattern(pattern, matching, gate_words):
    gate = wordgate.gate(pattern)
    assert gate is not None and gate & gate_words
    assert re.search(pattern, matching) and not gate.isdisjoint(wordgate.starts(matching))


def test_gate_unknown_for_patterns_without_a_word():
    assert wordgate.gate(r"^\d+$") is None
    assert wordgate.GatedPattern(r"^\d+$").may_match(set())


@pytest.mark.parametrize("question", [
    "she can't go back there tonight, he's got a knife", "he said goodbye and isn't answering his phone",
    "Mum says \"don't tell anyone\" - it was years ago - can I share?",
])
def test_curly_quotes_and_long_dashes_read_like_plain_ones(question):
    curly = question.replace("'", "\u2019").replace(' - ', " \u2014 ").replace('"', "\u201c", 1).replace('"', "\u201d", 1)
    assert curly != question
    assert urgency.assess(curly).probability == urgency.assess(question).probability


# --- long questions: a risk-now statement inside case background (outside review rv6, finding 1) ---

CASE_NOTE = (
    "Case summary for supervision. The family moved here in March with an open child in need plan. Mum works "
    "part-time and has a history of low mood; she engages well with the health visitor but missed two GP "
    "appointments this term. Her partner moved in over the summer and has not been assessed. School report the "
    "middle child has seemed tired and withdrawn since half term. The housing officer reports damp and mould in two "
    "bedrooms and a repairs request was logged in September. Early help offered parenting support which mum accepted. "
    "At the last core group meeting everyone agreed the plan was progressing slowly and the case should stay open "
    "for another three months with a review in January. Actions agreed: the school to monitor attendance."
)
RISK_NOW = ("This morning the boy said his stepdad hit him with a belt last night and he is scared to go home tonight. "
            "Can I tell social services without mum's consent?")
LONG_ITEMS = yaml.safe_load((FIXTURES / "urgent_long_dev.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("question", [
    CASE_NOTE + " " + RISK_NOW,
    RISK_NOW + " " + CASE_NOTE,
    CASE_NOTE[:400] + " " + RISK_NOW + " " + CASE_NOTE[400:],
    ("Background: the family has been known to services for years. " * 110) + RISK_NOW,  # past MAX_CHARS
])
def test_a_risk_now_statement_is_flagged_whatever_background_surrounds_it(question):
    assert len(question) >= 700 and not signals_immediate_risk(CASE_NOTE)
    verdict = assess(question)
    assert verdict.urgent and "scared to go home" in verdict.window_text(question)


@pytest.mark.parametrize("question", [
    CASE_NOTE + " Can I share this summary with the school nurse without consent?",
    CASE_NOTE + " Years ago, as a child, she was beaten by her father, who has since died. Can I note it on file?",
    "For a training session case study: " + CASE_NOTE + " " + RISK_NOW,
])
def test_long_background_without_a_risk_now_is_not_urgent(question):
    assert not signals_immediate_risk(question)


@pytest.mark.slow
def test_long_development_set_figures():
    """Written for the class (not fitted on): every risk-now statement flagged, few false alarms."""
    urgent = [item["q"] for item in LONG_ITEMS if item["urgent"]]
    calm = [item["q"] for item in LONG_ITEMS if not item["urgent"]]
    assert len(urgent) >= 80 and len(calm) >= 80
    assert sum(map(signals_immediate_risk, urgent)) == len(urgent)
    assert sum(map(signals_immediate_risk, calm)) <= 4


# --- text in another language (outside review rv6, finding 6) ------------------------------------

# Routine Welsh questions of this project's own (consent for the GP, the police asking for an address,
# social services, the legal basis, a report by Friday…): before, 7 of these 13 were flagged urgent.
ROUTINE_WELSH = [
    "Oes rhaid i mi gael caniatâd cyn rhannu gyda'r meddyg teulu?",
    "Mae'r heddlu wedi gofyn am gyfeiriad cleient, a gaf i ei roi?",
    "A gaf i rannu gwybodaeth am blentyn gyda'r ysgol heb ganiatâd y rhieni?",
    "Mae'r heddlu wedi gofyn am gyfeiriad y tenant. Ydw i'n cael ei roi iddyn nhw?",
    "Gwasanaethau cymdeithasol",
    "Beth yw'r sail gyfreithiol dros rannu gwybodaeth iechyd?",
    "Ydy hi'n iawn anfon cofnodion y claf at yr ymwelydd iechyd?",
    "Mae'r landlord eisiau gwybod pwy sy'n byw yn y fflat. Ga i ddweud wrtho?",
    "Rwy'n gweithio mewn cartref gofal. Oes angen caniatâd i rannu gyda'r teulu?",
    "Cais am fynediad at ddata gan riant: beth ddylwn i ei wneud?",
    "A allaf ddweud wrth yr ysgol am bryder diogelu?",
    "Diogelu plant: pwy ddylwn i ei ffonio?",
    "Mae angen i mi anfon adroddiad at y gweithiwr cymdeithasol erbyn dydd Gwener.",
]


@pytest.mark.parametrize("question", ROUTINE_WELSH)
def test_routine_welsh_is_not_urgent_on_embedding_noise(question):
    assert not urgency_model.reads_as_english(urgency_rules.normalise(question))
    verdict = assess(question)
    assert not verdict.urgent and verdict.embedding_score is None


@pytest.mark.parametrize("question", [
    "Mae ganddo knife ac mae e'n dweud he will kill her tonight",
    "Mae'r plentyn yn dweud bod ei lystad wedi ei daro a'i fod e'n scared to go home tonight",
    "Mae hi eisiau lladd ei hun heno",
])
def test_risk_words_inside_welsh_still_count(question):
    assert signals_immediate_risk(question)


# --- follow-up review rv6fu1: exercise words, text without full stops, ordinary case notes --------

NOSTOPS_ITEMS = yaml.safe_load((FIXTURES / "urgent_nostops_dev.yaml").read_text(encoding="utf-8"))
CASENOTE_ITEMS = yaml.safe_load((FIXTURES / "urgent_casenotes_dev.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("aside", [
    "Her brother is revising for his maths exam.",
    "The worst-case scenario for mum is losing the tenancy.",
    "He made up with his cousin after the fight at football.",
    "She wrote an essay about her grandad for history.",
])
def test_an_exercise_word_in_the_background_frames_nothing(aside):
    question = CASE_NOTE[:300] + " " + aside + " " + CASE_NOTE[300:] + " " + RISK_NOW
    assert signals_immediate_risk(question)


@pytest.mark.parametrize("question", [
    "Hypothetical for supervision: " + CASE_NOTE + " " + RISK_NOW,
    CASE_NOTE + " " + RISK_NOW + " This is a made-up case for my NVQ assignment.",
    CASE_NOTE + " In this scenario, " + RISK_NOW[0].lower() + RISK_NOW[1:],
])
def test_an_exercise_frame_that_governs_the_question_still_counts(question):
    assert not signals_immediate_risk(question)


@pytest.mark.parametrize("join", [", ", " ", "\n• "])
def test_a_risk_now_clause_in_text_without_full_stops_is_found(join):
    def unstop(text):
        return join.join(s.strip(" .?") for s in text.split(". "))
    question = unstop(CASE_NOTE) + join + unstop(RISK_NOW)
    assert "." not in question and len(question) > 700
    verdict = assess(question)
    assert verdict.urgent and "scared to go home" in verdict.window_text(question)
    assert not signals_immediate_risk(unstop(CASE_NOTE))


def test_a_risk_now_clause_without_full_stops_past_the_limit_is_found():
    question = ", ".join(["the family has been known to services for years and mum engages well"] * 70) + ", " + RISK_NOW
    assert len(question) > 4000 and "stepdad hit him" in urgency.urgent_sentences(question, False).window_text(question)


@pytest.mark.slow
def test_no_stops_development_set_figures():
    """Derived by class from urgent_long_dev.yaml (comma splices, no punctuation, a line a sentence, exercise
    words in the background); before: recall 75/135."""
    urgent = [item["q"] for item in NOSTOPS_ITEMS if item["urgent"]]
    calm = [item["q"] for item in NOSTOPS_ITEMS if not item["urgent"]]
    assert sum(map(signals_immediate_risk, urgent)) >= len(urgent) - 1
    assert sum(map(signals_immediate_risk, calm)) <= 2


def test_ordinary_case_notes_are_not_urgent():
    """Routine notes with medicines, days, "will" and "note": before, 18 of 24 were flagged urgent."""
    urgent = [item["q"] for item in CASENOTE_ITEMS if item["urgent"]]
    calm = [item["q"] for item in CASENOTE_ITEMS if not item["urgent"]]
    assert sum(map(signals_immediate_risk, urgent)) == len(urgent)
    assert sum(map(signals_immediate_risk, calm)) <= 2


@pytest.mark.parametrize("note", ["Case note for the file.", "Note from the GP:", "Please see the letter from the hospital."])
def test_note_and_letter_are_harm_words_only_as_farewells(note):
    words = urgency_rules.class_counts(*urgency_rules.prepare(note))
    assert not words["selfharm"]
    assert urgency_rules.class_counts(*urgency_rules.prepare("She left a suicide note"))["selfharm"]
    assert urgency_rules.class_counts(*urgency_rules.prepare("he has taken all his tablets"))["selfharm"]


# --- Welsh, whole and mixed (follow-up review rv6fu1, finding 3) ----------------------------------

WELSH_ITEMS = yaml.safe_load((FIXTURES / "urgent_welsh_dev.yaml").read_text(encoding="utf-8"))


def test_welsh_development_set_figures():
    """Before: recall 7/16, false alarms 5/16 (mixed Welsh and English read by the English embedding)."""
    urgent = [item["q"] for item in WELSH_ITEMS if item["urgent"]]
    calm = [item["q"] for item in WELSH_ITEMS if not item["urgent"]]
    assert sum(map(signals_immediate_risk, urgent)) == len(urgent)
    assert sum(map(signals_immediate_risk, calm)) <= 1


@pytest.mark.parametrize(("welsh", "cls"), [
    ("mae e'n ei churo hi", "violence"), ("fy nghuro i", "violence"), ("i ladd ei hun", "violence"),
    ("gyda chyllell", "violence"), ("mae hi wedi ei tharo", "violence"), ("mae ofn arni", "fear"),
    ("mae e ar goll", "missing"), ("mae hi wedi diflannu", "missing"), ("ei cham-drin", "abuse"),
    ("hunanladdiad", "selfharm"), ("eisiau marw", "selfharm"), ("ar hyn o bryd", "now"), ("neithiwr", "now"),
])
def test_welsh_words_count_in_their_mutated_forms(welsh, cls):
    assert urgency_rules.class_counts(*urgency_rules.prepare(welsh))[cls]


@pytest.mark.parametrize("question", [
    "Shwmae, can I send the care plan to the ysgol with the parents' consent?",
    "Mae'r landlord wants to know who lives in the flat. Can I tell him?",
])
def test_half_welsh_text_is_not_read_by_the_english_embedding(question):
    verdict = assess(question)
    assert not verdict.urgent and verdict.embedding_score is None


def test_english_that_uses_no_welsh_words_is_still_read_by_the_embedding():
    assert urgency_model.reads_as_english(urgency_rules.normalise("Does the dim light in the hall count as a hazard?"))


# --- bounded work on long texts (s9 review M2) -----------------------------------------------------

@pytest.mark.slow
def test_the_harm_now_gate_never_hides_a_window_that_could_be_urgent():
    """The cheap gate is a necessary condition: every window holding a harm word and a word of time now passes."""
    for item in LONG_ITEMS + NOSTOPS_ITEMS[:80] + WELSH_ITEMS:
        plain = item["q"].translate(urgency_rules.PLAIN_TYPOGRAPHY)
        spans = list(urgency._spans(plain))
        for i, (start, _) in enumerate(spans):
            for end in (spans[j][1] for j in range(i, min(i + urgency.WINDOW_SENTENCES, len(spans)))):
                words = urgency_rules.class_counts(*urgency_rules.prepare(plain[start:end]))
                if words["now"] and any(words[c] for c in urgency_rules.HARM_CLASSES):
                    assert urgency_rules.may_name_harm_now(plain[start:end]), plain[start:end]


def test_welsh_look_behind_patterns_are_gated():
    gate = wordgate.gate(r"(?<![\w'])(?:lladd)")
    assert gate == {"lladd"}
    assert not gate.isdisjoint(wordgate.starts("mae o am ei ladd a'i lladd heno"))


@pytest.mark.parametrize("unit", ["a.", "a\n", "a@b.", "Mr Ab Cd. ", "we will play cricket and he might hit the ball. "])
def test_a_long_text_reads_a_bounded_number_of_windows(unit, monkeypatch):
    """40,000 characters of one-word sentences cost 40,000 model reads (8 s) before; now only the windows with a
    harm word and a word of time now are read, and at most MAX_SCORED_WINDOWS of them."""
    reads = []
    whole = urgency._whole
    monkeypatch.setattr(urgency, "_whole", lambda *a, **k: reads.append(1) or whole(*a, **k))
    text = (unit * 40_000)[:40_000]
    urgency.risk_window(text)
    assert len(reads) <= urgency.MAX_SCORED_WINDOWS
    reads.clear()
    urgency.assess(text)
    assert len(reads) <= urgency.MAX_SCORED_WINDOWS + 1


@pytest.mark.parametrize("lines", [150, 160, 199, 600])
def test_a_risk_now_after_a_long_chronology_is_still_found(lines):
    """Follow-up review s9 #1: a cap on the windows read must not end in "not urgent". A pasted chronology
    whose every line names a harm and a time (none urgent) and whose last sentence is a threat tonight."""
    text = "".join(f"{n % 28 + 1:02d}/10 Today mum said dad hit the wall last year.\n" for n in range(lines))
    text += "He has just texted that he will stab her when she gets home tonight and she is scared. Can I tell the police now?"
    assert signals_immediate_risk(text)


@pytest.mark.parametrize("position", [350, 500, 650])
def test_a_risk_now_anywhere_in_a_long_chronology_is_found(position):
    """Second follow-up review s9: with a cap of 1,000 windows, a threat at line 350-650 of 700 gated lines was
    never read. Every distinct window of up to 40,000 characters is now read (a repeated one once)."""
    lines = [f"{n % 28 + 1:02d}/10 Today mum said dad hit the wall last year." for n in range(700)]
    lines.insert(position, "He told her he will stab her tonight when she gets home.")
    assert signals_immediate_risk("\n".join(lines) + "\nCan I share the chronology?")
