"""Revenue windows, the as-of date, the stage filter, growth and product families,
on hand-made lines whose figures are computed by hand below."""

from __future__ import annotations

import datetime as dt

import pytest

from portfolio.building.window import months_before, parse_window
from tests.building.helpers import built, by_id, write

# French export: ";" separator, decimal comma, no-break-space thousands, French
# dates, Windows-1252. As of 30/06/2026 with a 12-month window, the window runs
# from 01/07/2025 to 30/06/2026 and the one before from 01/07/2024 to 30/06/2025.
FRENCH_LINES = [
    "Code client;Date facture;Montant HT;Produit;Commercial;Étape",
    "C001;30/06/2026;1\u00a0000,50;Vis;Léa Février;Gagné",   # as-of day: in
    "C001;01/07/2025;200;Écrou;Léa Février;Gagné",          # first day of the window: in
    "C001;30/06/2025;300;Vis;Léa Février;Gagné",            # window start: the window before
    "C001;01/07/2024;50;Vis;Léa Février;Gagné",             # first day of the window before
    "C001;30/06/2024;999;Vis;Léa Février;Gagné",            # before both windows: left out
    "C001;01/07/2026;777;Vis;Léa Février;Gagné",            # after the as-of date: left out
    "C001;15/03/2026;5000;Vis;Léa Février;Perdu",           # lost: left out
    "C002;10/01/2026;400;Clou;Marc Œuvray;gagné",           # the filter ignores case
    "C002;11/01/2026;;Clou;Marc Œuvray;En cours",           # open deal without amount: filtered out
]
FAMILIES = ["Produit;Famille", "Vis;Visserie", "Écrou;Boulonnerie", "Clou;Pointes"]
POTENTIALS = ["Code client;Potentiel", "C001;5000", "C002;1000"]


@pytest.fixture
def french(tmp_path):
    return (write(tmp_path, "lignes.csv", FRENCH_LINES, "cp1252"),
            write(tmp_path, "familles.csv", FAMILIES, "cp1252"),
            write(tmp_path, "potentiels.csv", POTENTIALS))


def test_window_edges_as_of_stage_filter_and_growth(tmp_path, french):
    lines, families, potentials = french
    frame, choices = built(tmp_path, lines, as_of=dt.date(2026, 6, 30), won=("Gagné",),
                           families=families, potential_file=potentials)
    rows = by_id(frame)
    assert sorted(rows) == ["C001", "C002"]
    c1, c2 = rows["C001"], rows["C002"]
    assert c1["revenue"] == pytest.approx(1000.50 + 200)
    assert c1["revenue_previous"] == pytest.approx(300 + 50)
    assert c1["growth"] == pytest.approx(1200.50 / 350 - 1)
    assert c1["last_purchase"] == "2026-06-30"
    assert c1["orders"] == 2  # no order column: each line is an order
    assert c1["salesperson"] == "Léa Février"
    assert c2["revenue"] == 400 and c2["revenue_previous"] == 0
    assert c2["growth"] != c2["growth"]  # NaN: nothing to grow from
    assert c2["salesperson"] == "Marc Œuvray"
    assert (c1["potential"], c2["potential"]) == (5000, 1000)
    assert not c1["potential_estimated"] and not c2["potential_estimated"]
    assert choices["window_current"] == ["2025-07-01", "2026-06-30"]
    assert choices["window_previous"] == ["2024-07-01", "2025-06-30"]
    assert choices["as_of_from"] == "option"
    assert choices["lines_read"] == 9  # the blank amount line counts as read
    assert choices["lines_won"] == 7
    assert (choices["lines_after_as_of"], choices["lines_before_windows"]) == (1, 1)
    assert choices["stage_column"] == "Étape"


def test_families_from_a_mapping_file(tmp_path, french):
    lines, families, potentials = french
    frame, choices = built(tmp_path, lines, as_of=dt.date(2026, 6, 30), won=("Gagné",),
                           families=families, potential_file=potentials)
    rows = by_id(frame)
    # In the window C001 bought Vis and Écrou; the Vis of the window before does not count.
    assert rows["C001"]["product_families"] == 2
    assert rows["C001"]["families_bought"] == "Boulonnerie | Visserie"
    assert rows["C002"]["product_families"] == 1
    assert choices["families_from"] == "file familles.csv (product → family)"


def test_the_as_of_date_defaults_to_the_latest_kept_line(tmp_path, french):
    lines, _, potentials = french
    frame, choices = built(tmp_path, lines, won=("Gagné",), potential_file=potentials)
    # Latest won line: 01/07/2026, so the window is 02/07/2025 to 01/07/2026; the line
    # of 01/07/2025 falls into the window before, with the one of 30/06/2025.
    assert choices["as_of"] == "2026-07-01" and choices["as_of_from"] == "latest line"
    c1 = by_id(frame)["C001"]
    assert c1["revenue"] == pytest.approx(777 + 1000.50)
    assert c1["revenue_previous"] == pytest.approx(200 + 300)


def test_families_from_a_column_english_headers(tmp_path):
    lines = write(tmp_path, "lines.csv", [
        "Customer,Invoice date,Amount,Product family,Sales rep,Potential",
        "K1,2026-01-05,100.5,Paint,Ann,900",
        "K1,2026-02-05,200,Paint,Ann,900",
        "K1,2026-03-05,300,Brushes,Ann,900",
        "K2,2026-03-06,50,Paint,Bob,100",
    ])
    frame, choices = built(tmp_path, lines)
    rows = by_id(frame)
    assert rows["K1"]["product_families"] == 2
    assert rows["K1"]["families_bought"] == "Brushes | Paint"
    assert rows["K1"]["revenue"] == pytest.approx(600.5)
    assert rows["K1"]["potential"] == 900 and rows["K2"]["potential"] == 100
    assert choices["families_from"] == "column 'Product family'"
    assert choices["stage_column"] is None


def test_orders_count_distinct_order_numbers(tmp_path):
    lines = write(tmp_path, "lines.csv", [
        "client;date;montant;commercial;n° commande;potentiel",
        "A;02/01/2026;10;Ann;F1;100",
        "A;02/01/2026;20;Ann;F1;100",
        "A;03/01/2026;30;Ann;F2;100",
    ])
    frame, _ = built(tmp_path, lines)
    assert by_id(frame)["A"]["orders"] == 2


def test_window_lengths_and_month_ends():
    assert parse_window("12m").start(dt.date(2026, 6, 30)) == dt.date(2025, 6, 30)
    assert parse_window("1y") == parse_window("12M")
    assert parse_window("30d").start(dt.date(2026, 3, 31)) == dt.date(2026, 3, 1)
    assert months_before(dt.date(2028, 2, 29), 12) == dt.date(2027, 2, 28)
    assert months_before(dt.date(2026, 2, 28), 1) == dt.date(2026, 1, 31)  # month-end kept
    assert months_before(dt.date(2026, 3, 15), 1) == dt.date(2026, 2, 15)
