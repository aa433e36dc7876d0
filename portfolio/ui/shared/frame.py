"""The frame every page starts with: page setup, language, sidebar (menu, dataset, viewer), checks."""

from __future__ import annotations

import streamlit as st

from portfolio.currency import set_amounts_currency
from portfolio.access import Visibility
from portfolio.access.datasets import DatasetSight, visible_datasets
from portfolio.access.model import Action, Person, Role
from portfolio.access.rules import peers_of
from portfolio.grid.model import Grid
from portfolio.i18n import LANGUAGES, language_from_locale, t
from portfolio.problems import ConfigError
from portfolio.settings import Settings, load_settings
from portfolio.store.postgres import SharedStoreUnreachable
from portfolio.store.database import Store, StoreBusy
from portfolio.store.datasets import Dataset
from portfolio.store.preferences import recall, remember
from portfolio.store.saved_grids import write_saved_grids
from portfolio.ui.shared import chart_export, state
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.identity import current_person, identity_panel
from portfolio.scoring.coverage import coverage_warning
from portfolio.text_safety import markdown_text
from portfolio.ui.shared.queries import criteria_without_data, estimated_potential, scores_table, team
from portfolio.numbers import number, percent
from portfolio.ui.shared.names import dataset_name
from portfolio.ui.shared.pages import MENU, page
from portfolio.ui.shared.presenter import presenter_layout, presenter_switch, presenting
from portfolio.ui.shared.streamlit_words import streamlit_words
from portfolio.ui.shared.resources import ActiveGrid, active_grid, open_store, prune_old_scores
from portfolio.ui.shared.widgets import bound_widget, show_issues
from portfolio.view import PortfolioView, grid_token

APP_NAME = "Portfolio Pilot"
LANGUAGE_ORDER = ("fr", "en")  # as trainers announce them: FR | EN
_WHOLE_TEAM = ""  # the "view as" option meaning no restriction


def frame(page_id: str) -> PageContext:
    """Set up the page `page_id` (an id of `PAGES`), draw the sidebar and return its context.

    Finds who is looking first (in sign-in mode nothing about the data is drawn before),
    then stops the page (after saying why) when the database is held by another program,
    and, for pages that need scores, when there is no dataset or the grid cannot be
    applied to it. The person's visibility is set here, once, for every page.
    """
    entry = page(page_id)
    set_amounts_currency(None)  # until the dataset is known (a thread may have run another page)
    settings = load_settings()
    first_run = state.language() not in LANGUAGES
    lang = _language()
    st.set_page_config(page_title=f"{t(entry.label, lang)} · {APP_NAME}",
                       page_icon=":material/bubble_chart:", layout="wide")
    person = current_person(lang)
    store = _open_store_or_stop(settings, lang)
    if first_run and not person.local:
        lang = _remembered_language(store, person) or lang
    grid = active_grid(settings.default_grid,
                       t("common.grid_file_missing", lang, path=str(settings.default_grid)))
    if grid.grid is not None and not grid.issues:
        prune_old_scores(store, settings.database, grid_token(grid.grid), grid.grid)
    sights = tuple(visible_datasets(store, person))
    with st.sidebar:
        st.markdown(f"## {APP_NAME}")
        _language_switch(lang, store, person)
        identity_panel(person, lang)
        presenter_switch(lang)
        _navigation(lang)
        st.divider()
        sight = _dataset_selector(store, person, sights, lang)
        dataset = sight.dataset if sight is not None else None
        set_amounts_currency(dataset.currency if dataset is not None else None)
        period = _period_selector(dataset, lang)
        scope = sight.visibility if sight is not None else Visibility.no_client()
        previewed = _view_as_selector(store, person, dataset, grid.grid, scope, lang)
    shown_grid = _tried_grid(grid.grid) or grid.grid
    streamlit_words(lang)
    presenter_layout(lang, entry.id, trial=shown_grid is not grid.grid)
    visibility = _seen(scope, previewed)
    viewer = previewed or _own_name(person)
    portfolio = (PortfolioView(store, dataset, shown_grid, visibility, period)
                 if dataset is not None and shown_grid is not None else None)
    ctx = PageContext(
        page=entry, lang=lang, settings=settings, store=store, dataset=dataset, grid=shown_grid,
        grid_issues=grid.issues, viewer=viewer, visibility=visibility, period=period,
        file_grid=grid.grid, portfolio=portfolio, person=person, scope=scope,
        refusal=sight.refusal if sight is not None else None, sights=sights,
        peers=peers_of(person, scope))
    chart_export.start_page(lang, t(entry.label, lang),
                            dataset_name(dataset, lang) if dataset is not None else None,
                            portfolio.shown_period if portfolio is not None else period, shown_grid)
    if entry.id != "grid":
        _grid_banner(grid, lang)
    if ctx.is_trial and not presenting():  # presenting, the bar above says it in a word
        _trial_banner(lang)
    if ctx.refusal is not None:
        st.warning(ctx.refusal.text(lang), icon=":material/visibility_off:")
    if entry.needs_scores:
        _require_scores(ctx)
    return ctx


def _seen(scope: Visibility, previewed: str | None) -> Visibility:
    """What the page shows: the person's scope, or within it one rep's portfolio previewed
    (only directors and admins are offered a preview: `_view_as_selector`)."""
    return scope if previewed is None else scope.narrowed_to([previewed])


def _own_name(person: Person) -> str | None:
    """A rep's own name in the data, when they have one: their pages are their portfolio."""
    if person.role is Role.REP and len(person.salespeople) == 1:
        return person.salespeople[0]
    return None


def may_preview(person: Person) -> bool:
    """"View as" is a director's or an admin's preview of a rep's screen; reps have none."""
    return person.role in (Role.ADMIN, Role.DIRECTOR)


def _language() -> str:
    """The session's language; on the first page, the browser's (French or English)."""
    lang = state.language()
    if lang not in LANGUAGES:
        lang = language_from_locale(st.context.locale)
        state.set_language(lang)
    return lang


def _open_store_or_stop(settings: Settings, lang: str) -> Store:
    """The process's store, with what other processes wrote to a shared one since the last
    run (a cheap question, asked at most every few seconds: `Store.refresh`)."""
    try:
        with st.spinner(t("common.opening_store", lang)):
            store = open_store(settings.database)
            if store.refresh():
                # Grids another process saved, for the grid choosers of this one.
                write_saved_grids(store, settings.grids_dir)
            return store
    except StoreBusy:
        st.error(t("common.store_busy", lang, path=str(settings.db_path)),
                 icon=":material/lock:")
    except SharedStoreUnreachable as fault:
        st.error(fault.text(lang), icon=":material/cloud_off:")
    st.stop()
    raise AssertionError("st.stop() ends the script run")  # for type checkers


def _remembered_language(store: Store, person: Person) -> str | None:
    """A signed-in person's language from their last session, over the browser's."""
    lang = recall(store, person.email).get("language")
    if lang in LANGUAGES:
        state.set_language(lang)
        return lang
    return None


def _language_switch(lang: str, store: Store, person: Person) -> None:
    def pick(value: str | None) -> None:
        _pick_language(value)
        if value in LANGUAGES and not person.local:
            remember(store, person.email, "language", value)

    bound_widget(st.segmented_control, "w.language", lang, pick,
                 label=t("common.language", lang), options=list(LANGUAGE_ORDER),
                 format_func=str.upper, required=True)


def _pick_language(value: str | None) -> None:
    if value in LANGUAGES:
        state.set_language(value)


def _navigation(lang: str) -> None:
    for entry in MENU:
        st.page_link(entry.path, label=t(entry.label, lang), icon=entry.icon, width="stretch")


def _dataset_selector(store: Store, person: Person, sights: tuple[DatasetSight, ...],
                      lang: str) -> DatasetSight | None:
    """The active dataset: this session's choice if it is still shown to the person, else
    the one they chose last time (signed in), else the first one (an import by someone
    else never changes what a person opens on)."""
    if not sights:
        return None
    by_id = {s.dataset.dataset_id: s for s in reversed(sights)}  # latest first in the list
    chosen = state.dataset_id()
    if chosen not in by_id:
        chosen = _remembered_dataset(store, person, by_id) or sights[0].dataset.dataset_id
        state.set_dataset_id(chosen)

    def label(dataset_id: int) -> str:
        seen = by_id[dataset_id]
        # Its clients at its latest period that the person may see, not the rows of every
        # period added up. (Not the period looked at: a label that changes would make
        # Streamlit see a new widget.)
        return t("common.dataset_option", lang, name=dataset_name(seen.dataset, lang),
                 rows=number(seen.clients, lang))

    def pick(dataset_id: int | None) -> None:
        state.set_dataset_id(dataset_id)
        if dataset_id is not None and not person.local:
            remember(store, person.email, "dataset", str(dataset_id))

    bound_widget(st.selectbox, "w.dataset", chosen, pick,
                 label=t("common.dataset", lang), options=list(by_id), format_func=label)
    return by_id[state.dataset_id() or chosen]


def _remembered_dataset(store: Store, person: Person, shown: dict[int, DatasetSight]) -> int | None:
    if person.local:
        return None
    value = recall(store, person.email).get("dataset", "")
    return int(value) if value.isdigit() and int(value) in shown else None


def _period_selector(dataset: Dataset | None, lang: str) -> str | None:
    """The period looked at when the dataset holds several: None means its latest."""
    if dataset is None or len(dataset.periods) < 2:
        return None
    latest = dataset.latest_period
    chosen = state.period()
    if chosen not in dataset.periods:
        chosen = None
        state.set_period(None)

    def pick(value: str | None) -> None:
        # Kept as "the latest" rather than its name, so that a newer import is shown next.
        state.set_period(None if value == latest else value)

    def label(value: str) -> str:
        return t("common.period_latest", lang, period=value) if value == latest else value

    bound_widget(st.selectbox, "w.period", chosen or latest, pick,
                 label=t("common.period", lang), options=list(reversed(dataset.periods)),
                 format_func=label, help=t("common.period_help", lang))
    return state.period()


def _view_as_selector(store: Store, person: Person, dataset: Dataset | None, grid: Grid | None,
                      scope: Visibility, lang: str) -> str | None:
    """A director's or an admin's preview of one rep's screen, among the reps of their own
    scope; none for the other roles (a rep sees their own portfolio, and nothing else)."""
    if dataset is None or grid is None or not may_preview(person):
        state.set_view_as(None)
        return None
    people = team(PortfolioView(store, dataset, grid, scope))
    viewer = state.view_as()
    if viewer not in people:
        viewer = None
        state.set_view_as(None)
    bound_widget(st.selectbox, "w.view_as", viewer or _WHOLE_TEAM, state.set_view_as,
                 label=t("common.view_as", lang), options=[_WHOLE_TEAM, *people],
                 format_func=lambda v: v or t("common.whole_team", lang),
                 help=t("common.view_as_help", lang))
    return state.view_as()


def _grid_banner(grid: ActiveGrid, lang: str) -> None:
    """On pages other than the grid's own: say when the grid file is broken."""
    grid_page = page("grid").path
    if grid.is_stale:
        st.warning(t("common.grid_stale", lang, file=grid.path.name), icon=":material/warning:")
        st.page_link(grid_page, label=t("common.see_grid_errors", lang), icon=":material/rule:")
    elif grid.grid is None:
        st.error(t("common.grid_unusable", lang, file=grid.path.name), icon=":material/error:")
        st.page_link(grid_page, label=t("common.see_grid_errors", lang), icon=":material/rule:")


def _tried_grid(file_grid: Grid | None) -> Grid | None:
    """The file's grid with this session's changes, or None when none are tried."""
    changes = state.grid_changes()
    if changes is None or file_grid is None:
        return None
    try:
        return changes.applied_to(file_grid)
    except ValueError:  # InvalidTrial included
        # The file changed under the trial (a criterion or a cut gone): back to the file.
        state.set_grid_changes(None)
        return None


def _trial_banner(lang: str) -> None:
    message, action = st.columns([2, 1], vertical_alignment="center")
    message.info(t("common.grid_trial_active", lang), icon=":material/science:")
    action.button(t("common.grid_trial_reset", lang), icon=":material/undo:",
                  on_click=state.set_grid_changes, args=(None,), key="w.grid_trial_reset",
                  width="stretch")


def _require_scores(ctx: PageContext) -> None:
    """Stop a page that needs scores when there is nothing to score or the grid does not fit."""
    if ctx.dataset is None:
        key = "common.no_dataset" if ctx.may(Action.IMPORT) else "identity.no_dataset_for_you"
        st.info(t(key, ctx.lang), icon=":material/info:")
        st.stop()
    if ctx.portfolio is None:
        st.stop()  # no valid grid: the banner above already says why
    view = ctx.portfolio
    name = markdown_text(dataset_name(view.dataset, ctx.lang))  # the spinner and error render Markdown
    try:
        with st.spinner(t("common.scoring", ctx.lang, name=name)):
            scores_table(view)
    except ConfigError as error:
        show_issues(t("common.grid_does_not_fit", ctx.lang, name=name), error.issues, ctx.lang)
        st.stop()
    coverage_notice(view, ctx.lang)
    estimated_potential_notice(view, ctx.lang)


def estimated_potential_notice(view: PortfolioView, lang: str) -> None:
    """One line when some potentials looked at are estimates (see `queries.potential`)."""
    found = estimated_potential(view)
    if found is not None:
        st.caption(t("common.potential_estimated", lang, estimated=number(found.estimated, lang),
                     clients=number(found.clients, lang),
                     share=percent(found.share_of_potential, lang)))


def coverage_notice(view: PortfolioView, lang: str) -> None:
    """Say which criteria of the grid the data cannot score (see `portfolio.scoring.coverage`)."""
    warning = coverage_warning(view.grid, criteria_without_data(view), lang, quote=markdown_text)
    if warning:
        st.warning(warning, icon=":material/warning:")
