"""The portfolio being looked at: one store, one dataset at one period, one grid, one viewer.

Every page, export and command computes through a `PortfolioView`, so a figure has one
route from the data whatever surface shows it: the scored clients are one relation
(`clients()`), visibility is applied there and nowhere else, and `key` is the one cache
key that stands for all of it.

A view may carry the filters chosen on a page (`filtered`): every figure computed through
it is then of the filtered clients, so that a report or an export built from the page's
view says what the page says without applying the filters again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.queries.scope import ClientFilter, scored_clients
from portfolio.sql import Fragment
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset, DatasetNotFound, get_dataset
from portfolio.store.scores import ensure_scores, grid_key


def grid_token(grid: Grid) -> str:
    """What identifies a grid in cache keys: its file's digest (labels included), else
    the digest of what it scores with (a grid changed for a trial has no file)."""
    return grid.fingerprint or grid_key(grid)


@dataclass(frozen=True)
class PortfolioView:
    """A dataset's clients at `period` (None: its latest), scored by `grid`, as `visibility`
    lets one person see them, narrowed by `filters` (none by default).

    Frozen and compared by `key`, so that two views of the same thing are the same
    view wherever they were built (a page, a cached function, a command).
    """

    store: Store = field(compare=False)
    dataset: Dataset = field(compare=False)
    grid: Grid = field(compare=False)
    visibility: Visibility = field(default=Visibility.everyone(), compare=False)
    period: str | None = field(default=None, compare=False)
    filters: ClientFilter = field(default=ClientFilter(), compare=False)
    key: tuple = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.period is not None and self.period not in self.dataset.periods:
            raise ValueError(f"dataset {self.dataset.name!r} has no period {self.period!r}; "
                             f"its periods are: {', '.join(self.dataset.periods)}")
        # Two in-memory stores share a path but not their content.
        store_id = self.store.path if self.store.path != ":memory:" else f":memory:{id(self.store)}"
        object.__setattr__(self, "key", (
            store_id, self.dataset.token, self.shown_period, grid_token(self.grid),
            self.visibility.key, self.filters))

    @classmethod
    def open(cls, store: Store, dataset_id: int, grid: Grid,
             visibility: Visibility = Visibility.everyone(),
             period: str | None = None) -> "PortfolioView":
        """The view of a stored dataset by its id (DatasetNotFound when it is gone)."""
        dataset = get_dataset(store, dataset_id)
        if dataset is None:
            raise DatasetNotFound(dataset_id)
        return cls(store, dataset, grid, visibility, period)

    @property
    def dataset_id(self) -> int:
        return self.dataset.dataset_id

    @property
    def shown_period(self) -> str | None:
        """The period the clients are taken from: the one chosen, else the latest."""
        return self.period or self.dataset.latest_period

    @property
    def digest(self) -> str:
        """A short text standing for `key`, for names derived from the view."""
        return hashlib.sha256(repr(self.key).encode("utf-8")).hexdigest()[:16]

    def scores_table(self) -> str:
        """The table of the dataset's scores under the grid, computed on first use."""
        return ensure_scores(self.store, self.dataset_id, self.grid, self.dataset.version)

    def clients(self, filters: ClientFilter = ClientFilter()) -> Fragment:
        """The scored clients this view shows (its own filters applied), narrowed further by
        `filters`: a parenthesised subquery with its bound values. Every client query
        selects from it."""
        return scored_clients(self.store, self.dataset_id, self.grid, self.visibility,
                              (self.filters, filters), self.shown_period, self.dataset.version)

    def at_period(self, period: str | None) -> "PortfolioView":
        return replace(self, period=period)

    def with_grid(self, grid: Grid) -> "PortfolioView":
        return replace(self, grid=grid)

    def seen_by(self, visibility: Visibility) -> "PortfolioView":
        return replace(self, visibility=visibility)

    def filtered(self, filters: ClientFilter) -> "PortfolioView":
        """This view narrowed to the clients `filters` keep (in place of its own filters)."""
        return replace(self, filters=filters)
