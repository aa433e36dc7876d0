"""Once per server process: what killed imports and servers left in the temporary folder, removed."""

from __future__ import annotations

import streamlit as st

from portfolio.cleanup import Removed, remove_leftovers
from portfolio.settings import load_settings


@st.cache_resource(show_spinner=False)
def leftovers_removed() -> Removed:
    """Readings' folders and upload copies older than the settings' `leftover_hours`,
    removed at the server's first page (a server killed mid-import leaves them)."""
    return remove_leftovers(load_settings().leftover_hours)
