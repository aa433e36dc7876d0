"""The browser session's own choices (language, dataset, viewer, filters) behind named accessors."""

from __future__ import annotations

from typing import Any

import streamlit as st

from portfolio.grid.trial import GridChanges
from portfolio.queries.scope import ClientFilter

# Values are kept under keys of their own, not under widget keys: Streamlit drops a
# widget's value when the user moves to a page where the widget is not drawn, and
# these choices must follow the user from page to page.
_LANGUAGE = "pp.language"
_DATASET = "pp.dataset_id"
_VIEW_AS = "pp.view_as"
_PERIOD = "pp.period"
_FILTERS = "pp.filters."
_GRID_CHANGES = "pp.grid_changes"
_GRID_FILE = "pp.grid_file"
_LIVE = "pp.live."  # + column name: the live-scoring form's values
TRIAL_WIDGETS = "w.trial."  # key prefix of the inputs of the grid changes' form
LIVE_WIDGETS = "w.live."  # key prefix of the live-scoring inputs (+ the column they fill)


def language() -> str | None:
    """The interface language chosen in this session (None before the first page is drawn)."""
    return st.session_state.get(_LANGUAGE)


def set_language(lang: str) -> None:
    st.session_state[_LANGUAGE] = lang


def dataset_id() -> int | None:
    """The dataset the user is looking at (None: not chosen yet, the latest is shown)."""
    return st.session_state.get(_DATASET)


def set_dataset_id(value: int | None) -> None:
    st.session_state[_DATASET] = value


def view_as() -> str | None:
    """The salesperson whose portfolio alone is shown, or None for the whole team."""
    return st.session_state.get(_VIEW_AS)


def set_view_as(salesperson: str | None) -> None:
    st.session_state[_VIEW_AS] = salesperson or None


def period() -> str | None:
    """The period looked at, or None for the active dataset's latest (which moves on when
    a newer period is imported)."""
    return st.session_state.get(_PERIOD)


def set_period(value: str | None) -> None:
    st.session_state[_PERIOD] = value


def grid_changes() -> GridChanges | None:
    """The weights and cuts tried on the grid in this session (None: the file's grid)."""
    return st.session_state.get(_GRID_CHANGES)


def set_grid_changes(changes: GridChanges | None) -> None:
    st.session_state[_GRID_CHANGES] = changes
    if changes is None:
        # The form then shows the file's values again, not the last ones tried.
        for key in [k for k in st.session_state if str(k).startswith(TRIAL_WIDGETS)]:
            del st.session_state[key]


def grid_file() -> str | None:
    """The grid file (a name in the grids folder) this session scores with; None: the
    default everyone shares."""
    return st.session_state.get(_GRID_FILE)


def set_grid_file(name: str | None) -> None:
    """Score this session with another grid file; changes tried on the previous one are
    dropped (its criteria and cuts are not the new grid's)."""
    if name != grid_file():
        set_grid_changes(None)
    st.session_state[_GRID_FILE] = name


def filters(scope: str) -> ClientFilter:
    """The client filters chosen on one page (or group of pages) sharing `scope`."""
    return st.session_state.get(_FILTERS + scope, ClientFilter())


def set_filters(scope: str, value: ClientFilter) -> None:
    st.session_state[_FILTERS + scope] = value


def kept_choice(key: str, options: tuple[str, ...]) -> str:
    """The choice kept under `key` among `options`, the first one until the user picks another."""
    value = st.session_state.get(key)
    return value if value in options else options[0]


def seed_widget(key: str, value: Any) -> None:
    """Give a widget the kept value before it is drawn (instead of a `default=`).

    Writing the widget's key before creating it is how Streamlit lets a value set
    elsewhere (a callback, another page) show in the widget without a warning.
    """
    st.session_state[key] = value


def widget_value(key: str) -> Any:
    """What the user just chose in a widget, read from its callback."""
    return st.session_state.get(key)


def live_value(column: str) -> Any:
    """The value typed in for `column` in the live-scoring form (None: left empty). Kept apart
    from the widget, so that the client typed in for the room is still there after another
    page or workshop step."""
    return st.session_state.get(_LIVE + column)


def set_live_value(column: str, value: Any) -> None:
    st.session_state[_LIVE + column] = value


def clear_live_inputs() -> None:
    """Empty every live-scoring input (the client typed in for the room); the inputs show it
    on their next drawing, as they are seeded from these values."""
    for key in [k for k in st.session_state if str(k).startswith(_LIVE)]:
        del st.session_state[key]
