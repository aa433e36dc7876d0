"""A director brings a French CRM export: upload it, fix a column, import it, find it in the matrix.

The journey runs on a server of its own: the dataset it imports becomes the latest one,
which every new session shows, and a journey stopped half-way must not leave it to the
other journeys. It ends by deleting the dataset, with its confirmation step.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app, wait_until_drawn

CHART = '[data-testid="stPlotlyChart"]'
# Windows-1252, ";", decimal comma, no-break-space thousands; "Num" is no known header.
CRM_EXPORT = ("Num;Raison sociale;Commercial;CA;Potentiel;Part de marché;Solvabilité\r\n"
              "00042;Société Œuvre d’Art;Hélène;12\u00a0500,50;250\u00a0000;5 %;A\r\n"
              "00043;Bâtiment Noël;Hélène;80\u00a0000;100\u00a0000;80 %;B\r\n"
              "00044;Café de l’Océan;Gaël;3\u00a0000;10\u00a0000;30 %;C\r\n")
NAME = "crm_export"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with served_app(tmp_path_factory.mktemp("import_server")) as url:
        yield url


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_until_drawn(page)


def delete_dataset(page: Page, app_url: str, name: str) -> None:
    page.goto(f"{app_url}/Datasets")
    wait_until_drawn(page)
    choose(page, "Dataset to work on", name)
    page.get_by_role("button", name="Delete this dataset…").click()
    wait_until_drawn(page)
    expect(page.get_by_text("This cannot be undone")).to_be_visible()
    page.get_by_role("button", name="Yes, delete it").click()
    wait_until_drawn(page)
    expect(page.get_by_text(f"“{name}” was deleted.")).to_be_visible(timeout=DRAW_TIMEOUT_MS)


def test_upload_map_import_and_see_it_in_the_matrix(page: Page, app_url: str, tmp_path: Path):
    export = tmp_path / f"{NAME}.csv"
    export.write_bytes(CRM_EXPORT.encode("cp1252"))
    page.goto(f"{app_url}/Import")
    wait_until_drawn(page)
    page.locator('input[type="file"]').set_input_files(str(export))
    wait_until_drawn(page)
    # What was detected shows in the choices the user may correct.
    expect(page.get_by_role("combobox", name="Encoding", exact=True)).to_have_value(
        "Automatic (Windows-1252)", timeout=DRAW_TIMEOUT_MS)
    # The report itself is a data frame (drawn on a canvas): its summary line is text.
    expect(page.get_by_text("Errors (they block the import): 1")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    import_button = page.get_by_role("button", name="Import", exact=True)
    expect(import_button).to_be_disabled()

    choose(page, "Num", "Client code (client_id)")
    expect(page.get_by_text("No problem found: the file can be imported.")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    expect(import_button).to_be_enabled()
    import_button.click()
    wait_until_drawn(page)
    try:
        expect(page.get_by_text(f"Imported 3 clients into “{NAME}”")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        page.get_by_role("link", name="See the matrix").click()
        wait_until_drawn(page)
        page.wait_for_selector(f"{CHART} .main-svg", timeout=DRAW_TIMEOUT_MS)
        expect(page.get_by_role("combobox", name="Dataset", exact=True)).to_have_value(f"{NAME} · 3 clients")
        expect(page.locator(f"{CHART} path.point")).to_have_count(3, timeout=DRAW_TIMEOUT_MS)
    finally:
        delete_dataset(page, app_url, NAME)
    expect(page.get_by_role("combobox", name="Dataset", exact=True)).to_have_value("Demo portfolio · 2,000 clients")
