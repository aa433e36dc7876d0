"""The validation report as a table for people: localised headings, one row per problem."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from portfolio.i18n import catalogue, t
from portfolio.problems import Problem

REPORT_COLUMNS = ("kind", "row", "column", "value", "problem", "detail")


def problem_label(code: str, lang: str) -> str:
    """A short sentence naming the kind of problem, in `lang`."""
    key = f"import.problem.{code}"
    return t(key, lang) if key in catalogue(lang) else t("import.problem.other", lang)


def report_table(problems: Iterable[Problem], lang: str) -> pd.DataFrame:
    """Blocking problems first, then warnings; in file order within each."""
    ordered = sorted(problems, key=lambda p: (not p.blocking, p.row is not None, p.row or 0))
    frame = pd.DataFrame({
        "kind": [t("import.report.error" if p.blocking else "import.report.warning", lang)
                 for p in ordered],
        "row": pd.array([p.row for p in ordered], dtype="Int64"),
        "column": [p.column or "" for p in ordered],
        "value": [p.value or "" for p in ordered],
        "problem": [problem_label(p.code, lang) for p in ordered],
        "detail": [p.text(lang) for p in ordered],
    }, columns=list(REPORT_COLUMNS))
    frame.columns = [t(f"import.report.{c}", lang) for c in REPORT_COLUMNS]
    return frame
