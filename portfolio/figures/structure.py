"""The structure pages' team figures: mix per segment, mix against the norms, reps compared, gaps.

Shares are drawn in percent (0–100) so that bar texts and ticks read "30 %" in French
and "30%" in English without Plotly's own percent format, which knows no French spacing.
"""

from __future__ import annotations

from typing import Literal, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from portfolio.numbers import money, money_hover, money_ticks, percent, style
from portfolio.figures.common import (LABEL_FONT_SIZE, TEXT_COLOR, TITLE_FONT_SIZE, base_layout, plot_names, segment_colors, segment_names)
from portfolio.text_safety import plotly_text
from portfolio.grid.model import Grid
from portfolio.i18n import t

Measure = Literal["clients", "revenue"]

# Each measure of the mix with its catalogue label, in the order the bars are drawn.
MIX_MEASURES = {"clients": "structure.measure_clients", "revenue": "structure.measure_revenue",
                "margin": "structure.measure_margin", "potential": "structure.measure_potential",
                "headroom": "structure.measure_headroom"}
ABC_LABELS = {"a": "structure.abc_a", "b": "structure.abc_b", "c": "structure.abc_c"}
GAP_LABELS = {"clients": "structure.gap_clients", "revenue": "structure.gap_revenue"}
REVENUE_COLOR = "#0072b2"
HEADROOM_COLOR = "#c6dbef"
TEAM_COLOR = "#4d4d4d"
TOP_COLOR = "#4f7cac"
ABC_COLORS = {"a": "#0b2a55", "b": "#4f7cac", "c": "#c6d4e6"}
TOLERANCE_COLOR = "rgba(38, 39, 48, 0.13)"
TARGET_COLOR = TEXT_COLOR
# Under the norm (negative gap) orange-red, over it blue, on target white: a diverging
# scale that colour-blind viewers still read (no red-green opposition).
GAP_COLORSCALE = [[0.0, "#b35806"], [0.25, "#f1a340"], [0.5, "#f7f7f7"], [0.75, "#67a9cf"],
                  [1.0, "#2166ac"]]
BAR_ROW_PX = 44  # one horizontal bar per rep: readable labels from the back of the room
HEAT_ROW_PX = 46
HEAT_FRAME_PX = 160  # a heatmap's axis labels, legend and margins, around its rows
MIN_FITTED_ROW_PX = 22  # a row thin enough to fit a page of reps on a projector, still legible
MIN_HEIGHT = 320
# Legends sit above the plot, in the order the traces were added (Plotly reverses the
# legend of stacked bars by default, which reads backwards against the bars).
TOP_LEGEND = {"orientation": "h", "yref": "container", "y": 0.995, "yanchor": "top", "x": 0,
              "traceorder": "normal"}
SEGMENT_ROW_PX = 84  # one bar per segment: thick enough to read its colour from afar
# The tolerance band is drawn behind the bar and taller than it (bars fill 55 % of their
# slot, the band 86 %), so that it shows above and below the bar wherever the bar ends.
BAND_HALF_HEIGHT = 0.43
SEGMENT_BARGAP = 0.45


def percent_texts(values: Sequence[float], lang: str) -> list[str]:
    suffix = style(lang).percent
    return [f"{v:.0f}{suffix}" for v in np.nan_to_num(np.asarray(values, dtype=float))]


def _signed_points(values: np.ndarray) -> list[str]:
    """Gaps in share points, signed with a true minus: `+12`, `−30`, `0`."""
    rounded = np.rint(np.nan_to_num(values)).astype(int)
    return [f"+{v}" if v > 0 else (f"\u2212{-v}" if v < 0 else "0") for v in rounded]


def _bar_height(rows: int, extra: int = 150) -> int:
    return max(MIN_HEIGHT, extra + BAR_ROW_PX * rows)


def _labels(grid: Grid, lang: str) -> dict[str, str]:
    return segment_names(grid, lang)


def mix_figure(mix: pd.DataFrame, grid: Grid, lang: str) -> go.Figure:
    """How clients, revenue, margin, potential and headroom split over the segments: one 100 %
    bar per measure, segments stacked in grid order (rows of `team_mix` or one rep's `rep_mix`)."""
    labels, colors = _labels(grid, lang), segment_colors(grid)
    measures = [t(key, lang) for key in MIX_MEASURES.values()]
    totals = mix[list(MIX_MEASURES)].clip(lower=0).sum()
    figure = go.Figure()
    for row in mix.itertuples(index=False):  # one trace per segment of the grid
        shares = [100 * max(getattr(row, m), 0) / totals[m] if totals[m] > 0 else 0.0
                  for m in MIX_MEASURES]
        figure.add_bar(y=measures, x=shares, orientation="h", name=labels.get(row.segment),
                       marker_color=colors.get(row.segment), legendgroup=row.segment,
                       text=[text if share >= 4 else "" for text, share
                             in zip(percent_texts(shares, lang), shares)],
                       textposition="inside", insidetextanchor="middle",
                       textfont={"size": LABEL_FONT_SIZE},
                       hovertemplate=f"{labels.get(row.segment)}<br>%{{y}}: %{{x:.1f}}"
                                     f"{style(lang).percent}<extra></extra>")
    figure.update_layout(**base_layout(lang))
    figure.update_layout(barmode="stack", height=_bar_height(len(measures), 170),
                         xaxis={"range": [0, 100], "ticksuffix": style(lang).percent,
                                "title": {"text": t("structure.axis_share_of_total", lang)}},
                         yaxis={"autorange": "reversed"},
                         legend=TOP_LEGEND, margin={"l": 150, "r": 30, "t": 70, "b": 70})
    return figure


def norms_figure(gaps: pd.DataFrame, grid: Grid, lang: str) -> go.Figure:
    """Each segment's share of clients (and of revenue, when the norms give revenue targets)
    as a bar, its target as a mark and the tolerance as a band around it.

    `gaps` has one row per segment with client_share, target_share, revenue_share,
    revenue_target_share and tolerance (team_norms_gaps, or one rep's rows of norms_gaps).
    """
    labels, colors = _labels(grid, lang), segment_colors(grid)
    panels = [("client_share", "target_share", "structure.axis_client_share")]
    if gaps["revenue_target_share"].notna().any():
        panels.append(("revenue_share", "revenue_target_share", "structure.axis_revenue_share"))
    figure = make_subplots(rows=1, cols=len(panels), shared_yaxes=True, horizontal_spacing=0.08,
                           subplot_titles=[t(title, lang) for _, _, title in panels])
    y = [labels.get(s, s) for s in gaps["segment"]]
    tolerance = 100 * gaps["tolerance"].to_numpy(dtype=float)
    suffix = style(lang).percent
    top = 100 * float(np.nanmax(gaps[[p[0] for p in panels] + [p[1] for p in panels]]
                                .to_numpy(dtype=float))) + float(np.nanmax(tolerance))
    for column, (actual, target, title) in enumerate(panels, start=1):
        shares = 100 * gaps[actual].to_numpy(dtype=float)
        targets = 100 * gaps[target].to_numpy(dtype=float)
        figure.add_bar(y=y, x=shares, orientation="h", showlegend=False, name=t(title, lang),
                       marker_color=[colors.get(s) for s in gaps["segment"]],
                       hovertemplate=f"%{{y}}: %{{x:.1f}}{suffix}<extra></extra>",
                       row=1, col=column)
        # The value goes after the bar or after the tolerance band, whichever ends later:
        # written at the bar's end it sat under the target mark, unreadable on a projector.
        figure.add_scatter(y=y, x=np.fmax(shares, targets + tolerance), mode="text",
                           text=percent_texts(shares, lang), textposition="middle right",
                           textfont={"size": LABEL_FONT_SIZE}, cliponaxis=False,
                           showlegend=False, hoverinfo="skip", name=f"value:{actual}",
                           row=1, col=column)
        figure.add_scatter(y=y, x=targets, mode="markers", name=t("structure.target", lang),
                           legendgroup="target", showlegend=column == 1,
                           marker={"symbol": "line-ns", "size": 40,
                                   "line": {"width": 5, "color": TARGET_COLOR}},
                           hovertemplate=f"%{{y}}<br>{t('structure.target', lang)}: "
                                         f"%{{x:.0f}}{suffix}<extra></extra>",
                           row=1, col=column)
        axis = "x" if column == 1 else f"x{column}"
        for index, (mark, allowed) in enumerate(zip(targets, tolerance)):
            if np.isnan(mark):
                continue
            figure.add_shape(type="rect", xref=axis, yref="y", x0=max(mark - allowed, 0),
                             x1=mark + allowed, y0=index - BAND_HALF_HEIGHT,
                             y1=index + BAND_HALF_HEIGHT, fillcolor=TOLERANCE_COLOR,
                             line_width=0, layer="below", name=f"tolerance:{actual}:{index}")
    # A legend entry for the band, drawn once as a square of its colour.
    figure.add_scatter(x=[None], y=[None], mode="markers",
                       name=t("structure.tolerance_band", lang,
                              points=f"{float(np.nanmax(tolerance)):g}"),
                       marker={"symbol": "square", "size": 20, "color": TOLERANCE_COLOR})
    figure.update_layout(**base_layout(lang))
    figure.update_layout(height=max(MIN_HEIGHT, 200 + SEGMENT_ROW_PX * len(y)),
                         bargap=SEGMENT_BARGAP,
                         legend=TOP_LEGEND, margin={"l": 230, "r": 60, "t": 100, "b": 70})
    figure.update_yaxes(autorange="reversed", tickfont={"size": TITLE_FONT_SIZE})
    figure.update_xaxes(range=[0, max(top * 1.15, 10)], ticksuffix=suffix)
    figure.update_annotations(font={"size": TITLE_FONT_SIZE})
    return figure


def wallet_figure(reps: pd.DataFrame, lang: str) -> go.Figure:
    """Revenue + headroom = potential, one bar per rep (in the order given, first on top), and
    at the end of each bar revenue = share of wallet × potential in figures."""
    names = plot_names(reps["salesperson"])
    details = np.column_stack([reps["potential"], 100 * reps["share_of_wallet"], reps["revenue"]])
    figure = go.Figure()
    figure.add_bar(y=names, x=reps["revenue"], orientation="h", name=t("structure.revenue", lang),
                   marker_color=REVENUE_COLOR, customdata=details,
                   hovertemplate=(f"%{{y}}<br>{t('structure.revenue', lang)}: "
                                  f"{money_hover('%{x:,.0f}', lang)}<br>"
                                  f"{t('structure.share_of_wallet', lang)}: %{{customdata[1]:.1f}}"
                                  f"{style(lang).percent}<extra></extra>"))
    figure.add_bar(y=names, x=reps["headroom"], orientation="h", name=t("structure.headroom", lang),
                   marker_color=HEADROOM_COLOR, customdata=details,
                   # The amounts written as every table and metric writes them ("27,7 M€"):
                   # Plotly's SI format would give "27,7M €".
                   text=[t("structure.wallet_end", lang, revenue=money(revenue, lang, compact=True),
                           share=percent(share, lang), potential=money(potential, lang, compact=True))
                         for revenue, share, potential in zip(reps["revenue"], reps["share_of_wallet"],
                                                              reps["potential"])],
                   texttemplate="%{text}",
                   textposition="outside", textfont={"size": LABEL_FONT_SIZE}, cliponaxis=False,
                   hovertemplate=(f"%{{y}}<br>{t('structure.headroom', lang)}: "
                                  f"{money_hover('%{x:,.0f}', lang)}<br>"
                                  f"{t('structure.potential', lang)}: "
                                  f"{money_hover('%{customdata[0]:,.0f}', lang)}<extra></extra>"))
    return _rep_bars_layout(figure, len(names), t("structure.axis_wallet", lang), lang,
                            right_margin=330)


def _rep_bars_layout(figure: go.Figure, reps: int, axis_title: str, lang: str,
                     right_margin: int = 40) -> go.Figure:
    """Stacked horizontal bars in euros, one per rep, the first rep on top, the legend above."""
    figure.update_layout(**base_layout(lang))
    figure.update_layout(barmode="stack", height=_bar_height(reps), bargap=0.3,
                         xaxis={"title": {"text": axis_title}, **money_ticks(lang)},
                         yaxis={"autorange": "reversed"}, legend=TOP_LEGEND,
                         margin={"l": 200, "r": right_margin, "t": 70, "b": 70})
    return figure


def segment_revenue_figure(revenue_by_segment: pd.DataFrame, grid: Grid, lang: str) -> go.Figure:
    """Each rep's revenue split by segment (reps as the frame's index, in that order; segments
    as columns), so that equal totals with different colours show at a glance."""
    labels, colors = _labels(grid, lang), segment_colors(grid)
    names = plot_names(revenue_by_segment.index)
    totals = revenue_by_segment.sum(axis=1).replace(0, np.nan)
    figure = go.Figure()
    for segment in revenue_by_segment.columns:  # one trace per segment
        values = revenue_by_segment[segment].to_numpy(dtype=float)
        shares = 100 * values / totals.to_numpy(dtype=float)
        figure.add_bar(y=names, x=values, orientation="h", name=labels.get(segment, segment),
                       marker_color=colors.get(segment), customdata=np.nan_to_num(shares),
                       texttemplate=[f"{text}" if share >= 8 else "" for text, share
                                     in zip(percent_texts(shares, lang), np.nan_to_num(shares))],
                       textposition="inside", insidetextanchor="middle",
                       textfont={"size": LABEL_FONT_SIZE},
                       hovertemplate=(f"%{{y}}<br>{labels.get(segment, segment)}: "
                                      f"{money_hover('%{x:,.0f}', lang)} "
                                      f"(%{{customdata:.0f}}{style(lang).percent})<extra></extra>"))
    return _rep_bars_layout(figure, len(names), t("structure.axis_revenue", lang), lang)


def concentration_figure(reps: pd.DataFrame, team: pd.DataFrame, lang: str,
                         team_name: str | None = None) -> go.Figure:
    """Left, the share of revenue made by the top 20 % of clients (team first, its value as a
    line); right, the share of clients in ABC classes. Rows of `compare_reps`. `team_name`
    names the first row: the whole team by default, a rep's own name when the rows are theirs."""
    team_name = team_name or t("structure.whole_team", lang)
    rows = pd.concat([team.assign(salesperson=team_name), reps], ignore_index=True)
    names = plot_names(rows["salesperson"])
    suffix = style(lang).percent
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.05,
                           column_widths=[0.42, 0.58],
                           subplot_titles=[t("structure.top_share_title", lang),
                                           t("structure.abc_title", lang)])
    top = 100 * rows["top_revenue_share"].to_numpy(dtype=float)
    figure.add_bar(y=names, x=top, orientation="h", showlegend=False,
                   name=t("structure.top_share_title", lang),
                   marker_color=[TEAM_COLOR] + [TOP_COLOR] * len(reps),
                   text=percent_texts(top, lang), textposition="inside", insidetextanchor="end",
                   textfont={"size": LABEL_FONT_SIZE, "color": "white"},
                   hovertemplate=f"%{{y}}: %{{x:.1f}}{suffix}<extra></extra>", row=1, col=1)
    figure.add_vline(x=top[0], line={"color": TEAM_COLOR, "width": 3, "dash": "dash"},
                     layer="below", row=1, col=1)
    clients = rows["clients"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        for level in ("a", "b", "c"):
            count = rows[f"{level}_clients"].to_numpy(dtype=float)
            share = np.where(clients > 0, 100 * count / np.where(clients > 0, clients, 1), 0.0)
            revenue = 100 * rows[f"{level}_revenue_share"].to_numpy(dtype=float)
            name = t(ABC_LABELS[level], lang)
            figure.add_bar(y=names, x=share, orientation="h", name=name, legendgroup=level,
                           marker_color=ABC_COLORS[level],
                           text=[f"{int(c)}" if s >= 7 else "" for c, s in zip(count, share)],
                           textposition="inside", insidetextanchor="middle",
                           textfont={"size": LABEL_FONT_SIZE},
                           customdata=np.column_stack([count, revenue]),
                           hovertemplate=(f"%{{y}} · {name}<br>"
                                          f"{t('structure.measure_clients', lang)}: "
                                          f"%{{customdata[0]:.0f}}<br>"
                                          f"{t('structure.measure_revenue', lang)}: "
                                          f"%{{customdata[1]:.0f}}{suffix}<extra></extra>"),
                           row=1, col=2)
    figure.update_layout(**base_layout(lang))
    figure.update_layout(barmode="stack", height=_bar_height(len(names), 170), bargap=0.3,
                         legend={**TOP_LEGEND, "x": 0.45},
                         margin={"l": 200, "r": 40, "t": 110, "b": 70})
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(ticksuffix=suffix)
    figure.update_xaxes(range=[0, 100], title_text=t("structure.axis_top_share", lang), row=1, col=1)
    figure.update_xaxes(range=[0, 100], title_text=t("structure.axis_abc", lang), row=1, col=2)
    figure.update_annotations(font={"size": TITLE_FONT_SIZE})
    return figure


def gaps_heatmap(gaps: pd.DataFrame, grid: Grid, lang: str, measure: Measure = "clients",
                 team: pd.DataFrame | None = None, team_name: str | None = None,
                 height: int | None = None) -> go.Figure:
    """Rep × segment gaps to the norm in share points, on a scale diverging from 0; cells
    outside tolerance framed. Reps in the order of `gaps` (rows of norms_gaps), the team's
    own gaps (team_norms_gaps) as a first row when given, named `team_name` (the whole team
    by default). `height` fits the whole map in that many pixels (a projected screen), its
    rows thinner; by default each row has its readable height."""
    gap, within = ("gap", "within_tolerance") if measure == "clients" else \
        ("revenue_gap", "revenue_within_tolerance")
    labels = _labels(grid, lang)
    segments = [s.id for s in grid.segments]
    frame = gaps[["salesperson", "segment", gap, within]]
    if team is not None:
        frame = pd.concat([team[["segment", gap, within]].assign(
            salesperson=team_name or t("structure.whole_team", lang)), frame], ignore_index=True)
    names = list(dict.fromkeys(frame["salesperson"]))
    z = 100 * frame.pivot(index="salesperson", columns="segment", values=gap).reindex(
        index=names, columns=segments).to_numpy(dtype=float)
    outside = frame.assign(out=frame[within].eq(False).fillna(False).astype(bool)).pivot(
        index="salesperson", columns="segment", values="out").reindex(
        index=names, columns=segments).fillna(False).to_numpy(dtype=bool)
    x = [labels[s] for s in segments]
    reach = float(np.nanmax(np.abs(z))) if np.isfinite(z).any() else 1.0
    row_px = HEAT_ROW_PX if height is None else \
        max(MIN_FITTED_ROW_PX, min(HEAT_ROW_PX, (height - HEAT_FRAME_PX) // max(len(names), 1)))
    # On thinner rows the figures get smaller, so that the frame of a cell outside tolerance
    # (a square as high as the row) still encloses its figure.
    cell_font = LABEL_FONT_SIZE if row_px == HEAT_ROW_PX else min(LABEL_FONT_SIZE, row_px - 9)
    frame_px = row_px - 6 if row_px == HEAT_ROW_PX else row_px + 4
    figure = go.Figure(go.Heatmap(
        x=x, y=plot_names(names), z=z, zmid=0, zmin=-max(reach, 1.0), zmax=max(reach, 1.0),
        colorscale=GAP_COLORSCALE, xgap=3, ygap=3,
        text=np.array([_signed_points(row) for row in z], dtype=object).reshape(z.shape)
        if z.size else z, texttemplate="%{text}", textfont={"size": cell_font},
        colorbar={"title": {"text": t("structure.axis_gap_points", lang), "side": "right"},
                  "ticksuffix": ""},
        name=t(GAP_LABELS[measure], lang),
        hovertemplate=(f"%{{y}} · %{{x}}<br>{t(GAP_LABELS[measure], lang)}: "
                       f"%{{z:+.1f}} {t('structure.points', lang)}<extra></extra>")))
    rows, columns = np.nonzero(outside)
    figure.add_scatter(x=[x[c] for c in columns], y=[plotly_text(names[r]) for r in rows], mode="markers",
                       name=t("structure.outside_tolerance", lang), hoverinfo="skip",
                       marker={"symbol": "square-open", "size": frame_px,
                               "line": {"width": 3, "color": TEXT_COLOR},
                               "color": TEXT_COLOR})
    figure.update_layout(**base_layout(lang))
    figure.update_layout(height=height or max(MIN_HEIGHT, 190 + HEAT_ROW_PX * len(names)),
                         xaxis={"side": "top", "tickfont": {"size": TITLE_FONT_SIZE}},
                         yaxis={"autorange": "reversed", "type": "category"},
                         legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
                         margin={"l": 200, "r": 30, "t": 70, "b": 70})
    return figure
