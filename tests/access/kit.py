"""A small store for access tests: an imported dataset with regions and teams, and a demo one."""

from __future__ import annotations

import pandas as pd

from portfolio.access import ALL_CLIENTS, Person, Role, Scope
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset

# client, salesperson, region (written with the case and spaces of a real file), team
CLIENTS = [
    ("c1", "Claire Martin", "Normandie", "Nord"),
    ("c2", "Claire Martin", " hauts-de-france ", "Nord"),
    ("c3", "Julien Moreau", "Bretagne", "Ouest"),
    ("c4", "Julien Moreau", "NORMANDIE", "Ouest"),
    ("c5", "Paul Girard", None, "Sud"),
    ("c6", "Paul Girard", "Occitanie", "Sud"),
]

ADMIN = Person("it@example.com", Role.ADMIN)
DIRECTOR_NORTH = Person("d.lefebvre@example.com", Role.DIRECTOR,
                        scope=Scope("region", ("Hauts-de-France", "Normandie")))
DIRECTOR_ALL = Person("direction@example.com", Role.DIRECTOR, scope=ALL_CLIENTS)
DIRECTOR_BY_AREA = Person("zone@example.com", Role.DIRECTOR, scope=Scope("area", ("Nord",)))
REP = Person("claire.martin@example.com", Role.REP, ("Claire Martin",))
TRAINER = Person("formation@example.com", Role.TRAINER)
GONE = Person("ancien@example.com", Role.REP, ("Paul Girard",), active=False)


def clients_frame(rows=CLIENTS, with_team: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame({
        "client_id": [r[0] for r in rows], "client_name": [f"Client {r[0]}" for r in rows],
        "salesperson": [r[1] for r in rows], "region": [r[2] for r in rows],
        "revenue": 100.0, "potential": 1000.0, "source_row": range(2, 2 + len(rows))})
    if with_team:
        frame["team"] = [r[3] for r in rows]
    return frame


def seeded(store: Store) -> tuple[int, int]:
    """The ids of an imported dataset (the six clients, period 2026-Q3) and of a demo one."""
    imported = create_dataset(store, clients_frame(), name="Team", source="team.csv", period="2026-Q3")
    demo = create_dataset(store, clients_frame(CLIENTS[:2]), name="Demo portfolio", source="demo",
                          period="2026-Q3", is_demo=True)
    return imported, demo
