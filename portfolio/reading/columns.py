"""The contract's rules for one column, as SQL conditions over the staged rows.

Each rule is a `Finding`: which rows break it, what to fetch of the first of them,
and what to tell the user. `portfolio.reading.checks` runs them all in a few scans.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from portfolio.contract import BY_NAME, Kind
from portfolio.problems import Detail, Problem, detail
from portfolio.reading.header import ColumnPlan
from portfolio.reading.issues import file_problem, row_problems
from portfolio.reading.query import NUMERIC_KINDS, kind_of
from portfolio.reading.typed import MAX_COUNT, Decisions, is_percent, scaled_ratio

SHOWN_ROWS = 5  # rows quoted in a per-column summary
KEPT = "NOT blank"  # rows that are not entirely empty (empty rows are skipped)


@dataclass(frozen=True)
class Found:
    """The first rows breaking a rule (in file order), what was fetched of each, and
    how many rows break it in all."""

    rows: list[int]
    values: list[tuple]
    total: int


@dataclass(frozen=True)
class Finding:
    where: str  # SQL condition over the numbered rows
    say: Callable[[Found], list[Problem]]
    values: tuple[str, ...] = ()  # SQL fetched for the first rows


def number_text(value: float, decimal: str) -> str:
    """A number as the user would write it in this file (decimal mark included)."""
    text = f"{value:.10g}"
    return text.replace(".", decimal) if "e" not in text else text


def rows_of(found: Found, column: str | None, code: str, reason, values=None,
            blocking: bool = True) -> list[Problem]:
    return row_problems(found.rows, column, code, reason, values, blocking=blocking,
                        total=found.total)


def _missing(plan: ColumnPlan, where: str) -> list[Finding]:
    spec = BY_NAME[plan.contract] if plan.contract else None
    if spec is None:
        return []
    if spec.required:
        reason = detail("problems_cells.required_empty", column=repr(spec.name))
        return [Finding(f"{KEPT} AND {where}",
                        lambda found: rows_of(found, plan.header, "missing_value", reason))]

    def summary(found: Found) -> list[Problem]:
        shown = (", ".join(str(r) for r in found.rows[:SHOWN_ROWS])
                 + ("…" if found.total > SHOWN_ROWS else ""))
        return [file_problem("empty_cells", _empty_detail(spec.name, found.total, shown),
                             column=plan.header, blocking=False)]

    return [Finding(f"{KEPT} AND {where}", summary)]


def _empty_detail(contract: str, count: int, shown: str) -> Detail:
    """One sentence per case (one row or several; the share of wallet says it is
    derived), so that each language can word the whole of it."""
    if contract == "share_of_wallet":
        key = "problems_cells.empty_share_one" if count == 1 else "problems_cells.empty_share_many"
    else:
        key = "problems_cells.empty_one" if count == 1 else "problems_cells.empty_many"
    return detail(key, count=count, rows=shown)


def custom_warning(plan: ColumnPlan) -> Problem:
    """A column the contract does not know is kept, and the user is told."""
    if plan.header:
        return file_problem("unknown_column",
                            detail("problems_cells.unknown_column", name=repr(plan.name)),
                            column=plan.header, blocking=False)
    return file_problem("unnamed_column",
                        detail("problems_cells.unnamed_column", name=repr(plan.name)),
                        column=plan.name, blocking=False)


def _not_a_number(contract: str, kind: Kind, decimal: str) -> Detail:
    """The sentence with an example written with the file's decimal mark (a ratio has two
    examples, so a sentence of its own)."""
    if kind is Kind.RATIO:
        return detail("problems_cells.not_a_ratio", column=repr(contract), decimal=decimal)
    example = "3" if kind is Kind.INTEGER else f"1 234{decimal}56"
    return detail("problems_cells.not_a_number", column=repr(contract), example=example)


def column_findings(plan: ColumnPlan, decisions: Decisions, decimal: str,
                    texts: Mapping[int, Sequence[str]]) -> list[Finding]:
    """Every rule of the contract for this column, in the order they are reported.
    `texts` holds the text of the first unreadable cells of each column."""
    kind = kind_of(plan)
    j = plan.index
    if kind is None:
        return []  # custom columns: any value is fine
    if kind in (Kind.TEXT, Kind.CATEGORY):
        return _missing(plan, f"v{j} IS NULL")
    spec = BY_NAME[plan.contract]
    unreadable = (detail("problems_cells.bad_date", column=repr(plan.contract))
                  if kind is Kind.DATE else _not_a_number(spec.name, kind, decimal))
    code = "bad_date" if kind is Kind.DATE else "not_a_number"
    findings = [Finding(f"{KEPT} AND f{j}", lambda found: rows_of(
        found, plan.header, code, unreadable, texts.get(j, ())))]
    findings += _missing(plan, f"v{j} IS NULL AND NOT f{j}")
    if kind not in NUMERIC_KINDS:
        return findings
    if kind is Kind.RATIO:
        findings.append(_ratio_range(plan, decisions.percent_scale.get(j, False), decimal))
    elif spec.non_negative:
        reason = detail("problems_cells.negative", column=repr(spec.name))
        findings.append(Finding(f"{KEPT} AND v{j} < 0", lambda found: rows_of(
            found, plan.header, "negative", reason, _numbers(found, decimal)), (f"v{j}",)))
    if kind is Kind.INTEGER:
        fractional = detail("problems_cells.not_an_integer", column=repr(spec.name))
        too_large = detail("problems_cells.count_too_large", column=repr(spec.name))
        findings.append(Finding(f"{KEPT} AND v{j} <> floor(v{j})", lambda found: rows_of(
            found, plan.header, "not_an_integer", fractional, _numbers(found, decimal)),
            (f"v{j}",)))
        findings.append(Finding(
            f"{KEPT} AND v{j} = floor(v{j}) AND abs(v{j}) > {MAX_COUNT:.0f}",
            lambda found: rows_of(found, plan.header, "out_of_range", too_large,
                                  _numbers(found, decimal)), (f"v{j}",)))
    return findings


def _numbers(found: Found, decimal: str) -> list[str]:
    return [number_text(v[0], decimal) for v in found.values]


def _ratio_range(plan: ColumnPlan, percent_scale: bool, decimal: str) -> Finding:
    """Ratios outside 0–1 once percentages are divided by 100.

    A cell with `%`, or a text cell under a header with `%`, is a percentage. The
    other cells are in percent when some of them is above 1 and none lies strictly
    between 0 and 1 (35, 0, 100 are percentages; 0.35 and 40 together are not):
    `percent_scale`, decided over the whole column.
    """
    j = plan.index
    scaled = scaled_ratio(plan, percent_scale)

    def say(found: Found) -> list[Problem]:
        shown = [number_text(v, decimal) + (" %" if p else "") for v, p, _ in found.values]
        # A plain value above 1 among ratios is most likely a percentage: say why it was
        # read as a ratio (a sentence of its own, so that each language words all of it).
        reasons = [
            detail("problems_cells.ratio_out_of_range" if p or percent_scale or v < 0
                   else "problems_cells.ratio_out_of_range_mixed",
                   column=repr(plan.contract), percent=number_text(s * 100, decimal),
                   decimal=decimal)
            for v, p, s in found.values]
        return rows_of(found, plan.header, "out_of_range", reasons, shown)

    return Finding(f"{KEPT} AND v{j} IS NOT NULL AND ({scaled} < 0 OR {scaled} > 1)", say,
                   (f"v{j}", is_percent(plan), scaled))


def decision_sql(plans: Sequence[ColumnPlan]) -> dict[str, str]:
    """Aggregates (name → SQL over the kept rows) that the whole-column rules need."""
    found = {}
    for plan in plans:
        j, kind = plan.index, kind_of(plan)
        if kind is Kind.RATIO:
            plain = f"v{j} IS NOT NULL AND NOT {is_percent(plan)}"
            found[f"above_one_{j}"] = f"count_if({plain} AND v{j} > 1)"
            found[f"fraction_{j}"] = f"count_if({plain} AND v{j} > 0 AND v{j} < 1)"
        elif kind is None:
            found[f"filled_{j}"] = f"count(v{j})"
            found[f"not_number_{j}"] = f"count_if(v{j} IS NOT NULL AND num{j} IS NULL)"
    return found


def decide(plans: Sequence[ColumnPlan], totals: Mapping[str, int]) -> Decisions:
    percent_scale, numeric, dropped = {}, {}, set()
    for plan in plans:
        j, kind = plan.index, kind_of(plan)
        if kind is Kind.RATIO:
            percent_scale[j] = totals[f"above_one_{j}"] > 0 and totals[f"fraction_{j}"] == 0
        elif kind is None:
            filled = totals[f"filled_{j}"]
            if not filled and not plan.header:
                dropped.add(j)  # an unnamed, empty column (a trailing separator): nothing there
            numeric[j] = filled > 0 and totals[f"not_number_{j}"] == 0
    return Decisions(percent_scale, numeric, frozenset(dropped))
