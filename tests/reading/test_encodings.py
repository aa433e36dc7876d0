"""Encodings: UTF-8 with or without BOM, Windows-1252 (never Latin-1), and refusals."""

from __future__ import annotations

from tests.reading.helpers import FR_HEADER, codes, only, read, write_csv

ROW = "C001;L’Œuvre du Bœuf – 5 € net;Zoé Lefèvre;1 000;2 000"


def test_windows_1252_keeps_oe_euro_and_curly_apostrophe(tmp_path):
    path = write_csv(tmp_path, [FR_HEADER, ROW], encoding="cp1252")
    # Sanity: these bytes are Windows-1252, where Latin-1 would read control characters.
    assert b"\x92" in path.read_bytes() and b"\x8c" in path.read_bytes() and b"\x80" in path.read_bytes()
    result = read(path)
    assert result.detected.encoding == "cp1252"
    assert result.frame["client_name"].tolist() == ["L’Œuvre du Bœuf – 5 € net"]
    assert result.frame["salesperson"].tolist() == ["Zoé Lefèvre"]
    assert result.report.ok


def test_utf8_without_bom(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, ROW], encoding="utf-8"))
    assert result.detected.encoding == "utf-8"
    assert result.frame["client_name"].tolist() == ["L’Œuvre du Bœuf – 5 € net"]


def test_utf8_with_bom_does_not_leak_into_the_first_header(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, ROW], encoding="utf-8-sig"))
    assert result.detected.encoding == "utf-8-sig"
    assert "Code client" in result.mapping and result.mapping["Code client"] == "client_id"
    assert result.frame["client_id"].tolist() == ["C001"]


def test_windows_1252_accents_only_far_down_the_file_are_still_detected(tmp_path):
    plain = [f"C{i:05d};Client {i};Paul;100;200" for i in range(30_000)]
    path = write_csv(tmp_path, [FR_HEADER, *plain, "C99999;Crèmerie;Noël;1;2"])
    result = read(path)
    assert result.detected.encoding == "cp1252"
    assert result.frame["client_name"].iloc[-1] == "Crèmerie"
    assert result.frame["salesperson"].iloc[-1] == "Noël"


def test_forced_encoding_wins_over_detection(tmp_path):
    # "Ã©" is what UTF-8 "é" looks like when read as Windows-1252: the user asked for it.
    path = write_csv(tmp_path, [FR_HEADER, "C001;Café;Zoé;1;2"], encoding="utf-8")
    result = read(path, encoding="cp1252")
    assert result.frame["client_name"].tolist() == ["CafÃ©"]


def test_forcing_utf8_on_a_windows_1252_file_is_a_blocking_problem_with_the_line(tmp_path):
    path = write_csv(tmp_path, [FR_HEADER, "C001;Alpha;Paul;1;2", "C002;Crèmerie;Paul;1;2"])
    result = read(path, encoding="utf-8")
    [problem] = only(result, "bad_encoding")
    assert problem.blocking
    assert "Line 3" in problem.reason and "0xe8" in problem.reason
    assert "Windows-1252" in problem.reason


def test_bytes_undefined_in_windows_1252_are_refused_not_guessed(tmp_path):
    # 0x81 is not UTF-8 and has no character in Windows-1252: not a text export we know.
    path = tmp_path / "odd.csv"
    path.write_bytes((FR_HEADER + "\r\nC001;A\x81B;Paul;1;2\r\n").encode("latin-1"))
    result = read(path)
    assert codes(result) == ["bad_encoding"]
    assert "Line 2" in result.report.errors[0].reason


def test_utf16_text_is_refused_with_the_way_out(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(("Code client\tRaison sociale\r\n").encode("utf-16"))
    result = read(path)
    assert codes(result) == ["bad_encoding"]
    assert "CSV UTF-8" in result.report.errors[0].reason


def test_unknown_encoding_option_is_reported(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, ROW]), encoding="latin-1")
    assert codes(result) == ["bad_option"]
    assert result.report.errors[0].value == "latin-1"
