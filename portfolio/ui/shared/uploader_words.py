"""The file uploader with Streamlit's own words in the user's language.

`st.file_uploader` writes its button ("Upload") and its limits ("200MB per file • CSV,
XLSX, TXT") in English whatever the page's language, and takes no text for them. In any
other language they are replaced with CSS scoped to the one uploader (Streamlit gives an
element with a key the class `st-key-<key>`): the English words are hidden and the
catalogue's are drawn in their place (`content` of a pseudo-element), so the button stays
the same button for a click, a keyboard or a screen reader's focus.

It rests on Streamlit's test ids (`stFileUploaderDropzone`, `…Instructions`), which a
Streamlit release may rename: the browser test of the French import page
(tests/browser/test_uploader_words.py) would then fail. The words shown while a file is
dragged over the box ("Drag and drop a file here") have no test id: they are found as the
box's one part without a button, which the same test drags a file over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import streamlit as st

from portfolio.i18n import t
from portfolio.numbers import number

ENGLISH = "en"  # Streamlit's own language: its words are left as they are


def file_uploader(lang: str, label: str, types: Sequence[str], key: str, **options: Any) -> Any:
    """`st.file_uploader(label, type=types, key=key, **options)`, its words in `lang`."""
    uploaded = st.file_uploader(label, type=list(types), key=key, **options)
    if lang != ENGLISH:
        st.html(f"<style>{uploader_css(key, types, lang)}</style>")
    return uploaded


def uploader_css(key: str, types: Sequence[str], lang: str) -> str:
    """The rules that put the catalogue's words in the uploader of `key`."""
    scope = f".st-key-{element_class(key)} [data-testid=\"stFileUploaderDropzone\"]"
    limit = t("uploader_words.limit", lang, size=number(st.get_option("server.maxUploadSize"), lang),
              types=", ".join(kind.upper() for kind in types))
    button = t("uploader_words.button", lang)
    drop = t("uploader_words.drop", lang)
    # The words shown while a file is dragged over the box, in the one part of it that holds
    # no button (it has no test id of its own).
    dragged = f"{scope} > [data-testid=\"stFileUploaderDropzoneInput\"] + div:not(:has(button)) > *"
    return (f"{scope} button [data-testid=\"stMarkdownContainer\"] p {{ display: none; }}"
            f"{scope} button [data-testid=\"stMarkdownContainer\"]::after "
            f"{{ content: {css_string(button)}; }}"
            f"{scope} [data-testid=\"stFileUploaderDropzoneInstructions\"] span {{ display: none; }}"
            f"{scope} [data-testid=\"stFileUploaderDropzoneInstructions\"] > div::after "
            f"{{ content: {css_string(limit)}; }}"
            f"{dragged} {{ font-size: 0; }}"
            f"{dragged}::after {{ content: {css_string(drop)}; font-size: 1rem; }}")


def element_class(key: str) -> str:
    """The class Streamlit gives the element of `key` (after `st-key-`): characters other
    than letters, digits, `_` and `-` become `-`, as its front end writes it."""
    return re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: quotes, backslashes, line ends and `<` escaped (the
    rules sit in a <style> element, which a `</style>` in the text would close)."""
    escaped = "".join(f"\\{ord(c):x} " if c in "\"\\<>\n\r" else c for c in text)
    return f"\"{escaped}\""
