"""The Import page's path for sales lines or deals: their files, the build's choices, and
the client file built from them by `portfolio.building.build_clients` (the same build as
`python -m portfolio build-clients`), then read, previewed and imported as a client file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from portfolio.building import BuildOptions, build_clients
from portfolio.building.build import BuildError
from portfolio.importing import upload_limit_bytes
from portfolio.importing.uploads import discard_named, named_folder, plain_name
from portfolio.numbers import number
from portfolio.problems import Problem
from portfolio.reading.cancel import ReadingCancelled
from portfolio.text_safety import markdown_text
from portfolio.ui.importing import state as import_state
from portfolio.ui.shared.background import run_stoppable
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.uploader_words import file_uploader
from portfolio.ui.shared.widgets import metric, metric_row

CLIENTS, DEALS = "clients", "deals"
LINES, ACCOUNTS, FAMILIES, POTENTIALS, RATES = (
    "lines", "accounts", "families", "potentials", "rates")
_FILES = {LINES: "import.deals_lines", ACCOUNTS: "import.deals_accounts",
          FAMILIES: "import.deals_families"}
# Where a potential comes from when the lines do not say it (build-clients' --potential-file,
# --estimate and --estimate-rates): under an expander, most exports need none of them.
_POTENTIAL_FILES = {POTENTIALS: "import.deals_potentials", RATES: "import.deals_rates"}
# How a client sold by several reps is held (`portfolio.building.owners.MODES`), as the
# page names each mode; the client-file path's choice too.
SHARED_MODES = {"main": "import.shared_main", "split": "import.shared_split"}
_KIND = "w.import_kind"
_KINDS = {CLIENTS: "import.kind_clients", DEALS: "import.kind_deals"}
_SHOWN = 20  # problems shown one by one; the rest counted


def source_choice(ctx: PageContext) -> str:
    """"I have a client file" or "I have sales lines / deals"."""
    return st.radio(ctx.t("import.kind_label"), list(_KINDS), key=_KIND, horizontal=True,
                    format_func=lambda v: ctx.t(_KINDS[v]), on_change=_kind_changed)


def _kind_changed() -> None:
    # The other path's file is not this one's: each starts from its own files.
    import_state.forget_built()
    import_state.set_upload(None)


def deals_section(ctx: PageContext, keep_file) -> import_state.Upload | None:
    """The files and choices of a build, the Build button, and what the build gave: the
    client file built (read and imported by the rest of the page), or its problems."""
    st.caption(ctx.md("import.deals_caption"))
    round_ = import_state.uploader_round()
    for role, label in _FILES.items():
        _upload(ctx, role, label, round_, keep_file)
    _choices(ctx)
    with st.expander(ctx.t("import.build_potential"), icon=":material/trending_up:"):
        st.caption(ctx.md("import.build_potential_caption"))
        _upload(ctx, POTENTIALS, _POTENTIAL_FILES[POTENTIALS], round_, keep_file)
        st.text_input(ctx.t("import.build_estimate"), key="w.import_estimate",
                      placeholder="company_revenue=0.02", help=ctx.t("import.build_estimate_help"),
                      on_change=import_state.forget_built)
        _upload(ctx, RATES, _POTENTIAL_FILES[RATES], round_, keep_file)
    lines = import_state.deal_file(LINES)
    st.button(ctx.t("import.build_button"), type="primary", disabled=lines is None,
              on_click=import_state.set_build_requested, args=(True,), key="w.import_build",
              icon=":material/construction:")
    if import_state.build_requested():
        import_state.set_build_requested(False)
        _build(ctx)
    built = import_state.built()
    if built is None:
        return None
    if built.problems:
        st.error(ctx.md("import.build_refused"), icon=":material/error:")
        _located(ctx, built.problems)
        return None
    _summary(ctx, built)
    return built.upload


def _upload(ctx: PageContext, role: str, label: str, round_: int, keep_file) -> None:
    key = f"w.import_{role}_{round_}"
    file_uploader(ctx.lang, ctx.t(label), ("csv", "xlsx", "txt"), key,
                  help=ctx.t(f"{label}_help", limit=upload_limit_bytes() // (1024 * 1024)),
                  on_change=keep_file, args=(key, role))


def _choices(ctx: PageContext) -> None:
    forget = import_state.forget_built
    window, as_of, shared = st.columns(3)
    window.text_input(ctx.t("import.build_window"), value="12m", key="w.import_window",
                      help=ctx.t("import.build_window_help"), on_change=forget)
    as_of.date_input(ctx.t("import.build_as_of"), value=None, key="w.import_as_of",
                     help=ctx.t("import.build_as_of_help"), on_change=forget,
                     format="DD/MM/YYYY" if ctx.lang == "fr" else "YYYY-MM-DD")
    shared.radio(ctx.t("import.build_shared"), list(SHARED_MODES), key="w.import_build_shared",
                 format_func=lambda v: ctx.t(SHARED_MODES[v]), on_change=forget,
                 help=ctx.t("import.build_shared_help"))
    stage, won = st.columns(2)
    stage.text_input(ctx.t("import.build_stage"), key="w.import_stage_column",
                     help=ctx.t("import.build_stage_help"), on_change=forget)
    won.text_input(ctx.t("import.build_won"), key="w.import_won",
                   help=ctx.t("import.build_won_help"), on_change=forget)


def _options(out: Path) -> BuildOptions:
    def path(role: str) -> Path | None:
        kept = import_state.deal_file(role)
        return Path(kept.path) if kept is not None else None

    chosen = st.session_state
    as_of = chosen.get("w.import_as_of")
    won = (chosen.get("w.import_won") or "").strip()
    return BuildOptions(
        lines=path(LINES), out=out, accounts=path(ACCOUNTS), families=path(FAMILIES),
        potential_file=path(POTENTIALS), estimate_rates=path(RATES),
        estimate=(chosen.get("w.import_estimate") or "").strip() or None,
        window=(chosen.get("w.import_window") or "").strip(),
        as_of=as_of if isinstance(as_of, dt.date) else None,
        stage_column=(chosen.get("w.import_stage_column") or "").strip() or None,
        won=(won,) if won else (), shared=chosen.get("w.import_build_shared") or "main")


def _build(ctx: PageContext) -> None:
    """Build the client file in the background (a Cancel button past its first second);
    the outcome kept for the runs that follow."""
    lines = import_state.deal_file(LINES)
    if lines is None:
        return
    out = named_folder() / plain_name(ctx.t("import.built_name", stem=Path(lines.name).stem))
    options = _options(out)  # read here: the session's values are not the worker's
    try:
        outcome = run_stoppable(
            lambda: build_clients(options), key="w.import_cancel_build",
            waiting=lambda seconds: ctx.t("import.building_for", seconds=seconds),
            cancel_label=ctx.t("import.cancel_build"), on_cancel=lambda: None)
    except BuildError as error:
        discard_named(out)
        import_state.set_built(import_state.Built(None, None, problems=error.problems))
        return
    except ReadingCancelled:
        discard_named(out)
        return
    upload = import_state.Upload(str(out), out.name, out.stat().st_size, f"built:{out.parent.name}")
    import_state.set_built(import_state.Built(upload, outcome.choices, outcome.warnings))


def _summary(ctx: PageContext, built: import_state.Built) -> None:
    """The build's figures and every choice it made, before the preview of its clients."""
    choices = built.choices
    st.success(ctx.md("import.built", clients=number(choices.clients, ctx.lang),
                      rows=number(choices.rows, ctx.lang)), icon=":material/check_circle:")
    with metric_row():
        metric(ctx.t("import.built_clients"), number(choices.clients, ctx.lang))
        metric(ctx.t("import.built_rows"), number(choices.rows, ctx.lang))
        metric(ctx.t("import.built_revenue"), number(choices.revenue_total, ctx.lang))
        metric(ctx.t("import.built_potential"), number(choices.potential_total, ctx.lang))
    with st.expander(ctx.t("import.built_choices"), expanded=True):
        for line in choices.describe(ctx.lang):
            st.markdown("- " + markdown_text(line))
        shared = choices.shared_warning(ctx.lang)
        if shared:
            st.markdown("- " + markdown_text(shared))
    if built.warnings:
        for file, problem in built.warnings:
            st.warning(_said(ctx, file, problem), icon=":material/warning:")


def _located(ctx: PageContext, problems: list[tuple[str, Problem]]) -> None:
    for file, problem in problems[:_SHOWN]:
        st.error(_said(ctx, file, problem), icon=":material/error:")
    if len(problems) > _SHOWN:
        st.caption(ctx.t("import.build_more", count=len(problems) - _SHOWN))


def _said(ctx: PageContext, file: str, problem: Problem) -> str:
    text = problem.text(ctx.lang)
    where = f"{file}: " if file else ""
    if problem.row is not None:
        where += ctx.t("import.build_row", row=problem.row) + " "
    return markdown_text(where + text)
