"""Bad or awkward client files, generated on demand (nothing binary is kept in git).

Each builder writes one file into a folder and returns its path. The files are what
directors and trainers bring: French Excel CSVs in Windows-1252, workbooks with
title rows and formulas, and the broken or hostile files an upload form must survive.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

from tests.corpus.xlsx import sheet_xml, write_workbook

FR_HEADER = "Code client;Raison sociale;Commercial;CA;Potentiel"
NBSP, NNBSP = "\u00a0", "\u202f"


def csv_file(folder: Path, name: str, lines: list[str], encoding: str = "utf-8",
             newline: str = "\r\n") -> Path:
    path = folder / name
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


# --- awkward but valid -----------------------------------------------------------

def cp1252_specials(folder: Path) -> Path:
    return csv_file(folder, "cp1252.csv", [
        FR_HEADER + ";Secteur d'activité",
        "C001;Œuvres d’art Dupré;Léa Martin;12 500,50;40 000;Cœur de métier €",
        "C002;L’Épicerie fine;Noël Bœuf;8 000;10 000;Café – thé",
    ], encoding="cp1252")


def utf8_bom(folder: Path) -> Path:
    return csv_file(folder, "bom.csv", [
        FR_HEADER, "C001;Société Générale d’Équipement;Zoé;1 000;2 000",
    ], encoding="utf-8-sig")


def leading_zeros(folder: Path) -> Path:
    return csv_file(folder, "zeros.csv", [
        FR_HEADER, "00123;Alpha;Léa;100;200", "0007;Beta;Léa;50;100", "7;Gamma;Léa;10;20",
    ])


def nbsp_thousands(folder: Path) -> Path:
    return csv_file(folder, "nbsp.csv", [
        FR_HEADER,
        f"C1;Alpha;Léa;1{NBSP}234{NBSP}567,50;2{NBSP}000{NBSP}000",
        f"C2;Beta;Léa;12{NNBSP}000;15{NNBSP}000",
    ])


def dotted_thousands(folder: Path) -> Path:
    return csv_file(folder, "dotted.csv", [
        FR_HEADER, "C1;Alpha;Léa;1.234,56;10.000,00", "C2;Beta;Léa;999,5;1.000",
    ], encoding="cp1252")


def percent_share(folder: Path) -> Path:
    return csv_file(folder, "percent.csv", [
        FR_HEADER + ";Part de marché", "C1;Alpha;Léa;125;1 000;12,5 %",
        "C2;Beta;Léa;500;1 000;50 %",
    ])


def french_and_iso_dates(folder: Path) -> Path:
    return csv_file(folder, "dates.csv", [
        FR_HEADER + ";Dernière visite", "C1;Alpha;Léa;100;200;31/03/2026",
        "C2;Beta;Léa;100;200;2026-01-05", "C3;Gamma;Léa;100;200;",
    ])


def excel_serial_dates(folder: Path) -> Path:
    rows = [["Code client", "Raison sociale", "Commercial", "CA", "Potentiel", "Dernière visite"],
            ["C1", "Alpha", "Léa", 100, 200, 46112],  # 46112 days after 1899-12-30
            ["C2", "Beta", "Léa", 100, 200, "15/02/2026"]]
    return write_workbook(folder / "serial.xlsx", {"Clients": sheet_xml(rows)})


def french_aliases(folder: Path) -> Path:
    return csv_file(folder, "aliases_fr.csv", [
        "N° client;Société;Attaché commercial;Chiffre d'affaires;Potentiel d'achat;"
        "Solvabilité;Niveau des interlocuteurs;Visites 12 mois;Période",
        "K1;Alpha;Léa;1 000;4 000;A;directeur;3;2026-T1",
    ], encoding="cp1252")


def english_aliases(folder: Path) -> Path:
    return csv_file(folder, "aliases_en.csv", [
        "Customer ID,Account name,Sales rep,Sales,Wallet,Credit rating,Contact level,Visits",
        "A1,Acme Ltd,Sam,\"1,500.25\",6000,B,manager,4",
    ], newline="\n")


def three_sheets_titles_formulas(folder: Path) -> Path:
    clients = [
        ["Export CRM – portefeuille mars 2026", None, None, None, None],  # merged title A1:E1
        ["Direction commerciale Sud", None, None, None, None],  # merged A2:E2
        [None] * 5,
        ["Code client", "Raison sociale", "Commercial", "CA", "Potentiel"],
        ["C1", "Alpha", "Léa", 1000, ("D5*4", 4000)],
        ["C2", "Beta", "Noé", 250.5, ("D6*2", 501)],
        ["C3", "Gamma", "Noé", ("SUM(D5:D6)", 1250.5), 3000],
    ]
    notes = [["Notes"], ["Fichier généré par le CRM"]]
    chart = [["Segment", "Clients"], ["A", 3]]
    return write_workbook(folder / "three_sheets.xlsx", {
        "Notes": sheet_xml(notes),
        "Clients": sheet_xml(clients, merges=("A1:E1", "A2:E2")),
        "Données graphique": sheet_xml(chart),
    })


def hostile_headers(folder: Path) -> Path:
    return csv_file(folder, "hostile.csv", [
        FR_HEADER + ';"x""); DROP TABLE clients; --";select;🚀 Score',
        "C1;Alpha;Léa;100;200;=HYPERLINK(\"http://x\");from;😀",
    ])


def revenue_above_potential(folder: Path) -> Path:
    return csv_file(folder, "above.csv", [FR_HEADER, "C1;Alpha;Léa;1 500;1 000", "C2;Beta;Léa;10;100"])


def segment_header(folder: Path) -> Path:
    return csv_file(folder, "segment.csv", [
        FR_HEADER + ";Segment;Notes;NOTES", "C1;Alpha;Léa;100;200;Grands comptes;a;b",
    ])


# --- bad ------------------------------------------------------------------------

def missing_required_column(folder: Path) -> Path:
    return csv_file(folder, "missing.csv", ["Code client;Raison sociale;Commercial;CA",
                                            "C1;Alpha;Léa;100"])


def duplicate_id_same(folder: Path) -> Path:
    return csv_file(folder, "dup_same.csv", [FR_HEADER, "C1;Alpha;Léa;100;200", "C1;Alpha;Léa;100;200"])


def duplicate_id_conflicting(folder: Path) -> Path:
    return csv_file(folder, "dup_conflict.csv", [FR_HEADER, "C1;Alpha;Léa;100;200", "C2;Beta;Léa;1;2",
                                                 "C1;Alpha;Léa;900;200"])


def ragged_rows(folder: Path) -> Path:
    return csv_file(folder, "ragged.csv", [FR_HEADER, "C1;Alpha;Léa;100;200", "C2;Beta;Léa;100;200;oops;extra"])


def unclosed_quote(folder: Path) -> Path:
    return csv_file(folder, "quote.csv", [FR_HEADER, "C1;Alpha;Léa;100;200", 'C2;"Beta;Léa;100;200',
                                          "C3;Gamma;Léa;100;200"])


def quote_closed_rows_later(folder: Path) -> Path:
    # A stray quote two rows down closes the quote opened in row 3: rows 4 and 5 would
    # become part of a name.
    return csv_file(folder, "quote_later.csv", [FR_HEADER, "C1;Alpha;Léa;100;200",
                                                'C2;"Beta;Léa;100;200', "C3;Gamma;Léa;100;200",
                                                'C4;Delta";Léa;100;200', "C5;Eta;Léa;100;200"])


def empty_file(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path


def blank_lines_only(folder: Path) -> Path:
    path = folder / "blank.csv"
    path.write_bytes(b"\r\n\r\n;;;\r\n")
    return path


def header_only(folder: Path) -> Path:
    return csv_file(folder, "header_only.csv", [FR_HEADER])


def pdf_renamed(folder: Path) -> Path:
    path = folder / "report.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    return path


def utf16_text(folder: Path) -> Path:
    # What Excel's "Unicode text" export writes: UTF-16 with a BOM, tab-separated.
    return csv_file(folder, "unicode.txt.csv", ["Code client\tRaison sociale\tCommercial\tCA\tPotentiel",
                                                "C1\tAlpha\tLéa\t100\t200"], encoding="utf-16")


def zip_bomb(folder: Path) -> Path:
    path = folder / "bomb.xlsx"
    write_workbook(path, {"Clients": sheet_xml([["Code client", "Raison sociale"]])})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        # 64 MB of one repeated byte: compresses about 1000 times.
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(64):
                part.write(block)
    return path


def entity_bomb(folder: Path) -> Path:
    doctype = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
               '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')
    sheet = sheet_xml([["Code client", "Raison sociale", "Commercial", "CA", "Potentiel"],
                       ["C1", "&lol3;", "Léa", 1, 2]], doctype=doctype)
    sheet = sheet.replace("&amp;lol3;", "&lol3;")  # a live entity reference, not escaped text
    return write_workbook(folder / "entities.xlsx", {"Clients": sheet})


def formula_without_value(folder: Path) -> Path:
    import openpyxl
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Code client", "Raison sociale", "Commercial", "CA", "Potentiel"])
    sheet.append(["C1", "Alpha", "Léa", 100, "=D2*2"])  # openpyxl stores no cached value
    path = folder / "no_cache.xlsx"
    workbook.save(path)
    return path


def negative_revenue(folder: Path) -> Path:
    return csv_file(folder, "negative.csv", [FR_HEADER, "C1;Alpha;Léa;100;200", "C2;Beta;Léa;-50;200"])


def share_140(folder: Path) -> Path:
    return csv_file(folder, "share140.csv", [FR_HEADER + ";Part de marché",
                                             "C1;Alpha;Léa;100;200;40 %", "C2;Beta;Léa;100;200;140 %"])


def revenue_not_a_number(folder: Path) -> Path:
    return csv_file(folder, "text_revenue.csv", [FR_HEADER, "C1;Alpha;Léa;cent euros;200"])


def empty_required_value(folder: Path) -> Path:
    return csv_file(folder, "empty_name.csv", [FR_HEADER, "C1;;Léa;100;200"])


def duplicate_columns(folder: Path) -> Path:
    return csv_file(folder, "two_ca.csv", [FR_HEADER + ";Chiffre d'affaires", "C1;Alpha;Léa;100;200;300"])


def binary_garbage(folder: Path) -> Path:
    path = folder / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 64)
    return path


def pasted_encodings(folder: Path) -> Path:
    """Two exports pasted together: a UTF-8 row, then a Windows-1252 one."""
    path = folder / "pasted.csv"
    path.write_bytes((FR_HEADER + "\r\n").encode("ascii")
                     + "C1;Société Générale;Zoé;1 000;2 000\r\n".encode("utf-8")
                     + "C2;Crèmerie Noël;Zoé;500;900\r\n".encode("cp1252"))
    return path


def pasted_boms(folder: Path) -> Path:
    """Two UTF-8 exports with byte-order marks pasted together: the second's K1 is K1."""
    path = folder / "pasted_boms.csv"
    path.write_bytes((FR_HEADER + "\r\nK1;Alpha;Léa;100;200\r\n").encode("utf-8-sig")
                     + "K1;Alpha bis;Léa;100;200\r\n".encode("utf-8-sig"))
    return path


def nul_far_down(folder: Path) -> Path:
    """A NUL byte on line 4,002, past the part of the file sniffed for binary content."""
    rows = [f"C{i};Client {i};Léa;100;200" for i in range(4_000)]
    return csv_file(folder, "nul.csv", [FR_HEADER, *rows, "C9;Bad\0name;Léa;1;2"])


def mixed_line_ends(folder: Path) -> Path:
    """Lines from a PC (CRLF), a Mac (CR) and Unix (LF) pasted into one file."""
    path = folder / "line_ends.csv"
    path.write_bytes((FR_HEADER + "\r\nC1;Alpha;Léa;1;2\nC2;Beta;Léa;3;4\rC3;Gamma;Léa;5;6\r\n"
                      "C4;Delta;Léa;7;8\r").encode("utf-8"))
    return path


def value_of_3_mb(folder: Path) -> Path:
    """A cell of 3 MB, quotes closed: the row is past what is read at once."""
    return csv_file(folder, "long_value.csv", [FR_HEADER, f'C1;"{"x" * 3_000_000}";Léa;1;2',
                                               "C2;Beta;Léa;1;2"])


def one_line_of_1_mb(folder: Path) -> Path:
    """A megabyte without a line end: not a table written row by row."""
    path = folder / "one_line.csv"
    path.write_bytes(b"Code client;Raison sociale;" + b"y" * 1_000_000)
    return path


def plain_valid(folder: Path, name: str = "clients.csv") -> Path:
    """A small valid French file, used with options or destinations that are wrong."""
    return csv_file(folder, name, [FR_HEADER + ";Notes", "C1;Alpha;Léa;100;200;a", "C2;Beta;Noé;50;80;b"])


def text_in_number_column(folder: Path) -> Path:
    """Valid alone; adding it as a period to a dataset whose `Notes` hold numbers is not."""
    return csv_file(folder, "notes_text.csv", [FR_HEADER + ";Notes", "C1;Alpha;Léa;100;200;urgent"])


AWKWARD: dict[str, Callable[[Path], Path]] = {f.__name__: f for f in (
    cp1252_specials, utf8_bom, leading_zeros, nbsp_thousands, dotted_thousands, percent_share,
    french_and_iso_dates, excel_serial_dates, french_aliases, english_aliases,
    three_sheets_titles_formulas, hostile_headers, revenue_above_potential, segment_header,
    pasted_encodings, mixed_line_ends)}

BAD: dict[str, Callable[[Path], Path]] = {f.__name__: f for f in (
    missing_required_column, duplicate_id_same, duplicate_id_conflicting, ragged_rows,
    unclosed_quote, quote_closed_rows_later, empty_file, blank_lines_only, header_only, pdf_renamed, utf16_text, zip_bomb,
    entity_bomb, formula_without_value, negative_revenue, share_140, revenue_not_a_number,
    empty_required_value, duplicate_columns, binary_garbage, pasted_boms, nul_far_down,
    value_of_3_mb, one_line_of_1_mb)}
