"""Seeded generator of a French B2B demo portfolio that tells the method's story."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from portfolio.contract import CANONICAL_NAMES, REQUIRED
from portfolio.demo.text import client_codes, company_names, rep_names, take_text
from portfolio.demo.vocab import INDUSTRIES, REGIONS

PERIOD = "2026-Q3"
SNAPSHOT_DATE = pd.Timestamp("2026-10-31")
LOYAL_REP = "Claire Martin"  # small loyal clients: little headroom
STRONGHOLD_REP = "Julien Moreau"  # competitors' strongholds: large headroom
SAME_REVENUE_REPS: tuple[str, str] = (LOYAL_REP, STRONGHOLD_REP)
WEAK_CONTACT_REP = "Sophie Bernard"  # reaches mostly operational staff

MARKET_POSITIONS = ("leader", "challenger", "follower", "niche")
SOLVENCY_RATINGS = ("A", "B", "C", "D")
CONTACT_LEVELS = ("operational", "manager", "director", "executive")

MIN_REPS = 4
MIN_CLIENTS_PER_REP = 10
UNVISITED_SHARE = 0.015  # attractive clients nobody visits: 30 out of 2,000
GAP_RATE = (0.01, 0.03)  # share of empty cells per optional column
_NEVER_EMPTY = (*REQUIRED, "period")  # one label per export: a snapshot is never blank
_DAY = np.timedelta64(1, "D")


@dataclass(frozen=True)
class _Profile:
    """How one kind of portfolio is drawn (probabilities follow the category tuples above)."""

    clients: float  # relative number of clients
    potential_median: float  # €
    potential_sigma: float  # of log(potential)
    position_p: tuple[float, float, float, float]
    solvency_p: tuple[float, float, float, float]
    contact_p: tuple[float, float, float, float]
    sow_beta: tuple[float, float]
    commitments_beta: tuple[float, float]
    families_lift: float  # added to the chance of buying each further family
    margin_shift: float  # added to the industry's margin rate
    visit_intensity: float  # multiplies the visits a client's size calls for


_AVERAGE = _Profile(
    clients=1.0, potential_median=25_000, potential_sigma=1.1,
    position_p=(0.10, 0.25, 0.40, 0.25), solvency_p=(0.30, 0.40, 0.20, 0.10),
    contact_p=(0.28, 0.40, 0.24, 0.08), sow_beta=(1.5, 3.5), commitments_beta=(8.0, 2.0),
    families_lift=0.0, margin_shift=0.0, visit_intensity=1.0,
)
# Small wallets we already fill, well connected, a little over-visited.
_LOYAL = _Profile(
    clients=1.35, potential_median=11_000, potential_sigma=0.5,
    position_p=(0.01, 0.04, 0.40, 0.55), solvency_p=(0.10, 0.50, 0.30, 0.10),
    contact_p=(0.08, 0.32, 0.42, 0.18), sow_beta=(8.0, 2.6), commitments_beta=(14.0, 1.5),
    families_lift=0.15, margin_shift=0.03, visit_intensity=1.7,
)
# Big, solid wallets where competitors take most of the business.
_STRONGHOLD = _Profile(
    clients=0.8, potential_median=250_000, potential_sigma=0.55,
    position_p=(0.35, 0.40, 0.20, 0.05), solvency_p=(0.45, 0.40, 0.10, 0.05),
    contact_p=(0.50, 0.36, 0.12, 0.02), sow_beta=(1.4, 19.0), commitments_beta=(5.0, 2.5),
    families_lift=-0.05, margin_shift=-0.03, visit_intensity=0.9,
)
# Average on everything except the level of the people reached.
_WEAK_CONTACT = replace(_AVERAGE, contact_p=(0.86, 0.11, 0.03, 0.0))


def generate_demo(n_clients: int = 2000, n_reps: int = 12, seed: int = 7) -> pd.DataFrame:
    """A realistic French B2B portfolio with every data-contract column, same output for a seed.

    Story told: `SAME_REVENUE_REPS` have the same revenue (within 2 %) but opposite
    structures; `WEAK_CONTACT_REP` reaches mostly operational staff; about 1.5 % of
    clients (at least a couple of dozen) are attractive, solid and never visited.
    About 1–3 % of each optional column is left empty, as in real exports.
    """
    if n_reps < MIN_REPS:
        raise ValueError(f"n_reps: at least {MIN_REPS} reps are needed to tell the story "
                         f"(got {n_reps})")
    if n_clients < MIN_CLIENTS_PER_REP * n_reps:
        raise ValueError(f"n_clients: at least {MIN_CLIENTS_PER_REP} clients per rep are needed, "
                         f"{MIN_CLIENTS_PER_REP * n_reps} for {n_reps} reps (got {n_clients})")
    rng = np.random.default_rng(seed)
    names = rep_names(rng, (LOYAL_REP, STRONGHOLD_REP, WEAK_CONTACT_REP), n_reps)
    profiles = [_LOYAL, _STRONGHOLD, _WEAK_CONTACT] + [_AVERAGE] * (n_reps - 3)
    rep = rng.permutation(np.repeat(np.arange(n_reps), _client_counts(rng, profiles, n_clients)))
    table = _rep_table(profiles, rng)
    p = {key: values[rep] for key, values in table.items() if values.ndim == 1}

    industry = _draw(rng, [[w for _, w, _, _ in INDUSTRIES]], np.zeros(n_clients, int))
    region = _client_regions(rng, rep, n_reps)
    potential = np.exp(np.log(p["potential_median"]) + p["potential_sigma"] * rng.standard_normal(n_clients))
    position = _draw(rng, table["position_p"], rep)
    solvency = _draw(rng, table["solvency_p"], rep)
    contact = _draw(rng, table["contact_p"], rep)
    sow = rng.beta(*table["sow_beta"][rep].T)
    commitments = rng.beta(*table["commitments_beta"][rep].T)

    unvisited = _plant_unvisited(rng, rep, potential, position, solvency, contact, sow)
    potential = np.maximum(np.round(potential, -2), 500.0)
    sow = _match_revenue(potential, sow, rep, unvisited)
    revenue = np.round(potential * sow, 2)
    # Buying at all means at least one family; a deeper share usually means more of them.
    family_p = np.clip(0.08 + 0.55 * sow + p["families_lift"], 0.02, 0.95)
    families = np.where(sow > 0, 1 + rng.binomial(7, family_p), 0)
    margin_rate = np.array([m for _, _, m, _ in INDUSTRIES])[industry] + p["margin_shift"]
    margin = np.round(revenue * np.clip(margin_rate + 0.035 * rng.standard_normal(n_clients), 0.04, 0.6), 2)
    visits = _visits(rng, potential, p["visit_intensity"], unvisited)
    last_visit = _last_visits(rng, visits)

    gap = _gaps(rng, n_clients, unvisited)
    frame = pd.DataFrame({
        "client_id": client_codes(rng, n_clients),
        "client_name": company_names(rng, industry, region),
        "salesperson": take_text(names, rep),
        "revenue": revenue,
        "potential": potential,
        "share_of_wallet": _blank(np.round(sow, 4), gap("share_of_wallet")),
        "margin": _blank(margin, gap("margin")),
        "region": take_text([r for r, _, _ in REGIONS], region, gap("region")),
        "industry": take_text([i for i, _, _, _ in INDUSTRIES], industry, gap("industry")),
        "product_families": _integers(families, gap("product_families")),
        "market_position": take_text(MARKET_POSITIONS, position, gap("market_position")),
        "solvency": take_text(SOLVENCY_RATINGS, solvency, gap("solvency")),
        "contact_level": take_text(CONTACT_LEVELS, contact, gap("contact_level")),
        "commitments_kept": _blank(np.round(commitments, 2), gap("commitments_kept")),
        "visits_12m": _integers(visits, gap("visits_12m")),
        "last_visit": pd.Series(_blank(last_visit, gap("last_visit")), dtype="datetime64[us]"),
        "period": take_text([PERIOD], np.zeros(n_clients, int)),
    })
    return frame[list(CANONICAL_NAMES)]


def _client_counts(rng: np.random.Generator, profiles: list[_Profile], n_clients: int) -> np.ndarray:
    """Clients per rep: the profile's weight, tilted ±30 % for ordinary reps, summing to n_clients."""
    weight = np.array([pr.clients for pr in profiles]) * np.where(
        np.array([pr is _AVERAGE for pr in profiles]), rng.uniform(0.7, 1.3, len(profiles)), 1.0
    )
    return _apportion(weight, n_clients)


def _apportion(weight: np.ndarray, total: int) -> np.ndarray:
    """Whole numbers proportional to `weight` that add up to `total` (largest remainders)."""
    exact = total * weight / weight.sum()
    counts = np.floor(exact).astype(int)
    counts[np.argsort(counts - exact, kind="stable")[: total - counts.sum()]] += 1
    return counts


def _rep_table(profiles: list[_Profile], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Each profile field as one row per rep (pairs and probabilities as columns), spread a little."""
    table = {f.name: np.array([getattr(pr, f.name) for pr in profiles], dtype=float)
             for f in fields(_Profile)}
    # Reps differ even within a profile: territory size, how they split their time.
    table["potential_median"] *= np.exp(0.15 * rng.standard_normal(len(profiles)))
    table["sow_beta"][:, 0] *= np.exp(0.10 * rng.standard_normal(len(profiles)))
    table["visit_intensity"] *= rng.uniform(0.85, 1.15, len(profiles))
    return table


def _draw(rng: np.random.Generator, probabilities: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One category index per entry of `rows`, drawn with that row of `probabilities`."""
    cumulative = np.cumsum(np.asarray(probabilities, dtype=float), axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(rows))
    codes = np.zeros(len(rows), dtype=np.int64)
    # One pass per category (a handful), never per client.
    for k in range(cumulative.shape[1] - 1):
        codes += u >= cumulative[rows, k]
    return codes


def _client_regions(rng: np.random.Generator, rep: np.ndarray, n_reps: int) -> np.ndarray:
    """Each rep works one home region (bigger regions get more reps); 8 % of clients lie elsewhere."""
    weights = np.array([w for _, w, _ in REGIONS])
    by_size = np.argsort(-weights, kind="stable")
    home = np.concatenate([
        rng.permutation(by_size[: min(n_reps, 12)]),  # distinct homes first, Corse last
        rng.choice(len(REGIONS), size=max(0, n_reps - 12), p=weights),
    ])
    elsewhere = _draw(rng, [weights], np.zeros(len(rep), int))
    return np.where(rng.random(len(rep)) < 0.92, home[rep], elsewhere)


def _plant_unvisited(rng: np.random.Generator, rep: np.ndarray, potential: np.ndarray,
                     position: np.ndarray, solvency: np.ndarray, contact: np.ndarray,
                     sow: np.ndarray) -> np.ndarray:
    """Turn a few clients of every rep but the loyal one into attractive, solid, unvisited accounts.

    Edits the arrays in place and returns the mask of those clients.
    """
    n = len(rep)
    count = max(round(UNVISITED_SHARE * n), min(24, n // 10))
    # Spread over the reps in proportion to their clients, so no rep is spared by chance.
    sizes = np.bincount(rep)
    quota = _apportion(np.where(np.arange(len(sizes)) == 0, 0, sizes).astype(float), count)
    order = np.lexsort((rng.random(n), rep))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    chosen = np.flatnonzero(rank < quota[rep])
    potential[chosen] = np.maximum(np.exp(np.log(300_000) + 0.6 * rng.standard_normal(count)), 110_000)
    position[chosen] = rng.choice(2, size=count)  # leader or challenger
    solvency[chosen] = rng.choice(2, size=count)  # A or B
    contact[chosen] = rng.choice(2, size=count, p=[0.7, 0.3])  # operational or manager
    sow[chosen] = rng.beta(1.2, 14.0, size=count)  # they buy a little, by phone or online
    mask = np.zeros(n, bool)
    mask[chosen] = True
    return mask


def _match_revenue(potential: np.ndarray, sow: np.ndarray, rep: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """Scale the stronghold rep's shares of wallet so their revenue equals the loyal rep's."""
    revenue = potential * sow
    target = revenue[rep == 0].sum()
    scalable = (rep == 1) & ~fixed
    factor = (target - revenue[(rep == 1) & fixed].sum()) / revenue[scalable].sum()
    return np.where(scalable, np.clip(sow * factor, 0.0, 1.0), sow)


def _visits(rng: np.random.Generator, potential: np.ndarray, intensity: np.ndarray,
            unvisited: np.ndarray) -> np.ndarray:
    """Visits in 12 months, more for bigger wallets.

    Every client of 100 k€ or more gets at least one, so the only big unvisited ones are the planted ones.
    """
    expected = np.clip(1.0 + 3.0 * (np.log10(potential) - 4.3), 0.5, 14.0) * intensity
    visits = rng.poisson(expected)
    visits = np.where(potential >= 100_000, np.maximum(visits, 1), visits)
    return np.where(unvisited, 0, visits)


def _last_visits(rng: np.random.Generator, visits: np.ndarray) -> np.ndarray:
    """Date of the latest of `visits` visits spread over the 12 months up to the snapshot; NaT if none."""
    # The latest of v uniform dates over a year sits U^(1/v) of the way through it.
    latest = rng.random(len(visits)) ** (1.0 / np.maximum(visits, 1))
    days_ago = np.minimum(np.floor(365 * (1.0 - latest)), 364).astype(np.int64)
    dates = SNAPSHOT_DATE.to_datetime64().astype("datetime64[D]") - days_ago * _DAY
    return np.where(visits > 0, dates, np.datetime64("NaT"))


def _gaps(rng: np.random.Generator, n: int, keep: np.ndarray) -> Callable[[str], np.ndarray]:
    """A function giving, per optional column, the cells to leave empty (never in `keep` rows)."""
    def gap(column: str) -> np.ndarray:
        if column in _NEVER_EMPTY:
            raise ValueError(f"{column}: this column is never left empty in the demo")
        return (rng.random(n) < rng.uniform(*GAP_RATE)) & ~keep
    return gap


def _blank(values: np.ndarray, missing: np.ndarray) -> np.ndarray:
    """`values` with NaN (or NaT for dates) where `missing` is true."""
    empty = np.datetime64("NaT") if values.dtype.kind == "M" else np.nan
    return np.where(missing, empty, values)


def _integers(values: np.ndarray, missing: np.ndarray) -> pd.arrays.IntegerArray:
    """A nullable Int64 column, empty where `missing` is true."""
    return pd.arrays.IntegerArray(values.astype(np.int64), missing)
