"""The demo portfolio has every contract column, with the right types, values and a few gaps."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from portfolio.demo import generate_demo

TEXT = ["client_id", "client_name", "salesperson", "region", "industry", "market_position",
        "solvency", "contact_level", "period"]
FLOAT = ["revenue", "potential", "share_of_wallet", "margin", "commitments_kept"]
INTEGER = ["product_families", "visits_12m"]
CONTRACT_ORDER = ["client_id", "client_name", "salesperson", "revenue", "potential",
                  "share_of_wallet", "margin", "region", "industry", "product_families",
                  "market_position", "solvency", "contact_level", "commitments_kept",
                  "visits_12m", "last_visit", "period"]
REQUIRED = ["client_id", "client_name", "salesperson", "revenue", "potential"]


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    return generate_demo()


def test_same_seed_gives_the_same_portfolio_and_another_seed_another() -> None:
    first = generate_demo(600, 5, seed=3)
    pd.testing.assert_frame_equal(first, generate_demo(600, 5, seed=3))
    assert not first["revenue"].equals(generate_demo(600, 5, seed=4)["revenue"])


def test_every_contract_column_in_contract_order(demo: pd.DataFrame) -> None:
    assert list(demo.columns) == CONTRACT_ORDER
    assert len(demo) == 2000


def test_column_types(demo: pd.DataFrame) -> None:
    for column in TEXT:
        assert pd.api.types.is_string_dtype(demo[column]) and demo[column].dtype != object, column
    for column in FLOAT:
        assert demo[column].dtype == np.float64, column
    for column in INTEGER:
        assert demo[column].dtype == pd.Int64Dtype(), column
    assert pd.api.types.is_datetime64_dtype(demo["last_visit"])


def test_required_columns_are_never_empty(demo: pd.DataFrame) -> None:
    assert demo[REQUIRED].notna().all().all()
    assert (demo[["client_id", "client_name", "salesperson"]] != "").all().all()


def test_optional_columns_have_a_few_percent_of_gaps(demo: pd.DataFrame) -> None:
    gappy = ["share_of_wallet", "margin", "region", "industry", "product_families",
             "market_position", "solvency", "contact_level", "commitments_kept", "visits_12m"]
    for column in gappy:
        assert 0.005 <= demo[column].isna().mean() <= 0.04, column
    # last_visit is also empty for clients not visited in 12 months: count gaps among visited ones.
    visited = demo["visits_12m"].fillna(0) > 0
    assert 0.005 <= demo.loc[visited, "last_visit"].isna().mean() <= 0.04
    assert (demo["period"] == "2026-Q3").all()


def test_client_ids_are_unique_codes(demo: pd.DataFrame) -> None:
    assert demo["client_id"].is_unique
    assert all(re.fullmatch(r"C\d{5}", code) for code in demo["client_id"])


def test_client_names_are_french_companies_and_mostly_distinct(demo: pd.DataFrame) -> None:
    assert demo["client_name"].nunique() >= 0.97 * len(demo)
    names = demo["client_name"]
    assert names.str.contains(r" (?:SARL|SAS|SA|EURL)$").mean() > 0.3
    assert names.str.contains(r" (?:du|de la|des|de l'|d') ").any()
    assert names.str.startswith(("Boulangerie", "Transports", "Menuiserie", "Garage")).any()


def test_values_are_in_their_domains(demo: pd.DataFrame) -> None:
    assert set(demo["market_position"].dropna()) == {"leader", "challenger", "follower", "niche"}
    assert set(demo["solvency"].dropna()) == {"A", "B", "C", "D"}
    assert set(demo["contact_level"].dropna()) == {"operational", "manager", "director", "executive"}
    assert demo["share_of_wallet"].dropna().between(0, 1).all()
    assert demo["commitments_kept"].dropna().between(0, 1).all()
    assert demo["product_families"].dropna().between(0, 8).all()
    assert (demo["visits_12m"].dropna() >= 0).all()
    assert (demo["potential"] > 0).all() and (demo["revenue"] >= 0).all()
    assert (demo["revenue"] <= demo["potential"]).all()


def test_revenue_is_potential_times_share_of_wallet(demo: pd.DataFrame) -> None:
    known = demo.dropna(subset=["share_of_wallet"])
    assert np.allclose(known["revenue"], known["potential"] * known["share_of_wallet"],
                       rtol=0, atol=known["potential"] * 0.00005 + 0.01)


def test_margin_is_a_plausible_share_of_revenue(demo: pd.DataFrame) -> None:
    rate = (demo["margin"] / demo["revenue"]).dropna()
    assert rate.between(0.03, 0.61).all()
    assert 0.12 <= rate.median() <= 0.35


def test_last_visit_matches_visits(demo: pd.DataFrame) -> None:
    visits, last = demo["visits_12m"], demo["last_visit"]
    assert last[visits == 0].isna().all()
    dated = last.dropna()
    assert dated.min() >= pd.Timestamp("2025-11-01") and dated.max() <= pd.Timestamp("2026-10-31")
    assert (dated == dated.dt.normalize()).all()


def test_each_rep_works_mostly_one_region(demo: pd.DataFrame) -> None:
    main_share = demo.groupby("salesperson")["region"].agg(lambda r: r.value_counts(normalize=True).iloc[0])
    assert (main_share >= 0.8).all()
    assert demo["region"].nunique() >= 10


@pytest.mark.parametrize(("n_clients", "n_reps", "word"), [(2000, 3, "n_reps"), (30, 4, "n_clients")])
def test_too_small_a_portfolio_is_refused(n_clients: int, n_reps: int, word: str) -> None:
    with pytest.raises(ValueError, match=word):
        generate_demo(n_clients, n_reps)
