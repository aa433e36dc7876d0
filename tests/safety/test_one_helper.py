"""Escaping has one home: no page or figure escapes by itself or draws a static table without
escaping its cells (a new one would bypass what the hostile-name tests check)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [path for folder in ("portfolio", "pages") for path in (ROOT / folder).rglob("*.py")]


def offenders(needle: str, allowed: set[str]) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in SOURCES
            if needle in path.read_text() and str(path.relative_to(ROOT)) not in allowed]


def test_html_is_escaped_only_by_text_safety():
    assert offenders("html.escape", {"portfolio/text_safety.py"}) == []
    assert offenders("from html import escape", set()) == []


def test_static_tables_are_drawn_only_by_the_escaping_helper():
    assert offenders("st.table(", {"portfolio/ui/shared/widgets.py"}) == []
