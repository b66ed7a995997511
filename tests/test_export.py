"""CSV exports: what a spreadsheet would run as a formula is shown as text."""

import csv
import io

import pytest

from bot.export import spreadsheet_safe, write_csv


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1", "  =1+1", "＝1+1"])
def test_formula_cells_are_neutralised(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Can I share with the police?", "[email] asked about s.47", "", 42, 61.5, None,
                                  "e-mail = fine", "2026-11-29"])
def test_ordinary_cells_are_unchanged(cell):
    assert spreadsheet_safe(cell) == cell


def test_write_csv_keeps_columns_in_order_and_neutralises_every_text_cell():
    out = io.StringIO()
    rows = [{"question": "=cmd()", "score": -3.5, "extra": "ignored"}, {"question": "fine", "score": 80}]
    assert write_csv(rows, ("question", "score"), out) == 2
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert parsed == [{"question": "'=cmd()", "score": "-3.5"}, {"question": "fine", "score": "80"}]
