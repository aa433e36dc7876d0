"""Helpers for configuration tests: edit a numbered base text, collect the issues of a parse."""

from __future__ import annotations

from typing import Callable

import pytest

from portfolio.problems import ConfigError


def edit_lines(base: str, edits: dict[int, str | None]) -> str:
    """`base` with lines replaced (the text may hold several lines) or removed (None), by number."""
    lines = base.splitlines()
    for number in sorted(edits, reverse=True):
        replacement = edits[number]
        lines[number - 1:number] = [] if replacement is None else replacement.split("\n")
    return "\n".join(lines) + "\n"


def issues_of(parse: Callable[[str, str], object], text: str, source: str) -> list[str]:
    """The issues `parse` raises for `text`, as `FILE:LINE: key: message` strings."""
    with pytest.raises(ConfigError) as caught:
        parse(text, source)
    return [str(issue) for issue in caught.value.issues]
