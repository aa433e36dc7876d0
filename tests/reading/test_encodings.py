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


# Files pasted together from two exports: one encoding per line, never mojibake.

def _bytes_file(tmp_path, *parts: bytes):
    path = tmp_path / "pasted.csv"
    path.write_bytes(b"".join(parts))
    return path


def test_a_utf8_row_and_a_windows_1252_row_are_both_stored_right_with_a_warning(tmp_path):
    path = _bytes_file(tmp_path, (FR_HEADER + "\r\n").encode("ascii"),
                       "C001;Société Générale;Zoé;1;2\r\n".encode("utf-8"),
                       "C002;Crèmerie Noël;Zoé;1;2\r\n".encode("cp1252"))
    result = read(path)
    assert result.frame["client_name"].tolist() == ["Société Générale", "Crèmerie Noël"]
    assert result.frame["salesperson"].tolist() == ["Zoé", "Zoé"]
    [warning] = only(result, "mixed_encoding")
    assert not warning.blocking and result.report.ok
    assert "line 2" in warning.reason and "line 3" in warning.reason
    assert "CSV UTF-8" in warning.reason


def test_mixed_lines_far_apart_in_a_large_file_are_each_decoded(tmp_path):
    plain = "".join(f"C{i:05d};Client {i};Paul;100;200\r\n" for i in range(60_000))
    path = _bytes_file(tmp_path, (FR_HEADER + "\r\n").encode("ascii"),
                       "C90001;Café;Zoé;1;2\r\n".encode("utf-8"), plain.encode("ascii"),
                       "C90002;Crème;Zoé;1;2\r\n".encode("cp1252"))
    result = read(path)
    names = result.frame["client_name"].tolist()
    assert names[0] == "Café" and names[-1] == "Crème"
    assert not any("Ã" in name for name in names)
    assert codes(result) == ["mixed_encoding"]


def test_a_windows_1252_file_alone_gives_no_mixture_warning(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, ROW, "C002;Crèmerie;Noël;1;2"]))
    assert result.detected.encoding == "cp1252"
    assert codes(result) == []
    assert result.frame["client_name"].tolist() == ["L’Œuvre du Bœuf – 5 € net", "Crèmerie"]


def test_a_byte_order_mark_inside_the_file_is_removed_so_that_ids_compare(tmp_path):
    first = (FR_HEADER + "\r\nK00000;Alpha;Paul;1;2\r\n").encode("utf-8-sig")
    second = "K00000;Alpha again;Paul;1;2\r\n".encode("utf-8-sig")  # a second export pasted
    result = read(_bytes_file(tmp_path, first, second))
    assert "\ufeff" not in "".join(result.frame["client_id"])
    [duplicate] = only(result, "duplicate_id")
    assert duplicate.value == "K00000"
    [mark] = only(result, "inner_bom")
    assert mark.row == 3 and not mark.blocking


def test_a_byte_order_mark_inside_a_windows_1252_file_is_removed_too(tmp_path):
    first = (FR_HEADER + "\r\nK00001;Crèmerie;Paul;1;2\r\n").encode("cp1252")
    second = "K00002;Café;Zoé;1;2\r\n".encode("utf-8-sig")
    result = read(_bytes_file(tmp_path, first, second))
    assert result.frame["client_id"].tolist() == ["K00001", "K00002"]
    assert result.frame["client_name"].tolist() == ["Crèmerie", "Café"]
    assert sorted(codes(result)) == ["inner_bom", "mixed_encoding"]


def test_a_nul_byte_past_the_first_64_kb_refuses_the_file_with_its_line(tmp_path):
    plain = [f"C{i:05d};Client {i};Paul;100;200" for i in range(5_000)]  # ~150 KB
    lines = [FR_HEADER, *plain, "C99999;Bad\0name;Paul;1;2"]
    path = write_csv(tmp_path, lines, encoding="utf-8")
    assert path.read_bytes().index(b"\0") > 64 * 1024
    result = read(path)
    [problem] = only(result, "bad_encoding")
    assert problem.blocking and not result.report.ok and result.rows is None
    assert f"Line {len(lines)}" in problem.reason and "0x00" in problem.reason


def test_a_nul_byte_in_a_windows_1252_file_is_refused_too(tmp_path):
    plain = [f"C{i:05d};Crèmerie {i};Paul;100;200" for i in range(5_000)]
    result = read(write_csv(tmp_path, [FR_HEADER, *plain, "C99999;A\0B;Paul;1;2"]))
    [problem] = only(result, "bad_encoding")
    assert problem.blocking and "Line 5002" in problem.reason


def test_an_empty_windows_1252_read_ends(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = read(path, encoding="cp1252")
    assert not result.report.ok


def test_a_long_line_without_newline_is_read_in_linear_time(tmp_path):
    # 8 MB with no line end: each chunk is searched once, not the growing line again.
    path = _bytes_file(tmp_path, (FR_HEADER + "\r\n").encode("ascii"),
                       b"C001;" + "é".encode("cp1252") * (8 * 1024 * 1024) + b";Paul;1;2")
    from portfolio.reading.encoding import prepare_text
    text, problem = prepare_text(path, None, tmp_path)
    assert problem is None and text.encoding == "cp1252"
    assert text.path.stat().st_size == path.stat().st_size + 8 * 1024 * 1024
