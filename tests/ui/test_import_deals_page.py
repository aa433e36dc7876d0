"""The Import page's paths beyond a ready-made client file, under AppTest: clients built
from sales lines or deals (the build's choices kept in the dataset's description, shown on
the Datasets page), and a client file whose shared accounts are resolved on the page."""

from __future__ import annotations

import datetime as dt

from tests.importing import snapshot as db
from tests.ui.conftest import all_text, open_page

IMPORT, DATASETS = "pages/3_Import.py", "pages/4_Datasets.py"
# Won and lost deals; C1 is sold by Ann (1,000) and Bob (500) over the 12 months ending on
# 31/03/2026, and bought 400 in the 12 months before; C2's lost deal is not counted.
LINES = ("Client;Date;Montant;Commercial;Produit;Étape\r\n"
         "C1;15/01/2026;1000;Ann;P1;Won\r\n"
         "C1;10/03/2026;500;Bob;P2;Won\r\n"
         "C2;01/02/2026;300;Bob;P1;Won\r\n"
         "C2;05/02/2026;999;Bob;P1;Lost\r\n"
         "C1;01/02/2025;400;Ann;P1;Won\r\n"
         "C2;15/04/2026;50;Bob;P1;Won\r\n")  # after the as-of date: left out
ACCOUNTS = "Client;Nom;Potentiel\r\nC1;Alpha;5000\r\nC2;Beta;1000\r\n"
SHARED = ("client_id;client_name;salesperson;revenue;potential\r\n"
          "C1;Alpha;Ann;600;1000\r\nC1;Alpha;Bob;400;1000\r\nC2;Beta;Bob;100;500\r\n")


def rows_of(path, sql: str) -> list[tuple]:
    return db.rows_of(path, sql, read_only=False)


def upload(at, key: str, name: str, text: str):
    at.file_uploader(key=key).set_value((name, text.encode("utf-8"), "text/csv")).run()
    assert not at.exception
    return at


def button(at, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def deals_page(seeded_db):
    at = open_page(IMPORT)
    at.radio(key="w.import_kind").set_value("deals").run()
    at = upload(at, "w.import_lines_0", "deals.csv", LINES)
    return upload(at, "w.import_accounts_0", "accounts.csv", ACCOUNTS)


def test_clients_built_from_deals_are_previewed_imported_and_described(seeded_db):
    at = deals_page(seeded_db)
    at.text_input(key="w.import_window").set_value("12m")
    at.date_input(key="w.import_as_of").set_value(dt.date(2026, 3, 31))
    at.text_input(key="w.import_won").set_value("won").run()
    button(at, "Build the clients").click().run()
    assert not at.exception
    # By hand: C1 1,000 + 500 (Ann holds it, the larger), C2 300; potentials 5,000 and 1,000.
    assert metrics(at) == {"Clients": "2", "Rows": "2", "Revenue over the window": "1,800",
                           "Potential": "6,000"}
    [preview] = [d.value for d in at.dataframe if "client_id" in d.value.columns]
    assert preview["client_id"].tolist() == ["C1", "C2"]
    assert preview["salesperson"].tolist() == ["Ann", "Bob"]
    assert preview["revenue"].tolist() == [1500.0, 300.0]
    assert preview["potential"].tolist() == [5000.0, 1000.0]
    assert preview["team"].fillna("").tolist() == ["Bob", ""]
    assert preview["growth"].tolist()[0] == 1500 / 400 - 1
    assert at.text_input(key="w.import_name").value == "deals clients"
    button(at, "Import").click().run()
    assert not at.exception
    assert rows_of(seeded_db, "SELECT client_id, salesperson, revenue, potential FROM clients_2 "
                              "ORDER BY client_id") == [("C1", "Ann", 1500.0, 5000.0),
                                                        ("C2", "Bob", 300.0, 1000.0)]
    [(description,)] = rows_of(seeded_db, "SELECT description FROM datasets WHERE dataset_id = 2")
    assert "window: 12m ending on 2026-03-31 (as given)" in description
    assert "stage filter: column 'Étape' in 'won' (5 lines kept)" in description
    assert "shared clients: main rep owns the client" in description
    at.switch_page(DATASETS).run()
    text = all_text(at)
    assert "How these clients were made" in [e.label for e in at.expander]
    assert "Built from sales lines (deals.csv) with these choices:" in text
    assert "window: 12m ending on 2026-03-31 (as given)" in text


def test_a_split_build_counts_each_potential_once(seeded_db):
    at = deals_page(seeded_db)
    at.date_input(key="w.import_as_of").set_value(dt.date(2026, 3, 31))
    at.text_input(key="w.import_won").set_value("won")
    at.radio(key="w.import_build_shared").set_value("split").run()
    button(at, "Build the clients").click().run()
    # C1's 5,000 split 2/3 to Ann, 1/3 to Bob: the rows add up to the client's potential.
    assert metrics(at)["Rows"] == "3" and metrics(at)["Potential"] == "6,000"
    [preview] = [d.value for d in at.dataframe if "client_id" in d.value.columns]
    assert preview["client_id"].tolist() == ["C1~1", "C1~2", "C2"]
    assert preview["potential"].round(6).tolist() == [round(5000 * 1000 / 1500, 6),
                                                      round(5000 * 500 / 1500, 6), 1000.0]


def test_a_potential_stated_in_a_file_or_estimated_from_an_accounts_column(seeded_db):
    at = open_page(IMPORT)
    at.radio(key="w.import_kind").set_value("deals").run()
    at = upload(at, "w.import_lines_0", "deals.csv", LINES)
    at = upload(at, "w.import_accounts_0", "accounts.csv",
                "Client;Nom;Employees\r\nC1;Alpha;10\r\nC2;Beta;2\r\n")
    at = upload(at, "w.import_potentials_0", "potentials.csv", "Client;Potentiel\r\nC2;5000\r\n")
    at.date_input(key="w.import_as_of").set_value(dt.date(2026, 3, 31))
    at.text_input(key="w.import_won").set_value("won")
    at.text_input(key="w.import_estimate").set_value("employees=1000").run()
    button(at, "Build the clients").click().run()
    assert not at.exception
    # By hand: C2's 5,000 from the potential file; C1 has none, so 10 employees × 1,000.
    assert metrics(at)["Potential"] == "15,000"
    [preview] = [d.value for d in at.dataframe if "client_id" in d.value.columns]
    assert preview["potential"].tolist() == [10000.0, 5000.0]
    assert preview["potential_estimated"].astype(str).str.lower().tolist() == ["true", "false"]
    assert "potential: 1 stated, 1 estimated as employees × 1000" in all_text(at)


def test_an_estimate_rule_that_cannot_be_read_is_refused_with_its_form(seeded_db):
    at = deals_page(seeded_db)
    at.text_input(key="w.import_estimate").set_value("employees=ten").run()
    button(at, "Build the clients").click().run()
    assert not at.exception
    assert any("The potential estimate 'employees=ten' cannot be read" in e.value
               and "BASE=RATE" in e.value for e in at.error), [e.value for e in at.error]
    assert not [b for b in at.button if b.label == "Import"]


def test_a_build_that_cannot_be_made_says_why_in_french(seeded_db):
    at = open_page(IMPORT, locale="fr-FR")
    at.radio(key="w.import_kind").set_value("deals").run()
    at = upload(at, "w.import_lines_0", "deals.csv", LINES)
    at.text_input(key="w.import_won").set_value("signé").run()
    button(at, "Construire les clients").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("Les clients n'ont pas pu être construits" in e for e in errors)
    # The stages found are named, so that the user can write the right one.
    assert any("'won'" in e.casefold() and "'lost'" in e.casefold() for e in errors), errors
    assert not [b for b in at.button if b.label == "Importer"]
    assert rows_of(seeded_db, "SELECT count(*) FROM datasets") == [(1,)]


def test_shared_accounts_of_a_client_file_are_resolved_by_the_choice_made(seeded_db):
    at = upload(open_page(IMPORT), "w.import_file_0", "shared.csv", SHARED)
    assert "Shared accounts" in [s.value for s in at.subheader]
    assert button(at, "Import").disabled  # refused until the user chooses
    at.radio(key="w.import_shared").set_value("main").run()
    [preview] = [d.value for d in at.dataframe if "client_id" in d.value.columns]
    # By hand: C1 600 + 400 under Ann (the larger), its potential 1,000 once, not 2,000.
    assert preview["client_id"].tolist() == ["C1", "C2"]
    assert preview["salesperson"].tolist() == ["Ann", "Bob"]
    assert preview["revenue"].tolist() == [1000.0, 100.0]
    assert preview["potential"].tolist() == [1000.0, 500.0]
    assert not button(at, "Import").disabled
    at.radio(key="w.import_shared").set_value("split").run()
    [preview] = [d.value for d in at.dataframe if "client_id" in d.value.columns]
    assert preview["client_id"].tolist() == ["C1~1", "C1~2", "C2"]
    assert preview["potential"].tolist() == [600.0, 400.0, 500.0]
    button(at, "Import").click().run()
    assert not at.exception
    assert rows_of(seeded_db, "SELECT sum(potential), sum(revenue) FROM clients_2") == [
        (1500.0, 1100.0)]
    [(description,)] = rows_of(seeded_db, "SELECT description FROM datasets WHERE dataset_id = 2")
    assert description.startswith("Shared accounts: 1 clients listed under several reps, one row")
