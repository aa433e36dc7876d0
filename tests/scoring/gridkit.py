"""Building grids in tests without YAML, so scoring tests do not depend on the loader."""

from __future__ import annotations

from portfolio.grid.model import Axis, Band, Category, Criterion, Grid, LocalText, Segment


def bands(column: str, weight: float, *levels: tuple[float, float], cid: str | None = None
          ) -> Criterion:
    return Criterion(cid or column, LocalText.of(column), column, weight,
                     bands=tuple(Band(start, points) for start, points in levels))


def categories(column: str, weight: float, *levels: tuple[str, float], cid: str | None = None
               ) -> Criterion:
    return Criterion(cid or column, LocalText.of(column), column, weight,
                     categories=tuple(Category(value, points) for value, points in levels))


def grid_2x2(attractiveness: list[Criterion], qrc: list[Criterion], *, missing: str = "zero",
             cuts: tuple[float, float] = (50.0, 50.0)) -> Grid:
    def cell(a: int, q: int) -> dict[str, int]:
        return {"attractiveness": a, "qrc": q}
    return Grid(
        name=LocalText.of("test"), version=1, missing=missing,  # type: ignore[arg-type]
        axes={"attractiveness": Axis("attractiveness", LocalText.of("A"), tuple(attractiveness)),
              "qrc": Axis("qrc", LocalText.of("Q"), tuple(qrc))},
        cuts={"attractiveness": (cuts[0],), "qrc": (cuts[1],)},
        segments=(Segment("minimal", cell(0, 0), LocalText.of("minimal")),
                  Segment("maintain", cell(0, 1), LocalText.of("maintain")),
                  Segment("develop", cell(1, 0), LocalText.of("develop")),
                  Segment("partners", cell(1, 1), LocalText.of("partners"))),
    )
