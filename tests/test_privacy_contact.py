"""E-mail addresses and the words before "at" that are not one: whom or where ("email them at nhs.net") is never
a mailbox, even after the verb "email"; only a label ("her email is", "email:", "e-mail address") makes the next
words an address's local part, said aloud in several words ("sarah dash jones at gmail dot com")."""

import pytest

from bot.privacy import redact


@pytest.mark.parametrize("text", [
    # the review's reproducers: typed domains
    "Can I email them at nhs.net rather than gcsx?",
    "Should I email her at nhs.net or use Egress?",
    "Is it safe to email colleagues at nhs.net with patient details?",
    "Can I email someone at gov.uk about this?",
    "Can we email the practice at nhs.net with the discharge summary?",
    "I want to email the ward at nhs.net - ok?",
    "Can I email people at cjsm.net?",
    "Is email to staff at nhs.net secure?",
    # spoken domains
    "Can I email them at nhs dot net rather than gcsx?",
    "Should I email her at nhs dot net",
    "Is e-mail to colleagues at nhs dot net secure",
    "I work with police at met dot police dot uk",
    "can I email the social worker at leeds dot gov dot uk",
    # the same classes in other words
    "can I email my manager at nhs dot net with the minutes",
    "is it ok to email the DSL at school dot sch dot uk",
    "we e-mail partners at cjsm dot net every week",
    "can I e-mail teachers at the academy dot sch dot uk",
    "email them at gmail about it, or is that not allowed?",
    "can I email mum at gmail or does it need to be a letter",
    "email the GPs at nhs.net and copy in the health visitor at nhs dot net",
    "my email is not at nhs dot net, is that a problem",
    "is email at nhs dot net secure enough",
])
def test_whom_or_where_before_at_is_not_an_address(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text, address", [
    # the review's reproducers: a local part of several words after the label
    ("her email is sarah dash jones at gmail dot com", "sarah dash jones at gmail dot com"),
    ("her email is j smith at nhs dot net", "j smith at nhs dot net"),
    ("her email is s jones one nine at outlook dot com", "s jones one nine at outlook dot com"),
    ("mum's email is kayleigh b at gmail", "kayleigh b at gmail"),
    # the same classes
    ("her email is sarah hyphen jones at hotmail dot co dot uk, can I use it", "sarah hyphen jones at hotmail dot co dot uk"),
    ("dad's email: kev b two at yahoo dot co dot uk", "kev b two at yahoo dot co dot uk"),
    ("her email is probably j smith at nhs dot net", "j smith at nhs dot net"),
    ("his e-mail address is tom jones at nhs.net", "tom jones at nhs.net"),
    ("her email is tom at nhs.net", "tom at nhs.net"),  # any word right after the label
    ("his email address is office at school dot sch dot uk", "office at school dot sch dot uk"),
    # an address after the verb still is one when its local part is no whom or where
    ("email it to mark at gmail dot com", "mark at gmail dot com"),
    ("please email m dot jenkins at hywel dda dot nhs dot wales", "m dot jenkins at hywel dda dot nhs dot wales"),
    ("can I email tyler at hotmail", "tyler at hotmail"),
    ("email jsmith at nhs.net please", "jsmith at nhs.net"),
])
def test_an_address_after_its_label_is_taken_whole(text, address):
    redacted = redact(text)
    assert "[email]" in redacted.text
    for word in address.split():
        if word not in ("at", "dot", "dash", "hyphen"):
            assert f" {word} " not in f" {redacted.text} ", (word, redacted.text)
