"""The words of Plotly's chart toolbar (the modebar's tips: "Zoom in", "Reset axes",
"Download plot as a PNG"…) in the user's language.

Plotly writes them in English unless the chart's configuration names a locale and gives its
dictionary (`locale`, `locales`): the dictionary maps Plotly's English words, written as
Plotly writes them, to the catalogue's. The "Fullscreen" button Streamlit adds to the
toolbar is Streamlit's own and takes no text: it stays in English.
"""

from __future__ import annotations

from typing import Any

from portfolio.i18n import t

ENGLISH = "en"  # Plotly's own language
# Catalogue key (area `plotly_words`) → Plotly's English words, exactly as Plotly.js has them.
PLOTLY_WORDS = {
    "download_png": "Download plot as a PNG", "download": "Download plot", "zoom": "Zoom",
    "pan": "Pan", "zoom_in": "Zoom in", "zoom_out": "Zoom out", "autoscale": "Autoscale",
    "reset_axes": "Reset axes", "reset_view": "Reset view", "box_select": "Box Select",
    "lasso_select": "Lasso Select", "spike_lines": "Toggle Spike Lines",
    "closest": "Show closest data on hover", "compare": "Compare data on hover",
    "zoom_back": "Double-click to zoom back out",
}


def plotly_locale(lang: str) -> dict[str, Any]:
    """The configuration entries that make Plotly write its words in `lang` (none in English)."""
    if lang == ENGLISH:
        return {}
    words = {english: t(f"plotly_words.{key}", lang) for key, english in PLOTLY_WORDS.items()}
    return {"locale": lang, "locales": {lang: {"dictionary": words}}}
