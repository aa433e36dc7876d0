"""Vectorised text columns for the demo portfolio: client codes, rep and company names."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from portfolio.demo.vocab import FIRST_NAMES, INDUSTRIES, LAST_NAMES, REGIONS, SUFFIXES

# pandas' default text dtype (what read_csv gives), so demo data looks like imported data.
_STR = pd.StringDtype("pyarrow", na_value=np.nan)

TRADES: tuple[str, ...] = tuple(t for _, _, _, trades in INDUSTRIES for t in trades)
TRADES_PER_INDUSTRY = len(INDUSTRIES[0][3])
PLACES: tuple[str, ...] = tuple(p for _, _, places in REGIONS for p in places)
PLACES_PER_REGION = len(REGIONS[0][2])
assert all(len(i[3]) == TRADES_PER_INDUSTRY for i in INDUSTRIES)
assert all(len(r[2]) == PLACES_PER_REGION for r in REGIONS)

# Name cores: "Martin" | "du Rhône" | "Leroy-Morel", in that order in one table.
_N_LAST = len(LAST_NAMES)
_CORES = pa.array(
    [*LAST_NAMES, *PLACES, *(f"{a}-{b}" for a in LAST_NAMES for b in LAST_NAMES)]
)
_CORE_PATTERN_P = np.array([0.55, 0.33, 0.12])  # surname, place, two surnames


def to_text(arrow_strings: pa.Array) -> pd.Series:
    """An Arrow string array as a pandas text column (nulls become NaN)."""
    return pd.Series(arrow_strings.to_pandas(types_mapper={pa.string(): _STR}.get), dtype=_STR)


def take_text(values: Sequence[str], codes: np.ndarray, missing: np.ndarray | None = None) -> pd.Series:
    """`values[codes]` as a text column, empty where `missing` is true."""
    return to_text(pa.array(values).take(pa.array(codes, mask=missing)))


def client_codes(rng: np.random.Generator, n: int) -> pd.Series:
    """Unique codes such as "C00042", increasing with small gaps (closed accounts)."""
    numbers = np.cumsum(rng.integers(1, 4, size=n))
    width = max(5, len(str(int(numbers[-1])))) if n else 5
    digits = pc.utf8_lpad(pa.array(numbers).cast(pa.string()), width, "0")
    return to_text(pc.binary_join_element_wise("C", digits, ""))


def rep_names(rng: np.random.Generator, fixed: Sequence[str], n_reps: int) -> list[str]:
    """`fixed` names first, then distinct random first + last name pairs."""
    pool = [f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES]
    if n_reps > len(pool):
        raise ValueError(f"n_reps: at most {len(pool)} distinct rep names (got {n_reps}); "
                         "ask for fewer reps")
    taken = set(fixed)
    others = [pool[i] for i in rng.permutation(len(pool)) if pool[i] not in taken]
    return [*fixed, *others][:n_reps]


def company_names(rng: np.random.Generator, industry: np.ndarray, region: np.ndarray) -> pd.Series:
    """French company names such as "Menuiserie du Rhône SARL", from each client's trade and region.

    Repeated names get " (site 2)", " (site 3)"… so accounts stay distinguishable.
    """
    n = len(industry)
    trade = industry * TRADES_PER_INDUSTRY + rng.integers(0, TRADES_PER_INDUSTRY, size=n)
    pattern = rng.choice(3, size=n, p=_CORE_PATTERN_P)
    first = rng.integers(0, _N_LAST, size=n)
    # A second surname always differs from the first: "Leroy-Morel", never "Leroy-Leroy".
    second = (first + rng.integers(1, _N_LAST, size=n)) % _N_LAST
    place = region * PLACES_PER_REGION + rng.integers(0, PLACES_PER_REGION, size=n)
    core = np.select(
        [pattern == 0, pattern == 1],
        [first, _N_LAST + place],
        _N_LAST + len(PLACES) + first * _N_LAST + second,
    )
    suffix = rng.choice(len(SUFFIXES), size=n, p=[p for _, p in SUFFIXES])
    names = pc.binary_join_element_wise(
        pa.array(TRADES).take(pa.array(trade)), _CORES.take(pa.array(core)), " "
    )
    names = pc.binary_join_element_wise(
        names, pa.array([s for s, _ in SUFFIXES]).take(pa.array(suffix)), ""
    )
    key = (trade * len(_CORES) + core) * len(SUFFIXES) + suffix
    rank = _rank_among_equals(key)
    site = pc.binary_join_element_wise(" (site ", pa.array(rank + 1).cast(pa.string()), ")", "")
    return to_text(pc.if_else(pa.array(rank > 0), pc.binary_join_element_wise(names, site, ""), names))


def _rank_among_equals(key: np.ndarray) -> np.ndarray:
    """0 for the first occurrence of each key, 1 for the second… (in row order)."""
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    positions = np.arange(len(key))
    starts = np.r_[True, ordered[1:] != ordered[:-1]] if len(key) else np.array([], bool)
    group_start = np.maximum.accumulate(np.where(starts, positions, 0))
    rank = np.empty_like(positions)
    rank[order] = positions - group_start
    return rank
