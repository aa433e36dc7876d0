"""A slider over numbers that writes them the user's way: "42,5" in French, "42.5" in English.

`st.slider` writes its values with a printf format, a decimal point whatever the page's
language; its `format="localized"` follows the browser's language, not the one chosen on the
page. A select slider over the same steps shows each value through `portfolio.numbers` and
returns the number itself: the same handle, keyboard steps and range as before.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from portfolio.numbers import decimal

Picked = float | tuple[float, float]


def slider_steps(minimum: float, maximum: float, step: float, *kept: float) -> list[float]:
    """Every step from `minimum` to `maximum`, and the values `kept` that fall between steps
    (a grid file's cut of 33.3 stays where it is), in order."""
    count = round((maximum - minimum) / step)
    values = {round(minimum + i * step, 9) for i in range(count + 1)}
    values |= {float(v) for v in kept if minimum <= v <= maximum}
    return sorted(values)


def number_slider(label: str, *, lang: str, minimum: float, maximum: float, step: float,
                  value: Picked, key: str, **options: Any) -> Picked:
    """A slider (a range slider when `value` is a pair) whose values read as `decimal` writes
    them in `lang`; `options` go to `st.select_slider` (help, on_change…)."""
    chosen = value if isinstance(value, tuple) else (value,)
    picked = st.select_slider(label, options=slider_steps(minimum, maximum, step, *chosen),
                              value=value, key=key, format_func=lambda v: decimal(v, lang),
                              **options)
    return tuple(float(v) for v in picked) if isinstance(picked, tuple) else float(picked)
