"""The demo portfolios a trainer can put before a room, each seeded (the same clients every time).

- `default`: 12 reps and 2,000 clients, the method's whole story;
- `small`: 40 clients of one team of four reps, every segment present: it fits a slide, and
  a room can discuss each client;
- `overflow`: the default's 2,000 clients shared by 6 reps, whose visit norms ask for about
  three times the visits the reps can make: what gives, and who is visited less.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio.demo.generator import generate_demo


@dataclass(frozen=True)
class DemoVariant:
    id: str
    clients: int
    reps: int
    seed: int

    @property
    def source(self) -> str:
        """The dataset source it is stored under: tells a loaded demo's variant apart."""
        return "demo" if self.id == "default" else f"demo-{self.id}"

    def clients_frame(self) -> pd.DataFrame:
        return generate_demo(n_clients=self.clients, n_reps=self.reps, seed=self.seed)


VARIANTS: dict[str, DemoVariant] = {v.id: v for v in (
    DemoVariant("default", clients=2000, reps=12, seed=7),
    # Seed 12 gives every segment at least four clients under the shipped grid
    # (tests/demo/test_demo_variants.py checks it), and the two story reps the same revenue.
    DemoVariant("small", clients=40, reps=4, seed=12),
    DemoVariant("overflow", clients=2000, reps=6, seed=7),
)}


def demo_variant(variant_id: str) -> DemoVariant:
    """The variant `variant_id` (ValueError naming the others when there is none)."""
    try:
        return VARIANTS[variant_id]
    except KeyError:
        raise ValueError(f"no demo portfolio {variant_id!r}; there are: "
                         f"{', '.join(VARIANTS)}") from None
