"""An urgent message over the limit is cut to fit (``bot.urgent_cut``): redacted whole first, so that no
identifier is left in part wherever the cut falls (review 7, security #1); what is kept is the risk-now
sentences and the question itself, with each gap marked (review 7, advisor #12)."""

import re

import pytest

from bot.privacy import redact
from bot.questions import MAX_QUESTION_CHARS, QuestionTooLong
from bot.records import Where
from bot.service import Service
from bot.store import Store
from bot.urgency import urgent_sentences
from bot.urgent_cut import urgent_cut

URGENT = "He is at the door now with a knife and threatening to kill her tonight. "
FILLER = "We have had a number of meetings with the family over the last year about the arrangements. "
QUESTION = " Can I share her new address with the police without her consent?"
OLD_CUT_AT = 3921  # where the cut before this fix fell in what was typed: the sweep straddles it
# every kind of identifier, after words that say what it is; the value is what must never be kept in part
IDENTIFIERS = {
    "NHS number": ("her NHS number is ", "943 476 5919"),
    "NI number": ("her NI number is ", "QQ 12 34 56 C"),
    "phone": ("call her mum on ", "07700 900123"),
    "email": ("email ", "kayleigh.whitfield@gmail.com"),
    "postcode": ("she lives at ", "SW1A 2AA"),
    "address": ("she lives at ", "14 Acacia Avenue"),
    "date of birth": ("born ", "14/03/2012"),
    "case id": ("Mosaic ID ", "1234567"),
    "bank details": ("sort code 12-34-56 account ", "12345678"),
    "name": ("her name is ", "Kayleigh Whitfield"),
}
GAP = re.compile(r"\[… ([0-9,]+) characters not kept …\]")


@pytest.fixture
def service(tmp_path, faq):
    return Service(Store(tmp_path / "db"), faq)


def with_identifier_at(at: int, words: str, value: str) -> str:
    """An urgent message over the limit with ``value`` starting at ``at`` and the question last."""
    body = URGENT + FILLER * 41
    pad = at - len(body) - len(words)
    return body + "x " * (pad // 2) + "y" * (pad % 2) + words + value + ". " + FILLER * 6 + QUESTION


def tell_tales(value: str, text: str) -> set[str]:
    """Pieces of ``value`` (four characters) found nowhere else in ``text``: kept, they are part of it."""
    rest = text.replace(value, "|")
    return {value[i:i + 4] for i in range(len(value) - 3)} - {rest[i:i + 4] for i in range(len(rest) - 3)}


def straddling(words: str, value: str):
    """Messages whose old cut fell at every position inside ``value``."""
    for inside in range(1, len(value)):
        yield with_identifier_at(OLD_CUT_AT - inside, words, value)


@pytest.mark.parametrize("kind", IDENTIFIERS)
def test_no_part_of_an_identifier_is_kept_wherever_the_cut_falls_when_asked(service, kind):
    words, value = IDENTIFIERS[kind]
    assert value not in redact(words + value + ".").text  # the redactor removes it whole
    for i, typed in enumerate(straddling(words, value)):
        result = service.ask(typed, "U1", Where("dm", "D1", f"1.{i}", f"1.{i}"), reply={}, conversation=True)
        kept = result.question.text
        assert result.urgent and "Cut by canishare" in kept and len(kept) <= MAX_QUESTION_CHARS
        assert not {t for t in tell_tales(value, typed) if t in kept}, (kind, i, kept[-600:])


@pytest.mark.parametrize("kind", IDENTIFIERS)
def test_no_part_of_an_identifier_is_kept_wherever_the_cut_falls_when_added(service, kind):
    words, value = IDENTIFIERS[kind]
    asked = service.ask("the housing panel wants our tenancy notes for its review", "U1",
                        Where("mention", "C1", "111.1", "111.1"))
    escalation, _ = service.escalate(asked.question.id, "U1")
    for i, typed in enumerate(straddling(words, value)):
        added = service.add_follow_up(escalation, typed, "U1", "C1", f"2.{i}")
        assert added.urgent and len(added.text) <= MAX_QUESTION_CHARS
        assert not {t for t in tell_tales(value, typed) if t in added.text}, (kind, i, added.text[-600:])


def cut(typed: str, limit: int = MAX_QUESTION_CHARS) -> str:
    return urgent_cut(typed, urgent_sentences(typed, explain=False).window, limit).text


def test_any_limit_cuts_between_placeholders_never_through_one():
    typed = with_identifier_at(2000, "her NHS number is ", "943 476 5919") + " Her NI number is QQ 12 34 56 C."
    for limit in range(600, 4001, 23):  # cut points everywhere in the opening
        kept = cut(typed, limit)
        assert len(kept) <= limit
        assert not re.search(r"\[[^\]]*$|^[^\[]*\]", GAP.sub("", kept).replace("[Cut by canishare", ""))
        assert "943" not in kept and "QQ 1" not in kept


@pytest.mark.parametrize("risk_at", ["start", "middle", "end"])
def test_the_risk_now_sentences_and_the_question_are_kept_with_the_gaps_marked(risk_at):
    background = FILLER * 30
    typed = {"start": URGENT + background + background + QUESTION,
             "middle": background + URGENT + background + QUESTION,
             "end": background + background + URGENT + QUESTION}[risk_at]
    kept = cut(typed)
    assert len(kept) <= MAX_QUESTION_CHARS
    assert URGENT.strip() in kept and kept.endswith(f"{QUESTION.strip()} [Cut by canishare: the message was "
                                                    f"{len(typed):,} characters; only the parts shown were kept.]")
    gaps = [int(n.replace(",", "")) for n in GAP.findall(kept)]
    assert gaps and sum(gaps) >= len(typed) - len(kept)  # every character left out is counted in a gap


def test_the_question_is_its_last_line_with_a_question_mark_even_with_lines_after_it():
    question = "What can I tell the police about where she is? She said not to tell her dad"
    typed = FILLER * 25 + URGENT + FILLER * 25 + "\n" + question + "\nThanks\nthe DSL"
    kept = cut(typed)
    assert question in kept and URGENT.strip() in kept and "Thanks\nthe DSL" in kept


def test_a_question_too_long_to_keep_whole_keeps_its_sentence_then_its_end():
    long_line = "She said " + "and then " * 300 + "so can I share this with the police?"
    kept = cut(URGENT + FILLER * 45 + long_line + " " + FILLER * 30)
    assert URGENT.strip() in kept and "so can I share this with the police?" in kept
    assert len(kept) <= MAX_QUESTION_CHARS and len(GAP.findall(kept)) >= 2


def test_over_the_limit_without_a_risk_now_is_refused_whole(service):
    typed = FILLER * 50 + QUESTION
    with pytest.raises(QuestionTooLong, match=f"{len(typed):,} characters"):
        service.ask(typed, "U1", Where("dm", "D1", "1.1", "1.1"), reply={}, conversation=True)
    assert service.recent_questions("U1") == []
