"""Remove personal identifiers from practitioners' questions before they are kept.

``redact(text)`` replaces UK personal identifiers with placeholders and says which
kinds it removed::

    >>> redact("GP here - can I tell the school about Jake, NHS 943 476 5919, dob 04/05/2014?")
    Redaction(text='GP here - can I tell the school about Jake, NHS [NHS number], dob [date of birth]?', found=('NHS number', 'date of birth'))

Kinds (the placeholder is the kind in square brackets):

========================  ===================================================================
``NHS number``            10 digits, 3-3-4 or run together; a valid mod-11 check digit, or the
                          word "NHS" shortly before (then the check digit may fail, and the
                          digits may be grouped any way)
``NI number``             National Insurance number, e.g. QQ 12 34 56 C / qq123456c
``email``                 e-mail address, letters of any script, or written out
                          ("j.doe at council dot gov dot uk", "jdoe [at] nhs [dot] net"), or
                          given by its provider alone ("jane_smith99 at hotmail"), or said in
                          several words after a label ("her email is sarah dash jones at
                          gmail dot com"); a word that says whom or where before "at" is no
                          mailbox, even after the verb ("can I email them at nhs.net", "the
                          social worker at leeds dot gov dot uk"): only a label ("her email
                          is", "email:", "e-mail address") makes any next word one
``social media account``  a link to a profile (facebook.com/..., tiktok.com/@...) and a handle
                          after the platform's name ("snap: jadey_w2010", "her tiktok is jade.x")
``IP address``            IPv4 that reads as one (not a version number like 2.3.1.4), and IPv4
                          or IPv6 after "IP" / "logged in from"; a private network's IPv4
                          (10.x, 192.168.x, 172.16-31.x) without a label, a public one with two
                          numbers of two digits and one of three (86.14.201.77), and an IPv6
                          address of four colons or more
``phone``                 UK phone number (07..., 01/02/03/08..., +44 (0)..., 0044 ...,
                          (0044) ..., the country code in any bracket and sign order: +(44),
                          (+44), + 44 (0), [+44], (+44 0), 0044-...) with its extension, and
                          valid international numbers written with +
``postcode``              full UK postcode, with or without the space (ZZ99 3CZ, m11ae)
``date of birth``         a date introduced by DOB / D.O.B. / D/O/B / date of birth / birth date /
                          born (on) / b. / birthday / bday, in figures or words, with or without
                          a weekday ("born on Tuesday the fourth of May 2012", "dob 4th may 12",
                          "date of birth: nine april twenty-eleven", "born six weeks early on
                          ..."); a year right after the label ("born 1962", not "born in
                          2015"); a date in figures right after a person's name; "3rd of the
                          4th 2015"; a birthday after an age in figures or words ("turned 16
                          on 14 Feb", "turns eighteen on the fourteenth of February", "he'll be
                          twenty-one on 2nd April", "turning seventeen on the 9th"); after DOB
                          or date of birth, a date said as numbers, the year in two digits or
                          figures and words mixed ("DOB fourteen oh six oh nine", "DOB 14 oh six
                          2009")
``address``               house number + street name + street suffix (14 Acacia Avenue,
                          Flat 3, 22 High Street, 12a Mill Lane, 22 holly grove, 14 rowan
                          chase, 5 kirk wynd, 31 new street after "at"), a flat in a
                          named building (Flat 2b Orchard Court), a house name and its street
                          (Rose Cottage, Mill Lane), a house name or street after "lives at" /
                          "moved to", a Welsh street after a number (3 Heol y Felin), a
                          one-word street (4 Briggate), "lives at number 14 (rowan way)", "number 27 on
                          Rowan Way", a plot or pitch on a named site, a block or flat on a
                          named estate, a flat in a lettered block
``sort code``             a sort code introduced by "sort code", "s/c", "SC", "bank details"
``account number``        an 8-digit number introduced by "account (no./number)" or "a/c", or
                          written after a sort code ("60 83 71 / 22910045"); an IBAN
``card number``           a payment card number: 13-19 digits with a valid Luhn check digit,
                          or any such number after "card", or laid out as a card (4-4-4-4
                          from 2-6, American Express's 4-6-5)
``case id``               a local case identifier after its label: CRN, Mosaic / LCS /
                          Liquidlogic and other case-system IDs, hospital number / MRN, UPN,
                          ULN, CHI number, H&C number, police crime / occurrence / incident
                          references, client / pupil / patient numbers, passport, driving
                          licence and DBS certificate numbers ("case ref" and "ICO reference"
                          are an organisation's own and stay, "case ID" does not); short values
                          after a label (CRN B47, Mosaic ID 812); MARAC, CP, YJ and court case
                          references, benefit claim references; passport numbers after
                          "passport(s)"; a police crime number by its shape (43/88120/25) and
                          after occurrence / incident / log (12345/23); a number after an
                          organisation's initials and "no" (RVH no 1234567); HCN
``vehicle reg``           a vehicle registration: the current format (LN68 XWT) in capitals
                          anywhere; after reg / VRM / number plate / car / van, in lower case
                          too, and the older formats (R123 ABC, AXZ 1234, DAN 1S)
``name``                  a person's name where the text shows one: after a title in any case
                          (Mrs Patel, dr. patel, MRS O'NEILL: the title stays), after a word
                          for a person ("my client Priya"), after called / named / known as, a
                          given name and a surname ("Amir Hassan"), a given name shown to be a
                          person ("Priya's mum", "Kayleigh said", "Tomasz (15)"), two names
                          shown to be people ("the children Kayden and Brogan"); a form's
                          name field ("Name: Kayleigh", "*Surname:* Jones", the value on the next
                          line); surname first or initialled ("SMITH, John", "J. Smith", "Smith
                          J"); a sign-off or introduction ("Thanks, Sarah", "this is Bob from"); see
                          bot.names, the one home of that knowledge
========================  ===================================================================

Numbers said aloud and typed by dictation are read too (bot.privacy.spoken): eight digits or more
in words ("oh seven seven double oh nine ...", "nine hundred and forty three, four seven six ...";
not amounts said only in hundreds) are a phone (10-11 from a zero), an NHS number (ten, after "NHS")
or a case id; a house number in words before its street or building ("at forty two princes avenue",
"flat eleven Marlowe House"). Identifiers spelt out (bot.privacy.dictated): the phonetic alphabet,
or letters one by one with a number in words, or after a label (surname, name, spelt, postcode,
NI, reg) letters alone ("surname is S M I T H"), with "double-u" and "P for Peter" read as W and P,
written out as typed and taken by their shape (postcode, NI number as numbers.py takes it,
registration) or as a spelt name or reference; "a" and "I" are letters only beside another, and a
phonetic word with a year ("Echo 2024", "a November 14, 2023 meeting") is a date.

Every pattern reads a *shadow copy* of the text: NFKC-folded, non-breaking and thin spaces made
spaces, dashes made "-", curly apostrophes made "'", zero-width characters dropped, full-width
digits made ASCII. Each character of the copy remembers where it came from, so what is replaced
is the original span, exactly as typed.

When candidates overlap the more specific kind wins (e-mail, social media account, then NHS
number, NI number, date of birth, bank details, card number, case id, IP address, phone, postcode,
vehicle reg, address, name), so each value is replaced exactly once. A candidate that goes on past one
already kept, read by the same detector, is merged with it into one placeholder, so none of it stays in
clear ("her name is spelt Sierra Mike India Tango Hotel"); another detector's looser span over it is dropped
("passport 123456789 2 weeks ago" keeps its "2").

Slack's bold and italic marks around a label ("*DOB:* 03/04/15") and a line break after a label's
colon ("Surname:\nSmith") are read as spaces, so a form pasted into Slack reads like one typed.

The package is pure: no I/O, no Slack (bot.names reads the given-name list shipped with the
gender-guesser package and its own word lists in bot/data/ once, on first use). Patterns are
compiled once at import. Text with nothing to remove is returned as the very same string, and
redacting a redacted text changes nothing.

The package, one module per job: ``folding`` (the shadow copy), ``contact`` (e-mail addresses),
``numbers`` (NHS and NI numbers, bank details and IBANs, phones, case ids), ``documents`` (payment cards,
vehicle registrations, passports), ``dates`` (dates of birth),
``places`` (postcodes and addresses), ``houses`` (addresses without a house number, Welsh
streets), ``online`` (IP addresses, social media accounts), ``references`` (references after record words and systems'
letters, NHS numbers by their health context), ``scanning`` (where a pattern is tried), ``kinds`` (the
kinds, their priority, ``Redaction``), ``core`` (every detector, the overlaps, ``redact``).
Names come from bot.names.
"""

from __future__ import annotations

from bot.privacy.core import identifier_spans, redact, redact_placed, redact_question
from bot.privacy.folding import plain_characters
from bot.privacy.kinds import (
    ACCOUNT,
    ADDRESS,
    CARD,
    CASE_ID,
    DOB,
    EMAIL,
    IP_ADDRESS,
    KINDS,
    MAX_INPUT_CHARS,
    NAME,
    NHS,
    NI,
    PHONE,
    PLACEHOLDER,
    POSTCODE,
    SOCIAL,
    SORT_CODE,
    VEHICLE,
    Redaction,
)
from bot.privacy.numbers import phones_in

__all__ = [
    "Redaction",
    "redact",
    "redact_question",
    "KINDS",
    "PLACEHOLDER",
    # what the rest of bot/ reads too: the urgent cut's placed redaction, the matcher's folding
    "MAX_INPUT_CHARS",
    "plain_characters",
    "redact_placed",
    # what benchmarks/redaction_figures.py reads: every span found, and the phone cache it clears
    "identifier_spans",
    "phones_in",
]
