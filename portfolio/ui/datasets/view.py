"""The datasets page's sections: the list, the active dataset, rename, delete (confirmed), export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.access import Action, Person
from portfolio.access.rules import PermissionRefused
from portfolio.demo.variants import VARIANTS
from portfolio.exporting import XLSX_MAX_ROWS, export_bytes, scored_export
from portfolio.i18n import t
from portfolio.store import guarded
from portfolio.store.database import Store
from portfolio.store.datasets import (Dataset, DatasetNameTaken, DatasetNotFound,
                                      InvalidDatasetName, get_dataset)
from portfolio.ui.datasets import state as datasets_state
from portfolio.ui.shared import notices
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import number
from portfolio.ui.shared.localised_table import localised, whole
from portfolio.text_safety import markdown_text
from portfolio.ui.shared.names import dataset_name
from portfolio.ui.shared.widgets import bound_widget

_NEW_NAME = "w.datasets_new_name"
ACTION_LABELS = {Action.IMPORT: "identity.action_import", Action.ADD_PERIOD: "identity.action_add_period",
                 Action.RENAME: "identity.action_rename", Action.DELETE: "identity.action_delete",
                 Action.LOAD_DEMO: "identity.action_load_demo", Action.EXPORT: "identity.action_export",
                 Action.READ_AUDIT: "identity.action_read_audit",
                 Action.SAVE_GRID: "identity.action_save_grid",
                 Action.SAVE_OBJECTIVE: "objectives.audit_action"}
_ACTIONS = {action.value for action in Action}
_ROOM_DEMO_LABELS = {"small": "datasets.room_demo_small", "overflow": "datasets.room_demo_overflow"}


def demo_section(ctx: PageContext) -> None:
    """Offer the demo portfolio when the database holds none (it was deleted, or never
    loaded), and the room demos (`portfolio.demo.variants`) not loaded yet, to the roles
    that may load them. Each loads as a new dataset: imported data is never touched."""
    if not ctx.may(Action.LOAD_DEMO):
        return
    loaded = {d.source for d in ctx.datasets if d.is_demo}
    if VARIANTS["default"].source not in loaded:
        st.button(ctx.t("datasets.load_demo"), icon=":material/school:",
                  key="w.datasets_load_demo", help=ctx.t("datasets.load_demo_help"),
                  on_click=_load_demo, args=(ctx.store, ctx.person, ctx.lang, "default"))
    room = [v.id for v in VARIANTS.values() if v.id != "default" and v.source not in loaded]
    if not room:
        return
    with st.container(horizontal=True, vertical_alignment="bottom"):
        picked = st.selectbox(ctx.t("datasets.room_demo"), room, key="w.datasets_room_demo",
                              format_func=lambda v: ctx.t(_ROOM_DEMO_LABELS[v]),
                              help=ctx.t("datasets.room_demo_help"))
        st.button(ctx.t("datasets.room_demo_load"), icon=":material/groups:",
                  key="w.datasets_room_demo_load", on_click=_load_demo,
                  args=(ctx.store, ctx.person, ctx.lang, picked))


def _load_demo(store: Store, person: Person, lang: str, variant: str) -> None:
    try:
        dataset_id = guarded.load_demo(store, person, variant)
    except PermissionRefused as refusal:  # the role changed since the page was drawn
        _notice("error", refusal.text(lang))
        return
    state.set_dataset_id(dataset_id)
    name = markdown_text(dataset_name(get_dataset(store, dataset_id), lang))
    _notice("success", t("datasets.demo_loaded", lang, name=name))


def datasets_table(ctx: PageContext) -> None:
    """Every dataset shown to the person, latest import first, the active one marked; rows
    are the clients they may see."""
    active = ctx.dataset.dataset_id if ctx.dataset else None
    sights = list(reversed(ctx.sights))
    rows = [sight.dataset for sight in sights]
    table = pd.DataFrame({
        ctx.t("datasets.col_name"): [
            dataset_name(d, ctx.lang) + (f"  ({ctx.t('datasets.active_marker')})" if d.dataset_id == active else "")
            for d in rows],
        ctx.t("datasets.col_source"): [d.source or "" for d in rows],
        # Dates and counts stay values: `localised` writes them the user's way.
        ctx.t("datasets.col_imported"): pd.to_datetime([d.imported_at for d in rows]),
        ctx.t("datasets.col_rows"): pd.array([sight.rows for sight in sights], dtype="int64"),
        ctx.t("datasets.col_currency"): [d.currency for d in rows],
        ctx.t("datasets.col_periods"): [", ".join(d.periods) for d in rows],
    })
    st.dataframe(localised(table, ctx.lang), hide_index=True)


def active_choice(ctx: PageContext) -> None:
    """Which dataset the pages show (the same choice as the sidebar's)."""
    by_id = {d.dataset_id: d for d in reversed(ctx.datasets)}
    bound_widget(st.selectbox, "w.datasets_active", ctx.dataset.dataset_id, state.set_dataset_id,
                 label=ctx.t("datasets.choose_label"), options=list(by_id),
                 format_func=lambda i: dataset_name(by_id[i], ctx.lang))


def description_section(ctx: PageContext, dataset: Dataset) -> None:
    """How the dataset's clients were made (a build's choices, shared accounts resolved),
    as written when it was imported; nothing for a file imported as it was."""
    if not dataset.description:
        return
    with st.expander(ctx.t("datasets.description_title"), expanded=True,
                     icon=":material/description:"):
        for line in dataset.description.splitlines():
            if line.strip():
                st.markdown(markdown_text(line))


def rename_section(ctx: PageContext, dataset: Dataset) -> None:
    if not ctx.may(Action.RENAME):
        return
    with st.form("datasets_rename", border=False, enter_to_submit=True):
        st.text_input(ctx.t("datasets.rename_label"), value=dataset_name(dataset, ctx.lang), key=_NEW_NAME)
        st.form_submit_button(ctx.t("datasets.rename_button"), on_click=_rename,
                              args=(ctx.store, ctx.person, dataset.dataset_id, ctx.lang),
                              icon=":material/edit:")


def _rename(store: Store, person: Person, dataset_id: int, lang: str) -> None:
    name = st.session_state.get(_NEW_NAME) or ""
    try:
        guarded.rename_dataset(store, person, dataset_id, name)
    except PermissionRefused as refusal:
        _notice("error", refusal.text(lang))
    except DatasetNameTaken:
        _notice("error", t("datasets.name_taken", lang, name=markdown_text(name.strip())))
    except InvalidDatasetName:
        _notice("error", t("datasets.name_empty", lang))
    except DatasetNotFound:
        return  # deleted meanwhile: the page drawn next no longer lists it
    else:
        _notice("success", t("datasets.renamed", lang, name=markdown_text(" ".join(name.split()))))


def delete_section(ctx: PageContext, dataset: Dataset) -> None:
    """A delete button; the deletion itself only after an explicit confirmation."""
    if not ctx.may(Action.DELETE):
        return
    if datasets_state.delete_pending() != dataset.dataset_id:
        st.button(ctx.t("datasets.delete_button"), icon=":material/delete:",
                  on_click=datasets_state.set_delete_pending, args=(dataset.dataset_id,))
        return
    with st.container(border=True, key="datasets_confirm_delete"):
        st.warning(ctx.md("datasets.confirm_delete", name=dataset_name(dataset, ctx.lang),
                         rows=number(dataset.rows, ctx.lang), periods=", ".join(dataset.periods)),
                   icon=":material/warning:")
        yes, no = st.columns(2)
        yes.button(ctx.t("datasets.confirm_yes"), type="primary", icon=":material/delete_forever:",
                   on_click=_delete, args=(ctx.store, ctx.person, dataset, ctx.lang))
        no.button(ctx.t("datasets.confirm_no"), on_click=datasets_state.set_delete_pending,
                  args=(None,))


def _delete(store: Store, person: Person, dataset: Dataset, lang: str) -> None:
    datasets_state.set_delete_pending(None)
    try:
        guarded.delete_dataset(store, person, dataset.dataset_id)
    except PermissionRefused as refusal:
        _notice("error", refusal.text(lang))
        return
    except DatasetNotFound:
        pass  # deleted meanwhile, by another session: the outcome is the one asked for
    state.set_dataset_id(None)  # the frame then shows the first dataset
    _notice("success", t("datasets.deleted", lang, name=markdown_text(dataset_name(dataset, lang))))


def _notice(kind: str, text: str) -> None:
    notices.set_notice("datasets", notices.Notice(kind, text))


def export_section(ctx: PageContext, dataset: Dataset) -> None:
    """Download buttons; the file is built only when a button is pressed."""
    st.subheader(ctx.md("datasets.export_title"), anchor=False)
    if ctx.portfolio is None or ctx.portfolio.dataset_id != dataset.dataset_id:
        st.info(ctx.md("datasets.export_unavailable"), icon=":material/info:")
        return
    st.caption(ctx.md("datasets.export_caption"))
    view, lang, person = ctx.portfolio, ctx.lang, ctx.person

    def build(fmt: str) -> bytes:
        table = scored_export(view, lang)  # the clients the person sees, nothing more
        if not person.local:
            guarded.record_export(view.store, person, dataset, len(table), file=f"{fmt} download")
        return export_bytes(table, fmt, lang)

    period = view.shown_period or ""
    stem = "".join(c if c.isalnum() or c in "-_" else "_"
                   for c in f"{dataset_name(dataset, lang)} {period}".strip())
    # Side by side, each as wide as its label.
    buttons = st.container(horizontal=True)
    buttons.download_button(ctx.t("datasets.export_csv"), lambda: build("csv"),
                               file_name=f"{stem}.csv", mime="text/csv",
                               icon=":material/download:", key="w.datasets_export_csv")
    buttons.download_button(
        ctx.t("datasets.export_xlsx"), lambda: build("xlsx"), file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:", key="w.datasets_export_xlsx",
        disabled=dataset.rows > XLSX_MAX_ROWS)


def audit_section(ctx: PageContext) -> None:
    """The log of every write, for the roles that may read it; read-only by construction
    (the app has no function that changes it)."""
    if not ctx.may(Action.READ_AUDIT):
        return
    entries = guarded.read_audit(ctx.store, ctx.person)
    with st.expander(ctx.t("identity.audit_title"), icon=":material/history:"):
        st.caption(ctx.t("identity.audit_caption"))
        if not entries:
            st.info(ctx.t("identity.audit_empty"), icon=":material/info:")
            return
        table = pd.DataFrame({
            ctx.t("identity.audit_when"): pd.to_datetime([e.at for e in entries]),
            ctx.t("identity.audit_who"): [e.actor for e in entries],
            ctx.t("identity.audit_role"): [e.role for e in entries],
            ctx.t("identity.audit_action"): [ctx.t(ACTION_LABELS[Action(e.action)])
                                           if e.action in _ACTIONS else e.action
                                           for e in entries],
            ctx.t("identity.audit_dataset"): [e.dataset_name or "" for e in entries],
            ctx.t("identity.audit_rows"): pd.array([e.rows for e in entries], dtype="float64"),
        })
        st.dataframe(localised(table, ctx.lang, {ctx.t("identity.audit_rows"): whole}),
                     hide_index=True, width="stretch", placeholder="")
