"""The page's objective section: printed with its moves when an objective is given, absent
(nothing printed, one page) when none is saved."""

from __future__ import annotations

from dataclasses import replace

from portfolio.report.build import report_pdf
from portfolio.report.content import SavedObjective, rep_sheets, report_reps
from portfolio.structure import revenue_objective_plan
from tests.report.conftest import open_view, pdf_pages, shipped_norms


def test_an_objective_is_printed_with_its_moves_and_none_prints_nothing(demo_db):
    store, view = open_view(demo_db)
    try:
        rep = report_reps(view)[0]
        [sheet] = rep_sheets(view, shipped_norms(), [rep], "en")
        plan = revenue_objective_plan(view, rep, 0.10)
        saved = SavedObjective(period=view.shown_period, growth=plan.growth,
                               objective=plan.objective, moves=plan.moves.head(3))
        without, with_objective = (pdf_pages(report_pdf([s], view.grid, "en"))
                                   for s in (sheet, replace(sheet, objective=saved)))
    finally:
        store.close()
    assert sheet.objective is None and len(without) == 1
    assert "Objective for" not in " ".join(without)
    text = " ".join(with_objective)
    assert f"Objective for {view.shown_period}" in text
    assert "+10% of revenue" in text
    for name in plan.moves.head(3)["client_name"]:
        assert name in text
