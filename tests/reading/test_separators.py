"""Separators: semicolon (French Excel), comma, tab; detected or chosen."""

from __future__ import annotations

from tests.reading.helpers import EN_HEADER, FR_HEADER, codes, read, write_csv


def test_semicolon_is_detected(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, "C001;Alpha;Léa;1 200,50;4 000"]))
    assert result.detected.separator == ";"
    assert result.frame["revenue"].tolist() == [1200.5]


def test_comma_is_detected_with_quoted_values_holding_commas(tmp_path):
    lines = [EN_HEADER, 'A1,"Smith, Jones & Co",Ann,"1,200.50",4000']
    result = read(write_csv(tmp_path, lines, encoding="utf-8"))
    assert result.detected.separator == ","
    assert result.detected.decimal == "."
    assert result.frame["client_name"].tolist() == ["Smith, Jones & Co"]
    assert result.frame["revenue"].tolist() == [1200.5]


def test_tab_is_detected(tmp_path):
    lines = ["Code client\tRaison sociale\tCommercial\tCA\tPotentiel", "C1\tAlpha; Beta\tLéa\t10\t20"]
    result = read(write_csv(tmp_path, lines))
    assert result.detected.separator == "\t"
    assert result.frame["client_name"].tolist() == ["Alpha; Beta"]


def test_separator_chosen_by_the_user_is_used(tmp_path):
    # Read with "," this file has one column per line: the header is not found.
    path = write_csv(tmp_path, [FR_HEADER, "C001;Alpha;Léa;1;2"])
    result = read(path, separator=",")
    assert result.detected.separator == ","
    assert "missing_column" in codes(result)


def test_unknown_separator_option_is_reported(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, "C001;Alpha;Léa;1;2"]), separator="|")
    assert codes(result) == ["bad_option"]
