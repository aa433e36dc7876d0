"""Who holds a client served by several reps: the main one, or a share for each.

`main`: the rep with the largest revenue over the window owns the client (ties: the
window before, then the latest purchase, then the name); the others are listed in
`team`. `split`: one row per client and rep; the rep's own revenue, and the client's
potential times the rep's share of the client's revenue, so that the rows of a
client add up to the client and no potential is counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from portfolio.building.facts import CLIENT_FACTS, REP_FACTS
from portfolio.building.potential import CLIENT_POTENTIAL

MODES: tuple[str, ...] = ("main", "split")
SPLIT_MARK = "~"  # C001~2: the second rep's row of client C001


def _ranked(order: str) -> str:
    return (f"SELECT *, row_number() OVER (PARTITION BY client ORDER BY {order}) AS rank "
            f"FROM {{source}}")


def clients_sql(mode: str, account_columns: Sequence[str], accounts: str | None) -> str:
    """The output rows: contract columns first, then this build's own and the accounts'
    other columns (`account_columns`: SELECT items over the accounts table `a`)."""
    accounts_join = f"LEFT JOIN {accounts} a ON a.client = c.client" if accounts else ""
    name = "coalesce(a.client_name, c.line_name, c.client)" if accounts else \
        "coalesce(c.line_name, c.client)"
    region = "a.region" if accounts else "CAST(NULL AS VARCHAR)"
    industry = "a.industry" if accounts else "CAST(NULL AS VARCHAR)"
    # The figures are the client's (`c`) in main mode, the rep's own (`o`) when split.
    client_items = (f"{name} AS client_name, o.rep AS salesperson, {{f}}.revenue, "
                    f"{{potential}} AS potential, p.potential_estimated, c.product_families, "
                    f"c.families_bought, {region} AS region, {industry} AS industry, "
                    f"{{f}}.revenue_previous, "
                    f"CASE WHEN {{f}}.revenue_previous > 0 "
                    f"THEN {{f}}.revenue / {{f}}.revenue_previous - 1 "
                    f"END AS growth, {{f}}.orders, c.last_purchase, c.reps")
    extra = "".join(f", {item}" for item in account_columns)
    if mode == "main":
        ranked = _ranked("revenue DESC, revenue_previous DESC, last_purchase DESC, rep")
        return f"""
            WITH ranked AS ({ranked.format(source=REP_FACTS)}),
            teams AS (SELECT client, string_agg(rep, ', ' ORDER BY rank) FILTER (WHERE rank > 1)
                      AS team FROM ranked GROUP BY client)
            SELECT c.client AS client_id, {client_items.format(f='c', potential='p.potential')},
                   t.team{extra}
            FROM {CLIENT_FACTS} c
            JOIN ranked o ON o.client = c.client AND o.rank = 1
            JOIN teams t ON t.client = c.client
            JOIN {CLIENT_POTENTIAL} p ON p.client = c.client {accounts_join}
            ORDER BY c.client"""
    # A client's revenue may be nil over the window (bought only in the window before):
    # the shares then follow the window before, and are equal when both are nil.
    share = ("CASE WHEN c.revenue <> 0 THEN r.revenue / c.revenue "
             "WHEN c.revenue_previous <> 0 THEN r.revenue_previous / c.revenue_previous "
             "ELSE 1.0 / c.reps END")
    # share × potential ≥ share × revenue when the potential covers the revenue: the
    # rounding of a product must not put a rep's revenue above their potential.
    potential = ("CASE WHEN p.potential >= c.revenue "
                 "THEN greatest(p.potential * o.rep_share, o.revenue) "
                 "ELSE p.potential * o.rep_share END")
    shares = (f"SELECT r.*, {share} AS rep_share FROM {REP_FACTS} r "
              f"JOIN {CLIENT_FACTS} c ON c.client = r.client")
    ranked = _ranked("rep_share DESC, revenue DESC, rep").format(source=f"({shares})")
    return f"""
        WITH ranked AS ({ranked})
        SELECT CASE WHEN c.reps > 1 THEN c.client || '{SPLIT_MARK}' || o.rank ELSE c.client END
                   AS client_id,
               {client_items.format(f='o', potential=potential)},
               c.client AS original_client_id, o.rep_share{extra}
        FROM {CLIENT_FACTS} c
        JOIN ranked o ON o.client = c.client
        JOIN {CLIENT_POTENTIAL} p ON p.client = c.client {accounts_join}
        ORDER BY c.client, o.rank"""
