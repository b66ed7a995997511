"""Is this a person's name? The one home for that knowledge in canishare.

Redaction (``bot.privacy``) uses :func:`name_spans` to find people's names in a question; the
text normaliser and the digest's quote masking can ask the word-level questions below instead of
keeping lists of their own.

Word-level questions (each takes one word as typed; case is ignored unless said otherwise):

=============================  ===================================================================
``is_title(word)``             "Mr", "mrs.", "DR", "Prof", "Cllr", "Sir", "Dame", "Rev", "PC" ...
``is_given_name(word)``        a known given name ("Priya", "Tomasz", "siobhan", "Will")
``is_common_word(word)``       an everyday English word ("will", "grace", "scheme", "police")
``is_ambiguous_name(word)``    both of the above ("Will", "May", "Grace", "Mark", "Amber")
``is_surname_particle(word)``  "van", "der", "de", "la", "al", "bin", "ap", "Ní", "Ó" ...
``is_not_a_name(word)``        never a person's name here: months, weekdays, legal eponyms
                               (Caldicott, Gillick), organisation and institution words (Act,
                               Council, Trust, Police, Prevent, Channel)
``is_place(word)``             a place that is also a given name (Paris, Jordan, Chelsea, Kent)
``is_name_shaped(word)``       written like a name: Capitalised, O'Neill, McDonald, Smith-Jones,
                               al-Hassan, ÓSúilleabháin (case-sensitive)
``is_role_word(word)``         a word for a person that a name often follows ("my client Priya",
                               "her son jake", "the pupil, Oliver")
=============================  ===================================================================

Text-level: ``name_spans(text)`` returns the ``(start, end)`` spans of the names it finds, where the
text itself gives evidence that a name is there:

- after a title, in any case, with or without a dot ("Mrs O'Neill", "dr. patel", "MRS OKAFOR",
  "Mr. J. Bloggs"; the title itself is not part of the span);
- after a word for a person ("my client Priya", "her son jake", "the pupil, Oliver,");
- after "called", "named", "known as", "goes by", "calls herself", "her name is" (in lower case too
  when a person is being named: "a girl called amelia"); a nickname in quotes after "aka", "known
  as", "nicknamed" ("dad aka 'Big Mick'"), unless every word of it is an everyday word, it starts with
  "the" or holds a number, and inside a full name ("Dean 'Deano' Whitfield", "darren 'daz' pickering");
- a known given name followed by a surname-shaped word ("worried about Amir Hassan",
  "Jake Dunn's dad", "Anna van der Berg"), unless it is an organisation's name
  ("Lucy Faithfull Foundation") or a legal reference ("Clare's Law");
- a known given name that the sentence shows is a person: a possessive ("Priya's mum", "jakes
  address"), a verb ("Kayleigh said", "Priya told"), an age ("Tomasz (15)", "Jake, 14,", "Grace is
  16"), a bracket ("mum (Sarah)", "Rose (the eldest)", "bartek (tenant)"), another given name
  ("Rhiannon and Dafydd");
  a given name that is also an everyday word ("Hope", "Will") only with such strong evidence;
- two names joined by "and" or "&" when one or both are no known given name, where the sentence
  shows people: a word for children or siblings before them ("the children Kayden and Brogan"),
  their ages after them ("(7 and 9)", "Temi (7) and Dayo (4)"), a possessive before a relative
  ("Keeva and Brogan's mum"), what only people do or are ("were seen", "are in foster care"), or,
  beside a known given name, what people and bodies both do ("Kayden and Brogan said"); never a
  place, body or law ("Barking and Dagenham", "Health and Safety", "Police and Crime Act");
- a surname made a family ("the Hassan family", "Okonkwo twins", "the Kowalczyks have");
- any other occurrence of a name found by the rules above ("Priya ... Priya"; in lower case too
  unless it is an everyday word: "his mate Dylan ... about dylan").

A lone given name with no such evidence ("can I tell the school about Jake?") is left alone, and so
are everyday words that are also names ("Will the DSL ...", "Grace period", "Hope this helps").

Given names come from the ``gender-guesser`` package's dictionary (Jörg Michael's ``nam_dict``:
about 45,000 first names from 50 countries, read once, on first use), plus a short supplement of
names common in the UK that it lacks (bot/data/given_names_supplement.txt). Everyday English words
are a frequency-selected list from SCOWL (bot/data/common_words.txt; its header gives the source and
the licence). Both files are read once, on first use.

The package: ``words`` (the word classes and the word lists, those several rules share too),
``given`` (the given-name list), ``tokens`` (a text's words), ``finder`` (one pass's state and shared
helpers, ``FinderBase``), ``introduced`` and ``untitled`` (the rules), ``records`` (names as case records
write them: "SMITH, John", "J. Smith", sign-offs), ``pairs`` (two names joined by "and" that no list
knows), ``evidence`` (what shows a person when nothing introduces the name, and the rules that use only
that), ``spans`` (the pass: ``name_spans``). Each rule set is a mixin that declares the bases it uses.
"""

from __future__ import annotations

from bot.names.given import given_names, is_ambiguous_name, is_given_name
from bot.names.records import FIELD_ACRONYMS, SECTOR_ACRONYMS
from bot.names.spans import name_spans
from bot.names.tokens import words_of
from bot.names.words import (
    COMMON_SURNAMES,
    INSTITUTION_WORDS,
    LEGAL_EPONYMS,
    LEGAL_FOLLOWERS,
    NAME_VERBS,
    SURNAME_PARTICLES,
    TITLES,
    common_words,
    is_common_word,
    is_name_shaped,
    is_not_a_name,
    is_place,
    is_role_word,
    is_surname_particle,
    is_title,
)

__all__ = [
    "TITLES",
    "SURNAME_PARTICLES",
    "is_title",
    "is_given_name",
    "is_common_word",
    "is_ambiguous_name",
    "is_surname_particle",
    "is_not_a_name",
    "is_name_shaped",
    "is_role_word",
    "is_place",
    "given_names",
    "name_spans",
    # what the rest of bot/ reads too: bot.text's name heuristic, the digest's quoting, the urgency
    # model's word list, bot.privacy's keyword search
    "COMMON_SURNAMES",
    "FIELD_ACRONYMS",
    "SECTOR_ACRONYMS",
    "INSTITUTION_WORDS",
    "LEGAL_EPONYMS",
    "LEGAL_FOLLOWERS",
    "NAME_VERBS",
    "common_words",
    "words_of",
]
