"""The Structure and Rep pages render on the seeded demo with their charts, tables and choices."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from tests.ui.conftest import (N_CLIENTS, ROOT, all_text, charts, open_page, seed_database,
                               table_rows)

STRUCTURE = "pages/5_Structure.py"
REP = "pages/6_Rep.py"
REPS = ["Claire Martin", "Julien Moreau", "Sophie Bernard", "Vincent Faure"]
LABELS = ["Competitors' strongholds", "Partners", "Small loyal clients", "Low-priority clients"]


def frame_with(at, column: str) -> pd.DataFrame:
    """The one data frame on the page that has `column`."""
    frames = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(frames) == 1, [list(d.value.columns) for d in at.dataframe]
    return frames[0]


# ---------------------------------------------------------------- Structure page


def test_the_structure_page_shows_the_team_against_the_norms(seeded_db):
    at = open_page(STRUCTURE)
    assert not at.exception
    assert [t.value for t in at.title] == ["Portfolio structure"]
    assert [tab.label for tab in at.tabs] == ["Structure and norms", "Same revenue, different structure",
                                              "Concentration", "Gaps to the norms", "Over time"]
    metrics = {m.label: m.value for m in at.metric}
    assert list(metrics) == ["Clients", "Revenue", "Potential", "Share of wallet", "Headroom"]
    assert metrics["Clients"] == str(N_CLIENTS)
    figures = charts(at)
    assert list(figures) == ["w.structure.mix", "w.structure.norms", "w.structure.wallet",
                             "w.structure.split", "w.structure.concentration",
                             "w.structure.heatmap"]
    norms = figures["w.structure.norms"]
    targets = [trace for trace in norms["data"] if trace.get("name") == "Target" and trace["x"][0]]
    # The shipped norms: clients 30 / 20 / 30 / 20 %, revenue 30 / 45 / 20 / 5 %.
    assert [trace["x"] for trace in targets] == [[30, 20, 30, 20], [30, 45, 20, 5]]
    assert len([s for s in norms["layout"]["shapes"] if s["name"].startswith("tolerance:")]) == 8
    rows = {row[0]: row[1:] for row in table_rows(at.table[0])}
    assert list(rows) == LABELS
    assert sum(int(row[0]) for row in rows.values()) == N_CLIENTS
    assert [row[2] for row in rows.values()] == ["30%", "20%", "30%", "20%"]


def test_reps_side_by_side_are_sorted_by_revenue_then_by_the_order_chosen(seeded_db, demo_clients):
    at = open_page(STRUCTURE)
    by_revenue = list(demo_clients.groupby("salesperson")["revenue"].sum()
                      .sort_values(ascending=False).index)
    reps = frame_with(at, "Share of wallet (%)")
    assert list(reps["Salesperson"]) == by_revenue
    assert list(reps.columns) == ["Salesperson", "Clients", "Revenue (€)", "Potential (€)",
                                  "Share of wallet (%)", "Headroom (€)",
                                  "Top 20% of clients: % of revenue", "A clients", "B clients",
                                  "C clients"]
    assert charts(at)["w.structure.wallet"]["data"][0]["y"] == by_revenue
    at.segmented_control(key="w.structure.order").set_value("name").run()
    assert not at.exception
    assert list(frame_with(at, "Share of wallet (%)")["Salesperson"]) == REPS
    figures = charts(at)
    assert figures["w.structure.wallet"]["data"][0]["y"] == REPS
    assert figures["w.structure.split"]["data"][0]["y"] == REPS
    assert figures["w.structure.concentration"]["data"][0]["y"] == ["Whole team", *REPS]
    # The order is one choice for both tabs.
    assert at.segmented_control(key="w.structure.order_concentration").value == "name"


def test_the_gaps_tab_lists_who_is_outside_tolerance_and_offers_downloads(seeded_db):
    at = open_page(STRUCTURE)
    heat, frames = charts(at)["w.structure.heatmap"]["data"]
    assert heat["type"] == "heatmap" and heat["zmid"] == 0
    assert heat["y"][0] == "Whole team" and sorted(heat["y"][1:]) == REPS
    outside = frame_with(at, "Gap (points)")
    verdicts = outside[["On clients", "On revenue"]]
    assert (verdicts == "outside tolerance").any(axis=1).all()
    assert not outside.duplicated(["Salesperson", "Segment"]).any()
    sizes = list(outside["Gap (points)"].abs())
    assert sizes == sorted(sizes, reverse=True)  # largest gap first
    # The reps' framed cells are exactly the rows outside tolerance on clients.
    framed = {(y, x) for y, x in zip(frames["y"], frames["x"]) if y != "Whole team"}
    on_clients = outside[outside["On clients"] == "outside tolerance"]
    assert framed == set(zip(on_clients["Salesperson"], on_clients["Segment"]))
    labels = [button.label for button in at.get("download_button")]
    assert labels.count("Download (CSV)") == 2 and labels.count("Download (Excel)") == 2


def test_the_gaps_can_be_read_on_revenue(seeded_db):
    at = open_page(STRUCTURE)
    at.segmented_control(key="w.structure.measure").set_value("revenue").run()
    assert not at.exception
    heat = charts(at)["w.structure.heatmap"]["data"][0]
    assert heat["name"] == "Revenue"
    assert "share of revenue in the segment minus the target" in all_text(at)


def test_viewing_as_a_rep_shows_their_portfolio_and_points_to_the_rep_page(seeded_db, demo_clients):
    at = open_page(STRUCTURE)
    at.selectbox(key="w.view_as").set_value("Julien Moreau").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Clients"] == str(
        int((demo_clients["salesperson"] == "Julien Moreau").sum()))
    assert list(frame_with(at, "Share of wallet (%)")["Salesperson"]) == ["Julien Moreau"]
    assert [i.value for i in at.info][0].startswith("You are viewing Julien Moreau's portfolio only.")


def test_the_structure_page_in_french(seeded_db):
    at = open_page(STRUCTURE, locale="fr-FR")
    assert not at.exception
    assert [t.value for t in at.title] == ["Structure du portefeuille"]
    assert [tab.label for tab in at.tabs][1] == "Même CA, structures différentes"
    assert charts(at)["w.structure.mix"]["layout"]["xaxis"]["title"]["text"] == "Part du total"


def test_a_broken_norms_file_is_reported_with_its_line_and_key(seeded_db, tmp_path, monkeypatch):
    (tmp_path / "grids").mkdir()
    shutil.copy(ROOT / "config" / "grids" / "default.yaml", tmp_path / "grids" / "default.yaml")
    norms = (ROOT / "config" / "norms.yaml").read_text(encoding="utf-8")
    (tmp_path / "norms.yaml").write_text(norms.replace("tolerance: 0.05", "tolerance: 2"),
                                         encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(tmp_path))
    for page in (STRUCTURE, REP):
        at = open_page(page)
        assert not at.exception
        assert [e.value for e in at.error] == [
            "The norms file norms.yaml cannot be used with this grid:"]
        assert "norms.yaml:7: structure.tolerance: expected a number" in at.code[0].value
        assert not at.get("plotly_chart")


# ---------------------------------------------------------------- Rep page


def choose(at, rep: str) -> None:
    at.selectbox(key="w.rep.rep").set_value(rep).run()


def test_the_rep_page_shows_the_first_rep_with_every_section(seeded_db):
    at = open_page(REP)
    assert not at.exception
    assert [t.value for t in at.title] == ["Rep self-steering"]
    assert at.selectbox(key="w.rep.rep").options == REPS
    assert at.selectbox(key="w.rep.rep").value == "Claire Martin"
    figures = charts(at)
    assert list(figures) == ["w.rep.norms", "w.rep.peers", "w.rep.qrc", "w.rep.objective_chart"]
    assert [t["type"] for t in figures["w.rep.peers"]["data"]][0] == "box"
    assert [s.value for s in at.subheader] == [
        "Your structure against the norm", "You among your peers",
        "Your relationship with your clients (QRC), against the team",
        "Priority clients: attractive, relationship still weak",
        "From a revenue objective to portfolio objectives"]
    assert "Compared with the 4 reps of the team, names withheld." in all_text(at)


def test_the_same_revenue_reps_have_opposite_structures_and_priorities(seeded_db):
    at = open_page(REP)
    choose(at, "Claire Martin")
    claire = all_text(at)
    assert "Your portfolio is mostly **Small loyal clients**" in claire
    # Far above the team on every criterion: said as a lead, never as "at the team's level".
    assert "No relationship criterion falls short of the team, and your clients score clearly above it on" in claire
    assert "at or near the team" not in claire
    choose(at, "Julien Moreau")
    assert not at.exception
    julien = all_text(at)
    assert "Your portfolio is mostly **Competitors' strongholds**" in julien
    assert "**First priority: Our share of its purchases.**" in julien
    assert "The norms applied to you are those for region = Île-de-France." in julien
    profile = charts(at)["w.rep.qrc"]["data"]
    assert [trace["name"] for trace in profile] == ["You", "Team"]
    assert profile[0]["y"][0] == "Our share of its purchases<br><b>priority 1</b>"


def test_a_revenue_objective_becomes_moves_on_named_clients(seeded_db, demo_clients):
    at = open_page(REP)
    choose(at, "Julien Moreau")
    at.text_input(key="w.rep.growth").input("0").run()
    assert "Enter a revenue increase to see the moves that reach it." in [i.value for i in at.info]
    assert not [d for d in at.dataframe if "Revenue gain (€)" in d.value.columns]
    at.text_input(key="w.rep.growth").input("10").run()
    assert not at.exception
    moves = frame_with(at, "Revenue gain (€)")
    assert len(moves) > 0
    objective = 0.10 * demo_clients.loc[demo_clients["salesperson"] == "Julien Moreau",
                                        "revenue"].sum()
    # Each gain is rounded to the euro on screen.
    assert moves["Revenue gain (€)"].sum() == pytest.approx(objective, abs=len(moves))
    assert (moves["Target (%)"] > moves["Share of wallet today (%)"]).all()
    assert set(moves["Segment"]) <= set(LABELS)
    assert at.success[-1].value.startswith("The €99k are within reach: raise the share of wallet of "
                                           f"{len(moves)} clients")


def test_an_objective_the_headroom_cannot_cover_says_so(seeded_db):
    at = open_page(REP)
    choose(at, "Claire Martin")
    at.text_input(key="w.rep.growth").input("10").run()
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1 and warnings[0].startswith(
        "The headroom within reach cannot cover it: raising every client to the next band of the "
        "grid brings ")
    at.segmented_control(key="w.rep.target").set_value("partners").run()
    assert not at.exception
    # Even at the partners' level, Claire's small clients cannot bring +10 %.
    assert [w.value for w in at.warning][0].startswith(
        "The headroom within reach cannot cover it: raising every client to the partners' level "
        "brings ")


def test_a_rep_viewing_their_own_portfolio_is_compared_with_anonymous_peers(seeded_db):
    at = open_page(REP)
    at.selectbox(key="w.view_as").set_value("Julien Moreau").run()
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "w.rep.rep"]
    text = all_text(at)
    assert "Your portfolio: **Julien Moreau**." in text
    assert "Compared with the 4 reps of the team, names withheld." in text
    peers = charts(at)["w.rep.peers"]["data"]
    assert len(peers[1]["y"]) == 4 * len(REPS)  # one dot per rep and segment, no names
    assert "text" not in peers[1] and "customdata" not in peers[1]
    for other in REPS[:1] + REPS[2:]:
        assert other not in text


def test_in_a_team_of_three_a_rep_is_not_shown_the_peer_spread(tmp_path, monkeypatch,
                                                                demo_clients):
    three = demo_clients[demo_clients["salesperson"] != "Vincent Faure"]
    monkeypatch.setenv("PORTFOLIO_DB", str(seed_database(tmp_path / "three.duckdb", three)))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(REP)
    at.selectbox(key="w.view_as").set_value("Julien Moreau").run()
    assert not at.exception
    assert "w.rep.peers" not in charts(at)
    assert [i.value for i in at.info if "colleague" in i.value] == [
        "Your peers are shown when at least 3 other reps are compared with you: with fewer, "
        "each dot would point to a colleague."]
    # The rest of the page is there: the QRC profile against the team, the objectives.
    assert {"w.rep.norms", "w.rep.qrc"} <= set(charts(at))
    director = open_page(REP)
    director.selectbox(key="w.rep.rep").set_value("Julien Moreau").run()
    assert "w.rep.peers" in charts(director)


def test_the_rep_page_in_french(seeded_db):
    at = open_page(REP, locale="fr-FR")
    choose(at, "Julien Moreau")
    assert not at.exception
    assert [t.value for t in at.title] == ["Autopilotage du commercial"]
    text = all_text(at)
    assert "Votre portefeuille est surtout fait de **Bastions concurrents**" in text
    assert "**Première priorité : Part de marché chez le client.**" in text


def test_a_rep_with_no_revenue_gets_no_objective_arithmetic(tmp_path, monkeypatch, demo_clients):
    clients = demo_clients.copy()
    clients.loc[clients["salesperson"] == "Vincent Faure", ["revenue", "share_of_wallet"]] = 0.0
    monkeypatch.setenv("PORTFOLIO_DB", str(seed_database(tmp_path / "p.duckdb", clients)))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(REP)
    choose(at, "Vincent Faure")
    assert not at.exception
    assert [i.value for i in at.info][-1].startswith("No revenue yet in this portfolio")
    assert not [d for d in at.dataframe if "Revenue gain (€)" in d.value.columns]
