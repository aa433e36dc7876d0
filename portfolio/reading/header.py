"""Match the header cells of a file to contract columns and name the client table's columns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from portfolio.contract import BY_NAME, COLUMNS, canonical_column, header_key
from portfolio.problems import Problem, detail
from portfolio.reading.issues import file_problem

ROW_COLUMN = "source_row"


@dataclass(frozen=True)
class ColumnPlan:
    """One column of the file and what it becomes in the client table."""

    index: int  # 0-based position in the file
    header: str  # header text as written (trimmed); "" for an unnamed column
    name: str  # column name in the client table
    contract: str | None  # contract column, or None for a custom column


def plan_columns(
    headers: Sequence[object], column_map: Mapping[str, str | None]
) -> tuple[list[ColumnPlan], list[Problem]]:
    """Plan every column; problems for bad mappings, duplicates and missing columns."""
    problems: list[Problem] = []
    texts = ["" if h is None else str(h).strip() for h in headers]
    chosen = _apply_column_map(texts, column_map, problems)
    plans: list[ColumnPlan] = []
    taken: dict[str, str] = {}  # contract column -> header that holds it
    used_names: set[str] = set(BY_NAME) | {ROW_COLUMN}
    for index, text in enumerate(texts):
        contract = chosen[index] if index in chosen else (canonical_column(text) if text else None)
        if contract is not None and contract in taken:
            problems.append(file_problem(
                "duplicate_column",
                detail("problems_file.duplicate_column", first=repr(taken[contract]),
                       second=repr(text), contract=repr(contract)),
                column=text))
            contract = None
        if contract is not None:
            taken[contract] = text
            plans.append(ColumnPlan(index, text, contract, contract))
            continue
        name = _unique(text or f"column_{index + 1}", used_names)
        used_names.add(name)
        plans.append(ColumnPlan(index, text, name, None))
    for spec in COLUMNS:
        if spec.required and spec.name not in taken:
            accepted = ", ".join(repr(a) for a in (spec.name, *spec.aliases))
            problems.append(file_problem(
                "missing_column",
                detail("problems_file.missing_column", column=repr(spec.name), accepted=accepted),
                column=spec.name))
    return plans, problems


def _apply_column_map(
    texts: list[str], column_map: Mapping[str, str | None], problems: list[Problem]
) -> dict[int, str | None]:
    """Positions the caller mapped explicitly, matched by exact text, else by folded text."""
    chosen: dict[int, str | None] = {}
    folded = [header_key(t) for t in texts]
    for key, target in column_map.items():
        if target is not None and target not in BY_NAME:
            problems.append(file_problem(
                "bad_option", detail("problems_file.map_not_contract", target=repr(target),
                                     columns=", ".join(BY_NAME)),
                column=str(key), value=str(target)))
            continue
        hits = [i for i, t in enumerate(texts) if t == str(key).strip()] or \
               [i for i, f in enumerate(folded) if f == header_key(str(key))]
        if not hits:
            problems.append(file_problem(
                "bad_option", detail("problems_file.map_no_such_column", column=repr(key),
                                     columns=", ".join(repr(t) for t in texts if t)),
                column=str(key)))
        for index in hits:
            chosen[index] = target
    return chosen


def _unique(name: str, used: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… when it is taken."""
    if name not in used:
        return name
    n = 2
    while f"{name} ({n})" in used:
        n += 1
    return f"{name} ({n})"


def mapping_of(plans: Sequence[ColumnPlan]) -> dict[str, str | None]:
    """Every named file column -> its contract column or None (custom), keyed by the
    header text (by the column name when two headers read the same)."""
    mapping: dict[str, str | None] = {}
    for plan in plans:
        key = plan.header if plan.header and plan.header not in mapping else plan.name
        mapping[key] = plan.contract
    return mapping
