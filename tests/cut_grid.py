"""A small grid as a user writes it, shared by command-line tests: potential alone makes
attractiveness (high from 100,000) and share of wallet alone makes QRC (high from 0.5)."""

from __future__ import annotations

from collections.abc import Sequence

_CELLS = {"minimal": (0, 0), "maintain": (0, 1), "develop": (1, 0), "partners": (1, 1)}


def cut_grid_yaml(name: str, segment_order: Sequence[str]) -> str:
    """The grid's YAML text, its four segments listed in `segment_order` (the order
    every table of results follows)."""
    segments = "\n".join(
        f"    - {{id: {s}, cell: {{attractiveness: {_CELLS[s][0]}, qrc: {_CELLS[s][1]}}}, "
        f"label: {s.capitalize()}}}" for s in segment_order)
    return f"""\
name: {name}
version: 1
missing: zero
axes:
  attractiveness:
    label: Attractiveness
    criteria:
      - {{id: potential, label: Potential, column: potential, weight: 1,
         bands: [{{from: 0, points: 0}}, {{from: 100000, points: 1}}]}}
  qrc:
    label: QRC
    criteria:
      - {{id: share_of_wallet, label: Share of wallet, column: share_of_wallet, weight: 1,
         bands: [{{from: 0, points: 0}}, {{from: 0.5, points: 1}}]}}
matrix:
  cuts: {{attractiveness: [50], qrc: [50]}}
  segments:
{segments}
"""
