"""Dates in tables are written the user's way (31/12/2026 in French, 2026-12-31 in English)
through one place, and stay dates (they sort by time): the Datasets list, the audit log and
the Rep page's last visits."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from pandas.api.types import is_datetime64_any_dtype
from streamlit import dataframe_util

from portfolio.access import Person, Role
from portfolio.store import guarded
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.ui.shared.localised_table import localised
from tests.ui.conftest import config_with_access, open_page
from tests.ui.test_signed_in import DATASETS, REP_PAGE, signed_in

FR_MOMENT = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")
EN_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def _cells(styler) -> list[list[str]]:
    rendered = styler._translate(False, False)
    return [[cell["display_value"] for cell in row[1:]] for row in rendered["body"]]


def _shown(frame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A data frame element's values and its text as the browser writes it."""
    display = frame.proto.arrow_data.styler.display_values
    assert display, "the table carries no text of its own: Streamlit would write ISO dates"
    return frame.value, dataframe_util.convert_arrow_bytes_to_pandas_df(display)


def _column(at, heading: str) -> tuple[pd.Series, pd.Series]:
    [frame] = [f for f in at.dataframe if heading in list(f.value.columns)]
    values, text = _shown(frame)
    index = list(values.columns).index(heading)
    return values.iloc[:, index], text.iloc[:, index]


def test_a_column_of_dates_is_written_each_language_s_way_and_stays_dates():
    table = pd.DataFrame({"day": [dt.date(2026, 12, 31), None, dt.date(2026, 1, 2)],
                          "at": [dt.datetime(2026, 12, 31, 13, 55, 10), None,
                                 dt.datetime(2026, 1, 2, 8, 5)]})
    french, english = localised(table, "fr"), localised(table, "en")
    assert _cells(french) == [["31/12/2026", "31/12/2026 13:55"], ["—", "—"],
                              ["02/01/2026", "02/01/2026 08:05"]]
    assert _cells(english)[0] == ["2026-12-31", "2026-12-31 13:55"]
    assert all(is_datetime64_any_dtype(french.data[c]) for c in ("day", "at"))


def test_the_datasets_list_writes_its_import_dates_in_french(seeded_db):
    store = Store(seeded_db)
    try:
        imported = list_datasets(store)[0].imported_at
    finally:
        store.close()
    for locale, pattern, written in (("fr-FR", FR_MOMENT, "%d/%m/%Y %H:%M"),
                                     (None, EN_MOMENT, "%Y-%m-%d %H:%M")):
        at = open_page(DATASETS, locale=locale)
        assert not at.exception
        heading = "Importé le" if locale else "Imported at"
        values, text = _column(at, heading)
        assert is_datetime64_any_dtype(values)
        assert text.tolist() == [imported.strftime(written)]
        assert pattern.fullmatch(text.iloc[0])


def test_the_audit_log_writes_its_dates_in_french(seeded_db, tmp_path, monkeypatch):
    config_with_access(tmp_path, monkeypatch, "version: 1\npeople:\n"
                       "  - {email: it@example.com, role: admin}\n")
    store = Store(seeded_db)
    try:
        dataset = list_datasets(store)[0]
        guarded.record_export(store, Person("it@example.com", Role.ADMIN), dataset, 12, file="csv")
        [entry] = guarded.read_audit(store, Person("it@example.com", Role.ADMIN))
    finally:
        store.close()
    at = signed_in(DATASETS, "it@example.com")
    at.segmented_control(key="w.language").set_value("fr").run()
    values, text = _column(at, "Quand")
    assert is_datetime64_any_dtype(values)
    assert text.tolist() == [entry.at.strftime("%d/%m/%Y %H:%M")]


def test_the_rep_page_writes_last_visits_in_french(seeded_db):
    at = open_page(REP_PAGE, locale="fr-FR")
    assert not at.exception
    values, text = _column(at, "Dernière visite")
    present = values.notna()
    assert present.any() and is_datetime64_any_dtype(values)
    assert text[present].tolist() == values[present].dt.strftime("%d/%m/%Y").tolist()
