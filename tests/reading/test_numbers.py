"""Numbers: decimal comma or point, thousands separators, currency signs, refusals."""

from __future__ import annotations

import math

import pandas as pd

from tests.reading.helpers import EN_HEADER, FR_HEADER, NBSP, NNBSP, only, read, write_csv


def revenues(tmp_path, cells: list[str], encoding: str = "utf-8", **options) -> list[float]:
    lines = [FR_HEADER] + [f"C{i};Client {i};Léa;{cell};1000000" for i, cell in enumerate(cells)]
    result = read(write_csv(tmp_path, lines, encoding=encoding), **options)
    assert result.report.ok, [p.describe() for p in result.report.errors]
    return result.frame["revenue"].tolist()


def test_decimal_comma_with_no_break_space_thousands_in_windows_1252(tmp_path):
    assert revenues(tmp_path, [f"1{NBSP}234,56", "12,5", "7"], encoding="cp1252") == [1234.56, 12.5, 7.0]


def test_narrow_no_break_space_and_plain_space_thousands(tmp_path):
    assert revenues(tmp_path, [f"1{NNBSP}234{NNBSP}567,8", "2 000", "3 000 000"]) == [
        1234567.8, 2000.0, 3000000.0]


def test_currency_signs_are_stripped(tmp_path):
    assert revenues(tmp_path, ["1 234,56 €", "€ 10", "$20", "£30,5", "0,5 €"]) == [
        1234.56, 10.0, 20.0, 30.5, 0.5]


def test_dot_thousands_with_decimal_comma(tmp_path):
    assert revenues(tmp_path, ["1.234,56", "1.234.567", "12,5"]) == [1234.56, 1234567.0, 12.5]


def test_comma_thousands_with_decimal_point(tmp_path):
    lines = [EN_HEADER, 'A1,Alpha,Ann,"1,234.56",5000', "A2,Beta,Ann,12.5,5000", 'A3,Gamma,Ann,"1,234,567",2000000']
    result = read(write_csv(tmp_path, lines, encoding="utf-8"))
    assert result.detected.decimal == "."
    assert result.frame["revenue"].tolist() == [1234.56, 12.5, 1234567.0]


def test_a_lone_other_mark_that_cannot_group_thousands_is_a_decimal_mark(tmp_path):
    # Decimal comma: "0.5" and "12.25" cannot be thousands, "1.234" can.
    assert revenues(tmp_path, ["0.5", "12.25", "1.234", "3,5"], decimal=",") == [
        0.5, 12.25, 1234.0, 3.5]


def test_decimal_mark_is_detected_from_the_values(tmp_path):
    # A semicolon file written with decimal points: 12.5 cannot be a thousands group.
    lines = [FR_HEADER, "C1;A;Léa;12.5;100", "C2;B;Léa;1.234;100"]
    result = read(write_csv(tmp_path, lines))
    assert result.detected.decimal == "."
    assert result.frame["revenue"].tolist() == [12.5, 1.234]


def test_decimal_mark_chosen_by_the_user_wins(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;1,234;100000"]
    assert read(write_csv(tmp_path, lines)).frame["revenue"].tolist() == [1.234]
    assert read(write_csv(tmp_path, lines), decimal=".").frame["revenue"].tolist() == [1234.0]


def test_text_in_a_number_column_is_blocking_with_row_column_and_value(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;100;200", "C2;B;Léa;n/a;200", "C3;C;Léa;12,5,3;200"]
    result = read(write_csv(tmp_path, lines))
    problems = only(result, "not_a_number")
    assert [(p.row, p.column, p.value) for p in problems] == [
        (3, "CA 12 mois", "n/a"), (4, "CA 12 mois", "12,5,3")]
    assert all(p.blocking for p in problems)
    assert "revenue" in problems[0].reason and "decimal" in problems[0].reason
    assert math.isnan(result.frame["revenue"].iloc[1])


def test_nan_and_infinity_words_are_not_numbers(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;nan;200", "C2;B;Léa;inf;200", "C3;C;Léa;1_000;200"]
    result = read(write_csv(tmp_path, lines))
    assert [(p.row, p.value) for p in only(result, "not_a_number")] == [
        (2, "nan"), (3, "inf"), (4, "1_000")]


def test_empty_required_number_is_blocking(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, "C1;A;Léa;;200", "C2;B;Léa; ;200"]))
    assert [(p.row, p.column, p.code) for p in result.report.errors] == [
        (2, "CA 12 mois", "missing_value"), (3, "CA 12 mois", "missing_value")]


def test_negative_revenue_and_potential_are_blocking(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;-1 200,5;200", "C2;B;Léa;10;-3"]
    problems = only(read(write_csv(tmp_path, lines)), "negative")
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "CA 12 mois", "-1200,5"), (3, "Potentiel", "-3")]
    assert all(p.blocking for p in problems)


def test_margin_may_be_negative(tmp_path):
    lines = [FR_HEADER + ";Marge brute", "C1;A;Léa;10;20;-4,5"]
    result = read(write_csv(tmp_path, lines))
    assert result.report.ok
    assert result.frame["margin"].tolist() == [-4.5]


def test_integer_columns_are_nullable_integers(tmp_path):
    lines = [FR_HEADER + ";Nb familles;Visites 12 mois", "C1;A;Léa;10;20;3;12", "C2;B;Léa;10;20;;0"]
    frame = read(write_csv(tmp_path, lines)).frame
    assert str(frame["product_families"].dtype) == "Int64"
    assert frame["product_families"].tolist() == [3, pd.NA]
    assert frame["visits_12m"].tolist() == [12, 0]


def test_integer_columns_refuse_fractions_and_negatives(tmp_path):
    lines = [FR_HEADER + ";Nb familles;Visites 12 mois", "C1;A;Léa;10;20;2,5;-1"]
    result = read(write_csv(tmp_path, lines))
    assert [(p.code, p.row, p.column, p.value) for p in result.report.errors] == [
        ("not_an_integer", 2, "Nb familles", "2,5"), ("negative", 2, "Visites 12 mois", "-1")]


def test_problems_beyond_the_cap_are_summed_up(tmp_path, monkeypatch):
    import portfolio.reading.issues as issues

    monkeypatch.setattr(issues, "MAX_ROWS_PER_KIND", 3)
    lines = [FR_HEADER] + [f"C{i};A;Léa;x{i};20" for i in range(10)]
    problems = only(read(write_csv(tmp_path, lines)), "not_a_number")
    assert sorted(p.row for p in problems if p.row) == [2, 3, 4]
    [summary] = [p for p in problems if p.row is None]
    assert summary.reason.startswith("7 more rows") and summary.blocking
    assert summary.text("fr").startswith("7 lignes de plus ont")


def test_a_single_row_beyond_the_cap_is_summed_up_in_the_singular(tmp_path, monkeypatch):
    import portfolio.reading.issues as issues

    monkeypatch.setattr(issues, "MAX_ROWS_PER_KIND", 3)
    lines = [FR_HEADER] + [f"C{i};A;Léa;x{i};20" for i in range(4)]
    [summary] = [p for p in only(read(write_csv(tmp_path, lines)), "not_a_number") if p.row is None]
    assert summary.reason.startswith("1 more row has the same problem")
    assert summary.text("fr").startswith("1 ligne de plus a le même problème")


def test_decimal_mark_is_detected_in_a_file_with_cells_over_several_lines(tmp_path):
    lines = [FR_HEADER + ";Notes", 'C1;A;Léa;12.5;100;"deux', 'lignes"', "C2;B;Léa;0.75;100;"]
    result = read(write_csv(tmp_path, lines))
    assert result.detected.decimal == "."
    assert result.frame["revenue"].tolist() == [12.5, 0.75]


def test_integer_columns_refuse_implausibly_large_counts(tmp_path):
    lines = [FR_HEADER + ";Visites 12 mois", "C1;A;Léa;10;20;1e300", "C2;B;Léa;10;20;4"]
    result = read(write_csv(tmp_path, lines))
    assert [(p.code, p.row, p.value) for p in result.report.errors] == [("out_of_range", 2, "1e+300")]
    assert result.frame["visits_12m"].tolist()[1] == 4
