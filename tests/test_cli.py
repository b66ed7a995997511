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


def run_bytes(capsys, monkeypatch, *argv, stdin: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    return run(capsys, monkeypatch, *argv)


def test_ask_lines_in_other_encodings_are_all_answered(capsys, monkeypatch):
    lines = b"Do I need consent to share?\n\xff\xfe not utf-8\nCaf\xe9 worker: do I need consent to share with the police?\n"
    code, out, err = run_bytes(capsys, monkeypatch, "ask", "--json", "-", stdin=lines)
    assert code == 0 and err == ""
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == 3 and answers[0]["decision"] == "answer"
    assert answers[2]["decision"] != "escalate" and answers[2]["urgent"] is False


def test_redact_reads_windows_1252_and_utf16(capsys, monkeypatch):
    # In Windows-1252 byte 0xA0 is a no-break space: the NHS number and the phone must still go.
    code, out, _ = run_bytes(capsys, monkeypatch, "redact", "-", stdin=b"NHS 943\xa0476\xa05919 call 07700\xa0900123\n")
    assert code == 0 and "5919" not in out and "900123" not in out and "[NHS number]" in out
    code, out, _ = run_bytes(capsys, monkeypatch, "redact", "-",
                             stdin="ring 07700 900123\nfine\n".encode("utf-16"))
    assert code == 0 and out.splitlines() == ["ring [phone]", "fine"]


def test_ask_argument_with_undecodable_bytes_is_answered(capsys, monkeypatch):
    question = b"do I need consent to share \xff with the police".decode("utf-8", "surrogateescape")
    code, out, _ = run(capsys, monkeypatch, "ask", "--json", question)
    assert code == 0 and json.loads(out)["decision"] in ("answer", "suggest", "escalate")
    code, out, _ = run(capsys, monkeypatch, "redact", b"caf\xe9 07700 900123".decode("utf-8", "surrogateescape"))
    assert out == "café [phone]\n"


def test_explain_with_json_or_stdin_is_a_usage_error(capsys, monkeypatch):
    for argv in (["ask", "--explain", "--json", "consent"], ["ask", "--explain", "-"]):
        code, out, err = run(capsys, monkeypatch, *argv, stdin="consent\n")
        assert code == 2 and out == "" and "--explain" in err


def test_text_ask_puts_the_urgent_notice_first(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "ask", "he has got a knife and is on his way to her house now")
    assert code == 0 and out.startswith("urgent: ") and "999" in out.splitlines()[0]
    code, out, _ = run(capsys, monkeypatch, "ask", "Do I need consent to share with the police?")
    assert out.startswith("decision: ")


def test_eval_shows_questions_redacted(capsys, monkeypatch, tmp_path):
    labelled = tmp_path / "set.yaml"
    labelled.write_text(yaml.safe_dump([
        {"q": "NHS number 943 476 5919: can I share it with the GP, email j.doe@council.gov.uk",
         "topic": "caldicott-principles"}]))
    code, out, _ = run(capsys, monkeypatch, "eval", str(labelled))
    assert code == 0 and "5919" not in out and "j.doe" not in out


def test_eval_refuses_ids_the_faq_does_not_have(capsys, monkeypatch, tmp_path):
    labelled = tmp_path / "set.yaml"
    labelled.write_text(yaml.safe_dump([
        {"q": "Do I need consent?", "topic": "consent-always-required"},
        {"q": "Can I share?", "topic": "no-such-topic", "also": ["another-bad"]},
        {"q": "Who?", "topic": "None"}]))
    code, out, err = run(capsys, monkeypatch, "eval", str(labelled))
    assert code == 1 and out == ""
    assert "'no-such-topic' (item 2)" in err and "'another-bad' (item 2)" in err and "'None' (item 3)" in err
    assert str(labelled) in err


@pytest.mark.parametrize("content, expected", [
    (None, "cannot be read"), (b"- q: [unclosed\n", "not valid YAML"), (b"- q: caf\xe9\n  topic: none\n", None)])
def test_eval_file_problems_name_the_file(capsys, monkeypatch, tmp_path, content, expected):
    labelled = tmp_path / "set.yaml"
    if content is not None:
        labelled.write_bytes(content)
    code, out, err = run(capsys, monkeypatch, "eval", str(labelled))
    if expected is None:  # Windows-1252 text is read, not refused
        assert code == 0 and "1 questions" in out
    else:
        assert code == 1 and expected in err and str(labelled) in err


def test_a_dotenv_that_is_not_utf8_is_a_usage_error(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_bytes(b"\xff\xfeCANISHARE_NATION=wales\n")
    code, out, err = run(capsys, monkeypatch, "ask", "Do I need consent?")
    assert code == 2 and "UTF-8" in err and "bug" not in err


def test_every_option_of_every_command_says_what_it_does():
    """--help is the command line's contract (the house review, rv-house, finding 12)."""
    import argparse

    from bot.cli import build_parser

    def commands(parser):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield name, sub
                    yield from ((f"{name} {n}", s) for n, s in commands(sub))

    silent = [f"{name} {a.dest}" for name, sub in commands(build_parser()) for a in sub._actions
              if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help]
    assert silent == []


def test_digest_help_shows_week_and_since_exclude_each_other():
    import argparse

    from bot.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert "[--week WEEK | --since SINCE]" in " ".join(commands.choices["digest"].format_usage().split())


def test_digest_refuses_week_with_since_as_a_usage_error(capsys):
    with pytest.raises(SystemExit) as refused:
        main(["digest", "--week", "2026-W47", "--since", "2026-11-18"])
    assert refused.value.code == 2 and "--since: not allowed with argument --week" in capsys.readouterr().err
