"""The matrix figure as a go.Figure: drawing by size, axes, segment layout from the grid, bubbles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from portfolio.figures.matrix import chart_kind, matrix_figure, single_client_figure
from portfolio.grid.model import Axis, Band, Criterion, Grid, LocalText, Segment

CRITERION = Criterion("c", LocalText.of("c"), "potential", 1, bands=(Band(0, 1),))


def _grid(cuts_a: tuple[float, ...], cuts_q: tuple[float, ...],
          segments: list[tuple[str, int, int, str | None]]) -> Grid:
    return Grid(
        name=LocalText.of("g"), version=1, missing="zero",
        axes={"attractiveness": Axis("attractiveness", LocalText.of({"en": "Attractiveness",
                                                                     "fr": "Attractivité"}),
                                     (CRITERION,)),
              "qrc": Axis("qrc", LocalText.of({"en": "Relationship", "fr": "Relation"}),
                          (CRITERION,))},
        cuts={"attractiveness": cuts_a, "qrc": cuts_q},
        segments=tuple(Segment(sid, {"attractiveness": a, "qrc": q},
                               LocalText.of({"en": f"{sid} label", "fr": f"libellé {sid}"}),
                               LocalText.of({"en": f"{sid} action", "fr": f"action {sid}"}),
                               color)
                       for sid, a, q, color in segments))


GRID_2X2 = _grid((50,), (50,), [("develop", 1, 0, "#d95f02"), ("partners", 1, 1, "#0072b2"),
                               ("maintain", 0, 1, "#009e73"), ("minimal", 0, 0, "#999999")])
GRID_3X3 = _grid((40, 70), (30, 60), [(f"s{a}{q}", a, q, None) for a in range(3)
                                      for q in range(3)])


def _points(n: int, seed: int = 1) -> pd.DataFrame:
    """n clients spread over the plane; segment by the 2 × 2 cuts at 50 (hand rule)."""
    rng = np.random.default_rng(seed)
    attractiveness, qrc = rng.uniform(0, 100, n), rng.uniform(0, 100, n)
    segment = np.select([(attractiveness >= 50) & (qrc < 50), (attractiveness >= 50) & (qrc >= 50),
                         (attractiveness < 50) & (qrc >= 50)], ["develop", "partners", "maintain"],
                        "minimal")
    return pd.DataFrame({
        "client_id": [f"C{i:06d}" for i in range(n)], "client_name": [f"Client {i}" for i in range(n)],
        "salesperson": ["Ann"] * n, "revenue": rng.uniform(0, 1e5, n),
        "attractiveness": attractiveness, "qrc": qrc, "segment": segment})


@pytest.mark.parametrize("n, kind", [(0, "scatter"), (2_999, "scatter"), (3_000, "scattergl"),
                                     (49_999, "scattergl"), (50_000, "density")])
def test_the_drawing_depends_on_the_number_of_clients(n, kind):
    assert chart_kind(n) == kind


@pytest.mark.parametrize("n, trace_class", [(200, go.Scatter), (4_000, go.Scattergl)])
def test_clients_are_one_bubble_trace_per_segment_in_the_grid_colours(n, trace_class):
    points = _points(n)
    figure = matrix_figure(points, GRID_2X2, "en")
    assert [type(trace) for trace in figure.data] == [trace_class] * 4
    assert [trace.name for trace in figure.data] == ["develop label", "partners label",
                                                     "maintain label", "minimal label"]
    assert [trace.marker.color for trace in figure.data] == ["#d95f02", "#0072b2", "#009e73",
                                                             "#999999"]
    assert sum(len(trace.x) for trace in figure.data) == n
    develop = figure.data[0]
    expected = points[points["segment"] == "develop"]
    assert list(develop.customdata[:, 0]) == list(expected["client_id"])
    assert np.allclose(develop.x, expected["qrc"]) and np.allclose(develop.y, expected["attractiveness"])
    # Bubble areas are proportional to revenue on one scale for every segment.
    assert np.allclose(develop.marker.size, expected["revenue"])
    assert {trace.marker.sizeref for trace in figure.data} == {develop.marker.sizeref}
    assert all(trace.marker.sizemode == "area" for trace in figure.data)


def test_clients_without_a_score_are_not_placed():
    points = _points(10)
    points.loc[[2, 5], "qrc"] = np.nan
    points.loc[7, "attractiveness"] = np.nan
    figure = matrix_figure(points, GRID_2X2, "en")
    drawn = {cid for trace in figure.data for cid in trace.customdata[:, 0]}
    assert drawn == {f"C{i:06d}" for i in (0, 1, 3, 4, 6, 8, 9)}


def test_past_the_density_limit_the_figure_counts_clients_per_square():
    points = _points(60_000)
    figure = matrix_figure(points, GRID_2X2, "en")
    [trace] = figure.data
    assert isinstance(trace, go.Heatmap)
    z = np.asarray(trace.z, dtype=float)
    assert z.shape == (20, 20)
    assert np.nansum(z) == 60_000
    # Squares of 5 × 5 points, rows by attractiveness: [0, 5) × [0, 5) in the corner,
    # attractiveness [95, 100] × QRC [0, 5) at the top left.
    corner = ((points["attractiveness"] < 5) & (points["qrc"] < 5)).sum()
    top_left = ((points["attractiveness"] >= 95) & (points["qrc"] < 5)).sum()
    assert np.nan_to_num(z[0, 0]) == corner and np.nan_to_num(z[19, 0]) == top_left


def test_axes_are_titled_from_the_grid_in_the_language():
    english = matrix_figure(_points(5), GRID_2X2, "en").layout
    french = matrix_figure(_points(5), GRID_2X2, "fr").layout
    assert (english.xaxis.title.text, english.yaxis.title.text) == ("Relationship", "Attractiveness")
    assert (french.xaxis.title.text, french.yaxis.title.text) == ("Relation", "Attractivité")
    assert english.separators == ".," and french.separators == ",\u202f"
    assert english.font.size >= 16 and english.xaxis.title.font.size >= 18  # projector


@pytest.mark.parametrize("grid, qrc_cuts, attractiveness_cuts", [
    (GRID_2X2, [50], [50]), (GRID_3X3, [30, 60], [40, 70])])
def test_cut_lines_are_drawn_at_the_grid_cuts(grid, qrc_cuts, attractiveness_cuts):
    shapes = matrix_figure(_points(5), grid, "en").layout.shapes
    lines = [shape for shape in shapes if shape.type == "line"]
    vertical = sorted(s.x0 for s in lines if s.x0 == s.x1)
    horizontal = sorted(s.y0 for s in lines if s.y0 == s.y1)
    assert (vertical, horizontal) == (qrc_cuts, attractiveness_cuts)


def test_each_segment_cell_is_shaded_in_its_colour_and_labelled():
    layout = matrix_figure(_points(5), GRID_2X2, "fr").layout
    cells = {shape.name: shape for shape in layout.shapes if shape.type == "rect"}
    assert sorted(cells) == ["cell:develop", "cell:maintain", "cell:minimal", "cell:partners"]
    develop = cells["cell:develop"]  # attractiveness band 1 (≥ 50), QRC band 0 (< 50)
    assert develop.x1 == 50 and develop.y0 == 50 and develop.x0 < 0 and develop.y1 > 100
    assert develop.fillcolor.startswith("rgba(217,95,2,")  # #d95f02
    labels = {a.name: a.text for a in layout.annotations}
    assert labels["label:develop"] == "<b>libellé develop</b><br><i>action develop</i>"
    assert len(labels) == 4


def test_segments_without_a_colour_get_distinct_fallback_colours():
    figure = matrix_figure(_points(5), GRID_3X3, "en")
    colours = [trace.marker.color for trace in figure.data]
    assert len(colours) == 9 and len(set(colours)) == 9


def test_an_empty_portfolio_still_shows_the_segment_layout():
    figure = matrix_figure(_points(0), GRID_2X2, "en")
    assert sum(len(trace.x) for trace in figure.data) == 0
    assert len([s for s in figure.layout.shapes if s.type == "rect"]) == 4


@pytest.mark.parametrize(("qrc", "side"), [(5.0, "right"), (95.0, "left")])
def test_a_client_scored_live_is_one_star_labelled_towards_the_middle(qrc, side):
    fig = single_client_figure(GRID_2X2, 70.0, qrc, "this client", "en")
    [star] = fig.data
    assert (list(star.x), list(star.y)) == ([qrc], [70.0])
    assert star.marker.symbol == "star"
    assert star.textposition == f"top {side}"
    assert fig.layout.xaxis.title.text == "Relationship"
    # The cells and the two cut lines of the matrix page.
    assert len(fig.layout.shapes) == len(GRID_2X2.segments) + 2


def test_a_client_with_an_axis_unscored_is_not_placed():
    fig = single_client_figure(GRID_2X2, None, 40.0, "this client", "en")
    assert fig.data == ()
    assert len(fig.layout.annotations) == len(GRID_2X2.segments)
