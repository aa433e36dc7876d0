"""A reading keeps its rows in a DuckDB file of its own, removed with the reading."""

from __future__ import annotations

import gc
import tempfile

import duckdb

from tests.reading.helpers import FR_HEADER, read, write_csv


def _readings_left(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("portfolio-read-"))


def test_the_rows_wait_in_a_file_of_their_own_until_the_reading_is_dropped(
        tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    # Windows-1252 is transcoded to a UTF-8 copy first: the copy goes once it is read.
    result = read(write_csv(tmp_path, [FR_HEADER, "C1;Œuvre €;Léa;1;2", "C2;B;Léa;3;4"]))
    [folder] = _readings_left(temp)
    assert [p.name for p in (temp / folder).iterdir()] == ["rows.duckdb"]
    with duckdb.connect(str(temp / folder / "rows.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*), min(rowid), max(rowid) FROM staged").fetchone() == (2, 0, 1)
    assert result.frame["client_name"].tolist() == ["Œuvre €", "B"]
    del result
    gc.collect()
    assert _readings_left(temp) == []


def test_files_refused_leave_nothing_behind(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    header_only = read(write_csv(tmp_path, [FR_HEADER], name="header.csv"))
    pdf = tmp_path / "scan.csv"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    renamed_pdf = read(pdf)
    assert not header_only.report.ok and not renamed_pdf.report.ok
    del header_only, renamed_pdf
    gc.collect()
    assert _readings_left(temp) == []


def test_a_preview_reads_only_the_first_rows_and_is_kept(tmp_path):
    rows = [f"C{i};Client {i};Léa;{i};{2 * i}" for i in range(1, 301)]
    result = read(write_csv(tmp_path, [FR_HEADER, *rows]))
    preview = result.preview(200)
    assert len(preview) == 200 and result.row_count == 300
    assert preview["client_id"].iloc[[0, -1]].tolist() == ["C1", "C200"]
    assert result.preview(200) is preview
