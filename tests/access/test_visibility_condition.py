"""Visibility: the SQL condition it adds and its identity in cache keys."""

from __future__ import annotations

from portfolio.access import Visibility


def test_everyone_adds_no_restriction():
    condition = Visibility.everyone().condition()
    assert (condition.sql, condition.params) == ("TRUE", [])


def test_a_restricted_viewer_binds_the_names_as_one_parameter():
    condition = Visibility.only(["Zoé", "Ann"]).condition(table="c")
    assert condition.sql == 'list_contains(?::VARCHAR[], c."salesperson")'
    assert condition.params == [["Ann", "Zoé"]]


def test_cache_key_does_not_depend_on_order_and_tells_viewers_apart():
    assert Visibility.only(["b", "a"]).key == Visibility.only(["a", "b"]).key
    assert Visibility.only(["a"]).key != Visibility.only(["a", "b"]).key
    for name in ("*", "everyone", "only"):
        assert Visibility.everyone().key != Visibility.only([name]).key
    assert Visibility.only([]).key != Visibility.everyone().key
