"""The rep page's figures: a rep among anonymous peers, QRC profile against the team, objective split."""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from portfolio.numbers import money, money_hover, money_ticks, style
from portfolio.figures.common import (LABEL_FONT_SIZE, TEXT_COLOR, TITLE_FONT_SIZE, base_layout, segment_colors, segment_names, translucent)
from portfolio.text_safety import plotly_text
from portfolio.figures.structure import TOP_LEGEND, percent_texts
from portfolio.grid.model import Grid
from portfolio.i18n import t

YOU_COLOR = "#d55e00"
PEERS_COLOR = "#8c8c8c"
PEERS_FILL = "rgba(140, 140, 140, 0.18)"
TEAM_COLOR = "#8c8c8c"
LABEL_GROUND = "rgba(255, 255, 255, 0.85)"
AVAILABLE_ALPHA = 0.25
# Peers' dots spread sideways within their box so that equal shares do not hide each other.
STRIP_WIDTH = 0.5
GOLDEN_ANGLE = 2.399963


def peers_figure(peers: pd.DataFrame, targets: Mapping[str, float], grid: Grid,
                 lang: str, *, height: int = 520) -> go.Figure:
    """Per segment, the spread of the peers' share of clients (box: min, quartiles, max; dots:
    one per peer, unnamed), the rep's own share marked "you" and the target marked.

    `peers` is a `peer_distribution`; `targets` maps segment id → target share (0–1).
    """
    labels = segment_names(grid, lang)
    positions = np.arange(len(peers), dtype=float)
    suffix = style(lang).percent
    figure = go.Figure()
    figure.add_box(x=positions, q1=100 * peers["q1"], median=100 * peers["median"],
                   q3=100 * peers["q3"], lowerfence=100 * peers["min"],
                   upperfence=100 * peers["max"], name=t("rep.peers", lang),
                   fillcolor=PEERS_FILL, line={"color": PEERS_COLOR, "width": 2}, width=0.6,
                   whiskerwidth=0.25,
                   hoverinfo="skip")
    xs, ys = [], []
    for position, values in zip(positions, peers["values"]):  # a few segments, each a vector
        shares = 100 * np.asarray(values, dtype=float)
        # Steps of the golden angle: neighbours in rank land far apart, the same every time.
        xs.append(position + STRIP_WIDTH / 2 * np.sin(GOLDEN_ANGLE * np.arange(len(shares))))
        ys.append(shares)
    figure.add_scatter(x=np.concatenate(xs) if xs else [], y=np.concatenate(ys) if ys else [],
                       mode="markers", name=t("rep.peer_dots", lang), showlegend=True,
                       marker={"size": 7, "color": PEERS_COLOR, "opacity": 0.55},
                       hovertemplate=f"%{{y:.0f}}{suffix}<extra></extra>")
    target_values = [100 * targets.get(s, np.nan) for s in peers["segment"]]
    figure.add_scatter(x=positions, y=target_values, mode="markers", name=t("structure.target", lang),
                       marker={"symbol": "line-ew", "size": 70,
                               "line": {"width": 5, "color": TEXT_COLOR}},
                       hovertemplate=(f"{t('structure.target', lang)}: %{{y:.0f}}{suffix}"
                                      f"<extra></extra>"))
    mine = 100 * peers["rep_value"].to_numpy(dtype=float)
    figure.add_scatter(x=positions, y=mine, mode="markers", name=t("rep.you", lang),
                       marker={"symbol": "diamond", "size": 24, "color": YOU_COLOR,
                               "line": {"width": 2, "color": "white"}}, cliponaxis=False,
                       hovertemplate=f"{t('rep.you', lang)}: %{{y:.1f}}{suffix}<extra></extra>")
    # The label beside the diamond sits on the box, the dots and the target mark: on a
    # white ground it stays readable from the back of a meeting room.
    for position, share, text in zip(positions, mine, percent_texts(mine, lang)):
        if not np.isnan(share):
            figure.add_annotation(x=position, y=share, xshift=16, xanchor="left",
                                  text=t("rep.you_label", lang, share=text), showarrow=False,
                                  font={"size": TITLE_FONT_SIZE, "color": YOU_COLOR},
                                  bgcolor=LABEL_GROUND, borderpad=2, name="you")
    figure.update_layout(**base_layout(lang))
    figure.update_layout(
        height=height,
        xaxis={"tickvals": positions, "ticktext": [labels.get(s, s) for s in peers["segment"]],
               "tickfont": {"size": TITLE_FONT_SIZE}, "range": [-0.6, len(peers) - 0.1]},
        yaxis={"range": [-4, 106], "ticksuffix": suffix, "zeroline": False,
               "title": {"text": t("structure.axis_client_share", lang)}},
        legend=TOP_LEGEND, margin={"l": 90, "r": 30, "t": 70, "b": 70})
    return figure


def qrc_profile_figure(profile: pd.DataFrame, grid: Grid, lang: str) -> go.Figure:
    """Average points per QRC criterion, in % of the criterion's maximum: the rep against the
    team (rows of `qrc_profile`, grid order); a criterion's priority rank is in its label."""
    criteria = {c.id: plotly_text(c.label.get(lang)) for c in grid.axes["qrc"].criteria}
    names = []
    for row in profile.itertuples(index=False):  # one per QRC criterion
        name = criteria.get(row.criterion, plotly_text(row.criterion))
        if not pd.isna(row.priority):
            name = f"{name}<br><b>{t('rep.priority_rank', lang, rank=int(row.priority))}</b>"
        names.append(name)
    suffix = style(lang).percent
    figure = go.Figure()
    for column, key, color in (("rep_share", "rep.you", YOU_COLOR),
                               ("team_share", "rep.team", TEAM_COLOR)):
        values = 100 * profile[column].to_numpy(dtype=float)
        figure.add_bar(y=names, x=values, orientation="h", name=t(key, lang), marker_color=color,
                       text=percent_texts(values, lang), textposition="outside", cliponaxis=False,
                       textfont={"size": LABEL_FONT_SIZE},
                       hovertemplate=f"%{{y}}<br>{t(key, lang)}: %{{x:.1f}}{suffix}<extra></extra>")
    figure.update_layout(**base_layout(lang))
    figure.update_layout(barmode="group", height=max(360, 130 + 110 * len(names)), bargap=0.3,
                         xaxis={"range": [0, 112], "ticksuffix": suffix,
                                "title": {"text": t("rep.axis_points_share", lang)}},
                         yaxis={"autorange": "reversed", "tickfont": {"size": TITLE_FONT_SIZE}},
                         legend=TOP_LEGEND, margin={"l": 300, "r": 40, "t": 70, "b": 70})
    return figure


def objective_figure(by_segment: pd.DataFrame, grid: Grid, lang: str) -> go.Figure:
    """Per segment, the revenue the plan takes (solid) out of what its clients could bring
    (light): rows of an ObjectivePlan's `by_segment`."""
    labels, colors = segment_names(grid, lang), segment_colors(grid)
    y = [labels.get(s, s) for s in by_segment["segment"]]
    planned = by_segment["revenue_gain"].to_numpy(dtype=float)
    rest = np.clip(by_segment["available_gain"].to_numpy(dtype=float) - planned, 0, None)
    segment_color = [colors.get(s, TEXT_COLOR) for s in by_segment["segment"]]
    figure = go.Figure()
    figure.add_bar(y=y, x=planned, orientation="h", name=t("rep.gain_planned", lang),
                   marker_color=segment_color, texttemplate="%{text}",
                   text=[money(gain, lang, compact=True) for gain in planned],  # as the metrics write it
                   textposition="auto", textfont={"size": LABEL_FONT_SIZE},
                   hovertemplate=(f"%{{y}}<br>{t('rep.gain_planned', lang)}: "
                                  f"{money_hover('%{x:,.0f}', lang)}<extra></extra>"))
    figure.add_bar(y=y, x=rest, orientation="h", name=t("rep.gain_left", lang),
                   marker_color=[translucent(c, AVAILABLE_ALPHA) for c in segment_color],
                   hovertemplate=(f"%{{y}}<br>{t('rep.gain_left', lang)}: "
                                  f"{money_hover('%{x:,.0f}', lang)}<extra></extra>"))
    figure.update_layout(**base_layout(lang))
    figure.update_layout(barmode="stack", height=max(320, 150 + 60 * len(y)), bargap=0.3,
                         xaxis={"title": {"text": t("rep.axis_gain", lang)}, **money_ticks(lang)},
                         yaxis={"autorange": "reversed", "tickfont": {"size": TITLE_FONT_SIZE}},
                         legend=TOP_LEGEND, margin={"l": 260, "r": 40, "t": 70, "b": 70})
    return figure
