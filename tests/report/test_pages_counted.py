"""`report` says how many pages it wrote by reading the files back: a rep whose kept
objective and last outcome need a second page counts two pages, not one rep."""

from __future__ import annotations

from pathlib import Path

from portfolio.cli import main
from portfolio.grid.loader import load_grid
from portfolio.objectives import save_objective
from portfolio.store.database import Store
from portfolio.store.datasets import add_period, list_datasets
from portfolio.view import PortfolioView
from tests.objectives.kit import ANA, GROWTH, Q2, quarter_two
from tests.report.conftest import GRID, NORMS, pdf_pages
from tests.report.test_kept_objective_report import NORTH, kept_db  # noqa: F401 (fixture)


def _run(db: Path, out: Path, *args: str) -> int:
    return main(["report", "--db", str(db), "--dataset", "Team", "--grid", str(GRID), "--norms",
                 str(NORMS), "--lang", "en", "--out", str(out), *args])


def test_the_pages_said_written_are_the_pages_in_the_files(kept_db, tmp_path, capsys):  # noqa: F811
    store = Store(kept_db)
    try:
        dataset = list_datasets(store)[0]
        add_period(store, dataset.dataset_id, quarter_two(), period=Q2)
        view = PortfolioView.open(store, dataset.dataset_id, load_grid(GRID))
        save_objective(view, NORTH, ANA, GROWTH)  # Q2's objective beside Q1's outcome
    finally:
        store.close()
    one = tmp_path / "ana.pdf"
    assert _run(kept_db, one, "--rep", ANA) == 0
    pages = len(pdf_pages(one))
    assert f"Wrote {pages} page(s) " in capsys.readouterr().err
    folder = tmp_path / "all"
    assert _run(kept_db, folder, "--all-reps") == 0
    files = sorted(folder.iterdir())
    total = sum(len(pdf_pages(path)) for path in files)
    assert total > len(files)  # Ana's page runs over: pages are not reps
    assert f"Wrote {total} page(s) " in capsys.readouterr().err
