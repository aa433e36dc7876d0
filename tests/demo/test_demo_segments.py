"""Scored with the shipped default grid, the demo portfolio lands in the segments its story needs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.scoring.engine import score_frame

DEFAULT_GRID = Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml"
QRC_POINTS = ["pts_share_of_wallet", "pts_product_families", "pts_contact_level",
              "pts_commitments_kept"]


@pytest.fixture(scope="module")
def scored() -> pd.DataFrame:
    demo = generate_demo()
    return demo.merge(score_frame(demo, load_grid(DEFAULT_GRID)), on="client_id")


def segment_share(scored: pd.DataFrame, rep: str, segment: str) -> float:
    return float((scored.loc[scored["salesperson"] == rep, "segment"] == segment).mean())


def test_claire_holds_mostly_small_loyal_clients(scored: pd.DataFrame) -> None:
    assert segment_share(scored, "Claire Martin", "maintain") >= 0.75


def test_julien_holds_mostly_competitors_strongholds(scored: pd.DataFrame) -> None:
    assert segment_share(scored, "Julien Moreau", "develop") >= 0.9


def test_sophies_weakest_relationship_criterion_is_contact_level(scored: pd.DataFrame) -> None:
    sophie = scored["salesperson"] == "Sophie Bernard"
    gap = scored.loc[sophie, QRC_POINTS].mean() - scored.loc[~sophie, QRC_POINTS].mean()
    assert gap.idxmin() == "pts_contact_level"
    assert gap["pts_contact_level"] < -0.5
