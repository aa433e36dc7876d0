"""A trainer loads a demo portfolio for a room on the Datasets page, beside the imported data."""

from __future__ import annotations

from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from tests.ui.conftest import DATASET_NAME, open_page

DATASETS = "pages/4_Datasets.py"


def _datasets(path) -> list[tuple[str, bool, int]]:
    store = Store(path)
    try:
        return [(d.name, d.is_demo, d.clients_in()) for d in list_datasets(store)]
    finally:
        store.close()


def test_the_small_demo_loads_beside_the_imported_data_and_becomes_active(seeded_db):
    before = _datasets(seeded_db)
    at = open_page(DATASETS)
    assert at.selectbox(key="w.datasets_room_demo").options == [
        "Small: 40 clients of one team of 4 reps, every segment present (fits a slide)",
        "Overloaded: 2,000 clients for 6 reps, whose visit norms far exceed what they can visit"]
    at.button(key="w.datasets_room_demo_load").click().run()
    assert not at.exception
    assert _datasets(seeded_db) == [*before, ("Small demo portfolio", True, 40)]
    assert (DATASET_NAME, False, 400) in _datasets(seeded_db)  # the imported data, as it was
    assert any("Small demo portfolio" in s.value for s in at.success)
    # Loaded once: only the overloaded one is left to offer.
    assert len(at.selectbox(key="w.datasets_room_demo").options) == 1


def test_the_room_demos_are_named_in_french(seeded_db):
    at = open_page(DATASETS, locale="fr-FR")
    at.selectbox(key="w.datasets_room_demo").set_value("overflow").run()
    at.button(key="w.datasets_room_demo_load").click().run()
    assert not at.exception
    assert any("Portefeuille démo surchargé" in s.value for s in at.success)


WORKSHOP = "pages/8_Workshop.py"


def test_the_workshop_page_opens_a_room_demo_loading_it_once_beside_the_data(seeded_db):
    before = _datasets(seeded_db)
    at = open_page(WORKSHOP)
    chooser = at.selectbox(key="w.workshop.room_demo")
    assert chooser.options == ["Demo: 12 reps, 2,000 clients (the method's story)",
                               "Small demo: 40 clients of one team, every segment (fits a slide)",
                               "Overloaded demo: visit norms far beyond capacity"]
    assert chooser.value is None  # the seeded data is no demo of these
    chooser.set_value("small").run()
    assert not at.exception
    assert _datasets(seeded_db) == [*before, ("Small demo portfolio", True, 40)]
    # The session now works on it: the sidebar's dataset is the small demo, the chooser says so.
    assert at.selectbox(key="w.dataset").value == 2
    assert at.selectbox(key="w.workshop.room_demo").value == "small"
    # Back to the default demo and to the small one again: loaded once, opened twice.
    at.selectbox(key="w.workshop.room_demo").set_value("default").run()
    at.selectbox(key="w.workshop.room_demo").set_value("small").run()
    assert not at.exception
    names = [name for name, *_ in _datasets(seeded_db)]
    assert names.count("Small demo portfolio") == 1 and names.count("Demo portfolio") == 1
    assert (DATASET_NAME, False, 400) in _datasets(seeded_db)  # the imported data, as it was


def test_presenter_mode_hides_the_room_demo_chooser(seeded_db):
    at = open_page(WORKSHOP)
    at.toggle(key="w.presenter.switch").set_value(True).run()
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "w.workshop.room_demo"]
