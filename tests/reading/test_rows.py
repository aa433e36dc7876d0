"""Rows: numbered as the user sees them; ragged rows, quotes, empty and header-only files."""

from __future__ import annotations

from tests.reading.helpers import FR_HEADER, codes, only, read, write_csv


def test_source_row_counts_the_header_and_blank_lines(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;1;2", "", "C2;B;Léa;1;2", "", "", "C3;C;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    assert result.frame["client_id"].tolist() == ["C1", "C2", "C3"]
    assert result.frame["source_row"].tolist() == [2, 4, 7]


def test_blank_lines_in_a_unix_file(tmp_path):
    lines = [FR_HEADER, "", "C1;A;Léa;x;2"]
    result = read(write_csv(tmp_path, lines, newline="\n"))
    assert [(p.code, p.row) for p in result.report.errors] == [("not_a_number", 3)]


def test_a_quoted_cell_over_several_lines_is_one_row(tmp_path):
    lines = [FR_HEADER + ";Notes", 'C1;A;Léa;1;2;"ligne 1', "ligne 2", '"', "C2;B;Léa;oops;2;", "",
             "C3;C;Léa;1;2;"]
    result = read(write_csv(tmp_path, lines))
    assert result.frame["Notes"].iloc[0] == "ligne 1\r\nligne 2"  # trimmed, as every cell
    assert result.frame["source_row"].tolist() == [2, 3, 5]
    assert [(p.row, p.value) for p in only(result, "not_a_number")] == [(3, "oops")]


def test_empty_rows_are_skipped_but_keep_their_number(tmp_path):
    lines = [FR_HEADER, ";;;;", "C1;A;Léa;1;2", " ; ; ;;", "C2;B;Léa;1;2", ";;;;", ";;;;"]
    result = read(write_csv(tmp_path, lines))
    assert codes(result) == []
    assert result.frame["source_row"].tolist() == [3, 5]


def test_a_row_with_fewer_cells_is_padded(tmp_path):
    # Excel omits trailing separators on some rows when the last cells are empty.
    lines = [FR_HEADER + ";Région;Notes", "C1;A;Léa;1;2;Sud", "C2;B;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    assert result.report.ok
    assert result.frame["region"].isna().tolist() == [False, True]


def test_a_row_with_more_cells_than_the_header_is_blocking(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;1;2", "C2;Dupont; Fils;Léa;1;2", "C3;C;Léa;1;2;;;;;;;;x"]
    result = read(write_csv(tmp_path, lines))
    problems = only(result, "ragged_row")
    assert [p.row for p in problems] == [3, 4]
    assert all(p.blocking for p in problems)
    assert problems[0].value == "2"  # the first cell beyond the header
    assert problems[1].value == "C3;C;Léa;1;2;;;;;;;;x"  # too long to read: the whole row
    assert "more cells than the header (5)" in problems[1].reason


def test_an_empty_cell_too_many_is_not_ragged(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;1;2;", "C2;B;Léa;1;2;;"]
    assert read(write_csv(tmp_path, lines)).report.ok


def test_an_unclosed_quote_is_blocking_and_does_not_swallow_silently(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;1;2", 'C2;"Dupont;Léa;1;2', "C3;C;Léa;1;2", "C4;D;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    [problem] = only(result, "unclosed_quote")
    assert problem.blocking and problem.row == 3
    assert "never closed" in problem.reason


def test_an_unclosed_quote_in_a_big_file_is_found(tmp_path):
    body = [f"C{i};Client {i};Léa;{i};{i + 1}" for i in range(60_000)]
    body[1000] = 'C1000;"Client 1000;Léa;1;2'
    result = read(write_csv(tmp_path, [FR_HEADER, *body]))
    [problem] = only(result, "unclosed_quote")
    assert problem.row == 1002 and problem.blocking
    assert "to the end of the file" in problem.reason
    assert len(result.frame) == 1000  # rows before the quote; the rest was swallowed


def test_an_unclosed_quote_on_the_last_line(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, "C1;A;Léa;1;2", 'C2;"B;Léa;1;2']))
    [problem] = only(result, "unclosed_quote")
    assert problem.row == 3


def test_a_quote_closed_rows_further_down_is_blocking(tmp_path):
    # The quote opened in row 3 is closed by a stray quote in row 5: without the check,
    # clients C3 and C4 would vanish into C2's name.
    lines = [FR_HEADER, "C1;A;Léa;1;2", 'C2;"Dupont;Léa;1;2', "C3;C;Léa;1;2", 'C4;D";Léa;1;2',
             "C5;E;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    [problem] = only(result, "unclosed_quote")
    assert problem.blocking and problem.row == 3
    assert problem.column == FR_HEADER.split(";")[1]
    assert "2 lines further down" in problem.reason
    assert problem.value.startswith("Dupont;Léa;1;2")


def test_a_quote_closed_on_the_next_line_says_so(tmp_path):
    lines = [FR_HEADER, 'C1;"Dupont;Léa;1;2', 'C2;B;Léa;1;2"', "C3;C;Léa;1;2"]
    [problem] = only(read(write_csv(tmp_path, lines)), "unclosed_quote")
    assert problem.row == 2 and "closed only on the next line" in problem.reason
    assert "ligne suivante" in problem.text("fr")


def test_a_value_over_several_lines_with_a_few_separators_is_not_a_merged_row(tmp_path):
    lines = [FR_HEADER + ";Notes", 'C1;A;Léa;1;2;"rappeler; lundi', 'voir devis; B12"', "C2;B;Léa;1;2;"]
    result = read(write_csv(tmp_path, lines))
    assert result.report.ok
    assert result.frame["Notes"].iloc[0] == "rappeler; lundi\r\nvoir devis; B12"


def test_a_stray_quote_inside_a_value_is_a_character(tmp_path):
    lines = [FR_HEADER + ";Notes", 'C1;Ecran 27";Léa;1;2;"deux', 'lignes"', "C2;B;Léa;1;2;"]
    result = read(write_csv(tmp_path, lines))
    assert result.report.ok
    assert result.frame["client_name"].tolist() == ['Ecran 27"', "B"]
    assert result.frame["source_row"].tolist() == [2, 3]  # a two-line cell is one row


def test_a_badly_closed_quote_is_blocking(tmp_path):
    lines = [FR_HEADER, 'C1;"Dupont" et fils;Léa;1;2', "C2;B;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    [problem] = only(result, "unclosed_quote")
    assert problem.row == 2 and problem.blocking


def test_doubled_quotes_inside_a_quoted_value(tmp_path):
    lines = [FR_HEADER, 'C1;"Le ""Petit"" Café; Bar";Léa;1;2']
    result = read(write_csv(tmp_path, lines))
    assert result.frame["client_name"].tolist() == ['Le "Petit" Café; Bar']


def test_an_empty_file_is_blocking(tmp_path):
    for content in (b"", b"\xef\xbb\xbf", b"\r\n\r\n  \r\n"):
        path = tmp_path / "empty.csv"
        path.write_bytes(content)
        result = read(path)
        assert codes(result) == ["empty_file"], content
        assert len(result.frame) == 0


def test_a_header_only_file_has_no_rows(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, ";;;;", ""]))
    [problem] = result.report.errors
    assert problem.code == "no_rows" and "row 1" in problem.reason
    assert len(result.frame) == 0


def test_old_mac_line_endings(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, "C1;A;Léa;1;2", "C2;B;Léa;x;2"], newline="\r"))
    assert result.frame["client_id"].tolist() == ["C1", "C2"]
    assert [(p.code, p.row) for p in result.report.errors] == [("not_a_number", 3)]


def test_a_file_without_final_newline(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes((FR_HEADER + "\r\nC1;A;Léa;1;2").encode("cp1252"))
    assert read(path).frame["client_id"].tolist() == ["C1"]


def test_rows_after_a_rejected_row_keep_their_number(tmp_path):
    lines = [FR_HEADER, "C1;A;Léa;1;2", "C2;;;;;;;;;;;;;;;;;;;;x", "C3;C;Léa;x;2"]
    result = read(write_csv(tmp_path, lines))
    assert [(p.code, p.row) for p in result.report.errors] == [("ragged_row", 3), ("not_a_number", 4)]
    assert result.frame["source_row"].tolist() == [2, 4]


def test_a_misplaced_quote_is_found_among_repeated_notes(tmp_path):
    # One note opens a quote that a later one closes: the rows between vanish into it.
    header = FR_HEADER + ";Notes"
    rows = [f"C{i};Client {i};Rep;1;2;RAS" for i in range(8)]
    rows[3] = 'C3;Client 3;Rep;1;2;"RAS'
    rows[5] = 'C5;Client 5;Rep;1;2;RAS"'
    result = read(write_csv(tmp_path, [header, *rows]))
    [merged] = only(result, "unclosed_quote")
    assert (merged.row, merged.column, merged.blocking) == (5, "Notes", True)
