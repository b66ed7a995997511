"""Lint teaches plain English (accessibility review s10 #8): each answer and nation note is read on its own, by
people with dyslexia, with English as a second language, or on a phone between visits, so an abbreviation is
spelled out at its first use in that text, and no sentence runs over 25 words. Each warning names the entry,
the field and the line to change."""

import datetime as dt

import pytest

from bot.faq import BUNDLED_FAQ_DIR, lint, load_faq
from bot.faq.plain_english import (
    ABBREVIATIONS,
    LONGEST_SENTENCE,
    WELL_KNOWN,
    long_sentences,
    unexplained_abbreviations,
)

from faq_factory import ANSWER, entry, write_faq

TODAY = dt.date(2026, 11, 30)


def plain_english_warnings(problems):
    return [p for p in problems if p.warning and ("spelled out" in p.message or "sentence of" in p.message
                                                 or "shortened word" in p.message)]


def one_warning(directory):
    found = plain_english_warnings(lint(directory, TODAY))
    assert len(found) == 1, found
    return found[0]


def one_finding(findings) -> str:
    found = list(findings)
    assert len(found) == 1, found
    return found[0].message


def sentence(words: int) -> str:
    return " ".join(["word"] * (words - 1) + ["end."])


LITERAL_ENTRY = """\
- id: one
  question: "Can I share it?"
  variants: [one a, one b, one c, one d, one e]
  answer: |-
    {first}
    {second}
  legal_basis: [UK General Data Protection Regulation Article 6]
  sources:
    - title: ICO data sharing code
      url: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/
  tags: [test]
  last_reviewed: 2026-01-15
  nations: [england, wales, scotland, northern-ireland]
"""


def literal(tmp_path, first: str, second: str):
    return write_faq(tmp_path, {"a.yaml": LITERAL_ENTRY.format(first=ANSWER, second=first + " " + second)})


def line_text(directory, problem) -> str:
    return (directory / "a.yaml").read_text().splitlines()[problem.line - 1]


# abbreviations ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("abbreviation", ["DPO", "IG", "KCSIE", "DPA"])
def test_an_abbreviation_before_its_expansion_is_a_warning_at_its_line(tmp_path, abbreviation):
    directory = literal(tmp_path, f"If unsure, ask your {abbreviation}.", "Keep a record.")
    problem = one_warning(directory)
    assert (problem.entry, problem.field) == ("one", "answer")
    assert abbreviation in line_text(directory, problem)
    assert f"{ABBREVIATIONS[abbreviation]} ({abbreviation})" in problem.message
    assert load_faq(directory).get("one")  # a warning: the entry is served


def test_an_abbreviation_spelled_out_at_its_first_use_is_clean_and_may_be_used_alone_after(tmp_path):
    directory = literal(tmp_path, "Ask your data protection officer (DPO) or information governance (IG) team.",
                        "Your DPO keeps the IG records.")
    assert plain_english_warnings(lint(directory, TODAY)) == []


def test_the_expansion_given_only_after_the_abbreviation_is_still_a_warning(tmp_path):
    directory = literal(tmp_path, "Ask your DPO.", "Your data protection officer knows.")
    assert "'DPO'" in one_warning(directory).message


def test_an_abbreviation_inside_a_word_or_in_lower_case_is_not_one(tmp_path):
    directory = literal(tmp_path, "Keep the icons, the NHSmail log and the dpo's digital records.", "Then record it.")
    assert plain_english_warnings(lint(directory, TODAY)) == []
    assert "'ICO'" not in one_warning(literal(tmp_path / "b", "Keep the ICONS.", "Record it.")).message


@pytest.mark.parametrize("short, full", [("s115", "section"), ("Sch 1", "Schedule"), ("para 18", "paragraph"),
                                         ("Art 6", "Article")])
def test_a_shortened_word_of_a_citation_is_a_warning(tmp_path, short, full):
    directory = literal(tmp_path, f"The law ({short}) allows it.", "Record it.")
    problem = one_warning(directory)
    assert repr(full) in problem.message and short.split()[0] in line_text(directory, problem)


def test_a_nation_note_is_read_alone_so_it_spells_out_its_own_abbreviations(tmp_path):
    note = "In Scotland the Getting it right for every child (GIRFEC) guidance applies; the DPA 2018 applies as everywhere."
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", nation_notes={"scotland": note})]})
    problem = one_warning(directory)
    assert problem.field == "nation_notes"
    assert "scotland" in problem.message and "'DPA'" in problem.message
    assert "scotland:" in line_text(directory, problem)


# long sentences ---------------------------------------------------------------------------------------

def test_a_sentence_over_25_words_is_a_warning_at_its_line(tmp_path):
    directory = literal(tmp_path, sentence(LONGEST_SENTENCE + 1), "Record it.")
    problem = one_warning(directory)
    assert (problem.entry, problem.field) == ("one", "answer") and f"{LONGEST_SENTENCE + 1} words" in problem.message
    assert line_text(directory, problem).strip().startswith("word word")


def test_closing_markup_after_a_full_stop_still_ends_the_sentence(tmp_path):
    text = "*No.* " + sentence(LONGEST_SENTENCE)
    assert plain_english_warnings(lint(literal(tmp_path, text, "Record it."), TODAY)) == []


def test_a_sentence_of_25_words_is_clean(tmp_path):
    assert plain_english_warnings(lint(literal(tmp_path, sentence(LONGEST_SENTENCE), "Record it."), TODAY)) == []


@pytest.mark.parametrize("joint", ["; ", ": ", "\n    • ", ". "])
def test_a_semicolon_colon_or_list_item_ends_a_sentence(tmp_path, joint):
    text = sentence(20)[:-1] + joint + sentence(20)
    assert plain_english_warnings(lint(literal(tmp_path, text, "Record it."), TODAY)) == []


def test_a_long_sentence_in_a_nation_note_is_a_warning(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", nation_notes={"wales": sentence(30)})]})
    problem = one_warning(directory)
    assert problem.field == "nation_notes" and "wales" in problem.message and "30 words" in problem.message


# code review s11 #6: expansions however typed, links, sentence ends, citations however shortened, any capitals -----

@pytest.mark.parametrize("text", [
    "The Information Commissioner’s Office (ICO) says so.",  # a curly apostrophe
    "Sign an information-sharing agreement (ISA) first.",  # hyphenated
    "Sign a data-sharing agreement (DSA) first.",
    "Ask your *data protection officer* (DPO).",  # markup inside the expansion
])
def test_an_expansion_counts_however_it_is_typed(text):
    assert list(unexplained_abbreviations(text)) == []


def test_a_web_address_is_not_read_for_shortened_words_but_a_links_words_are():
    assert list(unexplained_abbreviations("[the guidance](https://example.gov.uk/guidance/s17-children-in-need)")) == []
    assert list(unexplained_abbreviations("See https://example.gov.uk/s17-CIN or <https://example.gov.uk/s47>.")) == []
    assert "'s17'" in one_finding(unexplained_abbreviations("[guidance on s17](https://example.gov.uk/guidance)"))


@pytest.mark.parametrize("ending", ['Ask yourself "Is sharing necessary and proportionate here?"',
                                    "(See section 115 of the Crime and Disorder Act.)",
                                    "[Read the ICO guidance on sharing.](https://ico.org.uk)",
                                    "*Share it.*"])
def test_a_sentence_ends_before_a_closing_quote_bracket_or_link(ending):
    assert list(long_sentences(ending + " " + sentence(LONGEST_SENTENCE))) == []
    assert "sentence of" in one_finding(long_sentences(ending + " " + sentence(LONGEST_SENTENCE + 1)))


@pytest.mark.parametrize("short, full", [
    ("s.47", "section"), ("s 47", "section"), ("ss. 17 and 47", "section"), ("ss10-11", "section"),
    ("art. 6(1)(e)", "Article"), ("Arts 6 and 9", "Article"), ("reg 5", "regulation"), ("regs. 2", "regulation"),
    ("r12.73", "rule"), ("Pt 3", "Part"), ("sch. 1", "Schedule"), ("paras 6-7", "paragraph"),
])
def test_a_citation_shortened_any_way_is_a_warning(short, full):
    message = one_finding(unexplained_abbreviations(f"The law ({short}) allows it."))
    assert repr(full) in message and short.split()[0].split("-")[0] in message


@pytest.mark.parametrize("text", ["The parent's 2 children", "It is 5 days", "Section 47 of the Act",
                                  "Articles 6 and 9", "Part 3", "regulation 5"])
def test_words_and_numbers_that_are_not_a_shortened_citation_are_clean(text):
    assert list(unexplained_abbreviations(text)) == []


@pytest.mark.parametrize("text, abbreviation", [
    ("Report FGM to the police.", "FGM"), ("Tell the PSNI.", "PSNI"), ("Check CP-IS first.", "CP-IS"),
    ("Ask their MSPs.", "MSP"), ("Use CJSM or NHSmail.", "CJSM"), ("Do NOT share it.", "NOT"),
    ("FGM is a crime: report female genital mutilation (FGM).", "FGM"),  # spelled out only after its first use
    ("the Criminal Law Act (NI) 1967", "NI"),  # brackets beside words that do not spell it
    ("Tell the PSNI (the police) first.", "PSNI"), ("Do not rely on blind copy (BCC).", "BCC"),
])
def test_any_word_in_capitals_is_an_abbreviation_to_spell_out(text, abbreviation):
    assert f"{abbreviation!r} is used before it is spelled out" in one_finding(unexplained_abbreviations(text))


@pytest.mark.parametrize("text", [
    "Female genital mutilation (FGM) is a crime; report FGM.",
    "FGM (female genital mutilation) is a crime; report FGM.",
    "Ask their Members of the Scottish Parliament (MSPs), then the MSP's office.",
    "Child Protection - Information Sharing (CP-IS) helps.",
    "Getting it right for every child (GIRFEC) applies, as do the Health and Social Care (HSC) trusts.",
    "The NHS, a GP, your MP, the UK-wide rules, the IT team, AI tools and CCTV footage.",
    "Gillick v West Norfolk and Wisbech Area Health Authority [1986] AC 112",  # a law report's series
])
def test_capitals_spelled_out_beside_them_well_known_or_a_law_report_are_clean(text):
    assert list(unexplained_abbreviations(text)) == []


def test_the_words_in_capitals_read_as_words_are_few():
    assert len(WELL_KNOWN) <= 10 and not WELL_KNOWN & set(ABBREVIATIONS)


# the legal basis line (users review s11 #9) --------------------------------------------------------------------

def test_the_legal_basis_line_spells_out_its_abbreviations_at_the_item_of_first_use(tmp_path):
    basis = ["Data Protection Act 2018 Schedule 1 paragraph 18", "UK GDPR Article 6(1)(e)"]
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=basis)]})
    problem = one_warning(directory)
    assert (problem.field, problem.warning) == ("legal_basis", True) and "'GDPR'" in problem.message
    assert "UK GDPR Article 6(1)(e)" in line_text(directory, problem)


def test_an_abbreviation_spelled_out_in_one_item_may_be_used_alone_in_a_later_one(tmp_path):
    basis = ["UK General Data Protection Regulation (UK GDPR) Article 6(1)(e)", "Common law duty of confidence",
             "UK GDPR Article 9(2)(g)"]
    assert plain_english_warnings(lint(write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=basis)]}),
                                       TODAY)) == []


@pytest.mark.parametrize("short", ["Data Protection Act 2018 s164A", "Data Protection Act 2018 Sch 1 paras 6-7",
                                   "Children Act 1989 s.47", "Family Procedure Rules 2010 r12.73"])
def test_a_shortened_citation_in_the_legal_basis_is_a_warning_at_its_item(tmp_path, short):
    basis = ["UK General Data Protection Regulation Article 6(1)(e)", short]
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=basis)]})
    found = plain_english_warnings(lint(directory, TODAY))
    assert found and all(p.field == "legal_basis" and "shortened word" in p.message for p in found)
    assert all(line_text(directory, p).strip() == f"- {short}" for p in found)


def test_a_long_citation_is_not_a_long_sentence(tmp_path):
    basis = ["Data (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving Provisions) Regulations "
             "2026 (Statutory Instrument 2026/82), regulation 2, in force 5 February 2026, for the purposes of the "
             "recognised legitimate interests and the compatible purposes"]
    assert plain_english_warnings(lint(write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=basis)]}),
                                       TODAY)) == []


# the bundled FAQ --------------------------------------------------------------------------------------

def test_the_bundled_faq_is_in_plain_english():
    found = plain_english_warnings(lint(BUNDLED_FAQ_DIR))
    assert [str(p) for p in found] == []


def test_the_bundled_legal_bases_write_their_citations_in_full(faq):
    from bot.faq.plain_english import SHORTENED_WORDS

    shortened = [(e.id, basis) for e in faq.entries for basis in e.legal_basis
                 if any(pattern.search(basis) for _, pattern in SHORTENED_WORDS.values())]
    assert shortened == []


def test_the_bundled_nation_notes_spell_out_their_abbreviations():
    found = plain_english_warnings(lint(BUNDLED_FAQ_DIR))
    assert [str(p) for p in found if p.field == "nation_notes"] == []



def test_each_legal_basis_item_names_its_act_with_its_year(tmp_path):
    """Record my decision offers one item alone, and the record keeps it: 'DPA Schedule 1' there does not
    say which Data Protection Act (legal review s11 #2)."""
    basis = ["Data Protection Act 2018 (DPA) Schedule 1 paragraph 18", "DPA Schedule 1 paragraph 10",
             "Data Protection Act 2018 (DPA) Part 3; DPA Schedule 8", "DPA 2018 section 170"]
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=basis)]})
    said = [p for p in lint(directory) if "without its year" in p.message]
    assert [p.message.split(":")[0] for p in said] == ["item 2"]


def test_a_basis_offered_in_record_my_decision_leads_with_its_provision():
    from bot.decisions import cited_short

    assert cited_short("UK General Data Protection Regulation (UK GDPR) Article 5 and Article 6(1)(e) or (f)") == \
        "UK GDPR Art 5 and Art 6(1)(e) or (f)"
    assert cited_short("Data Protection Act 2018 Schedule 1 paragraphs 10 and 18 (crime; safeguarding)") == \
        "DPA 2018 Sch 1 paras 10 and 18 (crime; safeguarding)"
    assert cited_short("Data Protection Act 1998 (DPA) section 29") == "Data Protection Act 1998 (DPA) s 29"
