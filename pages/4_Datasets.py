"""The imported datasets: which one is active, renaming, deleting with confirmation, exporting."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.datasets.view import (active_choice, audit_section, datasets_table,
                                        delete_section, demo_section, description_section,
                                        export_section, rename_section)
from portfolio.ui.shared.notices import notice_section
from portfolio.ui.shared.names import dataset_name

ctx = frame("datasets")
st.title(ctx.t("datasets.title"), anchor=False)
st.caption(ctx.md("datasets.intro"))
notice_section(ctx, "datasets")
if ctx.dataset is None:
    st.info(ctx.md("datasets.empty"), icon=":material/info:")
    demo_section(ctx)
    audit_section(ctx)
    st.stop()
datasets_table(ctx)
active_choice(ctx)
st.success(ctx.md("datasets.is_active", name=dataset_name(ctx.dataset, ctx.lang)), icon=":material/check:")
description_section(ctx, ctx.dataset)
rename_section(ctx, ctx.dataset)
delete_section(ctx, ctx.dataset)
export_section(ctx, ctx.dataset)
demo_section(ctx)
audit_section(ctx)
