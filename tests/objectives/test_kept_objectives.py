"""A rep's objective kept in the store: who may save it, that it survives a restart, its
outcome once the next quarter is imported (figures worked out by hand in `kit`), scoped
reads, the audit log, and a deleted dataset taking its objectives with it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from portfolio.access import PermissionRefused, Person, Role, Scope, Visibility
from portfolio.grid.loader import load_grid
from portfolio.objectives import objective_outcome, save_objective, save_refusal, saved_objective
from portfolio.store import guarded
from portfolio.store.audit import audit_entries
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.objectives.kit import ANA, BEN, GROWTH, Q1, Q2, quarter_one, quarter_two

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
ADMIN = Person("it@example.com", Role.ADMIN)
NORTH = Person("nord@example.com", Role.DIRECTOR, scope=Scope("region", ("Nord",)))
SOUTH = Person("sud@example.com", Role.DIRECTOR, scope=Scope("region", ("Sud",)))
REP_ANA = Person("ana@example.com", Role.REP, (ANA,))
TRAINER = Person("formation@example.com", Role.TRAINER)


@pytest.fixture
def db(tmp_path) -> tuple[Path, int]:
    path = tmp_path / "kept.duckdb"
    with opened(path) as store:
        dataset_id = create_dataset(store, quarter_one(), name="Team", source="q1.csv", period=Q1)
    return path, dataset_id


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    """A connection of its own on the database file, closed at the end (as the app's at exit)."""
    store = Store(path)
    try:
        yield store
    finally:
        store.close()


def _view(store: Store, dataset_id: int, visibility: Visibility = Visibility.everyone(),
          period: str | None = None) -> PortfolioView:
    return PortfolioView.open(store, dataset_id, GRID, visibility, period)


def test_a_saved_objective_survives_a_restart_and_its_outcome_is_right_next_quarter(db):
    path, dataset_id = db
    with opened(path) as store:
        saved = save_objective(_view(store, dataset_id), NORTH, ANA, GROWTH)
    assert (saved.period, saved.saved_by, saved.saved_role) == (Q1, "nord@example.com", "director")

    with opened(path) as store:  # a new connection on the same file: what a restart of the app does
        kept = saved_objective(_view(store, dataset_id), ANA, Q1)
        assert kept == saved
        assert kept.revenue_before == pytest.approx(101_000)
        assert kept.objective == pytest.approx(20_200)
        assert kept.planned_gain == pytest.approx(20_200)
        assert [m.client_id for m in kept.moves] == ["A1", "A2", "A5", "A3"]
        assert [m.sow_target for m in kept.moves] == pytest.approx([0.10, 0.10, 0.10, 0.401])
        asks = {(a.segment, a.clients): (a.sow_points, a.revenue_expected) for a in kept.segments}
        assert list(asks) == [("develop", 3), ("partners", 1)]  # grid order
        assert asks[("develop", 3)] == pytest.approx((5.0, 15_000 + 5_000))
        assert asks[("partners", 1)] == pytest.approx((0.1, 200))

        guarded.add_period(store, ADMIN, dataset_id, quarter_two(), source="q2.csv", period=Q2)
        outcome = objective_outcome(_view(store, dataset_id), ANA, Q1, Q2)
    assert outcome.asked == kept
    assert (outcome.revenue_before, outcome.revenue_after) == pytest.approx((101_000, 125_000))
    assert outcome.revenue_gain == pytest.approx(24_000)
    assert outcome.achieved == pytest.approx(24_000 / 20_200)
    assert outcome.portfolio_changed_segment == 1  # A1, develop → partners
    develop, partners = outcome.segments
    # develop: A1 +7 points (reached, now a partner), A2 +2 (not reached), A5 gone.
    assert (develop.segment, develop.clients, develop.reached, develop.changed_segment,
            develop.left) == ("develop", 3, 1, 1, 1)
    assert develop.sow_points_asked == pytest.approx(5.0)
    assert develop.sow_points_gained == pytest.approx((7 + 2) / 2)
    assert (develop.revenue_expected, develop.revenue_gained) == pytest.approx(
        (20_000, 14_000 + 2_000 - 5_000))
    assert (partners.segment, partners.clients, partners.reached, partners.changed_segment,
            partners.left) == ("partners", 1, 1, 0, 0)
    assert (partners.sow_points_asked, partners.sow_points_gained) == pytest.approx((0.1, 5.0))
    assert (partners.revenue_expected, partners.revenue_gained) == pytest.approx((200, 10_000))
    named = outcome.named
    assert (named.clients, named.reached, named.changed_segment, named.left) == (4, 2, 1, 1)
    assert named.sow_points_asked == pytest.approx((5 + 5 + 5 + 0.1) / 4)
    assert named.sow_points_gained == pytest.approx((7 + 2 + 5) / 3)
    assert named.revenue_gained == pytest.approx(21_000)


def test_who_may_save_whose_objective(db):
    path, dataset_id = db
    with opened(path) as store:
        view = _view(store, dataset_id)
        assert save_refusal(view, ADMIN, BEN) is None
        assert save_refusal(view, NORTH, ANA) is None
        assert save_refusal(view, REP_ANA, ANA) is None
        assert save_objective(view, REP_ANA, ANA, 0.10).saved_by == "ana@example.com"
        for person, rep, reason in [
                (REP_ANA, BEN, f"Only {BEN}, a director or an admin may save {BEN}'s objective."),
                (NORTH, BEN, f"You see no client of {BEN} at {Q1}"),
                (SOUTH, ANA, f"You see no client of {ANA} at {Q1}"),
                (TRAINER, ANA, "The role trainer may not save a rep's objective.")]:
            assert save_refusal(view, person, rep) is not None
            with pytest.raises(PermissionRefused) as refused:
                save_objective(view, person, rep, 0.10)
            assert str(refused.value).startswith(reason)
        assert saved_objective(view, BEN) is None  # nothing was written by the refusals
        with pytest.raises(ValueError, match="growth"):
            save_objective(view, ADMIN, ANA, 0.0)


def test_reads_are_scoped_and_saves_are_in_the_audit_log(db):
    path, dataset_id = db
    with opened(path) as store:
        save_objective(_view(store, dataset_id), NORTH, ANA, GROWTH)
        save_objective(_view(store, dataset_id), NORTH, ANA, 0.10)  # replaces the first
        assert saved_objective(_view(store, dataset_id), ANA).growth == pytest.approx(0.10)
        assert saved_objective(_view(store, dataset_id, Visibility.only((BEN,))), ANA) is None
        assert saved_objective(_view(store, dataset_id, Visibility.where("region", ("Sud",))),
                               ANA) is None
        assert saved_objective(_view(store, dataset_id, Visibility.only((ANA,))), ANA) is not None
        entries = [(e.actor, e.role, e.action, e.dataset_name, e.rows, e.periods, e.note)
                   for e in reversed(audit_entries(store))]
        assert entries == [("nord@example.com", "director", "save_objective", "Team", 4, (Q1,), ANA),
                           ("nord@example.com", "director", "save_objective", "Team",
                            len(saved_objective(_view(store, dataset_id), ANA).moves), (Q1,), ANA)]


def test_deleting_a_dataset_removes_its_objectives(db):
    path, dataset_id = db
    with opened(path) as store:
        save_objective(_view(store, dataset_id), ADMIN, ANA, GROWTH)
        other = create_dataset(store, quarter_one(), name="Other", period=Q1)
        save_objective(_view(store, other), ADMIN, ANA, GROWTH)
        guarded.delete_dataset(store, ADMIN, dataset_id)
        with store.reading() as cur:
            left = cur.execute("SELECT DISTINCT dataset_id FROM objectives UNION ALL "
                               "SELECT DISTINCT dataset_id FROM objective_moves").fetchall()
        assert left == [(other,), (other,)]


def test_the_outcome_needs_a_later_period(db):
    path, dataset_id = db
    with opened(path) as store:
        guarded.add_period(store, ADMIN, dataset_id, quarter_two(), period=Q2)
        view = _view(store, dataset_id)
        assert objective_outcome(view, ANA, Q1, Q2) is None  # nothing saved
        with pytest.raises(ValueError, match="period_after"):
            objective_outcome(view, ANA, Q2, Q1)
