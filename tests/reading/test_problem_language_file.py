"""Problems found while opening a client file (its kind, its encoding, the reading options,
the header, the rows of a CSV file) can be said in French: each carries a catalogue key,
and its French text names the same lines, bytes and columns as the English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from portfolio.problems import Problem
from portfolio.reading import csv_source
from portfolio.reading.encoding import TextFile
from tests.reading.helpers import FR_HEADER, read, write_csv

# Codes of the problems about the file as a whole, its header or its rows as a table.
FILE_CODES = {"empty_file", "not_a_table", "bad_encoding", "bad_option", "too_big", "no_rows",
              "duplicate_column", "missing_column", "unclosed_quote", "ragged_row",
              "unreadable_row", "cell_too_long", "inner_bom", "mixed_encoding"}

# A word each French sentence must hold (so that an English fallback cannot pass).
FRENCH_WORD = {
    "empty_file": "vide",
    "old_xls": "mot de passe",
    "pdf": "document PDF",
    "utf16": "Texte Unicode",
    "web_page": "page web",
    "binary": "binaires",
    "unknown_encoding": "Encodage",
    "byte_not_utf8": "octet",
    "byte_not_windows_1252": "octet",
    "too_big": "Mo",
    "unknown_separator": "Séparateur",
    "unknown_decimal": "Séparateur décimal",
    "header_row_from_one": "en-tête",
    "header_row_beyond": "en-tête",
    "no_values": "ne contient de valeur",
    "no_rows": "aucune ligne client",
    "duplicate_column": "toutes deux",
    "missing_column": "obligatoire",
    "map_not_contract": "contrat de données",
    "map_no_such_column": "pas de colonne",
    "unclosed_quote": "guillemet",
    "quote_closed_later": "lignes plus bas",
    "badly_quoted_value": "guillemet fermant",
    "row_too_long": "bien plus longue qu'une cellule",
    "first_line_too_long": "ne sont pas séparées",
    "nul_byte": "octet nul",
    "inner_bom": "marque d'ordre des octets",
    "mixed_encoding": "deux encodages",
    "row_not_utf8": "CSV UTF-8 (délimité par des virgules)",
    "ragged_row": "séparateur en trop",
    "unreadable_row": "ne peut pas être lue",
    "not_a_csv_table": "séparateur",
}


def _bytes(content: bytes) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / "clients.csv"
        path.write_bytes(content)
        return path
    return write


def _lines(*lines: str) -> Callable[[Path], Path]:
    return lambda folder: write_csv(folder, list(lines))


def _swallowing_quote(folder: Path) -> Path:
    """A value over two lines sends DuckDB to its single scanner, which takes the quote
    opened far down to the end of the file without a word."""
    header = FR_HEADER + ";Notes"
    body = [f"C{i};Client {i};Léa;{i};{i + 1};" for i in range(60_000)]
    body[10] = 'C10;X;Léa;1;2;"deux\r\nlignes"'
    body[50_000] = 'C50000;"Client;Léa;1;2;'
    return write_csv(folder, [header, *body])


# A bad file, the options it is read with, and the keys of the problems it gives.
FILES: dict[str, tuple[Callable[[Path], Path], dict, set[str]]] = {
    "empty": (_bytes(b""), {}, {"empty_file"}),
    "old xls": (_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512), {}, {"old_xls"}),
    "pdf": (_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\nendobj\n"), {}, {"pdf"}),
    "utf-16": (_bytes("Code client\tRaison sociale\r\n".encode("utf-16")), {}, {"utf16"}),
    "web page": (_bytes(b"<html><body><table><tr><td>x</td></tr></table></body></html>"), {},
                 {"web_page"}),
    "binary": (_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4), {}, {"binary"}),
    "unknown encoding": (_lines(FR_HEADER, "C1;A;Léa;1;2"), {"encoding": "latin-1"},
                         {"unknown_encoding"}),
    "not utf-8": (_lines(FR_HEADER, "C1;A;Léa;1;2", "C2;Crèmerie;Léa;1;2"),
                  {"encoding": "utf-8"}, {"byte_not_utf8"}),
    "not windows-1252": (_bytes((FR_HEADER + "\r\nC1;A\x81B;Léa;1;2\r\n").encode("latin-1")), {},
                         {"byte_not_windows_1252"}),
    "too big": (_lines(FR_HEADER, *(f"C{i};A;Léa;1;2" for i in range(100))), {"max_bytes": 1000},
                {"too_big"}),
    "bad options": (_lines(FR_HEADER, "C1;A;Léa;1;2"), {"separator": "|", "decimal": "x",
                                                       "header_row": 0},
                    {"unknown_separator", "unknown_decimal", "header_row_from_one"}),
    "header row too far": (_lines(FR_HEADER, "C1;A;Léa;1;2"), {"header_row": 50},
                           {"header_row_beyond"}),
    "separators only": (_lines(";;;;", ";;"), {}, {"no_values"}),
    "header only": (_lines(FR_HEADER, ";;;;"), {}, {"no_rows"}),
    "columns": (_lines("Code client;Client;Raison sociale;CA;Potentiel", "C1;X;Y;1;2"), {},
                {"duplicate_column", "missing_column"}),
    "column map": (_lines(FR_HEADER, "C1;A;Léa;1;2"),
                   {"column_map": {"Inconnue": "revenue", "CA 12 mois": "turnover"}},
                   {"map_not_contract", "map_no_such_column"}),
    "too many cells": (_lines(FR_HEADER, "C1;A;Léa;1;2", "C2;B;Léa;1;2;;;;;;;;x"), {},
                       {"ragged_row"}),
    "quote never closed": (
        _lines(FR_HEADER, "C1;A;Léa;1;2", 'C2;"Dupont;Léa;1;2', "C3;C;Léa;1;2"), {},
        {"unclosed_quote"}),
    "quote swallowing the file": (_swallowing_quote, {}, {"unclosed_quote"}),
    "quote closed rows further down": (
        _lines(FR_HEADER, "C1;A;Léa;1;2", 'C2;"Dupont;Léa;1;2', "C3;C;Léa;1;2", 'C4;D";Léa;1;2',
               "C5;E;Léa;1;2"), {}, {"quote_closed_later"}),
    "badly closed quote": (_lines(FR_HEADER, 'C1;"Dupont" et fils;Léa;1;2', "C2;B;Léa;1;2"), {},
                           {"badly_quoted_value"}),
    "row over 2 MB": (_lines(FR_HEADER, "C1;A;Léa;1;2", "C2;" + "x" * (2 * 1024 * 1024 + 10)
                             + ";Léa;1;2", "C3;B;Léa;1;2"), {}, {"row_too_long"}),
    "row over 2 MB, its quote open": (
        _lines(FR_HEADER, "C1;A;Léa;1;2", 'C2;"' + "x" * (2 * 1024 * 1024 + 10) + ";Léa;1;2"),
        {}, {"unclosed_quote"}),
    "row over 2 MB, a quote closed rows later": (
        _lines(FR_HEADER, "C1;A;Léa;1;2", 'C2;"' + "x" * (2 * 1024 * 1024 + 10) + ";Léa;1;2",
               'C3";B;Léa;1;2', 'C4";B;Léa;1;2'), {}, {"row_too_long"}),
    "row over 2 MB, its quote open, rows after it": (
        _lines(FR_HEADER, "C1;A;Léa;1;2", 'C2;"' + "x" * (2 * 1024 * 1024 + 10) + ";Léa;1;2",
               "C3;B;Léa;1;2", "C4;B;Léa;1;2"), {}, {"unclosed_quote"}),
    "one line of 1 MB": (_bytes(b"Code client;" + b"y" * 1_000_000), {}, {"first_line_too_long"}),
    "NUL byte far down": (_lines(FR_HEADER, *(f"C{i};A;Léa;1;2" for i in range(5_000)),
                                 "C9;A\0B;Léa;1;2"), {}, {"nul_byte"}),
    "two exports pasted": (_bytes((FR_HEADER + "\r\nC1;Zoé;Léa;1;2\r\n").encode("utf-8-sig")
                                  + "C2;Noël;Léa;1;2\r\n".encode("utf-8-sig")
                                  + "C3;Crème;Léa;1;2\r\n".encode("cp1252")), {},
                           {"inner_bom", "mixed_encoding"}),
}


def assert_french(problem: Problem) -> str:
    """The problem's catalogue key (without its area), once its French text is checked."""
    assert problem.detail is not None, problem.reason
    area, _, key = problem.detail.key.partition(".")
    french = problem.text("fr")
    assert area == "problems_file"
    assert problem.text("en") == problem.reason and french != problem.reason
    assert FRENCH_WORD[key] in french, french
    # The lines, bytes, columns and DuckDB's own words are named in French as in English.
    for value in dict(problem.detail.args).values():
        assert str(value) in problem.reason and str(value) in french
    return key


@pytest.mark.parametrize("name", FILES)
def test_every_problem_with_the_file_reads_in_french(tmp_path, name):
    write, options, keys = FILES[name]
    result = read(write(tmp_path), **options)
    problems = [p for p in result.report.problems if p.code in FILE_CODES]
    assert {assert_french(p) for p in problems} == keys


def test_the_french_names_the_line_and_the_byte(tmp_path):
    write, options, _ = FILES["not utf-8"]
    [problem] = read(write(tmp_path), **options).report.errors
    assert problem.text("fr").startswith("La ligne 2 contient l'octet 0xe9")
    assert "Choisissez l'encodage Windows-1252 (cp1252)" in problem.text("fr")


def test_the_french_names_how_far_down_the_quote_closes(tmp_path):
    write, options, _ = FILES["quote closed rows further down"]
    [problem] = [p for p in read(write(tmp_path), **options).report.problems
                 if p.code == "unclosed_quote"]
    assert "n'est fermé que 2 lignes plus bas" in problem.text("fr")


def _table(folder: Path, lines: list[str]) -> csv_source.CsvTable:
    path = write_csv(folder, lines, encoding="utf-8", newline="\n")
    return csv_source.CsvTable(TextFile(path, "utf-8", b"\n", False, len(lines)), ";", 1, 5)


def test_a_file_duckdb_gives_up_on_keeps_duckdb_words_in_french(tmp_path):
    table = _table(tmp_path, [FR_HEADER, "C1;A;Léa;1;2"])
    error = duckdb.InvalidInputException("Invalid Input Error: x\nmore")
    problem = csv_source._unreadable(table, error)
    assert problem.code == "not_a_table" and assert_french(problem) == "not_a_csv_table"
    assert problem.text("fr").startswith(
        "Le fichier ne peut pas être lu comme un tableau CSV (Invalid Input Error: x).")


def test_a_file_duckdb_gives_up_on_with_an_open_quote_names_the_quote(tmp_path):
    table = _table(tmp_path, [FR_HEADER, "C1;A;Léa;1;2", 'C2;"B;Léa;1;2'])
    problem = csv_source._unreadable(table, duckdb.InvalidInputException("Invalid Input Error"))
    assert (problem.code, problem.row) == ("unclosed_quote", 3)
    assert assert_french(problem) == "unclosed_quote"


def test_rows_duckdb_rejects_for_other_reasons_read_in_french(tmp_path):
    # Reading checks the encoding before DuckDB does, and types no cell: these rejects
    # are DuckDB's last word, so they are made here as DuckDB records them.
    table = _table(tmp_path, [FR_HEADER, "C1;A;Léa;1;2"])
    con = duckdb.connect()
    con.execute("CREATE TABLE reject_errors (line BIGINT, error_type VARCHAR, csv_line VARCHAR, "
                "error_message VARCHAR)")
    con.execute("INSERT INTO reject_errors VALUES "
                "(3, 'INVALID ENCODING', 'C2;x', 'Invalid unicode'), "
                "(4, 'CAST', 'C3;y', 'Could not convert string')")
    problems = csv_source._rejects(con, table)
    assert [(p.code, p.row) for p in problems] == [("bad_encoding", 3), ("unreadable_row", 4)]
    assert [assert_french(p) for p in problems] == ["row_not_utf8", "unreadable_row"]
    assert problems[1].text("fr") == "Cette ligne ne peut pas être lue : Could not convert string"
