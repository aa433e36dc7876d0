"""Files DuckDB cannot read as they are, and rows whose length is the only problem:
the reading either makes them readable or says the true cause."""

from __future__ import annotations

from tests.reading.helpers import FR_HEADER, codes, only, read


def _bytes(tmp_path, data: bytes, name: str = "clients.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_lines_ended_three_ways_are_all_read_as_rows(tmp_path):
    data = (FR_HEADER + "\r\nC1;Alpha;Léa;1;2\nC2;Beta;Léa;3;4\rC3;Gamma;Léa;5;6\r\n").encode()
    result = read(_bytes(tmp_path, data))
    assert result.report.ok, [p.reason for p in result.report.problems]
    assert result.frame["client_id"].tolist() == ["C1", "C2", "C3"]
    assert result.frame["source_row"].tolist() == [2, 3, 4]


def test_mixed_line_ends_in_a_windows_1252_file_too(tmp_path):
    data = (FR_HEADER + "\r\nC1;Crème;Léa;1;2\rC2;Noël;Léa;3;4\n").encode("cp1252")
    result = read(_bytes(tmp_path, data))
    assert result.frame["client_name"].tolist() == ["Crème", "Noël"]


def test_a_cr_split_from_its_lf_by_a_chunk_boundary_is_one_line_end(tmp_path, monkeypatch):
    from portfolio.reading import encoding
    monkeypatch.setattr(encoding, "CHUNK_BYTES", 64)  # many chunks end between CR and LF
    rows = "".join(f"C{i};Name {i};Léa;1;2\r\n" for i in range(50))
    path = _bytes(tmp_path, (FR_HEADER + "\r\n" + rows).encode())
    text, problem = encoding.prepare_text(path, None, tmp_path)
    assert problem is None and text.path == path  # CRLF only: read in place, not mixed
    assert len(read(path).frame) == 50


def test_a_mac_file_with_cr_only_is_not_rewritten(tmp_path):
    from portfolio.reading.encoding import prepare_text
    path = _bytes(tmp_path, (FR_HEADER + "\rC1;Alpha;Léa;1;2\r").encode())
    text, problem = prepare_text(path, None, tmp_path)
    assert problem is None and text.path == path and text.newline == b"\r"


def test_a_3_mb_value_is_said_to_be_too_long_not_a_column_too_many(tmp_path):
    data = (FR_HEADER + f'\r\nC1;"{"x" * 3_000_000}";Léa;1;2\r\nC2;Beta;Léa;1;2\r\n').encode()
    result = read(_bytes(tmp_path, data))
    assert codes(result) == ["cell_too_long"]
    [problem] = only(result, "cell_too_long")
    assert problem.row == 2 and "32,767" in problem.reason and "ragged_row" not in codes(result)


def test_a_3_mb_row_whose_quote_never_closes_is_said_so(tmp_path):
    data = (FR_HEADER + '\r\nC1;Alpha;Léa;1;2\r\nC2;"' + "x" * 3_000_000 + ";Léa;1;2\r\n").encode()
    result = read(_bytes(tmp_path, data))
    [problem] = only(result, "unclosed_quote")
    assert problem.row == 3 and "quote" in problem.reason
    assert "ragged_row" not in codes(result)


def test_a_file_of_one_long_line_is_not_said_to_be_empty(tmp_path):
    result = read(_bytes(tmp_path, b"Code client;Raison sociale;" + b"y" * 1_000_000))
    [problem] = result.report.errors
    assert problem.code == "not_a_table" and "not split into lines" in problem.reason
    assert "no row with values" not in problem.reason
