"""Each person's remembered choices: kept per folded e-mail, never another's."""

from __future__ import annotations

import pytest

from portfolio.store.preferences import recall, remember


def test_choices_are_kept_per_person_and_replaced_not_added(memory_store):
    assert recall(memory_store, "claire@example.com") == {}
    remember(memory_store, " Claire@Example.com ", "dataset", "3")
    remember(memory_store, "claire@example.com", "dataset", "4")
    remember(memory_store, "julien@example.com", "language", "fr")
    assert recall(memory_store, "CLAIRE@example.com") == {"dataset": "4"}
    assert recall(memory_store, "julien@example.com") == {"language": "fr"}


def test_an_unknown_choice_is_refused(memory_store):
    with pytest.raises(ValueError, match="unknown preference"):
        remember(memory_store, "claire@example.com", "theme", "dark")
