"""Names from a file or a grid in the figures: hover texts, ticks, legends and annotations hold
them escaped, so Plotly draws no tag (bold, styled span, link) made from them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from portfolio.figures.matrix import matrix_figure, single_client_figure
from portfolio.figures.plan import segment_visits_figure
from portfolio.figures.rep import qrc_profile_figure
from portfolio.figures.structure import (concentration_figure, gaps_heatmap, mix_figure,
                                         segment_revenue_figure, wallet_figure)
from portfolio.grid.loader import load_grid
from portfolio.grid.model import LocalText
from tests.safety.hostile import BIG, BOLD, LINK, TEMPLATE

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = load_grid(ROOT / "config" / "grids" / "default.yaml")
SEGMENTS = [s.id for s in DEFAULT.segments]
# Written by hand: what Plotly must receive for each name (< > & as entities).
ESCAPED = {BOLD: "&lt;b&gt;bold&lt;/b&gt;",
           BIG: '&lt;span style="font-size:200px"&gt;big&lt;/span&gt;',
           LINK: '&lt;a href="http://evil"&gt;link&lt;/a&gt;'}
SEGMENT_LABELS = [BOLD, BIG, LINK, TEMPLATE]


def hostile_grid():
    """The default grid with hostile segment, axis and QRC criterion labels."""
    segments = tuple(replace(s, label=LocalText.of(label), action=LocalText.of(BOLD))
                     for s, label in zip(DEFAULT.segments, SEGMENT_LABELS))
    axes = {key: replace(axis, label=LocalText.of(LINK if key == "qrc" else BIG),
                         criteria=tuple(replace(c, label=LocalText.of(BOLD)) for c in axis.criteria))
            for key, axis in DEFAULT.axes.items()}
    return replace(DEFAULT, segments=segments, axes=axes)


GRID = hostile_grid()


def strings(figure) -> list[str]:  # noqa: ANN001
    """Every text in the figure's JSON: trace names, hover templates, custom data, ticks, titles."""
    found: list[str] = []

    def walk(value) -> None:  # noqa: ANN001
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, np.ndarray)):
            for item in value:
                walk(item)
    walk(figure.to_plotly_json())
    return found


def assert_escaped(figure, names=(BOLD, BIG, LINK)) -> None:  # noqa: ANN001
    texts = strings(figure)
    for name in names:
        assert not any(name in text for text in texts), name
        assert any(ESCAPED[name] in text for text in texts), name


def test_the_matrix_hover_legend_labels_and_axes_hold_escaped_names():
    points = pd.DataFrame({"client_id": ["K1", "K2"], "client_name": [BOLD, LINK],
                           "salesperson": [BIG, "Ann"], "revenue": [1000.0, 2000.0],
                           "attractiveness": [80.0, 20.0], "qrc": [20.0, 80.0],
                           "segment": ["develop", "maintain"]})
    figure = matrix_figure(points, GRID, "en")
    assert_escaped(figure)
    clients = [trace for trace in figure.data if trace.customdata is not None and len(trace.customdata)]
    rows = [list(row) for trace in clients for row in trace.customdata]
    # The id as stored (a click reads it back), names escaped for the hover.
    assert sorted(r[0] for r in rows) == ["K1", "K2"]
    assert sorted(r[1] for r in rows) == sorted([ESCAPED[BOLD], ESCAPED[LINK]])
    assert ESCAPED[BIG] in [r[2] for r in rows]
    labels = [a.text for a in figure.layout.annotations]
    assert f"<b>{ESCAPED[BOLD]}</b><br><i>{ESCAPED[BOLD]}</i>" in labels  # our tags kept, theirs not
    assert figure.layout.xaxis.title.text == ESCAPED[LINK]


def test_a_client_scored_live_is_labelled_with_its_name_escaped():
    figure = single_client_figure(GRID, 60.0, 40.0, LINK, "en")
    assert_escaped(figure)
    assert figure.data[-1].text == (f"<b>{ESCAPED[LINK]}</b>",)


def test_a_segment_label_in_a_hover_template_pulls_in_no_value():
    mix = pd.DataFrame({"segment": SEGMENTS, "clients": [2, 1, 1, 0],
                        "revenue": [100.0, 300.0, 100.0, 0.0], "margin": [10.0, 30.0, 0.0, 10.0],
                        "potential": [1000.0, 500.0, 200.0, 300.0],
                        "headroom": [900.0, 200.0, 100.0, 300.0]})
    texts = strings(mix_figure(mix, GRID, "en"))
    assert not any("%{customdata[9]}" in text for text in texts)
    assert any("Team %\u2060{customdata[9]}" in text
               for trace in mix_figure(mix, GRID, "en").data for text in [trace.hovertemplate])


def test_structure_figures_escape_segment_labels_and_rep_names():
    mix = pd.DataFrame({"segment": SEGMENTS, "clients": [2, 1, 1, 0],
                        "revenue": [100.0, 300.0, 100.0, 0.0], "margin": [10.0, 30.0, 0.0, 10.0],
                        "potential": [1000.0, 500.0, 200.0, 300.0],
                        "headroom": [900.0, 200.0, 100.0, 300.0]})
    assert_escaped(mix_figure(mix, GRID, "en"))
    reps = pd.DataFrame({"salesperson": [BOLD, BIG, LINK], "revenue": [800.0, 200.0, 1.0],
                         "headroom": [200.0, 3800.0, 1.0], "potential": [1000.0, 4000.0, 2.0],
                         "share_of_wallet": [0.8, 0.05, 0.5]})
    wallet = wallet_figure(reps, "en")
    assert_escaped(wallet)
    assert list(wallet.data[0].y) == [ESCAPED[BOLD], ESCAPED[BIG], ESCAPED[LINK]]
    split = pd.DataFrame({s: [1.0, 2.0] for s in SEGMENTS}, index=pd.Index([BOLD, LINK]))
    assert_escaped(segment_revenue_figure(split, GRID, "en"))


def test_the_gaps_heatmap_and_concentration_escape_rep_names():
    rows = [{"salesperson": rep, "segment": s, "gap": 0.1, "within_tolerance": False,
             "revenue_gap": np.nan, "revenue_within_tolerance": pd.NA}
            for rep in (BOLD, LINK, BIG) for s in SEGMENTS]
    heat = gaps_heatmap(pd.DataFrame(rows), GRID, "en")
    assert_escaped(heat)
    assert list(heat.data[0].y) == [ESCAPED[BOLD], ESCAPED[LINK], ESCAPED[BIG]]
    reps = pd.DataFrame({"salesperson": [BOLD, LINK], "clients": [10, 5], "top_revenue_share": [0.7, 0.5],
                         "a_clients": [2, 1], "b_clients": [3, 1], "c_clients": [5, 3],
                         "a_revenue_share": [0.8, 0.5], "b_revenue_share": [0.15, 0.3],
                         "c_revenue_share": [0.05, 0.2]})
    team = reps.head(1).drop(columns="salesperson")
    assert_escaped(concentration_figure(reps, team, "en"), names=(BOLD, LINK))


def test_the_qrc_profile_keeps_its_own_tags_around_an_escaped_criterion():
    criteria = [c.id for c in GRID.axes["qrc"].criteria]
    profile = pd.DataFrame({"criterion": criteria, "rep_share": 0.5, "team_share": 0.5,
                            "priority": pd.array([1] + [pd.NA] * (len(criteria) - 1), dtype="Int64")})
    figure = qrc_profile_figure(profile, GRID, "en")
    assert_escaped(figure, names=(BOLD,))
    assert figure.data[0].y[0] == f"{ESCAPED[BOLD]}<br><b>priority 1</b>"


def test_the_visit_plan_bars_escape_segment_labels():
    table = pd.DataFrame({"segment": SEGMENTS, "visits_today": [1.0] * 4, "visits_norm": [2.0] * 4,
                          "visits_recommended": [3.0] * 4})
    figure = segment_visits_figure(table, GRID, "en")
    assert_escaped(figure, names=(BOLD,))
    # Long labels are wrapped at spaces (a <br> of ours): still no tag of theirs.
    texts = strings(figure)
    assert not any("<span" in text or "<a " in text for text in texts)
    assert any(text.startswith("&lt;span") for text in texts)
