"""The `--as EMAIL` option: the person a command acts for, from the access file."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from portfolio.access import Person, Refusal, Visibility, admit
from portfolio.access.datasets import DatasetSight, dataset_visibility, visible_datasets
from portfolio.access.loader import access_path, load_access
from portfolio.access.rules import PermissionRefused
from portfolio.cli.common import UserError, config_errors_reported
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset


def add_as_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="as_email", metavar="EMAIL",
                        help="act as this person of the access file (config/access.yaml): "
                             "only what they may see and do")


@contextmanager
def refusals_reported() -> Iterator[None]:
    """Turn a refusal (PermissionRefused) into a user error: its reason on standard error, exit 2."""
    try:
        yield
    except PermissionRefused as error:
        raise UserError(f"error: {error}") from error


def acting_person(args: argparse.Namespace) -> Person:
    """The person named by --as, or the local user (who may do everything) without it.

    A user error (exit 2) when the access file is missing or broken, or when the e-mail
    has no access or is inactive.
    """
    email = getattr(args, "as_email", None)
    if email is None:
        return Person.local_user()
    path = access_path()
    if not path.is_file():
        raise UserError(f"error: --as needs the access file, and there is none at {path}.")
    with config_errors_reported():
        access = load_access(path)
    with refusals_reported():
        return admit(access, email)


def visible_dataset_named(store: Store, person: Person, name: str) -> DatasetSight:
    """The dataset called `name` as `person` sees it, or a user error listing the names
    they may be shown (a trainer is never told an imported dataset's name)."""
    sights = visible_datasets(store, person)
    found = next((sight for sight in sights if sight.dataset.name == name), None)
    if found is None:
        names = ", ".join(repr(sight.dataset.name) for sight in sights) or "none"
        raise UserError(f"error: no dataset named {name!r}; the datasets are: {names}.")
    return found


def visibility_on(store: Store, person: Person, dataset: Dataset) -> Visibility:
    """The clients of `dataset` a command may write out for `person`; a user error with
    the reason when they may see none (a command's output is never silently empty)."""
    seen = dataset_visibility(store, person, dataset)
    if isinstance(seen, Refusal):
        raise UserError(f"error: {seen.text()}")
    return seen
