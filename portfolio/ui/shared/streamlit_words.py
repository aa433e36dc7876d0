"""Streamlit's own words, drawn by its widgets in English whatever the page's language, put in
the user's language on every page (the frame draws them once per page).

- The multiselect's "Select all" is a Streamlit setting (`select_all=False` in
  `widgets.multiselect_filter`: an empty filter already means every value).
- A dropdown that finds nothing says "No results", and takes no text for it: in any other
  language the words are hidden and the catalogue's drawn in their place (`content` of a
  pseudo-element), scoped by Streamlit's test ids (`stMultiSelectDropdown`,
  `stSelectboxVirtualDropdown`) as `uploader_words` does for the file uploader.
- The hint under a text input ("Press Enter to apply", "Press Enter to submit form") is
  hidden: the input takes its entry when it loses focus as well.

A Streamlit release that renames those test ids would show the English words again: the
browser test of the French pages (tests/browser/test_streamlit_words.py) would then fail.
"""

from __future__ import annotations

import streamlit as st

from portfolio.i18n import t
from portfolio.ui.shared.uploader_words import ENGLISH, css_string

_DROPDOWNS = ('[data-testid="stMultiSelectDropdown"]',
              '[data-testid="stSelectboxVirtualDropdown"]')


def streamlit_words(lang: str) -> None:
    """Streamlit's words of this page's widgets in `lang` (English: Streamlit's own)."""
    if lang != ENGLISH:
        st.html(f"<style>{streamlit_words_css(lang)}</style>")


def streamlit_words_css(lang: str) -> str:
    empty = ", ".join(f'{dropdown} [role="listbox"][data-empty="true"] [role="option"] > span'
                      for dropdown in _DROPDOWNS)
    no_results = css_string(t("streamlit_words.no_results", lang))
    return (f"{empty} {{ font-size: 0; }}"
            f"{empty.replace(' > span', ' > span::after')} "
            f"{{ content: {no_results}; font-size: 0.875rem; }}"
            '[data-testid="InputInstructions"] { display: none; }')
