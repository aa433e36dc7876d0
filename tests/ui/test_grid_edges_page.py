"""Band edges from the data's quantiles on the Grid page: drawn, then tried only when applied."""

from __future__ import annotations

from tests.ui.conftest import N_CLIENTS, open_page, table_rows

GRID_PAGE = "pages/2_Grid.py"
TRIAL_BANNER = "You are trying changes to the grid"


def _quartiles(values):
    ordered = sorted(values)
    n = len(ordered)

    def at(p):  # linear interpolation between closest ranks, as written by hand
        position = p * (n - 1)
        low = int(position)
        high = min(low + 1, n - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
    return [at(p) for p in (0.25, 0.5, 0.75)]


def test_suggested_edges_are_drawn_and_applied_only_when_accepted(seeded_db, demo_clients):
    at = open_page(GRID_PAGE)
    at.selectbox(key="w.grid_edges_criterion").set_value("share_of_wallet").run()
    assert not at.exception
    assert not any(TRIAL_BANNER in i.value for i in at.info)  # shown, not applied
    [table] = [t for t in at.table if "Suggested starts" in t.value.columns]
    values = demo_clients["share_of_wallet"].dropna()
    assert len(demo_clients) == N_CLIENTS

    def written(q):  # two significant figures, then as the page writes a share
        pct = 100 * float(f"{q:.2g}")
        return f"{pct:.0f}%" if round(pct, 1).is_integer() else f"{pct:.1f}%"
    expected = ["0%"] + [written(q) for q in _quartiles(list(values))]
    assert [row[2] for row in table_rows(table)] == expected
    assert [row[1] for row in table_rows(table)] == ["0%", "10%", "30%", "60%"]
    at.button(key="w.grid_edges_apply").click().run()
    assert not at.exception
    assert any(TRIAL_BANNER in i.value for i in at.info)
    assert "The edges in use are the ones the data suggests." in [s.value for s in at.success]
    # Trying other weights afterwards keeps the edges applied.
    [apply] = [b for b in at.button if b.label == "Try these changes"]
    at.text_input(key="w.trial.weight.potential").input("60")
    apply.click().run()
    assert "The edges in use are the ones the data suggests." in [s.value for s in at.success]
