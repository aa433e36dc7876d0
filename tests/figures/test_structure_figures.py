"""The structure pages' figures as go.Figure: traces, targets and tolerance bands, axes, markers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from portfolio.figures.rep import objective_figure, peers_figure, qrc_profile_figure
from portfolio.figures.structure import (concentration_figure, gaps_heatmap, mix_figure,
                                         norms_figure, segment_revenue_figure, wallet_figure)
from portfolio.grid.loader import load_grid

ROOT = Path(__file__).resolve().parents[2]
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")  # develop, partners, maintain, minimal
LABELS = ["Competitors' strongholds", "Partners", "Small loyal clients", "Low-priority clients"]
COLORS = ["#d95f02", "#0072b2", "#009e73", "#999999"]
SEGMENTS = ["develop", "partners", "maintain", "minimal"]


def gap_rows(client_share, target, revenue_share=(0.0,) * 4, revenue_target=(None,) * 4,
             tolerance=0.05) -> pd.DataFrame:
    return pd.DataFrame({"segment": SEGMENTS, "client_share": client_share,
                         "target_share": target, "revenue_share": revenue_share,
                         "revenue_target_share": [np.nan if v is None else v for v in revenue_target],
                         "tolerance": tolerance})


def flat(shapes, *attributes: str) -> list[float]:
    """The shapes' attributes, shape after shape, in one list."""
    return [getattr(shape, attribute) for shape in shapes for attribute in attributes]


def test_the_mix_splits_each_measure_over_the_segments_in_percent():
    mix = pd.DataFrame({"segment": SEGMENTS, "clients": [2, 1, 1, 0],
                        "revenue": [100.0, 300.0, 100.0, 0.0], "margin": [10.0, 30.0, 0.0, 10.0],
                        "potential": [1000.0, 500.0, 200.0, 300.0],
                        "headroom": [900.0, 200.0, 100.0, 300.0]})
    figure = mix_figure(mix, GRID, "en")
    assert [trace.type for trace in figure.data] == ["bar"] * 4
    assert [trace.name for trace in figure.data] == LABELS
    assert [trace.marker.color for trace in figure.data] == COLORS
    assert list(figure.data[0].y) == ["Clients", "Revenue", "Margin", "Potential", "Headroom"]
    # develop: 2 of 4 clients, 100 of 500 €, 10 of 50 € margin, 1000 of 2000 potential, 900 of 1500.
    assert list(figure.data[0].x) == pytest.approx([50, 20, 20, 50, 60])
    assert list(figure.data[3].x) == pytest.approx([0, 0, 20, 15, 20])
    assert figure.layout.barmode == "stack"
    assert figure.layout.xaxis.title.text == "Share of the total"
    assert list(figure.layout.xaxis.range) == [0, 100]
    assert mix_figure(mix, GRID, "fr").data[0].name == "Bastions concurrents"


def test_the_norms_figure_marks_each_target_and_draws_its_tolerance_band():
    gaps = gap_rows([0.5, 0.25, 0.25, 0.0], [0.4, 0.3, 0.3, 0.02],
                    revenue_share=[0.2, 0.6, 0.2, 0.0], revenue_target=[0.3, 0.45, 0.2, 0.05])
    figure = norms_figure(gaps, GRID, "en")
    bars = [trace for trace in figure.data if trace.type == "bar"]
    targets = [trace for trace in figure.data if trace.type == "scatter" and trace.mode == "markers"
               and trace.x[0] is not None]
    values = [trace for trace in figure.data if trace.type == "scatter" and trace.mode == "text"]
    assert len(bars) == 2 and len(targets) == 2 and len(values) == 2
    assert list(bars[0].y) == LABELS and list(bars[0].x) == pytest.approx([50, 25, 25, 0])
    assert list(bars[0].marker.color) == COLORS
    assert list(bars[1].x) == pytest.approx([20, 60, 20, 0])
    assert list(targets[0].x) == pytest.approx([40, 30, 30, 2])
    assert list(targets[1].x) == pytest.approx([30, 45, 20, 5])
    assert {trace.name for trace in targets} == {"Target"}
    # Each value is written past its bar or its tolerance band, whichever ends later.
    assert list(values[0].text) == ["50%", "25%", "25%", "0%"]
    assert list(values[0].x) == pytest.approx([50, 35, 35, 7])
    assert list(values[1].x) == pytest.approx([35, 60, 25, 10])
    assert not any(bar.text for bar in bars)
    # One band per segment and panel, ±5 points around the target, not below 0.
    bands = [shape for shape in figure.layout.shapes if shape.name.startswith("tolerance:")]
    assert len(bands) == 8
    clients = sorted((s for s in bands if s.xref == "x"), key=lambda s: s.y0)
    assert flat(clients, "x0", "x1") == pytest.approx([35, 45, 25, 35, 25, 35, 0, 7])
    assert flat(clients, "y0", "y1") == pytest.approx([-0.43, 0.43, 0.57, 1.43, 1.57, 2.43, 2.57,
                                                       3.43])
    revenue = sorted((s for s in bands if s.xref == "x2"), key=lambda s: s.y0)
    assert flat(revenue, "x0", "x1") == pytest.approx([25, 35, 40, 50, 15, 25, 0, 10])
    titles = [annotation.text for annotation in figure.layout.annotations]
    assert titles == ["Share of clients", "Share of revenue"]
    assert any(trace.name == "Tolerance ±5 points" for trace in figure.data)


def test_without_revenue_targets_the_norms_figure_has_the_clients_panel_only():
    figure = norms_figure(gap_rows([0.5, 0.25, 0.25, 0.0], [0.4, 0.3, 0.3, 0.0]), GRID, "fr")
    assert [a.text for a in figure.layout.annotations] == ["Part des clients"]
    assert len([s for s in figure.layout.shapes if s.name.startswith("tolerance:")]) == 4
    assert figure.layout.xaxis.ticksuffix == "\u00a0%"


def test_the_wallet_figure_stacks_revenue_and_headroom_in_the_order_given():
    reps = pd.DataFrame({"salesperson": ["Zoé", "Alain"], "revenue": [800.0, 200.0],
                         "headroom": [200.0, 3800.0], "potential": [1000.0, 4000.0],
                         "share_of_wallet": [0.8, 0.05]})
    figure = wallet_figure(reps, "en")
    assert [trace.name for trace in figure.data] == ["Revenue", "Headroom"]
    assert list(figure.data[0].y) == ["Zoé", "Alain"]
    assert list(figure.data[0].x) == [800, 200] and list(figure.data[1].x) == [200, 3800]
    assert figure.layout.barmode == "stack" and figure.layout.yaxis.autorange == "reversed"
    # revenue = share of wallet × potential, written at the end of each bar.
    assert list(figure.data[1].text) == ["€800 = 80% of €1,000", "€200 = 5% of €4,000"]
    # Compact amounts as the tables and metrics write them, in French too ("27,7 M€").
    big = reps.assign(revenue=[27_700_000.0, 4_440_000.0], potential=[40_000_000.0, 9_000_000.0])
    assert list(wallet_figure(big, "fr").data[1].text) == [
        "27,7\u00a0M€ = 80\u00a0% de 40,0\u00a0M€", "4,4\u00a0M€ = 5\u00a0% de 9,0\u00a0M€"]
    assert figure.data[1].customdata[:, 1].tolist() == pytest.approx([80, 5])
    assert figure.layout.xaxis.title.text == "Revenue and headroom (€ a year)"


def test_revenue_by_segment_is_one_trace_per_segment_for_every_rep():
    split = pd.DataFrame({"develop": [0.0, 900.0], "partners": [100.0, 0.0],
                          "maintain": [900.0, 100.0], "minimal": [0.0, 0.0]},
                         index=pd.Index(["Claire", "Julien"], name="salesperson"))
    figure = segment_revenue_figure(split, GRID, "en")
    assert [trace.name for trace in figure.data] == LABELS
    assert list(figure.data[0].y) == ["Claire", "Julien"]
    assert list(figure.data[2].x) == [900, 100]
    assert figure.data[2].customdata.tolist() == pytest.approx([90, 10])  # % of each rep's revenue
    assert figure.layout.xaxis.title.text == "Revenue (€ a year)"


def test_concentration_puts_the_team_first_with_its_line_and_abc_shares():
    reps = pd.DataFrame({"salesperson": ["Ana"], "clients": [10], "top_revenue_share": [0.7],
                         "a_clients": [2], "b_clients": [3], "c_clients": [5],
                         "a_revenue_share": [0.8], "b_revenue_share": [0.15],
                         "c_revenue_share": [0.05]})
    team = reps.drop(columns="salesperson").assign(clients=40, top_revenue_share=0.5,
                                                   a_clients=20, b_clients=10, c_clients=10)
    figure = concentration_figure(reps, team, "en")
    top = figure.data[0]
    assert list(top.y) == ["Whole team", "Ana"] and list(top.x) == pytest.approx([50, 70])
    line = [shape for shape in figure.layout.shapes if shape.type == "line"]
    assert len(line) == 1 and line[0].x0 == pytest.approx(50) and line[0].x1 == pytest.approx(50)
    abc = figure.data[1:]
    assert [trace.name for trace in abc] == ["A: first 80% of revenue", "B: next 15%",
                                            "C: last 5%"]
    assert [list(trace.x) for trace in abc] == [pytest.approx([50, 20]), pytest.approx([25, 30]),
                                               pytest.approx([25, 50])]
    assert [a.text for a in figure.layout.annotations] == ["Revenue of the top 20% of clients",
                                                          "Clients in each ABC class"]
    assert figure.layout.xaxis.title.text == "Share of revenue"
    assert figure.layout.xaxis2.title.text == "Share of clients"


def _rep_gaps() -> pd.DataFrame:
    rows = []
    for rep, shares, within in (("Ana", [0.5, 0.25, 0.25, 0.0], [False, True, True, True]),
                                ("Ben", [0.2, 0.2, 0.2, 0.4], [False, True, True, False])):
        for segment, share, ok, target in zip(SEGMENTS, shares, within, [0.3, 0.3, 0.3, 0.1]):
            rows.append({"salesperson": rep, "segment": segment, "gap": share - target,
                         "within_tolerance": ok, "revenue_gap": np.nan,
                         "revenue_within_tolerance": pd.NA})
    return pd.DataFrame(rows)


def test_the_gaps_heatmap_diverges_from_zero_and_frames_the_cells_outside_tolerance():
    gaps = _rep_gaps()
    team = pd.DataFrame({"segment": SEGMENTS, "gap": [0.05, -0.075, -0.075, 0.1],
                         "within_tolerance": [True, True, True, False],
                         "revenue_gap": np.nan, "revenue_within_tolerance": pd.NA})
    figure = gaps_heatmap(gaps, GRID, "en", "clients", team=team)
    heat, frames = figure.data
    assert heat.type == "heatmap" and heat.zmid == 0
    assert list(heat.y) == ["Whole team", "Ana", "Ben"] and list(heat.x) == LABELS
    assert np.asarray(heat.z).tolist() == [pytest.approx([5, -7.5, -7.5, 10]),
                                           pytest.approx([20, -5, -5, -10]),
                                           pytest.approx([-10, -10, -10, 30])]
    assert heat.zmin == pytest.approx(-30) and heat.zmax == pytest.approx(30)
    assert np.asarray(heat.text).tolist()[2] == ["\u221210", "\u221210", "\u221210", "+30"]
    # Framed: the team's minimal, Ana's develop, Ben's develop and minimal.
    assert frames.marker.symbol == "square-open"
    assert sorted(zip(frames.y, frames.x)) == sorted([
        ("Whole team", "Low-priority clients"), ("Ana", "Competitors' strongholds"),
        ("Ben", "Competitors' strongholds"), ("Ben", "Low-priority clients")])
    assert figure.layout.yaxis.autorange == "reversed"
    assert heat.colorbar.title.text == "Gap (points)"


def test_a_heatmap_fitted_to_a_screen_keeps_its_height_and_frames_its_figures():
    # Sixteen rows (a page of fifteen reps and the team) as on a projected screen.
    gaps = pd.concat([_rep_gaps().query("salesperson == 'Ana'").assign(salesperson=f"Rep {i}")
                      for i in range(16)], ignore_index=True)
    assert gaps["salesperson"].nunique() == 16
    natural = gaps_heatmap(gaps, GRID, "en")
    fitted = gaps_heatmap(gaps, GRID, "en", height=500)
    assert natural.layout.height > 500 and fitted.layout.height == 500
    row_px = (500 - 160) // 16
    heat, frames = fitted.data
    assert frames.marker.size >= row_px  # as high as the row: it encloses the smaller figure
    assert heat.textfont.size < natural.data[0].textfont.size


def test_the_gaps_heatmap_reads_revenue_gaps_when_asked():
    gaps = _rep_gaps().assign(revenue_gap=0.02, revenue_within_tolerance=True)
    figure = gaps_heatmap(gaps, GRID, "fr", "revenue")
    heat, frames = figure.data
    assert np.asarray(heat.z).tolist() == [pytest.approx([2] * 4)] * 2
    assert len(frames.x) == 0
    assert heat.name == "CA"


def test_peers_show_a_box_per_segment_every_peer_the_rep_and_the_targets():
    peers = pd.DataFrame({"segment": SEGMENTS, "reps": 3,
                          "min": [0.0, 0.1, 0.2, 0.0], "q1": [0.1, 0.15, 0.25, 0.05],
                          "median": [0.2, 0.2, 0.3, 0.1], "q3": [0.5, 0.25, 0.5, 0.15],
                          "max": [0.8, 0.3, 0.7, 0.2],
                          "values": [[0.0, 0.2, 0.8], [0.1, 0.2, 0.3], [0.2, 0.3, 0.7],
                                     [0.0, 0.1, 0.2]],
                          "rep_value": [0.8, 0.1, 0.3, 0.2], "rep_at_or_above": 1.0})
    figure = peers_figure(peers, {"develop": 0.3, "partners": 0.2, "maintain": 0.3,
                                  "minimal": 0.2}, GRID, "en")
    box, dots, targets, you = figure.data
    assert box.type == "box"
    assert list(box.q1) == pytest.approx([10, 15, 25, 5])
    assert list(box.median) == pytest.approx([20, 20, 30, 10])
    assert list(box.lowerfence) == pytest.approx([0, 10, 20, 0])
    assert list(box.upperfence) == pytest.approx([80, 30, 70, 20])
    assert len(dots.y) == 12 and sorted(dots.y) == pytest.approx(sorted(
        [0, 20, 80, 10, 20, 30, 20, 30, 70, 0, 10, 20]))
    assert targets.name == "Target" and list(targets.y) == pytest.approx([30, 20, 30, 20])
    assert you.name == "You" and list(you.y) == pytest.approx([80, 10, 30, 20])
    labels = [a for a in figure.layout.annotations if a.name == "you"]
    assert [a.text for a in labels] == ["you 80%", "you 10%", "you 30%", "you 20%"]
    assert [a.y for a in labels] == pytest.approx([80, 10, 30, 20])
    assert all(a.bgcolor for a in labels)
    assert list(figure.layout.xaxis.ticktext) == LABELS
    assert figure.layout.yaxis.title.text == "Share of clients"


def test_the_qrc_profile_compares_the_rep_with_the_team_and_names_priorities():
    profile = pd.DataFrame({"criterion": ["share_of_wallet", "product_families", "contact_level",
                                          "commitments_kept"],
                            "rep_share": [0.1, 0.7, 0.4, 0.9], "team_share": [0.5, 0.6, 0.5, 0.8],
                            "priority": pd.array([1, pd.NA, 2, pd.NA], dtype="Int64")})
    figure = qrc_profile_figure(profile, GRID, "en")
    you, team = figure.data
    assert (you.name, team.name) == ("You", "Team")
    assert list(you.x) == pytest.approx([10, 70, 40, 90])
    assert list(team.x) == pytest.approx([50, 60, 50, 80])
    assert list(you.y) == ["Our share of its purchases<br><b>priority 1</b>",
                           "Product families bought",
                           "Level of our contacts<br><b>priority 2</b>", "Commitments kept"]
    assert figure.layout.xaxis.title.text == "Average points, % of the maximum"


def test_the_objective_figure_splits_each_segment_into_planned_and_still_available():
    by_segment = pd.DataFrame({"segment": SEGMENTS, "clients": [2, 1, 0, 0],
                               "revenue_gain": [900.0, 100.0, 0.0, 0.0],
                               "share_of_objective": [0.9, 0.1, 0.0, 0.0],
                               "available_gain": [5000.0, 100.0, 50.0, 0.0]})
    planned, left = objective_figure(by_segment, GRID, "en").data
    assert (planned.name, left.name) == ("Gain planned", "Still available")
    assert list(planned.x) == [900, 100, 0, 0] and list(left.x) == [4100, 0, 50, 0]
    assert list(planned.y) == LABELS
