"""What a page knows once the frame is drawn: language, store, dataset, grid, viewer, settings."""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.access import Visibility
from portfolio.access.datasets import DatasetSight
from portfolio.access.model import Action, Person
from portfolio.access.rules import Refusal, refusal_of
from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.problems import ConfigIssue
from portfolio.settings import Settings
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset
from portfolio.text_safety import markdown_params
from portfolio.ui.shared.pages import Page
from portfolio.view import PortfolioView


@dataclass(frozen=True)
class PageContext:
    """Everything a page needs, returned by `frame()`.

    `grid` is the active grid (the last valid one when the file is broken, None when
    there never was a valid one); `grid_issues` are the grid file's current errors.
    `dataset` is None only when the database holds no dataset at all. `period` is the
    dataset's period looked at, None for its latest. `file_grid` is the grid file's own
    grid: `grid` differs from it while changes are tried in the session (`is_trial`).
    `view` is the portfolio being looked at, the one argument of every client query:
    pages that need scores always have it (the frame stops them before otherwise).
    `person` is who is looking; `scope` the clients of the dataset they may see (peers'
    aggregates are drawn from it), `visibility` what the page shows (their scope, or one
    rep's portfolio within it when previewed); `refusal` why they see no client of it.
    """

    page: Page
    lang: str
    settings: Settings
    store: Store
    dataset: Dataset | None
    grid: Grid | None
    grid_issues: tuple[ConfigIssue, ...]
    viewer: str | None  # the rep whose screen this is: previewed, or the signed-in rep
    visibility: Visibility
    period: str | None = None
    file_grid: Grid | None = None
    portfolio: PortfolioView | None = None
    person: Person = Person.local_user()
    scope: Visibility = Visibility.everyone()
    refusal: Refusal | None = None
    peers: Visibility = Visibility.everyone()  # where anonymous comparisons are drawn from
    sights: tuple[DatasetSight, ...] = ()  # the datasets listed, with the clients the person sees

    @property
    def is_trial(self) -> bool:
        return self.grid is not None and self.grid is not self.file_grid

    @property
    def view(self) -> PortfolioView:
        """The portfolio being looked at (pages that need scores only)."""
        if self.portfolio is None:
            raise RuntimeError(f"page {self.page.id!r} asked for the portfolio without a dataset "
                               "or grid; frame() stops such pages first")
        return self.portfolio

    @property
    def datasets(self) -> tuple[Dataset, ...]:
        """The datasets listed to the person, in the store's order."""
        return tuple(sight.dataset for sight in self.sights)

    @property
    def shows_one_portfolio(self) -> bool:
        """Whether the page shows some reps' own clients rather than a team: a rep's
        screen, or a rep's previewed. Its totals are then theirs, never "the team's"."""
        return self.visibility.salespeople is not None

    def team_name(self) -> str:
        """What the page's totals are called: the whole team, or the portfolio whose they are
        (a rep's figures are never shown under the team's name)."""
        if not self.shows_one_portfolio:
            return self.t("structure.whole_team")
        names = self.viewer or ", ".join(sorted(self.visibility.salespeople or ()))
        return self.t("structure.own_total", rep=names)

    def may(self, action: Action) -> bool:
        """Whether the person may take `action` on the active dataset (the core checks again)."""
        return refusal_of(self.person, action, self.dataset) is None

    def t(self, key: str, **params: object) -> str:
        """The catalogue text `key` in the page's language."""
        return t(key, self.lang, **params)

    def md(self, key: str, **params: object) -> str:
        """The catalogue text `key` for an element that renders Markdown (a notice, caption,
        heading or label): its text parameters escaped, as any may hold a name from a file."""
        return t(key, self.lang, **markdown_params(params))
