"""Share of wallet and commitments kept: percent rules, range, derivation, capping."""

from __future__ import annotations

import math

import pytest

from tests.reading.helpers import FR_HEADER, only, read, write_csv


def shares(tmp_path, header: str, cells: list[str]):
    lines = [f"{FR_HEADER};{header}"] + [
        f"C{i};Client {i};Léa;10;100;{cell}" for i, cell in enumerate(cells)]
    return read(write_csv(tmp_path, lines))


def test_a_cell_with_a_percent_sign_is_a_percentage(tmp_path):
    result = shares(tmp_path, "Part de marché", ["12,5 %", "0,4", "35%"])
    assert result.frame["share_of_wallet"].tolist() == pytest.approx([0.125, 0.4, 0.35])
    assert result.report.ok


def test_a_percent_sign_in_the_header_makes_every_value_a_percentage(tmp_path):
    result = shares(tmp_path, "PdM (%)", ["35", "0,5", "100"])
    assert result.frame["share_of_wallet"].tolist() == pytest.approx([0.35, 0.005, 1.0])


def test_values_above_one_with_no_fraction_are_percentages(tmp_path):
    result = shares(tmp_path, "Part de marché", ["35", "0", "100", "1"])
    assert result.frame["share_of_wallet"].tolist() == pytest.approx([0.35, 0.0, 1.0, 0.01])


def test_ratios_stay_ratios(tmp_path):
    result = shares(tmp_path, "SOW", ["0,35", "1", "0"])
    assert result.frame["share_of_wallet"].tolist() == pytest.approx([0.35, 1.0, 0.0])


def test_a_mix_of_ratios_and_percentages_is_out_of_range_with_a_hint(tmp_path):
    result = shares(tmp_path, "Part de marché", ["0,35", "40"])
    [problem] = only(result, "out_of_range")
    assert (problem.row, problem.column, problem.value) == (3, "Part de marché", "40")
    assert "4000%" in problem.reason and "write them all the same way" in problem.reason


def test_share_of_140_percent_is_blocking(tmp_path):
    result = shares(tmp_path, "Part de marché", ["35 %", "140 %"])
    [problem] = only(result, "out_of_range")
    assert problem.blocking
    assert (problem.row, problem.column, problem.value) == (3, "Part de marché", "140 %")
    assert "between 0 and 1" in problem.reason and "140%" in problem.reason


def test_negative_share_is_out_of_range(tmp_path):
    result = shares(tmp_path, "Part de marché", ["-0,2"])
    assert [(p.code, p.row) for p in result.report.errors] == [("out_of_range", 2)]


def test_share_is_derived_from_revenue_and_potential_when_absent(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;25;100", "C2;B;Léa;0;50", "C3;C;Léa;0;0"]
    frame = read(write_csv(tmp_path, lines)).frame
    derived = frame["share_of_wallet"].tolist()
    assert derived[:2] == [0.25, 0.0]
    assert math.isnan(derived[2])  # no potential, no revenue: no share


def test_share_is_derived_for_empty_cells_only(tmp_path):
    result = shares(tmp_path, "Part de marché", ["20 %", ""])
    assert result.frame["share_of_wallet"].tolist() == pytest.approx([0.2, 0.1])
    [note] = only(result, "empty_cells")
    assert not note.blocking and note.column == "Part de marché"
    assert "derived" in note.reason and "row 3" in note.reason


def test_revenue_above_potential_warns_and_caps_the_derived_share(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;120 000;100 000", "C2;B;Léa;5;0"]
    result = read(write_csv(tmp_path, lines))
    assert result.report.ok
    assert result.frame["share_of_wallet"].tolist() == [1.0, 1.0]
    warnings = only(result, "revenue_above_potential")
    assert [(p.row, p.column, p.value, p.blocking) for p in warnings] == [
        (2, "CA 12 mois", "120000 > 100000", False), (3, "CA 12 mois", "5 > 0", False)]
    assert "capped" in warnings[0].reason


def test_commitments_kept_follows_the_same_percent_rules(tmp_path):
    lines = [f"{FR_HEADER};Respect des engagements", "C1;A;Léa;1;2;80 %", "C2;B;Léa;1;2;90",
             "C3;C;Léa;1;2;150"]
    result = read(write_csv(tmp_path, lines))
    assert result.frame["commitments_kept"].tolist()[:2] == pytest.approx([0.8, 0.9])
    [problem] = only(result, "out_of_range")
    assert (problem.row, problem.column, problem.value) == (4, "Respect des engagements", "150")
