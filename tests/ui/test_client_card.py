"""The client card query: per criterion, the value, the stored points and the level that matched."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.grid.model import Axis, Band, Category, Criterion, Grid, LocalText, Segment
from portfolio.queries.card import client_card, matching_level
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView

SIZE = Criterion("size", LocalText.of("Size"), "potential", 2,
                 bands=(Band(100, 1, LocalText.of({"en": "small", "fr": "petit"})),
                        Band(1000, 3, LocalText.of("big"))))
POSITION = Criterion("position", LocalText.of("Position"), "market_position", 1,
                     categories=(Category("leader", 2), Category("niche", 1)))
FAMILIES = Criterion("families", LocalText.of("Families"), "product_families", 1,
                     categories=(Category("1", 1), Category("3", 4)))
CONTACT = Criterion("contact", LocalText.of("Contact"), "contact_level", 1,
                    categories=(Category("director", 1),))


def _grid(missing: str) -> Grid:
    cell = lambda a, q: {"attractiveness": a, "qrc": q}  # noqa: E731
    return Grid(
        name=LocalText.of("test"), version=1, missing=missing,  # type: ignore[arg-type]
        axes={"attractiveness": Axis("attractiveness", LocalText.of("A"), (SIZE, POSITION)),
              "qrc": Axis("qrc", LocalText.of("Q"), (FAMILIES, CONTACT))},
        cuts={"attractiveness": (50.0,), "qrc": (50.0,)},
        segments=tuple(Segment(f"s{a}{q}", cell(a, q), LocalText.of(f"s{a}{q}"))
                       for a in (0, 1) for q in (0, 1)))


CLIENTS = pd.DataFrame({
    "client_id": ["A", "B"], "client_name": ["Alpha", "Beta"], "salesperson": ["Ann", "Bob"],
    "revenue": [10.0, 20.0],
    "potential": [1500.0, 50.0],                # A: band from 1000 (3 pts); B: below 100, missing
    "market_position": [" LEADER ", None],      # A: leader after folding (2 pts); B: empty
    "product_families": [3, 2],                 # A: category "3" (4 pts); B: "2" unknown
    "contact_level": ["director", "director"],  # both 1 pt
})


@pytest.fixture
def dataset(memory_store):
    return memory_store, create_dataset(memory_store, CLIENTS, name="t", period="2026-Q1")


def test_every_criterion_of_a_complete_client_names_its_level(dataset):
    store, dataset_id = dataset
    card = client_card(PortfolioView.open(store, dataset_id, _grid("zero"), Visibility.everyone()), "A")
    assert (card.client_name, card.salesperson, card.period) == ("Alpha", "Ann", "2026-Q1")
    assert [r.criterion.id for r in card.criteria] == ["size", "position", "families", "contact"]
    assert [r.axis for r in card.criteria] == ["attractiveness"] * 2 + ["qrc"] * 2
    assert [r.points for r in card.criteria] == [3.0, 2.0, 4.0, 1.0]
    assert [r.level for r in card.criteria] == [SIZE.bands[1], POSITION.categories[0],
                                               FAMILIES.categories[1], CONTACT.categories[0]]
    assert [r.max_points for r in card.criteria] == [3, 2, 4, 1]
    # (2 × 3/3 + 1 × 2/2) / 3 = 100; (1 × 4/4 + 1 × 1/1) / 2 = 100
    assert (card.attractiveness, card.qrc, card.segment) == (100.0, 100.0, "s11")
    assert not card.incomplete and card.missing == ()


def test_missing_is_read_from_the_value_not_from_the_zero_points(dataset):
    store, dataset_id = dataset
    card = client_card(PortfolioView.open(store, dataset_id, _grid("zero"), Visibility.everyone()), "B")
    assert [r.criterion.id for r in card.missing] == ["size", "position", "families"]
    assert [r.points for r in card.criteria] == [0.0, 0.0, 0.0, 1.0]  # missing: zero
    assert [r.value for r in card.missing] == [50.0, None, 2]
    assert card.incomplete


def test_under_ignore_the_missing_criteria_have_no_points(dataset):
    store, dataset_id = dataset
    card = client_card(PortfolioView.open(store, dataset_id, _grid("ignore"), Visibility.everyone()), "B")
    assert [r.points for r in card.criteria] == [None, None, None, 1.0]
    assert card.attractiveness is None and card.segment is None


def test_a_client_outside_the_visibility_or_unknown_has_no_card(dataset):
    store, dataset_id = dataset
    assert client_card(PortfolioView.open(store, dataset_id, _grid("zero"), Visibility.only(["Bob"])), "A") is None
    assert client_card(PortfolioView.open(store, dataset_id, _grid("zero"), Visibility.everyone()), "Z") is None
    with pytest.raises(ValueError, match="no period '2025-Q4'"):
        PortfolioView.open(store, dataset_id, _grid("zero"), period="2025-Q4")


@pytest.mark.parametrize("criterion, value, expected", [
    (SIZE, 99.99, None), (SIZE, 100, SIZE.bands[0]), (SIZE, 999, SIZE.bands[0]),
    (SIZE, 1000.0, SIZE.bands[1]), (SIZE, float("nan"), None), (SIZE, "1000", None),
    (POSITION, "Niche", POSITION.categories[1]), (POSITION, "", None), (POSITION, "other", None),
    (FAMILIES, 3.0, FAMILIES.categories[1]), (FAMILIES, 1, FAMILIES.categories[0]),
    (FAMILIES, 1.5, None),
])
def test_matching_level_follows_the_grid_format(criterion, value, expected):
    assert matching_level(criterion, value) == expected
