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


def test_a_preview_within_a_scope_keeps_both_conditions_and_its_own_key():
    import duckdb

    scope = Visibility.where("region", ["Normandie"])
    preview = scope.narrowed_to(["Claire Martin"])
    con = duckdb.connect()
    con.execute("CREATE TABLE c AS SELECT * FROM (VALUES ('a', 'Claire Martin', 'Normandie'), "
                "('b', 'Claire Martin', 'Bretagne'), ('c', 'Julien Moreau', 'Normandie')) "
                "t(id, salesperson, region)")
    condition = preview.condition()
    assert con.execute(f"SELECT id FROM c WHERE {condition.sql} ORDER BY id",
                       condition.params).fetchall() == [("a",)]
    assert len({scope.key, preview.key, Visibility.only(["Claire Martin"]).key}) == 3
    # A rep's own visibility narrowed to someone else's name shows nobody's clients.
    outsider = Visibility.only(["Claire Martin"]).narrowed_to(["Julien Moreau"])
    condition = outsider.condition()
    assert con.execute(f"SELECT id FROM c WHERE {condition.sql}", condition.params).fetchall() == []
