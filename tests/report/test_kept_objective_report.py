"""A kept objective in the printed report: saved through the core on a DuckDB file, the store
closed, the next quarter imported and the report built by `python -m portfolio` in processes
of their own; the PDF read back holds the objective and its outcome with the figures the Rep
page's core functions give (and the hand-worked ones of `tests.objectives.kit`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portfolio.access import Person, Role, Scope
from portfolio.cli import main
from portfolio.grid.loader import load_grid
from portfolio.numbers import money, number, percent, share_points
from portfolio.objectives import objective_outcome, save_objective, saved_objective
from portfolio.report.build import report_pdf
from portfolio.report.content import rep_sheets
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.objectives.kit import ANA, BEN, GROWTH, Q1, Q2, quarter_one, quarter_two
from tests.report.conftest import GRID, NORMS, ROOT, pdf_pages, plain, shipped_norms

NORTH = Person("nord@example.com", Role.DIRECTOR, scope=Scope("region", ("Nord",)))


def _cli(*args: str) -> None:
    """`python -m portfolio ARGS` in a process of its own (a restart between each step)."""
    done = subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _report(db: Path, out: Path, *args: str) -> list[str]:
    _cli("report", "--db", str(db), "--dataset", "Team", "--grid", str(GRID), "--norms",
         str(NORMS), "--rep", ANA, "--lang", "en", "--out", str(out), *args)
    return pdf_pages(out)


@pytest.fixture
def kept_db(tmp_path) -> Path:
    """Quarter one on disk with Ana's +20 % objective saved by her director, the store closed."""
    path = tmp_path / "kept.duckdb"
    store = Store(path)
    try:
        dataset_id = create_dataset(store, quarter_one(), name="Team", source="q1.csv", period=Q1)
        save_objective(PortfolioView.open(store, dataset_id, load_grid(GRID)), NORTH, ANA, GROWTH)
    finally:
        store.close()
    return path


def test_a_saved_objective_survives_a_restart_and_appears_in_the_next_periods_report(kept_db, tmp_path):
    q2 = tmp_path / "q2.csv"
    quarter_two().to_csv(q2, index=False)
    _cli("import", str(q2), "--db", str(kept_db), "--dataset", "Team", "--period", Q2)
    after = " ".join(_report(kept_db, tmp_path / "q2.pdf"))  # the latest period: Q2
    asked = " ".join(_report(kept_db, tmp_path / "q1.pdf", "--period", Q1))

    store = Store(kept_db)
    try:
        view = PortfolioView.open(store, 1, load_grid(GRID))
        saved = saved_objective(view, ANA, Q1)
        outcome = objective_outcome(view, ANA, Q1, Q2)
    finally:
        store.close()
    # The figures worked out by hand, so that what the PDF is checked against is right.
    assert (saved.revenue_before, saved.objective) == pytest.approx((101_000, 20_200))
    assert (outcome.revenue_before, outcome.revenue_after) == pytest.approx((101_000, 125_000))
    assert (outcome.named.clients, outcome.named.reached, outcome.named.changed_segment) == (4, 2, 1)

    lang, labels = "en", load_grid(GRID).segment_labels("en")
    # The objective in the report of its own period: what was asked, moves per segment.
    assert f"Objective saved for {Q1}" in asked
    assert plain(f"+{percent(GROWTH, lang)} of revenue ({money(saved.objective, lang, compact=True)} "
                 f"to gain on {money(saved.revenue_before, lang, compact=True)})") in asked
    assert "nord@example.com" in asked
    for ask in saved.segments:
        assert plain(f"{labels[ask.segment]} {number(ask.clients, lang)} "
                     f"{share_points(ask.sow_points / 100, lang)} "
                     f"{money(ask.revenue_expected, lang, compact=True)}") in asked
    assert "what happened" not in asked  # nothing was saved before Q1

    # A period later: what was asked against what happened.
    assert f"The objective set for {Q1}: what happened by {Q2}" in after
    assert f"Objective saved for {Q2}" not in after
    assert plain(f"Revenue asked: {money(outcome.asked.objective, lang, compact=True)}") in after
    assert plain(f"Revenue gained: {money(outcome.revenue_gain, lang, compact=True)} "
                 f"({percent(outcome.achieved, lang)} of the objective)") in after
    assert plain(f"Clients at their target: {outcome.named.reached} of {outcome.named.clients}") in after
    assert plain(f"revenue went from {money(outcome.revenue_before, lang, compact=True)} to "
                 f"{money(outcome.revenue_after, lang, compact=True)} "
                 f"(+{money(outcome.revenue_gain, lang, compact=True)})") in after
    for row, name in [*zip(outcome.segments, [labels[s.segment] for s in outcome.segments]),
                      (outcome.named, "All clients named")]:
        assert plain(" ".join([name, *(number(v, lang) for v in (
            row.clients, row.reached, row.changed_segment, row.left)),
            share_points(row.sow_points_asked / 100, lang), share_points(row.sow_points_gained / 100, lang),
            money(row.revenue_expected, lang, compact=True),
            money(row.revenue_gained, lang, compact=True)])) in after
    assert plain(f"{outcome.portfolio_changed_segment} clients changed segment") in after


def test_no_objective_prints_no_section_and_a_page_per_rep(kept_db):
    store = Store(kept_db)
    try:
        view = PortfolioView.open(store, 1, load_grid(GRID))
        with_objective, without = rep_sheets(view, shipped_norms(), [ANA, BEN], "fr")
        pages = pdf_pages(report_pdf([with_objective, without], view.grid, "fr"))
        assert with_objective.objective == saved_objective(view, ANA)
    finally:
        store.close()
    assert with_objective.outcome is None and without.objective is None
    ana = [page for page in pages if page.startswith(f"Portefeuille de {ANA}")]
    ben = [page for page in pages if page.startswith(f"Portefeuille de {BEN}")]
    assert len(ben) == 1 and "Objectif enregistré" not in ben[0]
    assert len(ana) in (1, 2) and f"Objectif enregistré pour {Q1}" in " ".join(ana)


def test_the_objective_is_printed_for_those_who_see_the_rep(kept_db, tmp_path, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    (config / "access.yaml").write_text(
        "version: 1\npeople:\n"
        f"  - {{email: ana@example.com, role: rep, salespeople: [\"{ANA}\"]}}\n"
        "  - {email: sud@example.com, role: director, scope: {column: region, values: [Sud]}}\n", encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))

    def pages(person: str, out: Path) -> str:
        assert main(["report", "--db", str(kept_db), "--dataset", "Team", "--grid", str(GRID),
                     "--norms", str(NORMS), "--all-reps", "--lang", "en", "--as", person,
                     "--out", str(out)]) == 0
        return " ".join(pdf_pages(out))

    own = pages("ana@example.com", tmp_path / "ana.pdf")
    assert f"Objective saved for {Q1}" in own and "nord@example.com" in own
    south = pages("sud@example.com", tmp_path / "sud.pdf")
    assert south.startswith(f"Portfolio of {BEN}")
    assert ANA not in south and "Objective saved" not in south
