"""A number input that reads what French and English users type ("12,5", "1 234,5", "20 %").

Streamlit's own number input writes "60.0" in French, reads "12,5" as 125 and shows an
English hint: this one is a text input showing the value the user's way, read by
`portfolio.number_entry` on each change. A wrong entry changes nothing: the last good
value stays, and a message under the input says what was typed and what to type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import streamlit as st

from portfolio.i18n import t
from portfolio.number_entry import NotANumber, entry_text, parse_number, range_text
from portfolio.text_safety import markdown_text
from portfolio.ui.shared import state

_PROBLEM = "pp.number_problem."  # + the input's key: the refusal of its last entry
_WRITTEN_IN = "pp.number_language."  # + a form input's key: the language its text is written in
# Streamlit's "Press Enter to apply" under a text input is in English only; the input takes
# the entry when it loses focus as well, so the hint goes.
_NO_ENGLISH_HINT = '<style>[data-testid="InputInstructions"] { display: none; }</style>'


@dataclass(frozen=True)
class NumberRule:
    """What an input accepts: bounds, whole numbers only, the unit that may be typed with the
    figure ("%" or a currency sign), the decimals it is shown with (None: as many as it needs)."""

    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False
    unit: str | None = None
    decimals: int | None = None
    required: bool = False

    def read(self, text: str | None, lang: str) -> float | None:
        value = parse_number(text, lang, minimum=self.minimum, maximum=self.maximum,
                             whole=self.whole, unit=self.unit, required=self.required)
        return int(value) if self.whole and value is not None else value

    def hint(self, lang: str) -> str:
        return range_text(lang, self.minimum, self.maximum, self.unit)


def number_entry(key: str, value: float | None, on_pick: Callable[[float | None], None], *,
                 label: str, lang: str, rule: NumberRule = NumberRule(), help: str | None = None,
                 placeholder: str | None = None) -> float | None:
    """An input showing `value` the user's way; `on_pick(number)` when a good one is typed.

    The change is handled in the input's callback (as `bound_widget` does), so the page drawn
    right after already uses it. Returns the value in effect.
    """
    state.seed_widget(key, entry_text(value, lang, rule.decimals))

    def changed() -> None:
        try:
            picked = rule.read(state.widget_value(key), lang)
        except NotANumber as problem:
            st.session_state[_PROBLEM + key] = problem
            return
        st.session_state.pop(_PROBLEM + key, None)
        on_pick(picked)

    st.text_input(label, key=key, on_change=changed, help=help, placeholder=placeholder)
    st.html(_NO_ENGLISH_HINT)
    problem = st.session_state.pop(_PROBLEM + key, None)
    if problem is not None:
        _refusal(problem, value, lang, rule)
    return value


def form_number_entry(key: str, value: float, *, label: str, lang: str,
                      rule: NumberRule = NumberRule(), help: str | None = None) -> float | None:
    """The same input inside an `st.form`, where inputs take no callback: the entry is read
    when the form is drawn. Returns the number typed, or None (with the refusal shown) when
    it cannot be read, for the form to apply nothing."""
    # Seeded once, so that a wrong entry stays on screen to be corrected; again in another
    # language, where the text written in the first would be misread ("7,5" in English).
    if key not in st.session_state or st.session_state.get(_WRITTEN_IN + key) != lang:
        state.seed_widget(key, entry_text(value, lang, rule.decimals))
        st.session_state[_WRITTEN_IN + key] = lang
    typed = st.text_input(label, key=key, help=help)
    st.html(_NO_ENGLISH_HINT)
    try:
        return rule.read(typed, lang)
    except NotANumber as problem:
        _refusal(problem, None, lang, rule)
        return None


def _refusal(problem: NotANumber, kept: float | None, lang: str, rule: NumberRule) -> None:
    """Why the entry was refused (it quotes what was typed: escaped), and what stays."""
    text = problem.describe(lang)
    if kept is not None:
        text += " " + t("number_entry.kept", lang, value=entry_text(kept, lang, rule.decimals))
    st.error(markdown_text(text), icon=":material/error:")
