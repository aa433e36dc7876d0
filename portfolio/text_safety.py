"""User text shown as text: the one place where names from a file are escaped for the
renderers that would otherwise read them as markup.

A client, rep, region, industry, category, custom column, dataset or file name, a period or
a grid label is written by a user. Streamlit renders Markdown in notices, captions,
headings, widget labels and `st.table` cells (links, images that the viewer's browser
fetches, `:material/…:` icons, `:color[…]` directives, `$…$` formulas, HTML entities);
Plotly renders a subset of HTML in hover texts, tick labels and annotations (`<b>`, `<br>`,
`<span style>`, live `<a href>` links). Each function here turns a value into text that
these renderers show exactly as it was written.
"""

from __future__ import annotations

import html
import re
from typing import Any

# The characters that start Markdown syntax anywhere in a line: emphasis, code, links and
# images (`[`: no `![x](url)` without it), tables, strikethrough, Streamlit's `$…$` formulas
# and `:material/…:` icons or `:color[…]` directives (a `:` before a word or `/`), raw
# HTML and entities. CommonMark lets any ASCII
# punctuation be escaped with a backslash and shows it as written. An underscore between two
# letters or digits cannot emphasise (`sales_rep`) and is left as it is.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]|~$<>&@]|:(?=[\w/])|(?<![^\W_])_|_(?![^\W_])")
# What only means something at the start of a line, followed by a space: a heading, a list
# item (`1. `, `- `). "#009e73", "-5" or "1.3" are left as they are.
_LINE_START = re.compile(r"^(\s*)([-+]|#{1,6}|\d{1,9}(?=[.)]))(?=\s|$|[.)](?:\s|$))")
# GFM turns addresses in text into links after the Markdown is parsed, so no backslash
# prevents it: `http://…`, `www.…` and `name@host` get an invisible word joiner (U+2060)
# that breaks the pattern and changes nothing on screen.
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)")
_WORD_JOINER = "\u2060"
# A line break in a name would start a new block (a heading, a list, a quote).
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\v\f]+")


def markdown_text(value: Any) -> str:
    """`value` as Markdown that renders as exactly its text, on one line."""
    text = _MARKDOWN_SPECIAL.sub(lambda match: "\\" + match.group(0),
                                 _LINE_BREAKS.sub(" ", str(value)))
    text = _AUTOLINK.sub(_WORD_JOINER, text)
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group(2)[0].isdigit():  # "1. item": the mark after the number escaped
        return text[:match.end()] + "\\" + text[match.end():]
    return f"{match.group(1)}\\{text[match.start(2):]}"


class Markdown(str):
    """Text already written as Markdown by the product (a code span made by `markdown_code`,
    a catalogue phrase): `markdown_params` passes it as it is."""


def markdown_params(params: dict[str, Any]) -> dict[str, Any]:
    """Catalogue parameters for a Markdown text: every text value escaped but `Markdown`
    ones, numbers kept (a catalogue text may format a number itself)."""
    return {name: markdown_text(value) if isinstance(value, str) and not isinstance(value, Markdown)
            else value for name, value in params.items()}


def plotly_text(value: Any) -> str:
    """`value` as Plotly text that renders as exactly its text: `<`, `>` and `&` written as
    entities, so no tag (bold, line break, styled span, link) and no entity is read from it;
    and `%{` broken by a word joiner, so that a name written into a hover template does not
    pull in the point's values (`%{x}`, `%{customdata[0]}`). Plotly has no escape for it."""
    return html.escape(str(value), quote=False).replace("%{", "%" + _WORD_JOINER + "{")


def markdown_code(value: Any) -> Markdown:
    """`value` as a Markdown code span: shown as written, in a fence of backticks longer than
    any run inside it (a code span reads no backslash escape, so it needs its own quoting)."""
    text = _LINE_BREAKS.sub(" ", str(value))
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    return Markdown(f"{fence} {text} {fence}")


def html_text(value: Any) -> str:
    """`value` as HTML element text or attribute value: shown as written."""
    return html.escape(str(value), quote=True)


def markdown_frame(frame: Any) -> Any:
    """A copy of a pandas DataFrame for `st.table`, whose cells and headers render Markdown:
    every text cell and header escaped, other values kept."""
    escaped = frame.map(lambda value: markdown_text(value) if isinstance(value, str) else value)
    escaped.columns = [markdown_text(name) if isinstance(name, str) else name for name in frame.columns]
    return escaped
