"""The frame handed to the rest of the product: columns, types, order, big files."""

from __future__ import annotations

import dataclasses
import inspect

import numpy as np
import pandas as pd
import pytest

import portfolio.reading as reading
from portfolio.problems import Report
from tests.reading.helpers import FR_HEADER, NBSP, read, write_csv

FULL_HEADER = (FR_HEADER + ";PdM;Marge;Région;Secteur d'activité;Nb familles;Position marché;"
               "Solvabilité;Niveau contact;Respect des engagements;Visites 12 mois;Dernière visite;"
               "Période;Notes")


def test_public_api():
    assert reading.__all__ == ["Detected", "ReadOptions", "ReadResult", "read_client_file"]
    signature = inspect.signature(reading.read_client_file)
    assert list(signature.parameters) == ["path", "options"]
    assert signature.parameters["options"].default is None
    options = reading.ReadOptions()
    assert (options.encoding, options.separator, options.decimal, options.header_row,
            options.sheet, dict(options.column_map), options.max_bytes) == (
        None, None, None, None, None, {}, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.encoding = "utf-8"
    mapped = reading.ReadOptions(column_map={"Client": "client_id", "Notes": None})
    assert hash(mapped) == hash(reading.ReadOptions(column_map={"Notes": None, "Client": "client_id"}))
    assert [f.name for f in dataclasses.fields(reading.Detected)] == [
        "format", "encoding", "separator", "decimal", "header_row", "sheet", "sheets", "currency"]
    assert [f.name for f in dataclasses.fields(reading.ReadResult)][:4] == [
        "rows", "report", "detected", "mapping"]
    assert all(hasattr(reading.ReadResult, name) for name in ("frame", "preview", "row_count"))


def test_every_contract_column_gets_its_type(tmp_path):
    lines = [FULL_HEADER,
             f"01234;Œuvres;Zoé;1{NBSP}000;4{NBSP}000;25 %;-12,5;Sud;BTP;3;Leader;b;Directeur;"
             "90 %;4;31/03/2026;2026-T1;ras",
             "00042;Café;Léa;10;;;;;;;;;;;;;;"]
    result = read(write_csv(tmp_path, lines))
    frame = result.frame
    assert list(frame.columns) == [
        "client_id", "client_name", "salesperson", "revenue", "potential", "share_of_wallet",
        "margin", "region", "industry", "product_families", "market_position", "solvency",
        "contact_level", "commitments_kept", "visits_12m", "last_visit", "period", "Notes",
        "source_row"]
    for name in ("client_id", "client_name", "salesperson", "region", "industry",
                 "market_position", "solvency", "contact_level", "period", "Notes"):
        assert pd.api.types.is_string_dtype(frame[name].dtype), name
    for name in ("revenue", "potential", "share_of_wallet", "margin", "commitments_kept"):
        assert frame[name].dtype == np.float64, name
    assert str(frame["product_families"].dtype) == str(frame["visits_12m"].dtype) == "Int64"
    assert frame["last_visit"].dtype.kind == "M"
    assert frame["source_row"].dtype == np.int64
    first = frame.iloc[0]
    assert (first["client_id"], first["revenue"], first["potential"], first["share_of_wallet"],
            first["margin"], first["product_families"], first["commitments_kept"]) == (
        "01234", 1000.0, 4000.0, 0.25, -12.5, 3, 0.9)
    # Categories keep the text as written; matching them is the grid's business.
    assert (first["market_position"], first["solvency"], first["contact_level"]) == (
        "Leader", "b", "Directeur")
    assert frame["client_id"].tolist() == ["01234", "00042"]
    assert [p.code for p in result.report.errors] == ["missing_value"]  # row 3 has no potential


def test_text_cells_are_trimmed_of_spaces_and_no_break_spaces(tmp_path):
    lines = [FR_HEADER, f"  C1{NBSP};{NBSP}Alpha  ;\tLéa ;1;2"]
    frame = read(write_csv(tmp_path, lines)).frame
    assert frame.iloc[0][["client_id", "client_name", "salesperson"]].tolist() == ["C1", "Alpha", "Léa"]


def test_a_failed_reading_still_returns_a_frame_and_a_report(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    result = read(path)
    assert isinstance(result.report, Report) and not result.report.ok
    assert list(result.frame.columns) == ["source_row"] and len(result.frame) == 0


def test_a_large_file_read_in_many_batches_keeps_every_row_in_order(tmp_path):
    count = 300_000
    ids = [f"{i:07d}" for i in range(count)]
    lines = [FR_HEADER + ";Visites"] + [
        f"{ident};Client {i};Rep {i % 7};{i},5;{2 * i + 1};{i % 13}" for i, ident in enumerate(ids)]
    lines.insert(150_001, "")  # a blank line in the middle: row numbers after it shift by one
    result = read(write_csv(tmp_path, lines))
    frame = result.frame
    assert result.report.ok
    assert len(frame) == count
    assert frame["client_id"].tolist() == ids
    assert frame["revenue"].iloc[[0, 149_999, 150_000, count - 1]].tolist() == [
        0.5, 149_999.5, 150_000.5, count - 0.5]
    assert frame["source_row"].iloc[[0, 149_999, 150_000, count - 1]].tolist() == [
        2, 150_001, 150_003, count + 2]
    assert frame["visits_12m"].iloc[-1] == (count - 1) % 13
