"""Tables written the user's way keep their numbers as numbers (they sort as such)."""

from __future__ import annotations

import pandas as pd

from portfolio.ui.shared.localised_table import (STYLED_ROWS, as_read, localised, one_decimal,
                                                  signed_points)


def _cells(styler) -> list[list[str]]:
    rendered = styler._translate(False, False)  # the cells' display text, as Streamlit reads it
    return [[cell["display_value"] for cell in row[1:]] for row in rendered["body"]]


def test_numbers_are_written_in_french_and_stay_numbers():
    table = pd.DataFrame({"name": ["a", "b"], "share": [98.5, None], "gap": [-30.0, 4.25],
                          "clients": [1234, 7], "raw": [0.375, 2.0]})
    styler = localised(table, "fr", {"share": one_decimal, "gap": signed_points})
    assert _cells(styler) == [["a", "98,5", "-30,0", "1\u202f234", "0,38"],
                              ["b", "—", "+4,3", "7", "2"]]
    assert styler.data["share"].dtype == float and styler.data["clients"].dtype == "int64"
    assert _cells(localised(table, "en", other=as_read))[0] == ["a", "98.5", "-30", "1,234", "0.375"]


def test_a_long_table_is_shown_as_its_text():
    table = pd.DataFrame({"share": [98.5] * (STYLED_ROWS + 1), "clients": [1234] * (STYLED_ROWS + 1)})
    shown = localised(table, "fr", {"share": one_decimal})
    assert isinstance(shown, pd.DataFrame)
    assert shown.iloc[0].tolist() == ["98,5", "1\u202f234"]
