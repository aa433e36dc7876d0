"""The norms file as the pages read it: parsed once per version, checked against the active grid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from portfolio.norms import Norms, check_norms_against_grid, load_norms
from portfolio.problems import ConfigError, ConfigIssue
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.widgets import show_issues


@dataclass(frozen=True)
class NormsRead:
    """The norms file as read for the active grid: the norms, or every issue found."""

    norms: Norms | None
    issues: tuple[ConfigIssue, ...]


@st.cache_resource(show_spinner=False, max_entries=16)
def _read_norms(path: str, modified_ns: int, size: int) -> NormsRead:
    """Parse the file once per version of it (modification time and size are the key)."""
    try:
        return NormsRead(load_norms(path), ())
    except ConfigError as error:
        return NormsRead(None, tuple(error.issues))


def active_norms(ctx: PageContext) -> NormsRead:
    """The norms file of the settings, checked against the active grid."""
    path = Path(ctx.settings.norms_path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return NormsRead(None, (ConfigIssue(path.name, None, "(file)",
                                            ctx.t("plan.norms_missing", path=str(path))),))
    read = _read_norms(str(path), info.st_mtime_ns, info.st_size)
    if read.norms is None or ctx.grid is None:
        return read
    return NormsRead(read.norms, tuple(check_norms_against_grid(read.norms, ctx.grid)))


def norms_or_stop(ctx: PageContext) -> Norms:
    """The norms file checked against the active grid; the page stops on its errors."""
    read = active_norms(ctx)
    if read.issues or read.norms is None:
        show_issues(ctx.t("structure.norms_errors", file=ctx.settings.norms_path.name), read.issues,
                    ctx.lang)
        st.stop()
    return read.norms
