"""The grid files of the grids folder on the Grid page: which one this session scores with,
the grid in effect saved as a new file or downloaded, and a grid uploaded and checked
before it can be used."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from portfolio.grid.library import grid_files, read_uploaded_grid
from portfolio.grid.model import Grid, LocalText
from portfolio.access import Action
from portfolio.access.rules import PermissionRefused
from portfolio.grid.saving import GridFileExists, file_name_for
from portfolio.store import guarded
from portfolio.grid.writer import GridMetadata, grid_yaml
from portfolio.problems import ConfigError
from portfolio.ui.grid import state as page_state
from portfolio.ui.shared.uploader_words import file_uploader
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.resources import session_grid_path
from portfolio.ui.shared.widgets import show_issues


def active_file_name(ctx: PageContext) -> str:
    """The file this session's grid comes from."""
    return session_grid_path(ctx.settings.default_grid).name


def grid_chooser(ctx: PageContext) -> None:
    """The grid file this session scores with, among the grids folder's files."""
    names = grid_files(ctx.settings.grids_dir, ctx.settings.default_grid.name)
    if not names:
        return
    current = active_file_name(ctx)
    default = ctx.settings.default_grid.name

    def label(name: str) -> str:
        return ctx.t("grid.files_default_option", file=name) if name == default else name

    picked = st.selectbox(ctx.t("grid.files_choose"), list(names),
                          index=names.index(current) if current in names else 0,
                          format_func=label, help=ctx.t("grid.files_choose_help"),
                          key="w.grid_file")
    if picked != current:
        state.set_grid_file(None if picked == default else picked)
        st.rerun()  # every part of the page, and the sidebar, with the grid chosen


def save_section(ctx: PageContext, grid: Grid) -> None:
    """The grid in effect (changes tried included) as a new file, or as a download (the
    only way for a role that may not save grid files)."""
    st.subheader(ctx.t("grid.save_title"), anchor=False)
    if not ctx.may(Action.SAVE_GRID):
        st.download_button(ctx.t("grid.download_button"),
                           data=grid_yaml(grid, None).encode("utf-8"),
                           file_name=_download_name(grid.name.get(ctx.lang)),
                           mime="application/x-yaml", icon=":material/download:",
                           key="w.grid_download")
        return
    st.caption(ctx.t("grid.save_intro"))
    with st.form("grid_save", border=False):
        name = st.text_input(ctx.t("grid.save_name"), value=grid.name.get(ctx.lang),
                             key="w.grid_save.name")
        version = st.text_input(ctx.t("grid.save_version"), value="1", key="w.grid_save.version")
        author = st.text_input(ctx.t("grid.save_author"), key="w.grid_save.author")
        saved = st.form_submit_button(ctx.t("grid.save_button"), icon=":material/save:",
                                      type="primary")
    # A name left as shown keeps the grid's name in every language.
    renamed = name.strip() and name.strip() != grid.name.get(ctx.lang)
    named = replace(grid, name=LocalText.of(name.strip())) if renamed else grid
    metadata = GridMetadata(version=version.strip() or "1", author=author.strip(),
                            saved_on=date.today())
    text = grid_yaml(named, metadata)
    if saved:
        _save(ctx, text, name)
    _confirm_replace(ctx)
    st.download_button(ctx.t("grid.download_button"), data=text.encode("utf-8"),
                       file_name=_download_name(name), mime="application/x-yaml",
                       icon=":material/download:", key="w.grid_download")


def _download_name(name: str) -> str:
    try:
        return file_name_for(name)
    except ValueError:
        return file_name_for("grid")


def _save(ctx: PageContext, text: str, name: str) -> None:
    try:
        file_name = file_name_for(name)
    except ValueError:
        st.error(ctx.md("grid.save_name_needed"), icon=":material/error:")
        return
    _write(ctx, text, file_name, overwrite=False)


def _write(ctx: PageContext, text: str, file_name: str, *, overwrite: bool) -> None:
    """Save and score with the new file, or say why not (nothing written then)."""
    try:
        guarded.save_grid_file(ctx.store, ctx.person, text, ctx.settings.grids_dir, file_name,
                               overwrite=overwrite)
    except PermissionRefused as refusal:
        st.error(refusal.text(ctx.lang), icon=":material/block:")
        return
    except GridFileExists:
        if file_name == ctx.settings.default_grid.name:
            # The grid everyone shares is an administrator's file, never replaced from here.
            st.error(ctx.md("grid.save_default_refused", file=file_name), icon=":material/lock:")
            return
        page_state.set_pending_save(page_state.PendingSave(text, file_name))
        return
    except ConfigError as error:
        show_issues(ctx.md("grid.save_invalid", file=file_name, count=len(error.issues)),
                    error.issues, ctx.lang)
        return
    except OSError as error:
        st.error(ctx.md("grid.save_failed", file=file_name, reason=error.strerror or str(error)),
                 icon=":material/error:")
        return
    page_state.set_pending_save(None)
    state.set_grid_file(file_name)  # the saved grid holds the trial: the file replaces it
    st.session_state.pop("w.grid_file", None)
    st.toast(ctx.md("grid.saved", file=file_name), icon=":material/check:")
    st.rerun()


def _confirm_replace(ctx: PageContext) -> None:
    """A save refused because the file exists: replace it only when the user says so."""
    pending = page_state.pending_save()
    if pending is None:
        return
    st.warning(ctx.md("grid.save_exists", file=pending.file_name), icon=":material/warning:")
    replace_it, keep = st.columns(2)
    if replace_it.button(ctx.t("grid.save_replace", file=pending.file_name),
                         icon=":material/published_with_changes:", key="w.grid_save_replace"):
        _write(ctx, pending.text, pending.file_name, overwrite=True)
    if keep.button(ctx.t("grid.save_keep"), icon=":material/close:", key="w.grid_save_keep"):
        page_state.set_pending_save(None)
        st.rerun()


def upload_section(ctx: PageContext) -> None:
    """A grid file brought in: the loader's whole report, or the grid and a way to save it
    to the grids folder (under its own name, never over a file) and score with it."""
    if not ctx.may(Action.SAVE_GRID):
        return
    st.subheader(ctx.t("grid.upload_title"), anchor=False)
    uploaded = file_uploader(ctx.lang, ctx.t("grid.upload_label"), ("yaml", "yml"), "w.grid_upload")
    if uploaded is None:
        return
    data = uploaded.getvalue()
    read = read_uploaded_grid(data, uploaded.name)
    if read.value is None:
        show_issues(ctx.md("grid.upload_invalid", file=uploaded.name, count=len(read.issues)),
                    read.issues, ctx.lang)
        return
    st.success(ctx.md("grid.upload_valid", file=uploaded.name, name=read.value.name.get(ctx.lang)),
               icon=":material/check_circle:")
    try:
        file_name = file_name_for(uploaded.name.rsplit(".", 1)[0])
    except ValueError:
        file_name = file_name_for("uploaded grid")
    if st.button(ctx.t("grid.upload_save", file=file_name), icon=":material/save:",
                 key="w.grid_upload_save"):
        _write(ctx, data.decode("utf-8-sig"), file_name, overwrite=False)
