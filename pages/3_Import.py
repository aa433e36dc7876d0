"""Import a client file: upload it, check how it was read, map its columns, preview, check, store."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.shared.notices import notice_section
from portfolio.ui.importing.view import (destination_section, import_allowed_or_stop,
                                         mapping_section,
                                      preview_section, read_upload, reading_section,
                                      report_section, run_requested_import, upload_section)

ctx = frame("import")
st.title(ctx.t("import.title"), anchor=False)
st.caption(ctx.md("import.intro"))
notice_section(ctx, "import")
import_allowed_or_stop(ctx)
upload = upload_section(ctx)
if upload is not None:
    prepared = read_upload(ctx, upload)
    reading_section(ctx, prepared)
    mapping_section(ctx, prepared)
    preview_section(ctx, prepared)
    can_import = report_section(ctx, prepared)
    destination_section(ctx, upload, prepared, can_import)
    run_requested_import(ctx, upload, prepared)
