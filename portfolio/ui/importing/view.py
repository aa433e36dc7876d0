"""The import page's sections: upload, reading choices, column mapping, preview, check, import."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from portfolio.currency import CURRENCIES, DEFAULT_CURRENCY
from portfolio.contract import CANONICAL_NAMES, canonical_column
from portfolio.i18n import t
from portfolio.access import Action
from portfolio.access.rules import PermissionRefused, refusal_of
from portfolio.importing import (PreparedFile, default_name, file_problems, prepare_file,
                                 upload_limit_bytes)
from portfolio.building.choices import Choices
from portfolio.importing.description import import_description
from portfolio.importing.report import REPORT_COLUMNS, report_table
from portfolio.importing.uploads import (discard_named, discard_upload, save_named_upload,
                                        save_upload)
from portfolio.problems import InputError, Problem
from portfolio.reading import ReadOptions, ReadResult, read_client_file
from portfolio.reading.cancel import ReadingCancelled
from portfolio.store import guarded
from portfolio.tables_out import csv_bytes
from portfolio.ui.importing import state as import_state
from portfolio.ui.importing.deals import SHARED_MODES
from portfolio.ui.shared.uploader_words import file_uploader
from portfolio.ui.shared import notices
from portfolio.ui.shared.background import run_stoppable
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.localised_table import as_read, localised
from portfolio.ui.shared.names import dataset_name
from portfolio.ui.shared.number_entry import NumberRule, number_entry
from portfolio.ui.shared.widgets import bound_widget, text_table
from portfolio.text_safety import markdown_params, markdown_text

PREVIEW_ROWS = 20
# The report's detail is the sentence that says what to do: rows are three lines high so
# that it shows whole, in the widest column, rather than ending in "…". The widths (pixels)
# fit a 1366-pixel screen; a wider one shares the rest among the columns.
REPORT_ROW_HEIGHT = 76
REPORT_WIDTHS = {"kind": 105, "row": 55, "column": 90, "value": 75, "problem": 160, "detail": 355}
_MB = 1024 * 1024
_ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "cp1252": "Windows-1252"}
_SEPARATORS = {";": "import.separator_semicolon", ",": "import.separator_comma",
               "\t": "import.separator_tab"}
_DECIMALS = {",": "import.decimal_comma", ".": "import.decimal_point"}
# The "automatic" option of a reading choice. A selectbox shows a None value as no choice
# at all (its placeholder), so the option is a string of its own.
_AUTO = "auto"
_NEW, _PERIOD = "new", "period"
_DESTINATIONS = {_NEW: "import.destination_new", _PERIOD: "import.destination_period"}


def _options_key(options: ReadOptions) -> tuple:
    """ReadOptions as a plain tuple, for the cache key (its mapping proxy cannot be hashed)."""
    return (options.encoding, options.separator, options.decimal, options.header_row,
            options.sheet, tuple(sorted(options.column_map.items())), options.max_bytes)


def _stoppable_read(ctx: PageContext) -> Callable[[Path, ReadOptions], ReadResult]:
    """Read once per upload and choice of options (a widget change does not reread a
    large file), in a thread the user can cancel and that stops with the session."""
    def read(path: Path, options: ReadOptions) -> ReadResult:
        key = (str(path), _options_key(options))
        kept = import_state.kept_reading(key)
        if kept is not None:
            return kept
        result = run_stoppable(
            lambda: read_client_file(path, options), key="w.import_cancel_reading",
            waiting=lambda seconds: ctx.t("import.reading_for", seconds=seconds),
            cancel_label=ctx.t("import.cancel_reading"),
            on_cancel=lambda: import_state.set_reading_cancelled(True))
        import_state.keep_reading(key, result)
        return result
    return read


def _preview(result: ReadResult) -> pd.DataFrame:
    """The first rows, read from the reading's staging database once per reading."""
    return result.preview(PREVIEW_ROWS)


# --- upload -------------------------------------------------------------------

def import_allowed_or_stop(ctx: PageContext) -> None:
    """Say why, and stop before anything is uploaded, for a role that may not import (the
    core refuses the write as well)."""
    refusal = refusal_of(ctx.person, Action.IMPORT)
    if refusal is not None:
        st.info(refusal.text(ctx.lang), icon=":material/block:")
        st.stop()


def upload_section(ctx: PageContext) -> import_state.Upload | None:
    """The file uploader; the kept copy of the file the user is importing, if any."""
    limit_mb = upload_limit_bytes() // _MB
    key = f"w.import_file_{import_state.uploader_round()}"
    file_uploader(ctx.lang, ctx.t("import.upload_label"), ("csv", "xlsx", "txt"), key,
                  help=ctx.t("import.upload_help", limit=limit_mb), on_change=_on_upload, args=(key,))
    return import_state.upload()


def _on_upload(key: str) -> None:
    _keep_copy(key, import_state.upload(), import_state.set_upload)


def keep_deal_file(key: str, role: str) -> None:
    """The deals path's uploads (lines, accounts, families, potentials, rates): kept as a
    client file is, under the user's file name (the build's choices and problems name it)."""
    _keep_copy(key, import_state.deal_file(role),
               lambda kept: import_state.set_deal_file(role, kept), save_named_upload,
               discard_named)


def _keep_copy(key: str, old: import_state.Upload | None,
               keep: Callable[[import_state.Upload | None], None],
               save: Callable[[bytes, str], Path] = save_upload,
               discard: Callable[[str], None] = discard_upload) -> None:
    """Keep a copy of the new file (or forget the removed one); refuse a file too large."""
    file = st.session_state.get(key)
    if old is not None and file is not None and old.file_id == file.file_id:
        return
    if old is not None:
        discard(old.path)
    keep(None)
    if file is None:
        return
    limit = upload_limit_bytes()
    if file.size > limit:
        lang = state.language() or "en"
        notices.set_notice("import", notices.Notice("error", t(
            "import.too_large", lang, **markdown_params({"name": file.name, "size": f"{file.size / _MB:.1f}",
                                          "limit": limit // _MB}))))
        return
    path = save(file.getvalue(), file.name)
    keep(import_state.Upload(str(path), file.name, file.size, file.file_id))


def read_upload(ctx: PageContext, upload: import_state.Upload) -> PreparedFile:
    """The upload read with the user's choices (and a remembered column mapping).

    Stops the page, asking for the file again, when its kept copy is gone (the
    temporary folder was emptied, or the server restarted).
    """
    if import_state.reading_cancelled():
        st.info(ctx.t("import.reading_cancelled"), icon=":material/cancel:")
        st.button(ctx.t("import.read_again"), key="w.import_read_again",
                  on_click=import_state.set_reading_cancelled, args=(False,))
        st.stop()
    try:
        # The reading says how long it has run, with a Cancel button, past its first second.
        return prepare_file(ctx.store, upload.path, import_state.read_options(),
                            read=_stoppable_read(ctx), shared=import_state.shared_mode())
    except ReadingCancelled:  # cancelled while this run went on (the flag says it next run)
        st.stop()
        raise
    except FileNotFoundError:
        import_state.set_upload(None)
        st.warning(ctx.md("import.upload_lost", name=upload.name), icon=":material/warning:")
        st.stop()
        raise  # st.stop() ends the script run; this line only satisfies type checkers


# --- how the file was read ----------------------------------------------------

def _set_option(**change: object) -> None:
    import_state.set_read_options(replace(import_state.read_options(), **change))


def reading_section(ctx: PageContext, prepared: PreparedFile) -> None:
    """What was detected, with a widget to correct each choice."""
    detected = prepared.result.detected
    options = import_state.read_options()
    st.subheader(ctx.md("import.detected_title"), anchor=False)
    st.caption(ctx.md("import.detected_caption"))
    if detected.format == "xlsx" and len(detected.sheets) > 1:
        bound_widget(st.selectbox, "w.import_sheet", detected.sheet, lambda v: _set_option(sheet=v),
                     label=ctx.t("import.sheet"), options=list(detected.sheets),
                     help=ctx.t("import.sheet_help"))
    columns = st.columns(4)
    if detected.format == "csv":
        with columns[0]:
            _choice(ctx, "w.import_encoding", "import.encoding", options.encoding,
                    detected.encoding, _ENCODINGS, lambda v: _set_option(encoding=v))
        with columns[1]:
            _choice(ctx, "w.import_separator", "import.separator", options.separator,
                    detected.separator, {k: ctx.t(v) for k, v in _SEPARATORS.items()},
                    lambda v: _set_option(separator=v))
    with columns[2]:
        _choice(ctx, "w.import_decimal", "import.decimal", options.decimal, detected.decimal,
                {k: ctx.t(v) for k, v in _DECIMALS.items()}, lambda v: _set_option(decimal=v))
    with columns[3]:
        # The row found is shown; choosing it again means "find it" (a later reading with
        # other options may find another).
        found = detected.header_row
        number_entry("w.import_header_row", options.header_row or found,
                     lambda v: _set_option(header_row=None if v in (None, found) else int(v)),
                     label=ctx.t("import.header_row"), lang=ctx.lang,
                     rule=NumberRule(minimum=1, whole=True), help=ctx.t("import.header_row_help"))


def _choice(ctx: PageContext, key: str, label: str, chosen: str | None, detected: str | None,
            names: dict[str, str], on_pick: Callable[[str | None], None]) -> None:
    """A selectbox whose first option is "automatic (what was detected)"."""
    def show(value: str) -> str:
        if value == _AUTO:
            return (ctx.t("import.auto", value=names.get(detected, detected)) if detected
                    else ctx.t("import.auto_unknown"))
        return names[value]

    bound_widget(st.selectbox, key, chosen or _AUTO,
                 lambda value: on_pick(None if value in (_AUTO, None) else value),
                 label=ctx.t(label), options=[_AUTO, *names], format_func=show)


# --- columns ------------------------------------------------------------------

def mapping_section(ctx: PageContext, prepared: PreparedFile) -> None:
    """One choice per column whose header was not recognised; the recognised ones listed."""
    mapping = prepared.result.mapping
    chosen = dict(prepared.options.column_map)
    editable = [h for h in mapping if canonical_column(h) is None or h in chosen]
    recognised = [h for h in mapping if h not in editable]
    if not mapping:
        return
    st.subheader(ctx.md("import.mapping_title"), anchor=False)
    if prepared.remembered:
        st.info(ctx.md("import.mapping_remembered"), icon=":material/history:")
    if editable:
        st.caption(ctx.md("import.mapping_caption"))
        grid = st.columns(3)
        for index, header in enumerate(editable):
            with grid[index % 3]:
                bound_widget(st.selectbox, f"w.import_map_{index}", mapping[header] or "",
                             lambda target, h=header: _map(h, target, chosen),
                             label=markdown_text(header), options=["", *CANONICAL_NAMES],
                             format_func=lambda name: _column_label(ctx, name))
    if recognised:
        with st.expander(ctx.t("import.mapping_recognised", count=len(recognised))):
            text_table(pd.DataFrame({ctx.t("import.mapping_file_column"): recognised,
                      ctx.t("import.mapping_contract_column"):
                          [_column_label(ctx, mapping[h]) for h in recognised]}))


def _column_label(ctx: PageContext, name: str | None) -> str:
    if not name:
        return ctx.t("import.mapping_custom")
    return f"{ctx.t(f'import.column.{name}')} ({name})"


def _map(header: str, target: str | None, chosen: dict[str, str | None]) -> None:
    # Every choice in force is passed on: an explicit mapping replaces the remembered one.
    _set_option(column_map={**chosen, header: target or None})


# --- shared accounts -----------------------------------------------------------

def shared_section(ctx: PageContext, prepared: PreparedFile) -> None:
    """When the file lists clients under several reps: who holds each of them, chosen
    here (the import refuses the file until then), as `import --shared` does."""
    count = prepared.shared_count
    if count is None or not count.shared:
        return
    st.subheader(ctx.md("import.shared_title"), anchor=False)
    if not count.resolvable:
        st.info(ctx.t("import.shared_repeated", shared=count.shared, repeated=count.repeated),
                icon=":material/info:")
        return
    st.caption(ctx.t("import.shared_caption", shared=count.shared))
    modes = list(SHARED_MODES)
    bound_widget(st.radio, "w.import_shared", import_state.shared_mode(),
                 import_state.set_shared_mode, label=ctx.t("import.shared_label"),
                 options=modes, format_func=lambda v: ctx.t(SHARED_MODES[v]), horizontal=True)


# --- preview and check --------------------------------------------------------

def preview_section(ctx: PageContext, prepared: PreparedFile) -> None:
    total = prepared.result.row_count
    if not total:
        return
    st.subheader(ctx.md("import.preview_title"), anchor=False)
    st.caption(ctx.md("import.preview_caption", shown=min(PREVIEW_ROWS, total), total=total))
    # An empty cell stays empty (Streamlit would write "None", in English).
    st.dataframe(localised(_preview(prepared.result), ctx.lang, other=as_read), hide_index=True,
                 placeholder="")


def report_section(ctx: PageContext, prepared: PreparedFile) -> bool:
    """The check's problems as a table with a download; True when the file can be imported."""
    st.subheader(ctx.md("import.report_title"), anchor=False)
    problems = file_problems(prepared)
    if not problems:
        st.success(ctx.md("import.report_ok"), icon=":material/check_circle:")
        return True
    errors = sum(p.blocking for p in problems)
    show = st.error if errors else st.warning
    show(ctx.t("import.report_summary", errors=errors, warnings=len(problems) - errors))
    problems_table(ctx, problems, "w.import_report_download")
    return errors == 0


def problems_table(ctx: PageContext, problems: Iterable[Problem], download_key: str) -> None:
    """The problems as a table, and the same table as a CSV download."""
    table = report_table(problems, ctx.lang)
    # The table's headings are translated; REPORT_COLUMNS gives their order.
    widths = {heading: st.column_config.Column(width=REPORT_WIDTHS[column])
              for column, heading in zip(REPORT_COLUMNS, table.columns)}
    st.dataframe(table, hide_index=True, placeholder="", row_height=REPORT_ROW_HEIGHT,
                 column_config=widths)
    st.download_button(ctx.t("import.report_download"), csv_bytes(table, ctx.lang),
                       file_name=ctx.t("import.report.file_name"), mime="text/csv",
                       key=download_key, icon=":material/download:")


# --- destination and import ---------------------------------------------------

def destination_section(ctx: PageContext, upload: import_state.Upload, prepared: PreparedFile,
                        can_import: bool) -> None:
    """New dataset or new period of one, the period, and the Import button."""
    st.subheader(ctx.md("import.destination_title"), anchor=False)
    if not can_import:
        st.info(ctx.md("import.blocked"), icon=":material/block:")
    where = _NEW
    if ctx.datasets:
        where = st.radio(ctx.t("import.destination_title"), [_NEW, _PERIOD], key="w.import_where",
                         format_func=lambda v: ctx.t(_DESTINATIONS[v]),
                         label_visibility="collapsed", horizontal=True)
    if where == _NEW:
        name, money = st.columns([3, 1])
        name.text_input(ctx.t("import.name_label"), value=default_name(ctx.store, upload.name),
                        key="w.import_name")
        detected = prepared.result.detected.currency or DEFAULT_CURRENCY
        codes = list(CURRENCIES)
        money.selectbox(ctx.t("import.currency_label"), codes, index=codes.index(detected),
                        key="w.import_currency", help=ctx.t("import.currency_help"))
    else:
        by_id = {d.dataset_id: dataset_name(d, ctx.lang) for d in reversed(ctx.datasets)}
        st.selectbox(ctx.t("import.dataset_label"), list(by_id), key="w.import_dataset",
                     format_func=by_id.__getitem__)
    st.text_input(ctx.t("import.period_label"), key="w.import_period",
                  help=ctx.t("import.period_help"))
    st.button(ctx.t("import.import_button"), type="primary", disabled=not can_import,
              on_click=_request_import, args=(where,), icon=":material/upload:")


def _request_import(where: str) -> None:
    period = (st.session_state.get("w.import_period") or "").strip() or None
    if where == _NEW:
        request = import_state.ImportRequest(st.session_state.get("w.import_name") or "", None,
                                             period, st.session_state.get("w.import_currency"))
    else:
        request = import_state.ImportRequest(None, st.session_state.get("w.import_dataset"), period)
    import_state.set_import_request(request)


def run_requested_import(ctx: PageContext, upload: import_state.Upload,
                         prepared: PreparedFile, choices: Choices | None = None) -> None:
    """Run the import the user asked for, with a progress bar; on success the new data
    becomes the active dataset and the page is drawn again. A new dataset's description
    says how its clients were made (`choices`: the build's, for a file built here)."""
    request = import_state.import_request()
    if request is None:
        return
    import_state.set_import_request(None)
    bar = st.progress(0.0, text=ctx.t("import.progress", stage=ctx.t("import.stage.validating")))

    def progress(stage: str, fraction: float) -> None:
        bar.progress(fraction, text=ctx.t("import.progress", stage=ctx.t(f"import.stage.{stage}")))

    try:
        outcome = guarded.store_prepared(
            ctx.store, ctx.person, prepared, source=upload.name,
            dataset_name=request.dataset_name, dataset_id=request.dataset_id,
            period=request.period, progress=progress, currency=request.currency,
            description=import_description(prepared, choices, ctx.lang))
    except PermissionRefused as refusal:  # a director's file with clients outside their scope
        bar.empty()
        st.error(refusal.text(ctx.lang), icon=":material/block:")
        return
    except InputError as error:
        bar.empty()
        st.error(ctx.md("import.refused"), icon=":material/error:")
        problems_table(ctx, [p for p in error.problems if p.blocking], "w.import_refused_download")
        return
    state.set_dataset_id(outcome.dataset_id)
    if import_state.built() is not None:  # a built file, its choices beside it
        discard_named(upload.path)
        import_state.forget_deal_files(discard_named)
    else:
        discard_upload(upload.path)
    import_state.set_upload(None)
    import_state.next_uploader_round()
    # Periods added to the demo: its name as the user sees it elsewhere.
    name = next((dataset_name(d, ctx.lang) for d in ctx.datasets
                 if d.dataset_id == outcome.dataset_id), outcome.dataset_name)
    notices.set_notice("import", notices.Notice("success", ctx.md(
        "import.imported", rows=outcome.rows, name=name,
        periods=", ".join(outcome.periods))))
    st.rerun()
