"""Priority visits per rep: order and reason codes by hand."""

from __future__ import annotations

import pandas as pd

from portfolio.visits import priority_visits

REF = pd.Timestamp("2026-10-31")
NORMS = {"develop": (4, 5, 8), "partners": (6, 10, 12), "maintain": (2, 4, 6), "minimal": (0, 0, 1)}


def test_order_and_reasons_by_hand() -> None:
    def client(cid, rep, segment, revenue, potential, days):
        return {"client_id": cid, "salesperson": rep, "segment": segment, "revenue": revenue,
                "potential": potential, "last_visit": None if days is None else REF - pd.Timedelta(days=days)}

    clients = pd.DataFrame([
        client("d_ok_big", "Ana", "develop", 20_000, 140_000, 10),       # develop, ok, headroom 120k
        client("d_over", "Ana", "develop", 5_000, 25_000, 400),          # develop, overdue
        client("d_never", "Ana", "develop", 0, 30_000, None),            # develop, never visited
        client("d_ok_small", "Ana", "develop", 9_000, 10_000, 20),       # develop, ok, headroom 1k
        client("p_due", "Ana", "partners", 90_000, 100_000, 30),         # 30×10/365 = 0.82 → due
        client("p_ok", "Ana", "partners", 90_000, 200_000, 5),           # ok → not listed
        client("m_over", "Ana", "maintain", 3_000, 3_000, 200),          # overdue
        client("n_never", "Ana", "minimal", 100, 5_000, None),           # norm 0 → not listed
        client("b_never", "Bruno", "maintain", 1_000, 900, None),        # never visited
    ])
    table = priority_visits(clients, NORMS, REF)
    ana = table[table["salesperson"] == "Ana"]
    assert ana["client_id"].tolist() == ["d_never", "d_over", "d_ok_big", "d_ok_small", "m_over", "p_due"]
    assert ana["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert ana["reason"].tolist() == ["develop_never_visited", "develop_overdue", "develop_headroom",
                                      "develop_headroom", "overdue", "due"]
    params = ana["params"].tolist()
    assert params[0] == {"headroom": 30_000}
    assert params[1] == {"headroom": 20_000, "days": 400, "interval": 73}
    assert params[2] == {"headroom": 120_000, "days": 10}
    assert params[4] == {"segment": "maintain", "days": 200, "interval": 91}
    assert params[5] == {"segment": "partners", "days": 30, "interval": 37}  # 36.5 days, half up
    bruno = table[table["salesperson"] == "Bruno"]
    assert bruno["reason"].tolist() == ["never_visited"]
    assert bruno["params"].tolist() == [{"segment": "maintain"}]
    assert bruno["headroom"].tolist() == [0.0]  # revenue above potential: no headroom, not negative

    top = priority_visits(clients, NORMS, REF, limit=2)
    assert top["client_id"].tolist() == ["d_never", "d_over", "b_never"]
