"""The datasets a person may be shown, each with the visibility on its clients and their count."""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.access.model import Person, Role
from portfolio.access.rules import Refusal, visibility_for
from portfolio.access.visibility import Visibility
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset, list_datasets, table_columns


@dataclass(frozen=True)
class DatasetSight:
    """A dataset as one person sees it: `rows` counts only their clients (every period),
    `clients` those at its latest period (its size as they see it); `refusal` says why
    they see none (then `visibility` shows no client)."""

    dataset: Dataset
    visibility: Visibility
    rows: int
    refusal: Refusal | None = None
    clients: int = 0


def dataset_visibility(store: Store, person: Person, dataset: Dataset) -> Visibility | Refusal:
    """`visibility_for` the dataset, its columns read from the store (only a director's
    scope names a column: the other roles' visibility needs no query, on every page drawn)."""
    if person.role is not Role.DIRECTOR:
        return visibility_for(person, dataset, ())
    with store.reading() as cur:
        columns = table_columns(cur, dataset.table)
    return visibility_for(person, dataset, columns)


def visible_datasets(store: Store, person: Person) -> list[DatasetSight]:
    """The datasets that may be named to `person` (a trainer's are the demo ones), in the
    store's order, with the number of clients they see in each."""
    sights = []
    for dataset in list_datasets(store):
        seen = dataset_visibility(store, person, dataset)
        if isinstance(seen, Refusal):
            if seen.listed:
                sights.append(DatasetSight(dataset, Visibility.no_client(), 0, seen))
            continue
        rows, clients = _visible_counts(store, dataset, seen)
        sights.append(DatasetSight(dataset, seen, rows, clients=clients))
    return sights


def _visible_counts(store: Store, dataset: Dataset, visibility: Visibility) -> tuple[int, int]:
    """The person's clients in every period, and at the latest one: one scan."""
    if visibility.is_everyone:
        return dataset.rows, dataset.clients_in()
    condition = visibility.condition()
    with store.reading() as cur:
        rows, latest = cur.execute(
            f"SELECT count(*), count(*) FILTER (WHERE period = ?) "
            f"FROM {dataset.table} WHERE {condition.sql}",
            [dataset.latest_period, *condition.params]).fetchone()
    return int(rows), int(latest)
