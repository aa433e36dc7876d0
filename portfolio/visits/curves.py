"""Visit response curves r(x) = r0 + (rmax − r0)·xᶜ/(d + xᶜ), fitted from a few judgements."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np
from numpy.typing import ArrayLike

JUDGEMENT_KEYS = ("none", "half", "current", "more_50", "saturation")
# Where the three inner judgements sit, in multiples of the reference (today's) visits.
_INNER_AT = np.array([0.5, 1.0, 1.5])
# c is kept in a range a curve can have in practice: below 0.05 the curve is a step at
# zero visits, above 20 a step at one exact visit count; judgements never mean either.
C_MIN, C_MAX = 0.05, 20.0
_LOG_D_RANGE = (-30.0, 30.0)


@dataclass(frozen=True)
class Judgements:
    """Expected revenue, as multiples of today's revenue, for visit levels relative to today."""

    none: float
    half: float
    more_50: float
    saturation: float
    current: float = 1.0

    @classmethod
    def from_mapping(cls, values: Mapping[str, float], where: str = "response") -> "Judgements":
        """Read {none, half, current, more_50, saturation}; `current` defaults to 1."""
        problems = []
        unknown = sorted(set(values) - set(JUDGEMENT_KEYS))
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(unknown)}; "
                            f"expected {', '.join(JUDGEMENT_KEYS)}")
        read: dict[str, float] = {}
        for key in JUDGEMENT_KEYS:
            if key not in values:
                if key == "current":
                    read[key] = 1.0
                else:
                    problems.append(f"{where}.{key}: missing; give the expected revenue as a "
                                    "multiple of today's revenue (e.g. 0.8)")
                continue
            value = values[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value) or value < 0:
                problems.append(f"{where}.{key}: expected a number ≥ 0 (multiple of today's "
                                f"revenue), got {value!r}")
                continue
            read[key] = float(value)
        if problems:
            raise ValueError("invalid response judgements:\n" + "\n".join(problems))
        return cls(**read)

    @classmethod
    def read(cls, values: "Judgements | Mapping[str, float] | object", where: str = "response"
             ) -> "Judgements":
        """From Judgements, a mapping, or any object with the five levels as attributes."""
        if isinstance(values, Judgements):
            return values
        if not isinstance(values, Mapping):
            values = {k: getattr(values, k) for k in JUDGEMENT_KEYS if hasattr(values, k)}
        return cls.from_mapping(values, where)

    @property
    def inner(self) -> np.ndarray:
        """The judgements at half, today's and 50 % more visits."""
        return np.array([self.half, self.current, self.more_50])


@dataclass(frozen=True)
class CurveShape:
    """A fitted curve on the relative scale u = visits / reference visits.

    At a reference of `ref` visits a year, r(x) uses d = d_unit · refᶜ. `residual` is the
    root-mean-square gap (in multiples of today's revenue) between the curve and the
    half / current / +50 % judgements: large values mean this curve family cannot follow them.
    """

    r0: float
    rmax: float
    c: float
    d_unit: float
    residual: float = 0.0

    @property
    def flat(self) -> bool:
        return self.rmax == self.r0

    @property
    def s_shaped(self) -> bool:
        """Increasing returns first (c > 1): greedy one-visit-at-a-time is not enough."""
        return not self.flat and self.c > 1.0

    def at(self, reference_visits: float) -> "ResponseCurve":
        """The curve in visits a year, for a client visited `reference_visits` times today.

        With no reference visit the judgements cannot be placed on the visit axis: the curve
        is then flat at `current` (today's revenue, whatever the visits).
        """
        if not reference_visits > 0:
            return ResponseCurve(self.current_level, self.current_level, 1.0, 1.0)
        return ResponseCurve(self.r0, self.rmax, self.c, self.d_unit * reference_visits ** self.c)

    @property
    def current_level(self) -> float:
        """The fitted curve's value at today's visits (u = 1)."""
        return float(response(1.0, self.r0, self.rmax, self.c, self.d_unit))


@dataclass(frozen=True)
class ResponseCurve:
    """r(x) for x visits a year, in multiples of today's revenue."""

    r0: float
    rmax: float
    c: float
    d: float

    def __call__(self, visits: ArrayLike) -> np.ndarray:
        return response(visits, self.r0, self.rmax, self.c, self.d)


def response(visits: ArrayLike, r0: ArrayLike, rmax: ArrayLike, c: ArrayLike, d: ArrayLike
             ) -> np.ndarray:
    """r(x), broadcast over arrays of visits and of curve parameters (one per client)."""
    x = np.asarray(visits, dtype=float)
    xc = np.power(x, c)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = xc / (np.asarray(d, dtype=float) + xc)
    # 0ᶜ/(0 + 0ᶜ) only arises for x = 0: no visit, no lift.
    share = np.where(x > 0, share, 0.0)
    return np.asarray(r0, dtype=float) + (np.asarray(rmax, dtype=float) - np.asarray(r0, dtype=float)) * share


def _share(log_c: np.ndarray, log_d: np.ndarray) -> np.ndarray:
    """uᶜ/(d + uᶜ) at the three inner points, for arrays of (log c, log d) — last axis = points."""
    z = log_d[..., None] - np.exp(log_c)[..., None] * np.log(_INNER_AT)
    return 0.5 * (1.0 - np.tanh(z / 2.0))  # 1/(1 + eᶻ) without overflow


def fit_shape(judgements: Judgements | Mapping[str, float]) -> CurveShape:
    """Least-squares fit of (c, d) with r0 = none and rmax = saturation.

    A coarse grid over (log c, log d) finds the basin, Levenberg–Marquardt polishes it.
    none = saturation gives a flat curve (visits change nothing).
    """
    j = Judgements.read(judgements)
    r0, rmax = j.none, j.saturation
    span = rmax - r0
    if abs(span) <= 1e-12 * max(1.0, abs(r0)):
        residual = float(np.sqrt(np.mean((j.inner - r0) ** 2)))
        return CurveShape(r0, r0, 1.0, 1.0, residual)
    target = (j.inner - r0) / span

    grid_c = np.linspace(math.log(C_MIN), math.log(C_MAX), 80)
    grid_d = np.linspace(*_LOG_D_RANGE, 241)
    lc, ld = np.meshgrid(grid_c, grid_d, indexing="ij")
    cost = ((_share(lc, ld) - target) ** 2).sum(axis=-1)
    best = np.unravel_index(np.argmin(cost), cost.shape)
    params = np.array([grid_c[best[0]], grid_d[best[1]]])
    params = _polish(params, target)

    fitted = _share(params[0:1], params[1:2])[0]
    residual = float(abs(span) * np.sqrt(np.mean((fitted - target) ** 2)))
    return CurveShape(r0, rmax, float(math.exp(params[0])), float(math.exp(params[1])), residual)


def _polish(params: np.ndarray, target: np.ndarray, iterations: int = 200) -> np.ndarray:
    """Levenberg–Marquardt on (log c, log d), kept inside the admissible box."""
    low = np.array([math.log(C_MIN), _LOG_D_RANGE[0]])
    high = np.array([math.log(C_MAX), _LOG_D_RANGE[1]])
    log_u = np.log(_INNER_AT)
    damping = 1e-3

    def residuals(p: np.ndarray) -> np.ndarray:
        return _share(p[0:1], p[1:2])[0] - target

    res = residuals(params)
    cost = float(res @ res)
    for _ in range(iterations):
        f = res + target
        slope = -f * (1.0 - f)  # d share / dz
        jac = np.column_stack([slope * (-math.exp(params[0]) * log_u), slope])
        grad = jac.T @ res
        if float(np.max(np.abs(grad))) < 1e-15:
            break
        normal = jac.T @ jac
        step = np.linalg.solve(normal + damping * (np.diag(np.diag(normal)) + 1e-12 * np.eye(2)), -grad)
        trial = np.clip(params + step, low, high)
        trial_res = residuals(trial)
        trial_cost = float(trial_res @ trial_res)
        if trial_cost < cost:
            improvement = cost - trial_cost
            params, res, cost = trial, trial_res, trial_cost
            damping = max(damping / 3.0, 1e-12)
            if improvement < 1e-30:
                break
        else:
            damping *= 4.0
            if damping > 1e12:
                break
    return params


def fit_curve(judgements: Judgements | Mapping[str, float], reference_visits: float) -> ResponseCurve:
    """The curve in visits a year for judgements made about `reference_visits` visits today."""
    return fit_shape(judgements).at(reference_visits)


def fit_shapes(judgements: Mapping[str, Judgements | Mapping[str, float]]) -> dict[str, CurveShape]:
    """One fitted shape per segment, from {segment: judgements}."""
    shapes: dict[str, CurveShape] = {}
    for segment, values in judgements.items():
        shapes[str(segment)] = fit_shape(Judgements.read(values, where=f"response.{segment}"))
    return shapes


@dataclass(frozen=True)
class CurveArrays:
    """One curve per client (multiples of today's revenue), for vectorised evaluation."""

    r0: np.ndarray
    rmax: np.ndarray
    c: np.ndarray
    d: np.ndarray

    def __len__(self) -> int:
        return len(self.r0)

    def __call__(self, visits: ArrayLike) -> np.ndarray:
        """r_i(x_i) for a vector of visits, or r_i(x) on a (clients × k) grid of visits."""
        x = np.asarray(visits, dtype=float)
        if x.ndim == 2:
            return response(x, self.r0[:, None], self.rmax[:, None], self.c[:, None], self.d[:, None])
        return response(x, self.r0, self.rmax, self.c, self.d)

    def take(self, index: ArrayLike) -> "CurveArrays":
        return CurveArrays(self.r0[index], self.rmax[index], self.c[index], self.d[index])

    @classmethod
    def of(cls, curves: list[ResponseCurve]) -> "CurveArrays":
        table = np.array([[k.r0, k.rmax, k.c, k.d] for k in curves], dtype=float).reshape(-1, 4)
        return cls(*(np.ascontiguousarray(table[:, i]) for i in range(4)))


def client_curves(shapes: list[CurveShape], codes: ArrayLike, reference_visits: ArrayLike) -> CurveArrays:
    """Each client's curve: the shape of its segment (`codes` index `shapes`) at its reference.

    Clients with no reference visit (0 or missing) get a flat curve at the fitted `current`.
    """
    idx = np.asarray(codes, dtype=np.intp)
    table = np.array([[s.r0, s.rmax, s.c, s.d_unit, s.current_level] for s in shapes],
                     dtype=float).reshape(-1, 5)[idx]
    ref = np.asarray(reference_visits, dtype=float)
    placed = np.isfinite(ref) & (ref > 0)
    r0 = np.where(placed, table[:, 0], table[:, 4])
    rmax = np.where(placed, table[:, 1], table[:, 4])
    c = np.where(placed, table[:, 2], 1.0)
    d = np.where(placed, table[:, 3] * np.power(np.where(placed, ref, 1.0), table[:, 2]), 1.0)
    return CurveArrays(r0, rmax, c, d)


def reference_visits(visits_12m: ArrayLike, norm: ArrayLike) -> np.ndarray:
    """Today's visits where known and positive, else the segment's norm (0 means no reference)."""
    visits = np.asarray(visits_12m, dtype=float)
    return np.where(np.isfinite(visits) & (visits > 0), visits, np.asarray(norm, dtype=float))
