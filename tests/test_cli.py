import io
import json
import subprocess
import sys

import pytest
import yaml

from bot.cli import main

from faq_factory import entry, write_faq


def run(capsys, monkeypatch, *argv, stdin=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_decision_answer_legal_basis_and_source(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "ask", "How long do we have to report a personal data breach to the ICO?")
    assert code == 0
    assert out.startswith("decision: answer")
    assert "entry: data-breach-72-hours" in out
    assert "legal basis:" in out and "source:" in out and "72 hours" in out


def test_ask_json_reads_stdin_one_object_per_line_in_order(capsys, monkeypatch):
    questions = ["How long do we have to report a data breach?", "what time is the canteen open", "", "consent"]
    code, out, _ = run(capsys, monkeypatch, "ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(questions)
    for line in lines:
        assert set(line) == {"decision", "faq_id", "score", "suggestions", "urgent"}
        assert line["decision"] in ("answer", "suggest", "escalate")
        assert isinstance(line["score"], (int, float)) and isinstance(line["suggestions"], list)
    assert lines[0]["decision"] == "answer" and lines[0]["faq_id"] == "data-breach-72-hours"
    assert lines[0]["suggestions"] == ["data-breach-72-hours"]
    assert lines[1]["decision"] == "escalate" and lines[1]["suggestions"] == []
    assert lines[2] == {"decision": "escalate", "faq_id": None, "score": 0.0, "suggestions": [], "urgent": False}


@pytest.mark.parametrize("question", ["", "   \t"])
def test_ask_empty_question_exits_2_with_a_message(capsys, monkeypatch, question):
    code, out, err = run(capsys, monkeypatch, "ask", question)
    assert code == 2 and out == "" and "empty" in err and "canishare ask" in err


@pytest.mark.parametrize("question", ["x" * 50_000, "🙂🙂", "?!...", "Можно ли поделиться?"])
def test_ask_odd_input_gets_a_decision(capsys, monkeypatch, question):
    code, out, _ = run(capsys, monkeypatch, "ask", question)
    assert code == 0 and out.startswith("decision: ")


def test_a_question_of_only_identifiers_is_not_answered(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "ask", "--json", "-", stdin="NHS 943 476 5919 ZZ99 3CZ\n")
    assert json.loads(out)["decision"] != "answer"


def test_redact_reads_lines_and_keeps_order(capsys, monkeypatch):
    text = "call 07700 900123 please\nno identifiers here\n\nemail jo@example.org\n"
    code, out, _ = run(capsys, monkeypatch, "redact", "-", stdin=text)
    assert code == 0
    assert out.splitlines() == ["call [phone] please", "no identifiers here", "", "email [email]"]


def test_faq_lint_clean_and_broken(capsys, monkeypatch, tmp_path):
    good = write_faq(tmp_path / "good", {"a.yaml": [entry("one")]})
    code, out, _ = run(capsys, monkeypatch, "faq", "lint", str(good))
    assert code == 0 and "ok: 1 entries" in out

    bad = write_faq(tmp_path / "bad", {"a.yaml": [entry("one", last_reviewed="soon"), entry("one")]})
    code, out, err = run(capsys, monkeypatch, "faq", "lint", str(bad))
    assert code == 1
    assert "field 'last_reviewed'" in out and "duplicate id" in out and "2 problem(s)" in err


def test_missing_faq_directory_exits_1_naming_it(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "--faq-dir", str(tmp_path / "nope"), "ask", "consent?")
    assert code == 1 and str(tmp_path / "nope") in err and "not found" in err


def test_invalid_yaml_exits_1_naming_file_and_line(capsys, monkeypatch, tmp_path):
    directory = write_faq(tmp_path, {"broken.yaml": "- id: one\n  question: [oops\n"})
    code, _, err = run(capsys, monkeypatch, "--faq-dir", str(directory), "ask", "consent?")
    assert code == 1 and "broken.yaml:" in err and "invalid YAML" in err


def test_eval_prints_the_figures_and_mistakes(capsys, monkeypatch, tmp_path):
    labelled = tmp_path / "set.yaml"
    labelled.write_text(yaml.safe_dump([
        {"q": "How long do we have to report a personal data breach to the ICO?", "topic": "data-breach-72-hours"},
        {"q": "where is the canteen", "topic": "none"},
        {"q": "How long do we have to report a personal data breach to the ICO?", "topic": "caldicott-principles"},
    ]))
    code, out, _ = run(capsys, monkeypatch, "eval", str(labelled))
    assert code == 0
    for figure in ("top-1", "top-3", "correct", "wrong answers", "escalation precision", "escalation recall"):
        assert figure in out
    assert "WRONG ANSWER caldicott-principles" in out

    code, out, _ = run(capsys, monkeypatch, "eval", "--json", str(labelled))
    figures = json.loads(out)
    assert figures["wrong answers"] == {"n": 1, "of": 3, "rate": 0.3333}


def test_eval_bad_file(capsys, monkeypatch, tmp_path):
    labelled = tmp_path / "set.yaml"
    labelled.write_text("- q: no topic here\n")
    code, _, err = run(capsys, monkeypatch, "eval", str(labelled))
    assert code == 1 and "item 1" in err


def test_module_entry_point_runs():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "Do I need consent to share with the police?"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["decision"] in ("answer", "suggest", "escalate")
