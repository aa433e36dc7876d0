"""Import a client file, or one built here from sales lines or deals: upload, check how it
was read, map its columns, resolve shared accounts, preview, check, store."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.shared.notices import notice_section
from portfolio.ui.importing import state as import_state
from portfolio.ui.importing.deals import DEALS, deals_section, source_choice
from portfolio.ui.importing.view import (destination_section, import_allowed_or_stop,
                                         keep_deal_file, mapping_section, preview_section,
                                         read_upload, reading_section, report_section,
                                         run_requested_import, shared_section, upload_section)

ctx = frame("import")
st.title(ctx.t("import.title"), anchor=False)
st.caption(ctx.md("import.intro"))
notice_section(ctx, "import")
import_allowed_or_stop(ctx)
deals = source_choice(ctx) == DEALS
upload = deals_section(ctx, keep_deal_file) if deals else upload_section(ctx)
if upload is not None:
    prepared = read_upload(ctx, upload)
    if not deals:  # a file built here is read as it was written: nothing to correct
        reading_section(ctx, prepared)
        mapping_section(ctx, prepared)
        shared_section(ctx, prepared)
    preview_section(ctx, prepared)
    can_import = report_section(ctx, prepared)
    destination_section(ctx, upload, prepared, can_import)
    built = import_state.built() if deals else None
    run_requested_import(ctx, upload, prepared, built.choices if built else None)
