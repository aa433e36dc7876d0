"""Per client and rep, and per client, the figures of the won lines: one SQL pass each.

The lines kept are those of the two windows ending on the as-of date: the window
`(start, as_of]` gives the revenue, the one before `(previous_start, start]` the
revenue it is compared with (growth).
"""

from __future__ import annotations

import duckdb

from portfolio.building.bound import execute

REP_FACTS = "rep_facts"
CLIENT_FACTS = "client_facts"


def build_facts(con: duckdb.DuckDBPyConnection, windowed: str, params: dict[str, object]) -> None:
    """Create `rep_facts` (client, rep) and `client_facts` (client) from the lines of the
    SELECT `windowed` (client, rep, date, amount, product, family, order_key, client_name);
    `params` binds $as_of, $start and $previous_start, and whatever `windowed` needs."""
    current = "date > $start AND date <= $as_of"
    previous = "date > $previous_start AND date <= $start"
    execute(con, f"""
        CREATE OR REPLACE TABLE {REP_FACTS} AS
        SELECT client, rep,
               coalesce(sum(amount) FILTER (WHERE {current}), 0) AS revenue,
               coalesce(sum(amount) FILTER (WHERE {previous}), 0) AS revenue_previous,
               count(DISTINCT order_key) FILTER (WHERE {current}) AS orders,
               max(date) AS last_purchase
        FROM ({windowed}) GROUP BY client, rep""", params)
    # Families are the client's, whoever sold them: the relationship is with the client.
    execute(con, f"""
        CREATE OR REPLACE TABLE {CLIENT_FACTS} AS
        SELECT client,
               coalesce(sum(amount) FILTER (WHERE {current}), 0) AS revenue,
               coalesce(sum(amount) FILTER (WHERE {previous}), 0) AS revenue_previous,
               count(DISTINCT order_key) FILTER (WHERE {current}) AS orders,
               max(date) AS last_purchase,
               count(DISTINCT family) FILTER (WHERE {current}) AS product_families,
               string_agg(DISTINCT family, ' | ' ORDER BY family) FILTER (WHERE {current})
                   AS families_bought,
               count(DISTINCT rep) AS reps,
               max(client_name) AS line_name
        FROM ({windowed}) GROUP BY client""", params)


def windowed_lines(kept: str, families: str | None) -> str:
    """The kept lines of the two windows, with their family (the line's own, else the
    mapping's) and an order key (the order column, else the line itself)."""
    family = "l.family" if families is None else "coalesce(l.family, f.family)"
    join = ("" if families is None else
            f" LEFT JOIN {families} f ON lower(f.product) = lower(l.product)")
    return (f"SELECT l.client, l.rep, l.date, l.amount, l.product, {family} AS family, l.client_name, "
            f"coalesce(l.order_id, 'line ' || l.source_row) AS order_key "
            f"FROM ({kept}) l{join} WHERE l.date > $previous_start AND l.date <= $as_of")
