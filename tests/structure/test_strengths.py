"""A rep with no development priority is told whether they lead the team or match it."""

from __future__ import annotations

import pandas as pd

from portfolio.structure import development_priorities, strengths


def profile(rep: list[float], team: list[float]) -> pd.DataFrame:
    """A qrc_profile's columns for four criteria weighted 40/20/20/20, as the default grid."""
    frame = pd.DataFrame({"criterion": ["sow", "families", "contacts", "commitments"],
                          "weight": [40.0, 20.0, 20.0, 20.0], "rep_share": rep, "team_share": team})
    frame["gap"] = frame["rep_share"] - frame["team_share"]
    frame["priority"] = pd.array([pd.NA] * 4, dtype="Int64")
    return frame


def test_a_rep_far_above_the_team_on_every_criterion_is_told_so_largest_lead_first():
    # The Rep page's case: 95/96/64/75 % of the maximum against the team's 48/70/51/55 %.
    leading = profile([0.95, 0.96, 0.64, 0.75], [0.48, 0.70, 0.51, 0.55])
    assert development_priorities(leading).empty
    ahead = strengths(leading)
    assert list(ahead["criterion"]) == ["sow", "families", "commitments", "contacts"]
    assert ahead["lead_points"].iloc[0] == 100 * 0.4 * (0.95 - 0.48)


def test_a_rep_at_the_teams_level_has_no_strength_either():
    level = profile([0.50, 0.70, 0.51, 0.55], [0.49, 0.70, 0.51, 0.56])
    assert strengths(level).empty
