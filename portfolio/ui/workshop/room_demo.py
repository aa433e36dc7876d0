"""The demo portfolio the room works on, chosen on the Workshop page itself: the default
one, the small one that fits a slide, or the one whose visit norms overflow capacity.

Choosing one opens it in this session (loading it first, as a new dataset beside the
others, when it is not stored yet and the person may load demos): imported data is never
touched, and a trainer sees demo data only anyway."""

from __future__ import annotations

import streamlit as st

from portfolio.access import Action
from portfolio.access.rules import PermissionRefused
from portfolio.demo.variants import VARIANTS
from portfolio.store import guarded
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.widgets import bound_widget
from portfolio.ui.workshop import state as workshop_state

KEY = "w.workshop.room_demo"
_LABELS = {"default": "workshop.room_demo_default", "small": "workshop.room_demo_small",
           "overflow": "workshop.room_demo_overflow"}


def room_demo_chooser(ctx: PageContext) -> None:
    """A selectbox of the demos stored or loadable for this person; hidden while presenting
    (presenter mode shows, it does not change what is shown)."""
    if workshop_state.presenting():
        return
    stored = {d.source: d.dataset_id for d in ctx.datasets if d.is_demo}
    offered = [v.id for v in VARIANTS.values()
               if v.source in stored or ctx.may(Action.LOAD_DEMO)]
    if not offered:
        return
    current = next((v.id for v in VARIANTS.values() if ctx.dataset is not None
                    and ctx.dataset.is_demo and ctx.dataset.source == v.source), None)

    def pick(variant: str | None) -> None:
        if variant is None:
            return
        source = VARIANTS[variant].source
        try:
            dataset_id = stored.get(source) or guarded.load_demo(ctx.store, ctx.person, variant)
        except PermissionRefused as refusal:  # the role changed since the page was drawn
            st.toast(refusal.text(ctx.lang), icon=":material/block:")
            return
        state.set_dataset_id(dataset_id)

    bound_widget(st.selectbox, KEY, current, pick, label=ctx.t("workshop.room_demo"),
                 options=offered, format_func=lambda v: ctx.t(_LABELS[v]),
                 placeholder=ctx.t("workshop.room_demo_placeholder"),
                 help=ctx.t("workshop.room_demo_help"))
