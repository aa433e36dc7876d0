"""A ready-made client file that lists a client under several reps (a CRM's shared
account), resolved the way `build-clients --shared` resolves one built from sales lines.

The file's rows become the build's tables (`rep_facts`: one per client and rep,
`client_facts`: one per client, `client_potential`) and `owners.clients_sql` writes the
rows: in `main` mode the rep with the largest revenue owns the client, the revenue is the
client's total, the others are listed in `team`; in `split` mode each rep keeps a row of
their own revenue and `potential × their share`, so that the rows of a client add up to it.

The client's potential is the largest its rows state (a CRM repeats the account's
potential on each of its rows): it is never added up over the reps. Margin and visits
are each rep's, added up when one row is kept; every other column is the client's (its
first row's; the latest visit). A share of wallet is derived again from the new figures.
A client listed twice under the same rep is not a shared account: such a file is left as
it is (its duplicates stay problems to fix).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

import duckdb

from portfolio.building.facts import CLIENT_FACTS, REP_FACTS
from portfolio.building.output import write_clients
from portfolio.building.owners import MODES, clients_sql
from portfolio.building.potential import CLIENT_POTENTIAL
from portfolio.i18n import DEFAULT_LANGUAGE, t
from portfolio.reading.staging import Staging
from portfolio.reading.typed import StagedRows
from portfolio.sql import quote_identifier as q

SHARED_DETAIL = "problems_cells.duplicate_shared"
_ROWS, _CLIENTS = "file_rows", "file_clients"
# Each rep's own figures beside the revenue: added up when a client keeps one row.
_ADDITIVE = ("margin", "visits_12m")
# Written by `clients_sql`, or derived again when the written file is read.
_WRITTEN = ("client_id", "client_name", "salesperson", "revenue", "potential", "region",
            "industry", "product_families", "share_of_wallet", "source_row")


@dataclass(frozen=True)
class SharedCount:
    """What a file holds of shared accounts: clients under several reps, and clients
    listed more than once under one rep (then it cannot be resolved)."""

    shared: int
    repeated: int

    @property
    def resolvable(self) -> bool:
        return self.shared > 0 and self.repeated == 0


_counted: weakref.WeakKeyDictionary[Staging, SharedCount] = weakref.WeakKeyDictionary()


def described(count: SharedCount, mode: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """How the shared accounts were resolved, as the dataset's description says it."""
    return t(f"building.described_shared_{mode}", lang, shared=count.shared)


def has_shared_problem(problems) -> bool:
    """Whether a reading reported a client listed under another rep."""
    return any(p.detail is not None and p.detail.key == SHARED_DETAIL for p in problems)


def count_shared(rows: StagedRows) -> SharedCount:
    """Counted once per reading (the Import page asks again on every rerun), over the
    staged rows themselves: nothing is copied to count them."""
    counted = _counted.get(rows.staging)
    if counted is not None:
        return counted
    with duckdb.connect(":memory:") as con, rows.attached(con) as relation:
        shared, repeated = con.execute(
            f"SELECT count(*) FILTER (WHERE reps > 1), count(*) FILTER (WHERE lines > reps) "
            f"FROM (SELECT count(DISTINCT coalesce(salesperson, chr(0))) AS reps, "
            f"count(*) AS lines FROM {relation} GROUP BY {_client_key(rows)})").fetchall()[0]
    counted = _counted[rows.staging] = SharedCount(int(shared), int(repeated))
    return counted


def resolve_shared(rows: StagedRows, mode: str, out: Path) -> int:
    """Write the client file with each shared account resolved by `mode` (`main` or
    `split`) to `out` (CSV); the rows written."""
    if mode not in MODES:
        raise ValueError(f"shared mode {mode!r}: expected one of {', '.join(MODES)}")
    with _file_rows(rows) as con:
        present = [r[0] for r in con.execute(f"DESCRIBE {_ROWS}").fetchall()]
        _facts(con, present)
        kept = [c for c in present if c not in (*_WRITTEN, *_ADDITIVE, "_key")]
        extra = [f"a.{q(c)} AS {q(c)}" for c in kept] + ["a._file_id AS _file_id"]
        built = clients_sql(mode, extra, _CLIENTS)
        return write_clients(con, _output_sql(built, mode, present, kept), out)


def _client_key(rows: StagedRows) -> str:
    """A row's client key: the client, and its period when the file has one (a client is
    shared within a period)."""
    return ("coalesce(CAST(period AS VARCHAR), '') || chr(31) || client_id"
            if "period" in rows.columns else "client_id")


class _file_rows:
    """An in-memory database holding the file's rows, each with its client key."""

    def __init__(self, rows: StagedRows):
        self.rows = rows

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET enable_progress_bar = false")
        with self.rows.attached(self.con) as relation:
            self.con.execute(f"CREATE TABLE {_ROWS} AS SELECT *, {_client_key(self.rows)} AS _key "
                             f"FROM {relation}")
        return self.con

    def __exit__(self, *exc: object) -> None:
        self.con.close()


def _facts(con: duckdb.DuckDBPyConnection, present: list[str]) -> None:
    def column(name: str, kind: str, how: str = "max") -> str:
        return f"{how}({q(name)})" if name in present else f"CAST(NULL AS {kind})"

    nothing = ("CAST(NULL AS DOUBLE) AS revenue_previous, CAST(NULL AS BIGINT) AS orders, "
               "CAST(NULL AS DATE) AS last_purchase")
    con.execute(f"CREATE TABLE {REP_FACTS} AS SELECT _key AS client, salesperson AS rep, "
                f"sum(revenue) AS revenue, {nothing} FROM {_ROWS} GROUP BY _key, salesperson")
    con.execute(f"CREATE TABLE {CLIENT_FACTS} AS SELECT _key AS client, sum(revenue) AS revenue, "
                f"{nothing}, {column('product_families', 'INTEGER')} AS product_families, "
                f"CAST(NULL AS VARCHAR) AS families_bought, count(*) AS reps, "
                f"CAST(NULL AS VARCHAR) AS line_name FROM {_ROWS} GROUP BY _key")
    con.execute(f"CREATE TABLE {CLIENT_POTENTIAL} AS SELECT _key AS client, "
                f"max(potential) AS potential, FALSE AS potential_estimated "
                f"FROM {_ROWS} GROUP BY _key")
    # The client's own columns, from its first row in the file (the latest visit).
    items = ", ".join(
        f"max({q(c)}) AS {q(c)}" if c == "last_visit" else
        f"arg_min({q(c)}, source_row) AS {q(c)}"
        for c in present if c not in ("_key", "source_row", *_ADDITIVE))
    # `clients_sql` reads the client's region and industry: empty when the file has none.
    items += "".join(f", CAST(NULL AS VARCHAR) AS {c}" for c in ("region", "industry")
                     if c not in present)
    con.execute(f"CREATE TABLE {_CLIENTS} AS SELECT _key AS client, {items}, "
                f"arg_min(client_id, source_row) AS _file_id FROM {_ROWS} GROUP BY _key")


def _output_sql(built: str, mode: str, present: list[str], kept: list[str]) -> str:
    """The client file's columns: the contract's first, then the file's own, then who
    else sells to the client (`reps`, `team`) or the split's (`original_client_id`, `rep_share`)."""
    additive = [c for c in _ADDITIVE if c in present]
    if mode == "main":
        identity = "b._file_id"
        join = (f"LEFT JOIN (SELECT _key, {', '.join(f'sum({q(c)}) AS {q(c)}' for c in additive)} "
                f"FROM {_ROWS} GROUP BY _key) r ON r._key = b.client_id") if additive else ""
        tail = "b.reps, b.team"
    else:
        # C001~2: the key's own suffix, put back on the client id as the file writes it.
        identity = "b._file_id || substr(b.client_id, length(b.original_client_id) + 1)"
        join = (f"LEFT JOIN {_ROWS} r ON r._key = b.original_client_id "
                f"AND r.salesperson IS NOT DISTINCT FROM b.salesperson") if additive else ""
        tail = "b.reps, b._file_id AS original_client_id, b.rep_share"
    items = [f"{identity} AS client_id", "b.client_name", "b.salesperson", "b.revenue",
             "b.potential"]
    items += [f"b.{c}" for c in ("region", "industry", "product_families") if c in present]
    items += [f"r.{q(c)}" for c in additive] + [f"b.{q(c)}" for c in kept] + [tail]
    return f"WITH b AS ({built}) SELECT {', '.join(items)} FROM b {join} ORDER BY 1"
