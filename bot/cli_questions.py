"""The commands that read questions: ``ask``, ``redact`` and ``eval`` (``bot.cli`` builds the parser)."""

from __future__ import annotations

import json
import sys
from typing import Iterable, Iterator, NamedTuple, TextIO

from bot.answers import render_match
from bot.config import Settings, SettingsError
from bot.failures import EXIT_OK, EXIT_USAGE, CliError
from bot.faq import load_faq
from bot.named_nations import answer_nation, nations_named
from bot.nations import Reader
from bot.policy_copy import URGENT_NOTICE
from bot.readable import readable, readable_lines


def matcher_of(settings: Settings):
    from bot.matching import Matcher

    return Matcher(load_faq(settings.faq_dir, check_near_duplicates=False), thresholds=settings.thresholds)


# ask ---------------------------------------------------------------------------------------


def cmd_ask(args, settings: Settings) -> int:
    from bot.matching import match_redacted
    from bot.urgency import signals_immediate_risk

    nation, is_default = args.nation, False
    if nation is None:  # CANISHARE_NATION matters only when --nation is not given
        try:
            nation = settings.check(("nation",)).nation
        except SettingsError as error:
            raise CliError(str(error), EXIT_USAGE) from error
        is_default = nation is not None
    setting = NationSetting(nation or None, is_default)
    if args.explain and (args.json or args.question == "-"):
        raise CliError("--explain shows why for one question, as text: leave out --json and -", EXIT_USAGE)
    matcher = matcher_of(settings)
    if args.question == "-":
        return _ask_lines(matcher, stdin_lines(), sys.stdout, args.json, setting)
    question = readable(args.question)
    if not question.strip():
        raise CliError('the question is empty; try: canishare ask "Do I need consent to share with the police?"',
                       EXIT_USAGE)
    match = match_redacted(matcher, question)
    urgent = signals_immediate_risk(question)
    reader = setting.reader(question)
    if args.json:
        print(json.dumps(match_json(match, setting.nation, urgent=urgent, named=setting.named(question, reader))))
    else:
        print(_as_text(match, matcher.faq, reader, urgent))
        if args.explain:
            print("\n" + match.explain())
    return EXIT_OK


def stdin_lines() -> Iterator[str]:
    """Standard input's lines, without their line ends, each readable whatever its encoding."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return readable_lines(buffer)
    return (readable(line.rstrip("\n")) for line in sys.stdin)


class NationSetting(NamedTuple):
    """The nation given (``--nation``) or the workspace's (``CANISHARE_NATION``, ``is_default``)."""

    nation: str | None = None
    is_default: bool = False

    def reader(self, question: str) -> Reader:
        """Whom the answer is for: this setting and the nations the question names (bot.named_nations)."""
        return answer_nation(question, self.nation, self.is_default)

    @staticmethod
    def named(question: str, reader: Reader) -> NamedFor | None:
        """The nations ``question`` names and whom the answer is then for; None when it names none."""
        named = nations_named(question)
        return NamedFor(named, reader.nation) if named else None


class NamedFor(NamedTuple):
    nations: tuple[str, ...]
    answered_for: str | None


def _ask_lines(matcher, lines: Iterable[str], out: TextIO, as_json: bool,
               setting: NationSetting = NationSetting()) -> int:
    from bot.matching import match_redacted
    from bot.urgency import signals_immediate_risk

    for question in lines:
        match = match_redacted(matcher, question)
        urgent = signals_immediate_risk(question)
        reader = setting.reader(question)
        if as_json:
            out.write(json.dumps(match_json(match, setting.nation, urgent, setting.named(question, reader))) + "\n")
        else:
            out.write(_as_text(match, matcher.faq, reader, urgent) + "\n\n")
        out.flush()
    return EXIT_OK


def _as_text(match, faq, nation: Reader | str | None, urgent: bool) -> str:
    """``render_match``, after the urgent notice when the question signals a risk of serious harm now."""
    return (f"urgent: {URGENT_NOTICE}\n" if urgent else "") + render_match(match, faq, nation)


def match_json(match, nation: str | None = None, urgent: bool = False, named: NamedFor | None = None) -> dict:
    """The JSON contract of ``canishare ask --json`` (README): ``"urgent"`` whether the question signals
    a risk of serious harm now (bot.urgency, judged on the question as asked, as the bot does);
    ``"nation"`` the nation given (``--nation``, else ``CANISHARE_NATION``), only when one is; when the
    question names a nation, ``"nations_named"`` (those it names) and ``"answered_for"`` (the nation
    the answer is written for; null: none, every nation's notes)."""
    found = {
        "decision": match.decision,
        "faq_id": match.entry.id if match.entry else None,
        "score": match.score,
        "suggestions": [entry.id for entry in match.suggestions],
        "urgent": urgent,
    }
    if nation:
        found["nation"] = nation
    if named:
        found["nations_named"] = list(named.nations)
        found["answered_for"] = named.answered_for
    return found


# redact ------------------------------------------------------------------------------------


def cmd_redact(args, settings: Settings) -> int:
    from bot.privacy import redact

    if args.source != "-":
        print(redact(readable(args.source)).text)
        return EXIT_OK
    for line in stdin_lines():
        sys.stdout.write(redact(line).text + "\n")
        sys.stdout.flush()
    return EXIT_OK


# eval --------------------------------------------------------------------------------------


def cmd_eval(args, settings: Settings) -> int:
    from bot.evaluation import evaluate, load_labelled, unknown_topics
    from bot.privacy import redact_question

    try:
        items = load_labelled(args.file)
    except (OSError, ValueError) as error:
        raise CliError(str(error)) from error
    matcher = matcher_of(settings)
    unknown = unknown_topics(matcher, items)
    if unknown:
        named = "; ".join(f"{topic!r} (item {', '.join(map(str, where[:5]))}{' …' if len(where) > 5 else ''})"
                          for topic, where in unknown.items())
        raise CliError(f"{args.file}: ids the FAQ does not have: {named}. Use an entry's id as in faq/ (or 'none' "
                       "for a question no entry answers), then run eval again")
    report = evaluate(matcher, items, progress=_progress_bar(len(items)))
    figures = report.figures()
    if args.json:
        print(json.dumps({name: {"n": n, "of": of, "rate": round(n / of, 4) if of else None}
                          for name, (n, of) in figures.items()}))
        return EXIT_OK
    print(f"{len(items)} questions ({sum(1 for i in items if i.topic != 'none')} with a topic), "
          f"thresholds {matcher.thresholds}")
    for name, (n, of) in figures.items():
        print(f"  {name:<29} {n:>4}/{of:<4} {100 * n / of if of else 0:6.1f} %")
    print("  decisions: " + ", ".join(f"{k} {v}" for k, v in report.decisions().items()))
    mistakes = report.mistakes()
    if mistakes:
        print(f"\n{len(mistakes)} not helped, or answered wrongly (expected -> decision: offered / best):")
        for o in mistakes:
            mark = "WRONG ANSWER " if o.wrong_answer else ""
            offered = ",".join(o.offered_ids) or "-"
            best = o.ranked_ids[0] if o.ranked_ids else "-"
            print(f"  {mark}{o.item.topic} -> {o.match.decision} {o.match.score:.1f}: {offered} / {best}\n"
                  f"      {redact_question(o.item.question).text[:110]}")
    return EXIT_OK


def _progress_bar(total: int):
    if not sys.stderr.isatty() or total < 50:
        return lambda done: None

    def show(done: int) -> None:
        filled = int(30 * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\r" + " " * 50 + "\r")
        sys.stderr.flush()

    return show
