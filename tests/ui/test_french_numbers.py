"""In French, numbers are typed and read with a decimal comma: "12,5" typed in the live-scoring
form, the Rep page's objective or the grid's trial weights is 12.5; an entry that cannot be read
is refused in French and changes nothing; the tables write no decimal point."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit import dataframe_util

from portfolio.grid.loader import load_grid
from portfolio.grid.trial import with_changes
from portfolio.i18n import t
from portfolio.numbers import money
from portfolio.queries.live import score_values
from portfolio.text_safety import markdown_text
from tests.ui.conftest import open_page, table_rows
from tests.ui.test_grid_trial_page import _expected_moves

GRID_PAGE = "pages/2_Grid.py"
STRUCTURE = "pages/5_Structure.py"
REP = "pages/6_Rep.py"
FR = "fr-FR"
GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
CLIENT = {"potential": "250 000", "market_position": "leader", "solvency": "A",
          "product_families": "1"}
# A figure written with a decimal point: "98.5", "-30.0", "0.375".
DECIMAL_POINT = re.compile(r"\d\.\d")


def _type_client(at, share: str) -> None:
    for column, value in CLIENT.items():
        if column in ("market_position", "solvency"):
            at.selectbox(key=f"w.live.{column}").set_value(value)
        else:
            at.text_input(key=f"w.live.{column}").input(value)
    at.text_input(key="w.live.share_of_wallet").input(share)
    at.run()


def _live_metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _expected_qrc(share: float) -> str:
    values = {"potential": 250_000, "market_position": "leader", "solvency": "A",
              "product_families": 1, "share_of_wallet": share}
    return f"{score_values(GRID, values).qrc:.1f}".replace(".", ",") + " / 100"


def test_a_decimal_comma_in_the_live_form_is_read_and_changes_the_result(seeded_db):
    at = open_page(GRID_PAGE, locale=FR)
    _type_client(at, "5")
    qrc_label = "Qualité de la relation commerciale"
    assert _live_metrics(at)[qrc_label] == _expected_qrc(0.05)
    at.text_input(key="w.live.share_of_wallet").input("12,5").run()
    assert not at.exception and not at.error
    assert at.session_state["pp.live.share_of_wallet"] == 12.5
    assert _expected_qrc(0.125) != _expected_qrc(0.05)  # the band changes at 10 %
    assert _live_metrics(at)[qrc_label] == _expected_qrc(0.125)
    assert at.text_input(key="w.live.share_of_wallet").value == "12,5"
    assert at.text_input(key="w.live.potential").value == "250000"


def test_an_entry_that_cannot_be_read_is_refused_in_french_and_changes_nothing(seeded_db):
    at = open_page(GRID_PAGE, locale=FR)
    _type_client(at, "12,5")
    before = _live_metrics(at)
    at.text_input(key="w.live.share_of_wallet").input("12,5,3").run()
    assert not at.exception
    refusal = (t("number_entry.not_a_number", "fr", typed="12,5,3") + " "
               + t("number_entry.kept", "fr", value="12,5"))
    assert [e.value for e in at.error] == [markdown_text(refusal)]
    assert _live_metrics(at) == before
    assert at.session_state["pp.live.share_of_wallet"] == 12.5
    # Out of range: the allowed range written the French way.
    at.text_input(key="w.live.share_of_wallet").input("150").run()
    assert [e.value for e in at.error] == [markdown_text(
        "Tapez un nombre compris entre 0\u00a0% et 100\u00a0%. La valeur retenue reste 12,5.")]
    assert _live_metrics(at) == before
    # An English user typing the French way is told to type a point, in English.
    at = open_page(GRID_PAGE)
    at.text_input(key="w.live.share_of_wallet").input("12,5").run()
    assert [e.value for e in at.error] == [markdown_text(
        t("number_entry.comma_en", "en", typed="12,5", example="12.5"))]
    assert "pp.live.share_of_wallet" not in at.session_state  # nothing kept


def test_a_decimal_comma_in_the_objective_is_read(seeded_db, demo_clients):
    at = open_page(REP, locale=FR)
    at.selectbox(key="w.rep.rep").set_value("Julien Moreau").run()
    revenue = demo_clients.loc[demo_clients["salesperson"] == "Julien Moreau", "revenue"].sum()
    label = t("rep.metric_objective", "fr")

    def objective() -> str:
        return {m.label: m.value for m in at.metric}[label]

    assert objective() == markdown_text(money(0.10 * revenue, "fr", compact=True))
    at.text_input(key="w.rep.growth").input("12,5").run()
    assert not at.exception and not at.error
    assert objective() == markdown_text(money(0.125 * revenue, "fr", compact=True))
    assert money(0.125 * revenue, "fr", compact=True) != money(0.10 * revenue, "fr", compact=True)
    # The objective as typed, not rounded to +12 %.
    assert [m.delta for m in at.metric if m.label == label] == ["+12,5\u00a0%"]
    at.text_input(key="w.rep.growth").input("douze").run()
    assert [e.value for e in at.error] == [markdown_text(
        t("number_entry.not_a_number", "fr", typed="douze") + " "
        + t("number_entry.kept", "fr", value="12,5"))]
    assert objective() == markdown_text(money(0.125 * revenue, "fr", compact=True))


def test_a_decimal_comma_in_a_trial_weight_is_read(seeded_db):
    at = open_page(GRID_PAGE, locale=FR)
    apply = t("grid.trial_apply", "fr")
    at.text_input(key="w.trial.weight.solvency").input("abc")
    [button] = [b for b in at.button if b.label == apply]
    button.click().run()
    assert not at.exception
    assert markdown_text(t("number_entry.not_a_number", "fr", typed="abc")) in [e.value for e in at.error]
    assert "pp.grid_changes" not in at.session_state  # nothing tried
    at.text_input(key="w.trial.weight.solvency").input("42,5")
    [button] = [b for b in at.button if b.label == apply]
    button.click().run()
    assert not at.exception and not at.error
    assert at.session_state["pp.grid_changes"].weights["solvency"] == 42.5
    moved = _expected_moves(seeded_db, with_changes(GRID, weights={"solvency": 42.5}))
    assert len(moved) > 0  # the weight moves clients: the page lists them
    shown = [t_ for t_ in at.table
             if t("grid.trial_col_after", "fr") in t_.value.columns]
    assert len(shown) == 1 and len(table_rows(shown[0])) == len(moved)


def _shown_cells(at) -> list[str]:
    """Every cell of every table and data frame as the browser would write it: a data frame's
    Styler text where it has one, else its values as Streamlit writes them."""
    cells: list[str] = []
    for frame in at.dataframe:
        styler = frame.proto.arrow_data.styler
        if styler.display_values:
            shown = dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values)
        else:
            shown = frame.value
        cells.extend(str(v) for v in shown.to_numpy().ravel())
    for table in at.table:
        cells.extend(cell for row in table_rows(table) for cell in row)
    return cells


def test_french_tables_on_the_structure_and_rep_pages_write_no_decimal_point(seeded_db):
    structure = open_page(STRUCTURE, locale=FR)
    rep = open_page(REP, locale=FR)
    rep.selectbox(key="w.rep.rep").set_value("Julien Moreau").run()
    for at in (structure, rep):
        assert not at.exception
        cells = _shown_cells(at)
        assert [c for c in cells if DECIMAL_POINT.search(c)] == []
        assert any(re.fullmatch(r"-?\d+,\d", c) for c in cells)  # decimals there, with a comma
    # The same tables in English keep the point.
    english = open_page(STRUCTURE)
    assert any(re.fullmatch(r"-?\d+\.\d", c) for c in _shown_cells(english))


def test_the_import_preview_writes_the_file_s_decimals_the_user_s_way(seeded_db):
    data = ("Code client;Raison sociale;Commercial;CA;Potentiel;Part de marché\r\n"
            "C1;Alpha;Léa;1 234,5;10 000;0,375\r\n").encode("utf-8")
    for locale, shares, amounts in ((FR, "0,375", "1\u202f234,5"), (None, "0.375", "1,234.5")):
        at = open_page("pages/3_Import.py", locale=locale)
        at.file_uploader(key="w.import_file_0").set_value(("parts.csv", data, "text/csv")).run()
        assert not at.exception
        [preview] = [f for f in at.dataframe if "client_id" in f.value.columns]
        assert preview.value["share_of_wallet"].tolist() == [0.375]  # kept a number
        shown = dataframe_util.convert_arrow_bytes_to_pandas_df(
            preview.proto.arrow_data.styler.display_values)
        columns = list(preview.value.columns)
        assert shown.iloc[0, columns.index("share_of_wallet")] == shares
        assert shown.iloc[0, columns.index("revenue")] == amounts


def test_a_trial_weight_is_written_again_in_the_language_switched_to(seeded_db):
    at = open_page(GRID_PAGE, locale=FR)
    at.text_input(key="w.trial.weight.solvency").input("42,5")
    [button] = [b for b in at.button if b.label == t("grid.trial_apply", "fr")]
    button.click().run()
    at.segmented_control(key="w.language").set_value("en").run()
    assert not at.exception
    assert at.text_input(key="w.trial.weight.solvency").value == "42.5"
    [button] = [b for b in at.button if b.label == t("grid.trial_apply", "en")]
    button.click().run()
    assert not at.error
    assert at.session_state["pp.grid_changes"].weights["solvency"] == 42.5
