"""A page's work run so that a fault of the machine or a bug shows a short translated notice, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from portfolio.faults import Fault
from portfolio.i18n import t
from portfolio.incidents import record

_log = logging.getLogger(__name__)


@contextmanager
def guarded(lang: str) -> Iterator[None]:
    """Run the block; stop the page with a notice in `lang` when it fails.

    A `Fault` (full disk, database folder, another program) says what happened and
    what to do; any other error says that something went wrong, with an incident id
    whose traceback is in the server's log. Streamlit's own stop and rerun pass
    through (they are not `Exception`s).
    """
    try:
        yield
    except Fault as fault:
        show_fault(fault, lang)
        st.stop()
    except Exception as error:  # noqa: BLE001 - the page's last line of defence
        show_incident(error, lang)
        st.stop()


def show_fault(fault: Fault, lang: str) -> None:
    """The fault's notice in `lang`; DuckDB's or the system's words go to the log."""
    _log.warning("%s: %s", type(fault).__name__, fault.cause or fault)
    st.error(fault.text(lang), icon=":material/error:")


def show_incident(error: BaseException, lang: str) -> str:
    """Log `error` as an incident and say so in `lang`, with its id; returns the id."""
    incident = record(error)
    st.error(t("common.unexpected_error", lang, incident=incident), icon=":material/report:")
    return incident
