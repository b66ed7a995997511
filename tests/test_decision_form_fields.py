"""The decision form's fields are listed once, by ``DecisionForm``: the pop-up asks each one, each typed
field has its limit (the pop-up's too), and the export has a column for each field a record keeps (the
house review, rv-house, finding 10)."""

import dataclasses

from bot.decisions import LIMITS, RECORDED_FIELDS, TEXT_FIELDS, DecisionForm
from bot.export import DECISION_RECORD_COLUMNS
from bot.records import DecisionRecord
from bot.slack.blocks.modals import decision_modal

FORM = [f.name for f in dataclasses.fields(DecisionForm)]


def test_the_pop_up_asks_every_field_of_the_form():
    blocks = {b["block_id"]: b for b in decision_modal(None, {})["blocks"] if b["type"] == "input"}
    assert list(blocks) == FORM
    for field in TEXT_FIELDS:
        assert blocks[field]["element"]["max_length"] == LIMITS[field]


def test_every_typed_field_has_its_limit():
    assert set(TEXT_FIELDS) == set(LIMITS) and TEXT_FIELDS


def test_the_export_and_the_record_keep_every_field_but_the_other_basis_folded_into_the_basis():
    record_fields = {f.name for f in dataclasses.fields(DecisionRecord)}
    assert set(FORM) - set(RECORDED_FIELDS) == {"lawful_basis_other"}
    assert set(RECORDED_FIELDS) <= record_fields and set(RECORDED_FIELDS) <= set(DECISION_RECORD_COLUMNS)
