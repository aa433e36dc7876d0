"""The Visit plan page says in one line when its rules for the data apply: a capacity far
beyond the workload (planned at the norms, the free visits named), and a file without any
visit data (no change against today, no 'never visited')."""

from __future__ import annotations

import shutil

import pandas as pd

from portfolio.numbers import number, percent
from tests.ui.conftest import ROOT, open_page, seed_database, table_rows

PAGE = "pages/7_Visit_plan.py"


def _metrics(at) -> dict[str, object]:
    return {m.label: m for m in at.metric}


def _count(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


def test_a_capacity_far_beyond_the_workload_is_planned_at_the_norms(seeded_db, tmp_path, monkeypatch):
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    norms = config / "norms.yaml"
    text = norms.read_text(encoding="utf-8")
    assert "visits_per_day: 4" in text
    norms.write_text(text.replace("visits_per_day: 4", "visits_per_day: 40"), encoding="utf-8")  # 40 × 180
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    at = open_page(PAGE, locale="fr-FR")
    assert not at.exception
    metrics = _metrics(at)
    capacity = _count(metrics["Visites disponibles"].value)
    workload = _count(metrics["Visites demandées par les normes"].value)
    recommended = _count(metrics["Visites recommandées"].value)
    assert capacity == 7200
    assert recommended == workload  # the norms fit: every client at its norm, not its max
    notes = [i.value for i in at.info if i.value.startswith("Capacité bien au-delà de la charge")]
    assert len(notes) == 1, [i.value for i in at.info]
    free = number(capacity - recommended, "fr")  # French thousands: a narrow no-break space
    assert f"moins de {percent(0.5, 'fr')} des {number(7200, 'fr')} visites disponibles" in notes[0]
    assert f"{free} visites par an ne sont pas demandées par les normes" in notes[0]
    # No range of field days: capacity is not the limit.
    assert not [c for c in at.caption if "jours de terrain en moins" in c.value]
    team = next(frame.value for frame in at.dataframe if "Visites libres" in frame.value.columns)
    assert (team["Visites libres"] != "—").all()
    assert any(c.value.startswith("4 commercial(aux) ont une capacité bien au-delà de la charge")
               for c in at.caption)


def test_the_shipped_norms_on_the_demo_apply_no_rule(seeded_db):
    at = open_page(PAGE)
    assert not at.exception
    text = [i.value for i in at.info] + [c.value for c in at.caption]
    assert not any("Capacity far beyond" in t or "No visit data" in t or "no visit dates" in t
                   for t in text)
    assert _metrics(at)["Visits recommended"].delta.endswith("vs today")


def test_a_file_without_visit_data_shows_no_change_against_today(tmp_path, monkeypatch, demo_clients):
    bare = demo_clients.copy()
    bare["visits_12m"] = pd.NA
    bare["last_visit"] = pd.NaT
    monkeypatch.setenv("PORTFOLIO_DB", str(seed_database(tmp_path / "p.duckdb", bare)))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(PAGE)
    assert not at.exception
    metrics = _metrics(at)
    assert not metrics["Visits recommended"].delta  # no "+N visits vs today"
    assert metrics["Expected revenue"].delta.endswith("vs visits at the norms")
    infos = [i.value for i in at.info]
    assert any(i.startswith("No visit data for these clients: today's visits are unknown, not 0.")
               for i in infos), infos
    assert any("over visits at the norms, which stand in for today's unknown visits" in c.value
               for c in at.caption)
    clients = next(frame.value for frame in at.dataframe if "One more visit adds" in frame.value.columns)
    assert (clients["Today"] == "—").all() and (clients["Change"] == "—").all()
    priorities = next(frame.value for frame in at.dataframe if "Why" in frame.value.columns)
    assert set(priorities["Urgency"]) <= {"no visit date"}  # never "never visited"
    assert (priorities["Segment"] == "Competitors' strongholds").all()
    assert not priorities["Visits today → plan"].str.contains("→").any()
    assert any(c.value.startswith("The file holds no visit dates") for c in at.caption)
    segments = [t for t in at.table if "Today" in list(t.value.columns)]
    assert segments and all(row[2] == "—" for row in table_rows(segments[0]))
    assert any(c.value.startswith("4 rep(s) have no visit data") for c in at.caption)
