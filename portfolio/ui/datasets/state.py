"""The Datasets page's session values: the deletion waiting for its confirmation."""

from __future__ import annotations

import streamlit as st

_CONFIRM_DELETE = "pp.datasets.confirm_delete"


def delete_pending() -> int | None:
    """The dataset whose deletion waits for the user's confirmation."""
    return st.session_state.get(_CONFIRM_DELETE)


def set_delete_pending(dataset_id: int | None) -> None:
    st.session_state[_CONFIRM_DELETE] = dataset_id
