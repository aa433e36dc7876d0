"""The Streamlit interface: the one package of the product that imports streamlit.

A page is a thin file in pages/ that starts with `ctx = frame("<page id>")` and
then describes its screen with the parts below; its id, file, menu label and
summary are one line of `PAGES`.
"""

from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.frame import frame
from portfolio.ui.shared.pages import PAGES, Page

__all__ = ["PAGES", "Page", "PageContext", "frame"]
