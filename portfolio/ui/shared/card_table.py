"""A client card's table for one axis, as HTML: criterion with the rule applied under it,
value, points.

The card sits in the matrix page's side column, about 300 pixels wide on a 1366-pixel
projector. A four-column table (criterion, value, points, rule) scrolled sideways
there, so the rule, the longest text, goes under its criterion and the figures keep
columns of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.text_safety import html_text as escape


@dataclass(frozen=True)
class CriterionLine:
    """One row of the table, already worded in the user's language."""

    criterion: str
    rule: str
    value: str
    points: str


@dataclass(frozen=True)
class Headings:
    criterion: str
    value: str
    points: str


# Colours come from the theme (currentColor, opacity): the card reads the same in a
# light or a dark theme.
_TABLE = "width:100%;border-collapse:collapse;margin:0.25rem 0 1rem 0"
_CELL = "padding:0.35rem 0.4rem;border-bottom:1px solid rgba(128,128,128,0.25);vertical-align:top"
_HEAD = _CELL + ";text-align:left;font-weight:600;opacity:0.75"
_VALUE = _CELL + ";text-align:right"  # figures are written with no-break spaces already
_POINTS = _VALUE + ";white-space:nowrap"
_RULE = "font-size:0.85em;opacity:0.7;margin-top:0.1rem"


def criteria_table(headings: Headings, lines: list[CriterionLine]) -> str:
    """The table's HTML. Every text is escaped: grid labels and values are written by users."""
    head = (f'<tr><th style="{_HEAD}">{escape(headings.criterion)}</th>'
            f'<th style="{_HEAD};text-align:right">{escape(headings.value)}</th>'
            f'<th style="{_HEAD};text-align:right">{escape(headings.points)}</th></tr>')
    body = "".join(
        f'<tr><td style="{_CELL}">{escape(line.criterion)}'
        f'<div style="{_RULE}">{escape(line.rule)}</div></td>'
        f'<td style="{_VALUE}">{escape(line.value)}</td>'
        f'<td style="{_POINTS}">{escape(line.points)}</td></tr>'
        for line in lines)
    return (f'<table class="criteria-table" style="{_TABLE}">'
            f"<thead>{head}</thead><tbody>{body}</tbody></table>")
