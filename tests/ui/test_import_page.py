"""The import and datasets pages under AppTest: upload, correct, map, check, import, manage."""

from __future__ import annotations

from portfolio.store.database import Store
from tests.corpus import files as corpus
from tests.importing import snapshot as db
from tests.ui.conftest import DATASET_NAME, all_text, open_page

IMPORT, DATASETS = "pages/3_Import.py", "pages/4_Datasets.py"
UPLOADER = "w.import_file_0"
CRM = "Num;Nom;Vendeur;CA;Potentiel;Canal\r\n007;Société Œuvre;Léa;1 234,5;10 000;web\r\n" \
      "008;Bâtiment Noël;Noé;10;20;boutique\r\n"


def rows_of(path, sql: str) -> list[tuple]:
    # The page's store holds the file in this process: share its configuration.
    return db.rows_of(path, sql, read_only=False)


def tables(path) -> dict[str, str]:
    return db.table_digests(path, read_only=False)


def upload(at, name: str, data: bytes, key: str = UPLOADER):
    at.file_uploader(key=key).set_value((name, data, "text/csv")).run()
    assert not at.exception
    return at


def report_rows(at) -> list[tuple]:
    """(type, row, column, problem) of the check's table."""
    [table] = [d.value for d in at.dataframe if "Problem" in d.value.columns]
    return [(r.Type, None if r.Row is None or str(r.Row) == "<NA>" else int(r.Row), r.Column,
             r.Problem) for r in table.itertuples(index=False)]


def import_button(at):
    [button] = [b for b in at.button if b.label == "Import"]
    return button


def test_a_french_crm_file_is_mapped_imported_and_becomes_active(seeded_db):
    at = upload(open_page(IMPORT), "crm.csv", CRM.encode("cp1252"))
    assert [s.value for s in at.subheader] == ["How the file was read", "Columns", "Preview",
                                               "Check", "Import"]
    assert ("error", None, "client_id", "A required column is missing") in report_rows(at)
    assert import_button(at).disabled
    # "Num" was not recognised: the user says it is the client code.
    at.selectbox(key="w.import_map_0").set_value("client_id").run()
    assert at.selectbox(key="w.import_map_0").label == "Num"
    assert not import_button(at).disabled
    assert at.text_input(key="w.import_name").value == "crm"
    at.text_input(key="w.import_period").set_value("2026-Q4")
    import_button(at).click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        "Imported 2 clients into “crm” (period 2026-Q4). It is now the active dataset."]
    assert at.sidebar.selectbox(key="w.dataset").value == 2
    assert rows_of(seeded_db, 'SELECT client_id, client_name, revenue, "Canal", period '
                              "FROM clients_2 ORDER BY client_id") == [
        ("007", "Société Œuvre", 1234.5, "web", "2026-Q4"),
        ("008", "Bâtiment Noël", 10.0, "boutique", "2026-Q4")]
    # The uploader starts empty again, and the same export next month needs no mapping.
    assert at.file_uploader(key="w.import_file_1") is not None
    at = upload(at, "crm_next.csv", CRM.replace("007", "009").encode("cp1252"), "w.import_file_1")
    assert "The column choices made for an earlier file with the same columns were applied." in [
        i.value for i in at.info]
    assert not import_button(at).disabled


def test_a_file_with_errors_shows_the_report_and_stores_nothing(seeded_db):
    data = (corpus.FR_HEADER + "\r\nC1;Alpha;Léa;-5;200\r\nC1;Beta;Léa;abc;200\r\n").encode("cp1252")
    at = open_page(IMPORT)
    before = tables(seeded_db)
    at = upload(at, "bad.csv", data)
    rows = report_rows(at)
    assert ("error", 2, "CA", "Negative value not allowed") in rows
    assert ("error", 3, "CA", "Not a number") in rows
    assert ("error", 3, "Code client", "Client code used twice") in rows
    assert import_button(at).disabled
    [download] = at.get("download_button")
    assert download.proto.label == "Download the report (CSV)"
    assert tables(seeded_db) == before


def test_a_wrong_guess_is_corrected_by_reading_again(seeded_db):
    # "1.500" could be one and a half or fifteen hundred: with ";" the comma is assumed.
    data = (corpus.FR_HEADER + "\r\nC1;Alpha;Léa;1.500;3.000\r\n").encode("utf-8")
    at = upload(open_page(IMPORT), "points.csv", data)
    assert at.dataframe[0].value["revenue"].tolist() == [1500.0]
    at.selectbox(key="w.import_decimal").set_value(".").run()
    assert at.dataframe[0].value["revenue"].tolist() == [1.5]
    separator = at.selectbox(key="w.import_separator")
    assert separator.options[separator.index] == "Automatic (semicolon ;)"
    at.selectbox(key="w.import_separator").set_value(",").run()
    assert ("error", None, "client_id", "A required column is missing") in report_rows(at)


def test_the_header_row_found_is_shown_and_can_be_changed(seeded_db):
    data = ("Export CRM du 31/03/2026\r\n" + corpus.FR_HEADER + "\r\nC1;Alpha;Léa;100;200\r\n"
            ).encode("utf-8")
    at = upload(open_page(IMPORT), "title.csv", data)
    assert at.text_input(key="w.import_header_row").value == "2"  # below the title line
    assert at.dataframe[0].value["client_id"].tolist() == ["C1"]
    at.text_input(key="w.import_header_row").input("1").run()
    assert ("error", None, "client_id", "A required column is missing") in report_rows(at)
    at.text_input(key="w.import_header_row").input("2").run()
    assert at.dataframe[0].value["client_id"].tolist() == ["C1"]


def test_a_workbook_with_several_sheets_asks_which_one(seeded_db, tmp_path):
    data = corpus.three_sheets_titles_formulas(tmp_path).read_bytes()
    at = upload(open_page(IMPORT), "crm.xlsx", data)
    sheet = at.selectbox(key="w.import_sheet")
    assert sheet.options == ["Notes", "Clients", "Données graphique"] and sheet.value == "Notes"
    sheet.set_value("Clients").run()
    preview = at.dataframe[0].value
    assert preview["potential"].tolist() == [4000.0, 501.0, 3000.0]  # formulas' values
    assert preview["source_row"].tolist() == [5, 6, 7]  # title rows above the header skipped
    assert not import_button(at).disabled


def test_a_new_period_of_an_existing_dataset_and_a_period_refused(seeded_db):
    data = (corpus.FR_HEADER + "\r\nC1;Alpha;Léa;100;200\r\n").encode("utf-8")
    at = upload(open_page(IMPORT), "q4.csv", data)
    at.radio(key="w.import_where").set_value("period").run()
    at.selectbox(key="w.import_dataset").set_value(1)
    at.text_input(key="w.import_period").set_value("2026-Q3")  # the seeded dataset's period
    before = tables(seeded_db)
    import_button(at).click().run()
    assert [e.value for e in at.error] == ["Nothing was imported:"]
    assert "Period already stored" in all_text(at) or any(
        "Period already stored" in d.value.to_string() for d in at.dataframe)
    assert tables(seeded_db) == before
    at.text_input(key="w.import_period").set_value("2026-Q4")
    import_button(at).click().run()
    assert at.success[0].value.startswith(f"Imported 1 clients into “{DATASET_NAME}” (period 2026-Q4)")
    assert rows_of(seeded_db, "SELECT period FROM dataset_periods ORDER BY period") == [
        ("2026-Q3",), ("2026-Q4",)]


def test_a_file_over_the_limit_is_refused_before_reading(seeded_db, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_MAX_UPLOAD_MB", "1")
    data = (corpus.FR_HEADER + "\r\n" + "C1;Alpha;Léa;100;200\r\n" * 60_000).encode("utf-8")
    at = upload(open_page(IMPORT), "big.csv", data)
    [error] = at.error
    assert error.value.startswith("“big.csv” holds 1.3 MB; the largest file accepted is 1 MB.")
    assert [s.value for s in at.subheader] == []  # nothing was read


def test_the_import_page_speaks_french(seeded_db):
    at = open_page(IMPORT, locale="fr-FR")
    assert [t.value for t in at.title] == ["Importer un fichier clients"]
    data = (corpus.FR_HEADER + "\r\nC1;Alpha;Léa;-5;200\r\n").encode("utf-8")
    at = upload(at, "x.csv", data)
    assert ("erreur", 2, "CA", "Valeur négative interdite") in [
        (r[0], int(r[1]), r[2], r[4]) for r in at.dataframe[-1].value.itertuples(index=False)]


def test_datasets_page_renames_and_deletes_after_confirmation(seeded_db):
    store = Store(seeded_db)
    from portfolio.store.datasets import create_dataset
    from tests.importing.conftest import seed_frame
    workshop = create_dataset(store, seed_frame(), name="Workshop", source="workshop.csv",
                              period="2026-Q1")
    store.close()
    at = open_page(DATASETS)
    assert not at.exception
    # A new session opens on the first dataset, whoever imported another since.
    assert at.dataframe[0].value["Name"].tolist() == ["Workshop", f"{DATASET_NAME}  (active)"]
    at.sidebar.selectbox(key="w.dataset").set_value(workshop).run()
    table = at.dataframe[0].value
    assert table["Name"].tolist() == ["Workshop  (active)", DATASET_NAME]
    assert table["Rows"].tolist() == [3, 400]  # numbers (they sort as such), written by the Styler
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "Excel (.xlsx)"]
    at.text_input(key="w.datasets_new_name").set_value(DATASET_NAME)
    at.button[0].click().run()  # the form's Rename button
    assert [e.value for e in at.error] == [
        f"Another dataset is already called “{DATASET_NAME}”: choose another name."]
    at.text_input(key="w.datasets_new_name").set_value("Atelier mars")
    at.button[0].click().run()
    assert [s.value for s in at.success][0] == "Renamed to “Atelier mars”."
    [delete] = [b for b in at.button if b.label == "Delete this dataset…"]
    delete.click().run()
    assert "cannot be undone" in at.warning[0].value
    [cancel] = [b for b in at.button if b.label == "Cancel"]
    cancel.click().run()
    assert rows_of(seeded_db, "SELECT count(*) FROM datasets") == [(2,)]
    [b for b in at.button if b.label == "Delete this dataset…"][0].click().run()
    [b for b in at.button if b.label == "Yes, delete it"][0].click().run()
    assert not at.exception
    assert "“Atelier mars” was deleted." in [s.value for s in at.success]
    assert rows_of(seeded_db, "SELECT name FROM datasets") == [(DATASET_NAME,)]
    assert at.dataframe[0].value["Name"].tolist() == [f"{DATASET_NAME}  (active)"]


def test_choosing_the_active_dataset_here_changes_it_everywhere(seeded_db):
    store = Store(seeded_db)
    from portfolio.store.datasets import create_dataset
    from tests.importing.conftest import seed_frame
    create_dataset(store, seed_frame(), name="Workshop", period="2026-Q1")
    store.close()
    at = open_page(DATASETS)
    at.selectbox(key="w.datasets_active").set_value(1).run()
    assert at.sidebar.selectbox(key="w.dataset").value == 1
    assert at.success[0].value == f"“{DATASET_NAME}” is the active dataset."


def test_a_lost_copy_of_the_upload_asks_for_the_file_again(seeded_db):
    from pathlib import Path
    at = upload(open_page(IMPORT), "gone.csv", (corpus.FR_HEADER + "\r\nC1;A;Léa;1;2\r\n").encode())
    Path(at.session_state["pp.import.upload"].path).unlink()
    at.session_state["pp.import.readings"] = {}  # a restarted server has no reading either
    at.run()
    assert not at.exception
    assert at.warning[0].value.startswith("The copy of “gone.csv” kept for the import is gone")


def test_a_cancelled_reading_is_said_and_read_again_on_request(seeded_db):
    at = upload(open_page(IMPORT), "clients.csv", (corpus.FR_HEADER + "\r\nC1;A;Léa;1;2\r\n").encode())
    # What the Cancel button's callback leaves once the reading it stopped has ended.
    at.session_state["pp.import.reading_cancelled"] = True
    at.session_state["pp.import.readings"] = {}
    at.run()
    assert not at.exception
    assert at.info[0].value.startswith("Reading cancelled: nothing was kept")
    assert not at.subheader  # nothing read, nothing shown of the file
    at.button(key="w.import_read_again").click().run()
    assert not at.exception
    assert "How the file was read" in [s.value for s in at.subheader]
