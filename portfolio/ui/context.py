"""What a page knows once the frame is drawn: language, store, dataset, grid, viewer, settings."""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.problems import ConfigIssue
from portfolio.queries.scope import ClientFilter
from portfolio.settings import Settings
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset
from portfolio.ui.pages import Page


@dataclass(frozen=True)
class PageContext:
    """Everything a page needs, returned by `frame()`.

    `grid` is the active grid (the last valid one when the file is broken, None when
    there never was a valid one); `grid_issues` are the grid file's current errors.
    `dataset` is None only when the database holds no dataset at all. Pass
    `visibility` to every client query: it is how "view as" restricts the rows.
    `period` is the dataset's period looked at, None for its latest: client queries
    take it through `scope()`. `file_grid` is the grid file's own grid: `grid` differs
    from it while changes are tried in the session (`is_trial`).
    """

    page: Page
    lang: str
    settings: Settings
    store: Store
    datasets: tuple[Dataset, ...]
    dataset: Dataset | None
    grid: Grid | None
    grid_issues: tuple[ConfigIssue, ...]
    viewer: str | None
    visibility: Visibility
    period: str | None = None
    file_grid: Grid | None = None

    @property
    def is_trial(self) -> bool:
        return self.grid is not None and self.grid is not self.file_grid

    def scope(self, **filters: tuple[str, ...]) -> ClientFilter:
        """Client filters at the period looked at."""
        return ClientFilter(period=self.period, **filters)

    def t(self, key: str, **params: object) -> str:
        """The catalogue text `key` in the page's language."""
        return t(key, self.lang, **params)
