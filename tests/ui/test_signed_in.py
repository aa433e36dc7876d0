"""Pages as signed-in people see them: each person's clients only, on every page, in one
process (caches shared); roles' writes; the no-access page; "View as" and "Whole team"."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, list_datasets
from tests.corpus import files as corpus
from tests.ui.conftest import APP, DATASET_NAME, ROOT, all_text, charts, config_with_access

REP_A, REP_B = "Claire Martin", "Julien Moreau"
REGION = "Occitanie"
ACCESS = f"""version: 1
people:
  - {{email: claire@example.com, role: rep, salespeople: [{REP_A}]}}
  - {{email: julien@example.com, role: rep, salespeople: [{REP_B}]}}
  - {{email: sud@example.com, role: director, scope: {{column: region, values: [{REGION}]}}}}
  - {{email: formation@example.com, role: trainer}}
  - {{email: it@example.com, role: admin}}
  - {{email: parti@example.com, role: rep, salespeople: [Paul Girard], active: false}}
"""
# What Streamlit needs to offer st.login; no provider is reached under AppTest.
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "test-secret",
        "client_id": "portfolio", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
MATRIX, STRUCTURE, REP_PAGE, PLAN, DATASETS, IMPORT, GRID = (
    "pages/1_Matrix.py", "pages/5_Structure.py", "pages/6_Rep.py", "pages/7_Visit_plan.py",
    "pages/4_Datasets.py", "pages/3_Import.py", "pages/2_Grid.py")
DEMO_NAME = "Demo portfolio"


@pytest.fixture
def team_db(seeded_db, demo_clients, tmp_path, monkeypatch):
    """The test portfolio, a small demo dataset beside it, and a config folder with the
    access file above."""
    store = Store(seeded_db)
    try:
        create_dataset(store, demo_clients.head(30), name=DEMO_NAME, source="demo", is_demo=True)
    finally:
        store.close()
    config_with_access(tmp_path, monkeypatch, ACCESS)
    return seeded_db


def signed_in(page: str, email: str | None, name: str = "Test Person") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = ({"is_logged_in": True, "email": email, "name": name} if email
               else {"is_logged_in": False})
    at.run()
    let_in = "w.sign_in" not in _buttons(at) and "No access" not in [t.value for t in at.title]
    if page != "app.py" and let_in:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _buttons(at) -> set[str]:
    return {b.key for b in at.button if b.key}


def _page_ids(at: AppTest) -> str:
    """Every text, table cell and figure of the page, to look for client ids in."""
    parts = [all_text(at)]
    parts += [frame.value.to_csv() for frame in at.dataframe
              if isinstance(frame.value, pd.DataFrame)]
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    return "\n".join(parts)


def _ids_of(clients: pd.DataFrame, salesperson: str) -> set[str]:
    return set(clients.loc[clients["salesperson"] == salesperson, "client_id"])


@pytest.mark.parametrize("page", [MATRIX, STRUCTURE, REP_PAGE, PLAN, DATASETS])
def test_rep_a_then_rep_b_each_see_only_their_own_clients(team_db, demo_clients, page):
    own_a, own_b = _ids_of(demo_clients, REP_A), _ids_of(demo_clients, REP_B)
    others = set(demo_clients["client_id"]) - own_a
    seen_by_a = _page_ids(signed_in(page, "claire@example.com"))
    # Caches are not cleared between the two: B's page must not come from A's.
    seen_by_b = _page_ids(signed_in(page, "julien@example.com"))
    assert not {c for c in others if c in seen_by_a}
    assert not {c for c in set(demo_clients["client_id"]) - own_b if c in seen_by_b}
    assert REP_B not in seen_by_a and REP_A not in seen_by_b
    if page in (MATRIX, PLAN):  # pages that list clients: the rep's own are there
        assert any(c in seen_by_a for c in own_a) and any(c in seen_by_b for c in own_b)


def test_a_rep_has_no_view_as_no_write_and_their_totals_are_named_as_theirs(team_db):
    at = signed_in(STRUCTURE, "claire@example.com", name="Claire")
    assert not [s for s in at.sidebar.selectbox if s.key == "w.view_as"]
    text = "\n".join(chart.proto.spec for chart in at.get("plotly_chart"))
    assert "Whole team" not in text and f"Total of {REP_A}" in text
    assert "**Claire** · sales rep" in [m.value for m in at.sidebar.markdown]
    assert "w.sign_out" in _buttons(at)
    datasets = signed_in(DATASETS, "claire@example.com")
    assert not {"w.datasets_load_demo", "w.datasets_room_demo_load"} & _buttons(datasets)
    assert not [f for f in datasets.get("form")]  # no rename form
    assert not [b for b in datasets.button if b.label == "Delete this dataset…"]
    assert "Audit log" not in [e.label for e in datasets.expander]
    imports = signed_in(IMPORT, "claire@example.com")
    assert [i.value for i in imports.info] == ["The role rep may not import a file."]
    assert not imports.get("file_uploader")
    grid = signed_in(GRID, "claire@example.com")
    assert not grid.get("file_uploader") and "w.grid_download" in {
        b.key for b in grid.get("download_button")}


def test_a_director_sees_their_region_only_and_previews_reps_within_it(team_db, demo_clients):
    in_region = demo_clients[demo_clients["region"] == REGION]
    at = signed_in(DATASETS, "sud@example.com")
    table = at.dataframe[0].value
    assert dict(zip(table["Name"].str.replace("  (active)", "", regex=False), table["Rows"])) == {
        DATASET_NAME: len(in_region), DEMO_NAME: int((demo_clients.head(30)["region"]
                                                      == REGION).sum())}
    assert "Audit log" in [e.label for e in at.expander]
    matrix = signed_in(MATRIX, "sud@example.com")
    seen = _page_ids(matrix)
    assert not {c for c in set(demo_clients["client_id"]) - set(in_region["client_id"]) if c in seen}
    [view_as] = [s for s in matrix.sidebar.selectbox if s.key == "w.view_as"]
    assert set(view_as.options) - {"Whole team"} == set(in_region["salesperson"])
    view_as.set_value(REP_A).run()
    previewed = _page_ids(matrix)
    mine = in_region[in_region["salesperson"] == REP_A]
    assert not {c for c in set(demo_clients["client_id"]) - set(mine["client_id"]) if c in previewed}


def test_a_trainer_sees_demo_data_only_and_stores_nothing(team_db):
    at = signed_in(DATASETS, "formation@example.com")
    assert [n.replace("  (active)", "") for n in at.dataframe[0].value["Name"]] == [DEMO_NAME]
    assert [o for o in at.sidebar.selectbox(key="w.dataset").options] == [f"{DEMO_NAME} · 30 clients"]
    assert not [b for b in at.button if b.label == "Delete this dataset…"]
    imports = signed_in(IMPORT, "formation@example.com")
    assert [i.value for i in imports.info] == ["The role trainer may not import a file."]


@pytest.mark.parametrize("email, reason", [
    ("parti@example.com", "parti@example.com no longer has access (active: false in the access file)."),
    ("stranger@example.com", "stranger@example.com has no access: ask an administrator to add this "
                             "e-mail to the access file.")])
def test_an_inactive_or_unknown_person_gets_the_no_access_page_and_nothing_else(team_db, email, reason):
    at = signed_in("app.py", email)
    assert [t.value for t in at.title] == ["No access"]
    assert [e.value.replace("\\", "").replace("\u2060", "") for e in at.error] == [reason]
    assert not at.sidebar.selectbox and not at.dataframe and not at.get("plotly_chart")
    assert DATASET_NAME not in all_text(at)


def test_before_signing_in_nothing_about_the_data_is_shown(team_db):
    at = signed_in("app.py", None)
    assert "w.sign_in" in _buttons(at)
    assert not at.sidebar.selectbox and DATASET_NAME not in all_text(at)


def test_local_mode_says_so_and_view_as_a_rep_never_names_their_totals_the_team(team_db):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(STRUCTURE).run()
    assert "Local mode: no sign-in" in [c.value for c in at.sidebar.caption]
    heat = "\n".join(chart.proto.spec for chart in at.get("plotly_chart"))
    assert "Whole team" in heat  # the team's own rows, under its name
    at.sidebar.selectbox(key="w.view_as").set_value(REP_A).run()
    figures = charts(at)
    labels = [y for spec in figures.values() for trace in spec["data"]
              for y in (trace.get("y") or []) if isinstance(y, str)]
    assert "Whole team" not in labels and f"Total of {REP_A}" in labels


def test_one_sessions_import_does_not_change_what_another_session_shows(team_db):
    first = AppTest.from_file(str(APP), default_timeout=60)
    first.run()
    before = first.sidebar.selectbox(key="w.dataset").value
    importer = AppTest.from_file(str(APP), default_timeout=60)
    importer.run()
    importer.switch_page(IMPORT).run()
    data = (corpus.FR_HEADER + "\r\n" + "C1;Alpha;Léa;100;200\r\n").encode("utf-8")
    importer.file_uploader(key="w.import_file_0").set_value(("new.csv", data, "text/csv")).run()
    [button] = [b for b in importer.button if b.label == "Import"]
    button.click().run()
    store = Store(team_db)
    try:
        newest = list_datasets(store)[-1]
    finally:
        store.close()
    assert newest.source == "new.csv"
    assert importer.sidebar.selectbox(key="w.dataset").value == newest.dataset_id
    first.run()
    assert first.sidebar.selectbox(key="w.dataset").value == before
    newcomer = AppTest.from_file(str(APP), default_timeout=60)
    newcomer.run()
    assert newcomer.sidebar.selectbox(key="w.dataset").value != newest.dataset_id


def test_a_signed_in_persons_dataset_and_language_are_theirs_in_their_next_session(team_db):
    first = signed_in(MATRIX, "it@example.com")
    datasets = first.sidebar.selectbox(key="w.dataset")
    demo = next(o for o in datasets.options if o.startswith(DEMO_NAME))
    datasets.select(demo).run()
    first.sidebar.segmented_control(key="w.language").set_value("fr").run()
    again = signed_in(MATRIX, "it@example.com")
    assert again.sidebar.selectbox(key="w.dataset").value == first.sidebar.selectbox(
        key="w.dataset").value
    assert again.sidebar.segmented_control(key="w.language").value == "fr"
    # Someone else's next session keeps its own defaults.
    other = signed_in(MATRIX, "sud@example.com")
    assert other.sidebar.segmented_control(key="w.language").value == "en"
    assert not other.sidebar.selectbox(key="w.dataset").format_func(
        other.sidebar.selectbox(key="w.dataset").value).startswith(DEMO_NAME)


def test_the_join_page_asks_to_sign_in_when_the_app_signs_people_in(team_db):
    at = AppTest.from_file(str(ROOT / "pages" / "9_Join.py"), default_timeout=60)
    at.secrets["auth"] = AUTH  # secrets wherever Streamlit loads them from, not one path
    at.user = {"is_logged_in": False}
    at.run()
    assert "w.join.login" in _buttons(at)
    assert not at.text_input


def test_a_rep_with_two_salesperson_names_sees_both_portfolios_and_no_one_else(
        seeded_db, demo_clients, tmp_path, monkeypatch):
    # A rep who took over a colleague's territory keeps both names in the file.
    config_with_access(tmp_path, monkeypatch, ACCESS + (
        f"  - {{email: duo@example.com, role: rep, salespeople: [{REP_A}, {REP_B}]}}\n"))
    own = _ids_of(demo_clients, REP_A) | _ids_of(demo_clients, REP_B)
    others = set(demo_clients["client_id"]) - own
    for page in (MATRIX, STRUCTURE, REP_PAGE, PLAN):
        seen = _page_ids(signed_in(page, "duo@example.com"))
        assert not {c for c in others if c in seen}, page
    matrix = signed_in(MATRIX, "duo@example.com")
    assert f"{len(own)} clients in the matrix" in all_text(matrix)
    structure = signed_in(STRUCTURE, "duo@example.com")
    text = "\n".join(chart.proto.spec for chart in structure.get("plotly_chart"))
    assert "Whole team" not in text and f"Total of {REP_A}, {REP_B}" in text
    rep = signed_in(REP_PAGE, "duo@example.com")
    assert [s.options for s in rep.selectbox if s.label == "Salesperson"] == [[REP_A, REP_B]]
