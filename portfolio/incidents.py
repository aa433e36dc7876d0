"""Unexpected errors written to the server's log under a short id the user can quote."""

from __future__ import annotations

import logging
import secrets
import sys

_log = logging.getLogger("portfolio.incidents")


def record(error: BaseException) -> str:
    """Log `error` with its traceback under a new incident id, and return the id.

    The user is shown the id only: the traceback names the server's files and may
    quote data, so it stays in the log, where the id finds it.
    """
    incident = secrets.token_hex(4)
    _logger().error("incident %s: %s: %s", incident, type(error).__name__, error,
                    exc_info=(type(error), error, error.__traceback__))
    return incident


def _logger() -> logging.Logger:
    """The incidents' logger, writing to standard error when nothing else was set up
    (Streamlit configures only its own loggers; Python's last resort drops the time)."""
    if not _log.hasHandlers():
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _log.addHandler(handler)
    return _log
