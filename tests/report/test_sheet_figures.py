"""The per-rep figures of a report of every rep (its benchmark computed once for them all)
are those the Rep page computes for one rep: its QRC profile, development priorities and
strengths, for a director who sees the team and for a rep compared with the whole team."""

from __future__ import annotations

from pandas.testing import assert_frame_equal

from portfolio.access import Visibility
from portfolio.queries.scope import ClientFilter
from portfolio.report.content import rep_sheets, report_reps
from portfolio.structure import development_priorities, qrc_profile, strengths
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
            for sheet in sheets:
                # What portfolio.ui.rep.view asks for the rep: qrc_profile(view, rep, ClientFilter(), peers)
                profile = qrc_profile(seen, sheet.rep, ClientFilter(), peers)
                assert_frame_equal(sheet.priorities, development_priorities(profile), check_exact=True)
                assert_frame_equal(sheet.strengths, strengths(profile), check_exact=True)
            assert any(not (s.priorities.empty and s.strengths.empty) for s in sheets)
    finally:
        store.close()
