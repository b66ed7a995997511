"""Public helplines and role mailboxes of public bodies survive the redaction of an advisor's answer;
nothing that may identify a person does."""

import pytest

from bot.privacy import redact
from bot.public_contacts import keep_public_contacts


def redacted_answer(text: str) -> tuple[str, tuple[str, ...]]:
    kept = keep_public_contacts(text)
    redaction = redact(kept.text)
    return kept.restore(redaction.text), redaction.found


@pytest.mark.parametrize("public", [
    "0303 123 1113", "0303-123-1113", "+44 303 123 1113", "999", "101", "111", "0800 1111", "0808 800 5000",
    "dpo@example-council.gov.uk", "IG@leeds.nhs.uk", "info@ico.org.uk", "dataprotection@nhs.net",
])
def test_public_contacts_are_kept(public):
    text, found = redacted_answer(f"Contact {public} today.")
    assert text == f"Contact {public} today." and found == ()


@pytest.mark.parametrize("personal, kind", [
    ("07700 900123", "phone"), ("0303 123 1114", "phone"), ("j.smith@nhs.net", "email"),
    ("dpo@gmail.com", "email"), ("dpo@council.gov.uk.evil.com", "email"), ("NHS 943 476 5919", "NHS number"),
])
def test_anything_else_is_still_removed(personal, kind):
    text, found = redacted_answer(f"Contact {personal} today.")
    assert personal not in text and kind in found


def test_a_public_number_inside_a_longer_number_is_not_kept_apart():
    text, _ = redacted_answer("Her number is 0303 123 1113 4 and the ICO is on 0303 123 1113.")
    assert "1113 4" not in text and text.endswith("on 0303 123 1113.")


def test_many_contacts_come_back_in_their_places():
    answer = " ".join(f"{n}. ring 999 and e-mail ig@trust{n}.nhs.uk" for n in range(30))
    assert redacted_answer(answer)[0] == answer


@pytest.mark.parametrize("answer, gone", [
    ("Do not visit her at 101 Acacia Avenue, Leeds; call the police on 101.", "Acacia Avenue"),
    ("He is at 999 Station Road now", "Station Road"),
    ("the flat is 111 Mill Lane, ring 111 if unwell", "Mill Lane"),
])
def test_a_house_number_that_is_also_a_helpline_does_not_hide_the_address(answer, gone):
    text, _ = redacted_answer(answer)
    assert gone not in text and "[address]" in text
