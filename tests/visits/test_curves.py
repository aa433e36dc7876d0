"""Response curves: fitting from judgements, degenerate judgements, vectorised evaluation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from portfolio.visits import CurveArrays, Judgements, ResponseCurve, client_curves, fit_curve, \
    fit_shape, fit_shapes, reference_visits


def adbudg(x: float, r0: float, rmax: float, c: float, d: float) -> float:
    return r0 if x == 0 else r0 + (rmax - r0) * x ** c / (d + x ** c)


def judgements_from(r0: float, rmax: float, c: float, d: float, ref: float) -> dict[str, float]:
    today = adbudg(ref, r0, rmax, c, d)
    return {"none": r0 / today, "half": adbudg(ref / 2, r0, rmax, c, d) / today, "current": 1.0,
            "more_50": adbudg(1.5 * ref, r0, rmax, c, d) / today, "saturation": rmax / today}


@pytest.mark.parametrize("r0, rmax, c, d, ref", [
    (30_000, 150_000, 0.6, 2.5, 6),      # concave
    (10_000, 90_000, 1.0, 4.0, 4),       # c = 1
    (5_000, 200_000, 2.5, 300.0, 10),    # S-shaped
    (0.0, 1.0, 4.0, 5e3, 12),            # S-shaped, no revenue without visits
])
def test_fit_recovers_the_curve_that_made_the_judgements(r0, rmax, c, d, ref) -> None:
    j = judgements_from(r0, rmax, c, d, ref)
    curve = fit_curve(j, ref)
    today = adbudg(ref, r0, rmax, c, d)
    assert curve.c == pytest.approx(c, rel=1e-6)
    assert curve.d == pytest.approx(d, rel=1e-5)
    assert curve.r0 == pytest.approx(r0 / today, rel=1e-12, abs=1e-12)
    assert curve.rmax == pytest.approx(rmax / today, rel=1e-12)
    for x in (0, 1, 3, ref, 20):
        assert float(curve(x)) == pytest.approx(adbudg(x, r0, rmax, c, d) / today, rel=1e-7, abs=1e-12)


def test_shape_is_independent_of_the_reference_and_scales_d() -> None:
    j = judgements_from(1.0, 3.0, 2.0, 50.0, 5)
    shape = fit_shape(j)
    assert shape.s_shaped and not shape.flat
    assert shape.residual < 1e-9
    # d = d_unit · refᶜ: at 10 reference visits the same judgements move the curve right.
    assert shape.at(10).d == pytest.approx(shape.d_unit * 10 ** shape.c)
    assert float(shape.at(10)(10)) == pytest.approx(1.0, rel=1e-9)
    assert float(shape.at(5)(5)) == pytest.approx(1.0, rel=1e-9)


def test_concave_judgements_give_a_concave_curve() -> None:
    # judgements read off a c = 0.7 curve (rounded as a person would give them)
    shape = fit_shape({"none": 0.38, "half": 0.86, "current": 1.0, "more_50": 1.08, "saturation": 1.53})
    assert shape.c <= 1.0 and not shape.s_shaped
    values = shape.at(6)(np.arange(0, 13))
    steps = np.diff(values)
    assert (steps > 0).all() and (np.diff(steps) <= 1e-12).all()


def test_inconsistent_judgements_get_the_least_squares_fit() -> None:
    j = {"none": 0.4, "half": 0.9, "current": 1.0, "more_50": 1.3, "saturation": 1.5}
    shape = fit_shape(j)
    assert shape.r0 == 0.4 and shape.rmax == 1.5

    def sse(c: float, d: float) -> float:
        return sum((adbudg(u, 0.4, 1.5, c, d) - y) ** 2 for u, y in ((0.5, 0.9), (1.0, 1.0), (1.5, 1.3)))

    fitted = sse(shape.c, shape.d_unit)
    assert shape.residual == pytest.approx(math.sqrt(fitted / 3), rel=1e-9)
    cs = np.exp(np.linspace(math.log(0.05), math.log(20), 300))
    ds = np.exp(np.linspace(-12, 12, 600))
    grid_best = min(sse(c, d) for c in cs[::3] for d in ds[::3])
    assert fitted <= grid_best + 1e-12
    # no neighbouring point does better
    for fc in (0.999, 1.001):
        for fd in (0.999, 1.001):
            assert fitted <= sse(shape.c * fc, shape.d_unit * fd) + 1e-15


def test_flat_judgements_give_a_flat_curve() -> None:
    shape = fit_shape({"none": 1.0, "half": 1.0, "current": 1.0, "more_50": 1.0, "saturation": 1.0})
    assert shape.flat and not shape.s_shaped
    assert np.allclose(shape.at(4)(np.arange(10)), 1.0)
    assert shape.residual == 0.0


def test_no_visit_today_gives_a_flat_curve_at_todays_level() -> None:
    shape = fit_shape({"none": 0.2, "half": 0.6, "current": 1.0, "more_50": 1.2, "saturation": 1.5})
    curve = shape.at(0)
    level = float(shape.at(4)(4))
    assert np.allclose(curve(np.arange(8)), level)
    arrays = client_curves([shape], [0, 0], [0.0, np.nan])
    assert np.allclose(arrays(np.array([[0, 3, 9], [1, 2, 40]])), level)


def test_current_defaults_to_one() -> None:
    assert Judgements.from_mapping({"none": 0.5, "half": 0.8, "more_50": 1.1, "saturation": 1.3}).current == 1.0


@pytest.mark.parametrize("values, message", [
    ({"none": 0.5, "half": 0.8, "more_50": 1.1}, "saturation: missing"),
    ({"none": -0.1, "half": 0.8, "more_50": 1.1, "saturation": 2}, "none: expected a number ≥ 0"),
    ({"none": 0.5, "half": "high", "more_50": 1.1, "saturation": 2}, "half: expected a number"),
    ({"none": 0.5, "half": True, "more_50": 1.1, "saturation": 2}, "half: expected a number"),
    ({"none": 0.5, "half": 0.8, "more_50": 1.1, "saturation": 2, "max": 3}, "unknown key(s) max"),
])
def test_bad_judgements_are_reported_by_key(values, message) -> None:
    with pytest.raises(ValueError) as err:
        fit_shapes({"develop": values})
    assert message in str(err.value)
    assert "response.develop" in str(err.value)


def test_vectorised_evaluation_matches_the_formula_client_by_client() -> None:
    rng = np.random.default_rng(11)
    curves = [ResponseCurve(float(a), float(b), float(c), float(d)) for a, b, c, d in
              zip(rng.uniform(0, 1, 20), rng.uniform(1, 3, 20), rng.uniform(0.3, 5, 20), rng.uniform(0.5, 80, 20))]
    arrays = CurveArrays.of(curves)
    grid = np.tile(np.arange(0, 9), (20, 1))
    table = arrays(grid)
    for i, k in enumerate(curves):
        for x in range(9):
            assert table[i, x] == pytest.approx(adbudg(x, k.r0, k.rmax, k.c, k.d), rel=1e-12)
    visits = rng.integers(0, 9, 20)
    assert np.allclose(arrays(visits), table[np.arange(20), visits])


def test_client_curves_place_each_segment_shape_at_the_client_reference() -> None:
    develop = fit_shape(judgements_from(1.0, 4.0, 2.0, 30.0, 6))
    maintain = fit_shape(judgements_from(2.0, 3.0, 0.5, 1.0, 3))
    ref = reference_visits([5, 0, np.nan, 2], [8, 8, 4, 4])
    assert ref.tolist() == [5, 8, 4, 2]
    arrays = client_curves([develop, maintain], [0, 0, 1, 1], ref)
    for i, (shape, r) in enumerate(zip([develop, develop, maintain, maintain], ref)):
        assert arrays.d[i] == pytest.approx(shape.d_unit * r ** shape.c)
        # each client's curve is worth today's level at its reference visits
        assert arrays(np.full(4, r))[i] == pytest.approx(1.0, rel=1e-8)
