"""The table of the app's pages: one line per page drives the menu, page titles and page tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page of the app.

    `path` is relative to the project root (where app.py is); `label` and `summary`
    are catalogue keys (the menu label and the one-line description on the home
    page); `needs_scores` pages stop with a clear message when the grid cannot be
    applied to the active dataset, so their own code can assume scores exist. A page not
    `in_menu` is opened by its link only (a workshop's participants join with a code).
    """

    id: str
    path: str
    label: str
    summary: str
    icon: str
    needs_scores: bool = True
    in_menu: bool = True


PAGES: tuple[Page, ...] = (
    Page("home", "app.py", "home.nav", "home.summary", ":material/home:", needs_scores=False),
    Page("matrix", "pages/1_Matrix.py", "matrix.nav", "matrix.summary", ":material/bubble_chart:"),
    Page("grid", "pages/2_Grid.py", "grid.nav", "grid.summary", ":material/rule:",
         needs_scores=False),
    Page("import", "pages/3_Import.py", "import.nav", "import.summary", ":material/upload_file:",
         needs_scores=False),
    Page("datasets", "pages/4_Datasets.py", "datasets.nav", "datasets.summary",
         ":material/database:", needs_scores=False),
    Page("structure", "pages/5_Structure.py", "structure.nav", "structure.summary",
         ":material/stacked_bar_chart:"),
    Page("rep", "pages/6_Rep.py", "rep.nav", "rep.summary", ":material/person:"),
    Page("plan", "pages/7_Visit_plan.py", "plan.nav", "plan.summary", ":material/route:"),
    Page("workshop", "pages/8_Workshop.py", "workshop.nav", "workshop.summary", ":material/school:"),
    Page("join", "pages/9_Join.py", "join.nav", "join.summary", ":material/groups:",
         needs_scores=False, in_menu=False),
)


MENU: tuple[Page, ...] = tuple(entry for entry in PAGES if entry.in_menu)


def page(page_id: str) -> Page:
    """The page with this id; an unknown id is a programming error, said plainly."""
    for entry in PAGES:
        if entry.id == page_id:
            return entry
    raise KeyError(f"no page {page_id!r} in portfolio.ui.shared.pages.PAGES; known: "
                   f"{', '.join(p.id for p in PAGES)}")
