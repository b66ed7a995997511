"""What `canishare faq lint` catches beyond an entry's shape (curator review #7-#14): answers outside the
documented length, markup Slack cannot show, placeholder legal bases, YAML that would change an entry
silently, unfinished drafts, review dates in the future, files the loader skips; and every problem at
its line."""

import datetime as dt

import pytest
import yaml

from bot.faq import errors, lint, load_faq
from bot.faq.checks import ANSWER_WORDS, ANSWER_WORDS_HARD

from faq_factory import ANSWER, entry, write_faq

TODAY = dt.date(2026, 11, 30)


def words(n: int) -> str:
    """``n`` words in sentences of ten (lint warns about a sentence over 25 words)."""
    return " ".join("word." if i % 10 == 0 or i == n else "word" for i in range(1, n + 1))


def only(problems, **match):
    found = [p for p in problems if all(getattr(p, k) == v for k, v in match.items())]
    assert len(found) == 1, problems
    return found[0]


def line_text(directory, problem) -> str:
    return (directory / problem.file.split("/")[-1]).read_text().splitlines()[problem.line - 1]


# 7: answer length ------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [1, ANSWER_WORDS_HARD[0] - 1, ANSWER_WORDS_HARD[1] + 1, 1200])
def test_an_answer_outside_the_hard_range_is_an_error(tmp_path, count):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", answer=words(count))]})
    problem = only(lint(directory, TODAY), field="answer")
    assert not problem.warning and f"{count} word" in problem.message and problem.line


@pytest.mark.parametrize("count", [ANSWER_WORDS_HARD[0], ANSWER_WORDS[0] - 1, ANSWER_WORDS[1] + 1,
                                   ANSWER_WORDS_HARD[1]])
def test_an_answer_outside_the_documented_range_is_a_warning_and_still_loads(tmp_path, count):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", answer=words(count))]})
    problem = only(lint(directory, TODAY), field="answer")
    assert problem.warning and "60-170" in problem.message
    assert load_faq(directory).get("one").answer == words(count)


@pytest.mark.parametrize("count", ANSWER_WORDS)
def test_an_answer_in_the_documented_range_is_clean(tmp_path, count):
    assert lint(write_faq(tmp_path, {"a.yaml": [entry("one", answer=words(count))]}), TODAY) == []


# 8: markup Slack cannot show ------------------------------------------------------------------

@pytest.mark.parametrize("markup, says", [
    ("see <https://www.gov.uk/x|this>", "Slack-style link"),
    ("see <https://www.gov.uk/x>", "Slack-style link"),
    ("see [the code](http://www.gov.uk/x)", "not https"),
    ("![chart](https://www.gov.uk/x.png)", "an image"),
    ("<b>Yes</b>", "HTML tag"),
    ("| basis | when |\n| --- | --- |", "table"),
])
def test_markup_slack_would_show_raw_is_an_error(tmp_path, markup, says):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", answer=ANSWER + "\n\n" + markup)]})
    problem = only(lint(directory, TODAY), field="answer")
    assert not problem.warning and says in problem.message


def test_markdown_the_bot_converts_passes_lint(tmp_path):
    answer = ("## Privacy notices matter\n\n**No.** " + ANSWER + " See [the regulator's guidance](https://ico.org.uk/x).\n\n"
              "- __Record__ what you shared\n> a quotation")
    assert lint(write_faq(tmp_path, {"a.yaml": [entry("one", answer=answer)]}), TODAY) == []


# 9: placeholder legal bases -----------------------------------------------------------------

@pytest.mark.parametrize("basis", ["TBC", "N/A", "none", "-", "?", "See source", "tbd", "...", "n/a."])
def test_a_placeholder_legal_basis_is_an_error_at_its_line(tmp_path, basis):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=["UK General Data Protection Regulation Article 6(1)(e)", basis])]})
    problem = only(lint(directory, TODAY), field="legal_basis")
    assert "item 2" in problem.message and "placeholder" in problem.message
    assert basis in line_text(directory, problem)


@pytest.mark.parametrize("title", ["N/A", "none", "?"])
def test_the_same_rule_makes_a_placeholder_source_title_an_error(tmp_path, title):
    source = {"title": title, "url": "https://ico.org.uk/for-organisations/x"}
    problem = only(lint(write_faq(tmp_path, {"a.yaml": [entry("one", sources=[source])]}), TODAY))
    assert problem.field == "sources" and "placeholder" in problem.message


# 10: YAML that would change an entry silently -------------------------------------------------

def yaml_of(*entries) -> str:
    return yaml.safe_dump(list(entries), sort_keys=False)


def test_a_repeated_key_is_an_error_naming_both_lines(tmp_path):
    text = yaml_of(entry("one"), entry("two")) + "  variants:\n  - a b\n  - c d\n  - e f\n  - g h\n  - i j\n"
    directory = write_faq(tmp_path, {"a.yaml": text})
    problem = only(lint(directory, TODAY))
    lines = text.splitlines()
    first = [n for n, line in enumerate(lines, 1) if line == "  variants:"][1]
    assert f"lines {first} and {len(lines) - 5}" in problem.message and "'variants'" in problem.message
    assert problem.entry == "two" and problem.line == len(lines) - 5 and not problem.warning


@pytest.mark.parametrize("addition, key", [
    ("  id: privacy-notes-old\n", "id"),
    ("  nation_notes:\n    scotland: In Scotland, one rule.\n    scotland: In Scotland, another.\n", "scotland"),
])
def test_a_repeated_key_anywhere_in_an_entry_is_an_error(tmp_path, addition, key):
    directory = write_faq(tmp_path, {"a.yaml": yaml_of(entry("one")) + addition})
    assert any(f"key {key!r} is given twice" in p.message and p.line for p in errors(lint(directory, TODAY)))


@pytest.mark.parametrize("field, items", [
    ("variants", ["no", "yes", "101", "four things", "five things"]),
    ("keywords", ["consent", "1.5"]),
    ("tags", ["on"]),
    ("legal_basis", ["2018"]),
])
def test_an_unquoted_boolean_or_number_in_a_text_list_is_kept_as_written_with_a_warning(tmp_path, field, items):
    text = yaml_of(entry("one", **{field: items}))
    for item in items:
        text = text.replace(f"- '{item}'", f"- {item}")
    directory = write_faq(tmp_path, {"a.yaml": text})
    problems = [p for p in lint(directory, TODAY) if p.field == field]
    assert problems and all("quote it" in p.message and p.warning for p in problems)
    assert getattr(load_faq(directory).get("one"), field) == tuple(items)
    assert all(line_text(directory, p).strip().startswith("- ") or field in line_text(directory, p) for p in problems)


def test_quoted_no_and_101_stay_the_words_written(tmp_path):
    variants = ["no", "yes", "101", "four things", "five things"]
    faq = load_faq(write_faq(tmp_path, {"a.yaml": yaml_of(entry("one", variants=variants))}))
    assert faq.get("one").variants == tuple(variants)


# 11: drafts moved in before they were finished -----------------------------------------------

@pytest.mark.parametrize("overrides, field, says", [
    ({"id": "draft-esc-1"}, "id", "draft's id"),
    ({"tags": ["consent", "draft"]}, "tags", "'draft' tag"),
    ({"answer": ANSWER + " Call me on [phone]."}, "answer", "[phone]"),
    ({"variants": ["a b", "c d", "ask [name] about it", "e f", "g h"]}, "variants", "[name]"),
    ({"question": "Can I tell [NHS number] about it?"}, "question", "[NHS number]"),
    ({"last_reviewed": None}, "last_reviewed", "empty"),
    ({"last_reviewed": ""}, "last_reviewed", "empty"),
])
def test_what_a_draft_still_carries_is_an_error(tmp_path, overrides, field, says):
    text = yaml_of(entry("one", **{k: v for k, v in overrides.items() if v is not None}))
    if "last_reviewed" in overrides and overrides["last_reviewed"] is None:
        text = text.replace("last_reviewed: '2026-01-15'", "last_reviewed:")
    directory = write_faq(tmp_path, {"a.yaml": text})
    problem = only(errors(lint(directory, TODAY)), field=field)
    assert says in problem.message and problem.line


# 13: review dates in the future, files the loader skips ----------------------------------------

def test_a_review_date_after_today_is_an_error(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", last_reviewed="2029-11-26")]})
    problem = only(lint(directory, TODAY))
    assert problem.field == "last_reviewed" and "after today" in problem.message and not problem.warning
    assert lint(write_faq(tmp_path / "b", {"a.yaml": [entry("one", last_reviewed=TODAY.isoformat())]}), TODAY) == []


def test_a_yaml_file_the_loader_skips_is_a_warning_naming_it(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one")], "DWP.YAML": [entry("two")], "b.yml": [entry("three")]})
    write_faq(directory / "benefits", {"dwp.yaml": [entry("four")]})
    write_faq(directory / "drafts", {"draft-esc-1.yaml": [entry("draft-esc-1")]})
    problems = lint(directory, TODAY)
    assert all(p.warning and "not loaded" in p.message for p in problems)
    assert sorted(p.file.removeprefix(str(directory) + "/") for p in problems) == ["DWP.YAML", "benefits/dwp.yaml"]


# 14: every problem at its line -----------------------------------------------------------------

def test_a_duplicate_id_names_the_other_entrys_file_and_line(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("zero"), entry("same")],
                                     "b.yaml": [entry("same", question="Other")]})
    problem = only(lint(directory, TODAY), field="id")
    first_line = next(n for n, line in enumerate((directory / "a.yaml").read_text().splitlines(), 1)
                      if line == "- id: same")
    assert problem.file.endswith("b.yaml") and problem.line == 1
    assert f"a.yaml:{first_line}" in problem.message


def test_a_near_duplicate_phrasing_is_reported_at_its_line(tmp_path):
    one = entry("one", variants=["Can I share with the police without consent?", "b1", "c1", "d1", "e1"])
    two = entry("two", variants=["a2", "b2", "can i share with the police without consent", "d2", "e2"])
    directory = write_faq(tmp_path, {"a.yaml": [one, two]})
    problem = only(lint(directory, TODAY))
    assert "nearly duplicates" in problem.message
    assert line_text(directory, problem) == "  - can i share with the police without consent"


def test_a_watch_warning_is_reported_at_its_line(tmp_path):
    watch = [{"what": "A later change", "expected": "2027-06-01", "source": "https://www.legislation.gov.uk/ukpga/1"},
             {"what": "A change now due", "expected": "2026-06-01", "source": "https://www.legislation.gov.uk/ukpga/2"}]
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", watch=watch)]})
    problem = only(lint(directory, TODAY))
    assert problem.warning and problem.field == "watch" and line_text(directory, problem) == "  - what: A change now due"


def test_every_problem_of_an_entry_carries_its_line(tmp_path):
    broken = [
        entry("one", answer="Yes.", legal_basis=["TBC"], tags=["draft"], last_reviewed="2030-01-01"),
        entry("two", variants=["a", "b"], sources=[{"title": "N/A", "url": "https://ico.org.uk/x"}], colour="blue"),
        entry("one", question="Same id again", answer=words(65) + " [phone]"),
    ]
    problems = lint(write_faq(tmp_path, {"a.yaml": broken}), TODAY)
    assert len(problems) >= 8 and all(p.line for p in problems), [str(p) for p in problems if not p.line]


def test_what_lint_refuses_in_review_still_loads_so_an_upgraded_bot_serves_the_faq_it_served_before(tmp_path, caplog):
    """An FAQ written before these checks must not stop `serve` after an upgrade: lint fails on it (the
    pull request gate), the bot serves it and logs what to fix."""
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    text = yaml.safe_dump([entry("one", answer="See <https://www.gov.uk/x|this guidance>. " + words(10),
                                 last_reviewed=future)], sort_keys=False)
    text = text.replace("- id: one\n", "- id: one\n  tags: [first]\n", 1)  # a repeated key
    directory = write_faq(tmp_path, {"a.yaml": text})
    assert {p.field for p in errors(lint(directory))} >= {"answer", "last_reviewed", None}
    faq = load_faq(directory)
    assert faq.get("one") is not None
    assert "canishare faq lint` reports" in caplog.text


@pytest.mark.parametrize("changes", [
    {"question": ""},
    {"id": "draft-esc-4"}, {"tags": ["draft"]}, {"answer": "Call [name] on [phone]. " + words(60)},
    {"legal_basis": ["TBC"]},
])
def test_a_broken_or_unfinished_entry_still_stops_loading(tmp_path, changes):
    """A draft moved in before it was finished, or a legal basis that cites nothing, must never be served."""
    from bot.faq import FaqError

    directory = write_faq(tmp_path, {"a.yaml": [entry("one", **changes)]})
    with pytest.raises(FaqError):
        load_faq(directory)


def test_a_yaml_merge_key_is_not_a_repeated_key(tmp_path):
    text = yaml_of(entry("one")).replace("- id: one\n", "- &defaults\n  id: one\n", 1) + (
        yaml_of(entry("two")).replace("- id: two\n", "- <<: *defaults\n  id: two\n", 1))
    directory = write_faq(tmp_path, {"a.yaml": text})
    assert not [p for p in lint(directory, TODAY) if "given twice" in p.message]
    assert load_faq(directory).get("two").question == entry("two")["question"]


def test_hidden_yaml_files_beside_the_faq_are_not_read(tmp_path):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one")]})
    (directory / "._a.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02Mac OS X")  # what macOS leaves on a share
    assert not errors(lint(directory, TODAY)) and [e.id for e in load_faq(directory)] == ["one"]


# rv6prac #10: four-nation entries citing England-only or England-and-Wales law ------------------


def test_a_four_nation_entry_citing_englands_law_without_notes_is_warned_at_its_line(tmp_path):
    cited = entry("one", legal_basis=["UK General Data Protection Regulation Article 6", "Children Act 2004 sections 10 and 11"])
    directory = write_faq(tmp_path, {"a.yaml": [cited]})
    problem = only(lint(directory, TODAY), field="legal_basis")
    assert problem.warning and "Children Act 2004" in problem.message
    assert "Wales, Scotland, Northern Ireland" in problem.message
    assert "Children Act 2004" in line_text(directory, problem)


def test_notes_for_the_other_nations_or_narrower_nations_satisfy_the_check(tmp_path):
    basis = ["UK GDPR Article 6", "Crime and Disorder Act 1998 s115"]
    noted = entry("one", legal_basis=basis, nation_notes={"scotland": "In Scotland, s115 helps only in part ...",
                                                          "northern-ireland": "In Northern Ireland, s115 ..."})
    narrowed = entry("two", legal_basis=basis, nations=["england", "wales"])
    directory = write_faq(tmp_path, {"a.yaml": [noted, narrowed]})
    assert not [p for p in lint(directory, TODAY) if "does not hold in" in p.message]


def test_a_note_naming_a_section_in_full_covers_it(tmp_path):
    basis = ["UK GDPR Article 6", "Crime and Disorder Act 1998 s115"]
    noted = entry("one", legal_basis=basis, nation_notes={"scotland": "In Scotland, section 115 helps only in part.",
                                                          "northern-ireland": "In Northern Ireland, section 115 does not."})
    assert not [p for p in lint(write_faq(tmp_path, {"a.yaml": [noted]}), TODAY) if "does not hold in" in p.message]


def test_an_answer_citing_a_section_in_full_is_still_checked_for_its_nations(tmp_path):
    answer = ANSWER + " Teachers must report FGM to the police (FGM Act 2003 section 5B)."
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", answer=answer)]})
    assert any("cites FGM Act 2003 s5B" in p.message for p in lint(directory, TODAY))


def test_no_bundled_entry_claims_all_four_nations_over_englands_law(faq):
    from bot.faq.england_law import uncovered_nations

    for item in faq.entries:
        texts = (item.answer, *item.legal_basis, *(s.title for s in item.sources))
        assert not uncovered_nations(texts, item.nations, dict(item.nation_notes)), item.id


@pytest.mark.parametrize("cited, name", [
    ("NHS England, Guidance on AI-enabled ambient scribing", "NHS England guidance"),
    ("Mental Capacity Act 2005 ss1-4", "Mental Capacity Act 2005"),
    ("NHS Act 2006 s251", "NHS Act 2006 s251"),
    ("Health and Social Care Act 2012 s251B", "Health and Social Care Act 2012"),
])
def test_englands_health_and_capacity_law_needs_the_other_nations_notes(tmp_path, cited, name):
    directory = write_faq(tmp_path, {"a.yaml": [entry("one", legal_basis=["UK General Data Protection Regulation Article 6", cited])]})
    assert any(f"cites {name}" in p.message for p in lint(directory, TODAY))


# rv7legal #4: instruments the FAQ itself records as not UK-wide; a note must name the instrument; three-nation
# entries are checked too ------------------------------------------------------------------------------------


@pytest.mark.parametrize("cited, name, uncovered", [
    ("Female Genital Mutilation Act 2003 s5B", "FGM Act 2003 s5B", ["scotland", "northern-ireland"]),
    ("FGM Act 2003 s5B", "FGM Act 2003 s5B", ["scotland", "northern-ireland"]),
    ("Access to Health Records Act 1990 s3", "Access to Health Records Act 1990", ["northern-ireland"]),
    ("Rehabilitation of Offenders Act 1974 s4", "Rehabilitation of Offenders Act 1974", ["northern-ireland"]),
    ("Counter-Terrorism and Security Act 2015 s26", "Counter-Terrorism and Security Act 2015 Part 5",
     ["northern-ireland"]),
    ("Police, Crime, Sentencing and Courts Act 2022 s16", "Police, Crime, Sentencing and Courts Act 2022 Part 2",
     ["scotland", "northern-ireland"]),
    ("Criminal Justice Act 2003 s325", "Criminal Justice Act 2003 s325", ["scotland", "northern-ireland"]),
    ("Children Act 1989 s42", "Children Act 1989", ["scotland", "northern-ireland"]),
    ("Family Procedure Rules 2010 r12.73", "Family Procedure Rules 2010", ["scotland", "northern-ireland"]),
    ("Digital Government (Disclosure of Information) Regulations 2018",
     "Digital Economy Act 2017 Part 5 (Digital Government Regulations 2018)", ["northern-ireland"]),
    ("Digital Economy Act 2017 Part 5", "Digital Economy Act 2017 Part 5 (Digital Government Regulations 2018)",
     ["northern-ireland"]),
])
def test_law_the_faq_records_as_not_uk_wide_needs_its_nations_notes(cited, name, uncovered):
    from bot.faq.england_law import uncovered_nations

    four = ["england", "wales", "scotland", "northern-ireland"]
    assert uncovered_nations((cited,), four, {}) == [(name, uncovered)]


def test_a_note_about_something_else_does_not_cover_the_instrument():
    from bot.faq.england_law import uncovered_nations

    four = ["england", "wales", "scotland", "northern-ireland"]
    unrelated = {"wales": "x", "scotland": "y", "northern-ireland": "Follow Co-operating to Safeguard Children."}
    assert uncovered_nations(["Children Act 2004 s11"], four, unrelated) == [
        ("Children Act 2004", ["wales", "scotland", "northern-ireland"])]
    named = {n: "Children Act 2004 s11 does not apply here: ..." for n in ("wales", "scotland", "northern-ireland")}
    assert uncovered_nations(["Children Act 2004 s11"], four, named) == []
    # "England's" alone would pass for every instrument the entry cites (review rv7fu-legal #1): not enough
    plainly = {n: "Working Together is England's guidance: follow local procedures." for n in ("wales", "scotland",
                                                                                                "northern-ireland")}
    assert uncovered_nations(["Children Act 2004 s11; Working Together"], four, plainly) == [
        ("Children Act 2004", ["wales", "scotland", "northern-ireland"])]


def test_three_nation_entries_are_checked_too(tmp_path):
    from bot.faq.england_law import uncovered_nations

    assert uncovered_nations(["Children Act 2004 s11"], ["england", "wales", "scotland"], {}) == [
        ("Children Act 2004", ["wales", "scotland"])]
    cited = entry("one", legal_basis=["UK General Data Protection Regulation Article 6", "Digital Economy Act 2017 Part 5"],
                  nations=["england", "wales", "scotland", "northern-ireland"],
                  nation_notes={"northern-ireland": "In Northern Ireland, ask your legal team."})
    directory = write_faq(tmp_path, {"a.yaml": [cited]})
    problem = only(lint(directory, TODAY), field="legal_basis")
    assert problem.warning and "Digital Economy Act 2017 Part 5" in problem.message
    assert "does not hold in Northern Ireland" in problem.message and "names it" in problem.message


def test_wales_own_part_of_the_children_act_2004_is_not_englands():
    from bot.faq.england_law import instruments_cited

    assert instruments_cited("Children Act 2004 s11") == [("Children Act 2004", ("england",))]
    assert instruments_cited("Children Act 2004 s28 (Wales)") == []  # Part 3, ss25-34: children's services in Wales
    assert instruments_cited("Children Act 2004, s 25") == []


# users review s11 #9: legal bases now write sections in full; the nation checks read them as cited ----------------


@pytest.mark.parametrize("written, cited", [
    ("Children Act 2004 sections 10 and 11", [("Children Act 2004", ("england",))]),
    ("Children Act 2004 sections 25 to 34 (Wales)", []),  # Wales's own Part 3, however the run is written
    ("Children Act 2004 sections 28 and 31", []),
    ("Female Genital Mutilation Act 2003 section 5B (duty to notify police)",
     [("FGM Act 2003 s5B", ("england", "wales"))]),
    ("Counter-Terrorism and Security Act 2015 sections 26 and 36",
     [("Counter-Terrorism and Security Act 2015 Part 5", ("england", "wales", "scotland"))]),
])
def test_sections_written_in_full_are_read_as_cited(written, cited):
    from bot.faq.england_law import instruments_cited

    assert instruments_cited(written) == cited


def test_a_note_naming_a_later_section_of_a_run_covers_it():
    from bot.faq.england_law import uncovered_nations

    notes = {n: "In this nation, sections 17 and 115 of the 1998 Act do not apply." for n in ("scotland", "northern-ireland")}
    assert uncovered_nations(["Crime and Disorder Act 1998 section 115"], ["england", "wales", "scotland",
                                                                           "northern-ireland"], notes) == []
