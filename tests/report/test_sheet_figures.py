"""The per-rep figures of a report of every rep (the benchmark and the per-client tables
computed once for them all, then split by rep) are those the Rep and Visit plan pages compute
for one rep: QRC priorities and strengths, the structure's rows, the matrix's clients, the
priority clients and the priority visits; for a director who sees the team and for a rep
who sees only themselves, compared with the whole team."""

from __future__ import annotations

from pandas.testing import assert_frame_equal

from portfolio.access import Visibility
from portfolio.planning import PlanInputs, rep_plan, view_plan
from portfolio.queries.matrix import matrix_clients
from portfolio.queries.scope import ClientFilter
from portfolio.report.content import TOP_ROWS, VISIT_COLUMNS, rep_sheets, report_reps
from portfolio.structure import (development_priorities, norms_gaps, priority_clients, qrc_profile,
                                 strengths)
from tests.report.conftest import open_view, shipped_norms


def test_each_reps_qrc_figures_are_the_rep_pages(demo_db):
    store, view = open_view(demo_db)
    try:
        reps = report_reps(view)
        cases = [(view, reps, None)] + [  # each rep seeing only themselves, against the team
            (view.seen_by(Visibility.only((rep,))), [rep], Visibility.everyone()) for rep in reps[:2]]
        for seen, names, peers in cases:
            sheets = rep_sheets(seen, shipped_norms(), names, "en", peers)
            assert [sheet.rep for sheet in sheets] == names
            plan = view_plan(seen.at_period(None), PlanInputs.from_norms(shipped_norms()))
            segments = [segment.id for segment in seen.grid.segments]
            for sheet in sheets:
                rep = sheet.rep
                # What portfolio.ui.rep.view asks for the rep: qrc_profile(view, rep, ClientFilter(), peers)
                profile = qrc_profile(seen, rep, ClientFilter(), peers)
                assert_frame_equal(sheet.priorities, development_priorities(profile), check_exact=True)
                assert_frame_equal(sheet.strengths, strengths(profile), check_exact=True)
                own = ClientFilter(salespeople=(rep,))
                gaps = norms_gaps(seen, shipped_norms(), own)
                assert_frame_equal(sheet.gaps, gaps[gaps["salesperson"] == rep].reset_index(drop=True))
                assert_frame_equal(sheet.points, matrix_clients(seen, own).reset_index(drop=True))
                clients = priority_clients(seen, rep, own)
                assert sheet.client_count == len(clients)
                # The same rows and values (a text column read for one rep may come back as object).
                assert_frame_equal(sheet.clients, clients.head(TOP_ROWS).reset_index(drop=True),
                                   check_dtype=False)
                visits = rep_plan(plan, rep, segments).priorities  # the Visit plan page's list
                assert_frame_equal(sheet.visits, visits.head(TOP_ROWS)[list(VISIT_COLUMNS)])
            assert any(not (s.priorities.empty and s.strengths.empty) for s in sheets)
    finally:
        store.close()
