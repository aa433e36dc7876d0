"""Portfolio Pilot's home page: data status, the method in brief, links to every page."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.home.view import data_status, method_brief, page_links
from portfolio.ui.shared.housekeeping import leftovers_removed

ctx = frame("home")
leftovers_removed()
st.title(ctx.t("home.title"), anchor=False)
st.markdown(ctx.md("home.tagline"))
data_status(ctx)
method_brief(ctx)
page_links(ctx)
