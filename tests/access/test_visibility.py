"""Visibility per role, through real SQL on a small store: who sees which clients of a dataset."""

from __future__ import annotations

import pytest

from portfolio.access import Person, Refusal, Role, Scope, Visibility, visibility_for
from portfolio.access.datasets import dataset_visibility, visible_datasets
from portfolio.store.datasets import find_dataset, get_dataset
from portfolio.view import PortfolioView
from tests.access.kit import (ADMIN, DIRECTOR_ALL, DIRECTOR_BY_AREA, DIRECTOR_NORTH, GONE, REP,
                              TRAINER, seeded)
from tests.scoring.gridkit import bands, grid_2x2

GRID = grid_2x2([bands("potential", 1, (0, 0), (100, 1))], [bands("revenue", 1, (0, 0), (50, 1))])


@pytest.fixture
def store(memory_store):
    seeded(memory_store)
    return memory_store


def seen_clients(store, person: Person, name: str = "Team") -> list[str]:
    """The client ids the person's visibility lets the page queries return."""
    dataset = find_dataset(store, name)
    visibility = dataset_visibility(store, person, dataset)
    assert isinstance(visibility, Visibility), visibility
    source = PortfolioView(store, dataset, GRID, visibility).clients()
    with store.reading() as cur:
        return [r[0] for r in cur.execute(f"SELECT client_id FROM {source.sql} ORDER BY client_id",
                                          source.params).fetchall()]


def test_an_admin_sees_every_client(store):
    assert seen_clients(store, ADMIN) == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_a_director_sees_only_the_regions_of_its_scope_trimmed_and_case_folded(store):
    # c1 "Normandie", c2 " hauts-de-france ", c4 "NORMANDIE"; c5 has no region.
    assert seen_clients(store, DIRECTOR_NORTH) == ["c1", "c2", "c4"]


def test_a_director_with_scope_all_sees_every_client(store):
    assert seen_clients(store, DIRECTOR_ALL) == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_a_scope_on_a_custom_column_written_in_another_case(store):
    director = Person("t@example.com", Role.DIRECTOR, scope=Scope("TEAM", ("sud",)))
    assert seen_clients(store, director) == ["c5", "c6"]


def test_a_scope_column_the_dataset_lacks_gives_no_client_and_a_reason(store):
    dataset = get_dataset(store, 1)
    seen = dataset_visibility(store, DIRECTOR_BY_AREA, dataset)
    assert isinstance(seen, Refusal) and seen.listed
    assert seen.text() == ("Your scope is the clients whose area is one of Nord, but the dataset Team "
                           "has no column area: it shows you no client.")
    assert seen.text("fr").startswith("Votre périmètre est celui des clients dont area vaut Nord")
    (sight, _demo) = visible_datasets(store, DIRECTOR_BY_AREA)
    assert sight.dataset.name == "Team" and sight.rows == 0 and sight.refusal == seen
    assert sight.visibility.condition().sql == "FALSE"


def test_a_rep_sees_only_its_salespeople(store):
    assert seen_clients(store, REP) == ["c1", "c2"]


def test_a_trainer_sees_a_demo_dataset_and_is_refused_an_imported_one(store):
    assert seen_clients(store, TRAINER, "Demo portfolio") == ["c1", "c2"]
    seen = dataset_visibility(store, TRAINER, get_dataset(store, 1))
    assert isinstance(seen, Refusal) and not seen.listed
    assert seen.text() == "A trainer sees the demonstration datasets only, and this dataset was imported."
    assert [s.dataset.name for s in visible_datasets(store, TRAINER)] == ["Demo portfolio"]


def test_an_inactive_person_sees_nothing(store):
    assert visible_datasets(store, GONE) == []
    assert isinstance(visibility_for(GONE, get_dataset(store, 2), ["salesperson"]), Refusal)


def test_the_datasets_listed_count_only_the_clients_seen(store):
    assert [(s.dataset.name, s.rows) for s in visible_datasets(store, DIRECTOR_NORTH)] == [
        ("Team", 3), ("Demo portfolio", 2)]
    assert [(s.dataset.name, s.rows) for s in visible_datasets(store, REP)] == [
        ("Team", 2), ("Demo portfolio", 2)]
    assert [(s.dataset.name, s.rows) for s in visible_datasets(store, ADMIN)] == [
        ("Team", 6), ("Demo portfolio", 2)]


def test_a_scope_value_is_bound_never_written_into_the_sql():
    condition = Visibility.where("region", ["x'); DROP TABLE datasets; --"]).condition(table="c")
    assert "DROP" not in condition.sql and condition.params == [["x'); DROP TABLE datasets; --"]]
    assert 'c."region"' in condition.sql


def test_every_different_scope_has_its_own_cache_key():
    keys = [Visibility.everyone().key, Visibility.no_client().key, Visibility.only(["Nord"]).key,
            Visibility.where("region", ["Nord"]).key, Visibility.where("team", ["Nord"]).key,
            Visibility.where("region", ["Nord", "Sud"]).key, Visibility.where("region", []).key,
            Visibility.only([]).key]
    assert len(set(keys)) == len(keys)
    assert Visibility.where("region", ["b", "a"]).key == Visibility.where("region", ["a", "b"]).key
    assert not Visibility.where("region", ["Nord"]).is_everyone
    assert not Visibility.no_client().is_everyone and Visibility.everyone().is_everyone
