"""One route from the data to every surface: the commands and the pages give one answer.

The same client file goes through `score`, `gaps`, `plan`, `import` + `export` and the pages
(AppTest); each surface is read back as a user would read it and compared with the others.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from portfolio.demo import generate_demo
from portfolio.tables_out import csv_bytes
from tests.ui.conftest import charts, open_page

ROOT = Path(__file__).resolve().parents[2]
GRID_LABELS = {"market_position": "Position on its market", "solvency": "Solvency",
               "contact_level": "Level of our contacts", "commitments_kept": "Commitments kept"}
# The headers a French CRM export gives these columns (aliases of the data contract).
FRENCH_HEADERS = {"client_id": "Code client", "client_name": "Raison sociale",
                  "salesperson": "Commercial", "revenue": "CA 12 mois", "potential": "Potentiel",
                  "share_of_wallet": "Part de marché", "region": "Région",
                  "market_position": "Position sur son marché", "solvency": "Solvabilité",
                  "contact_level": "Niveau des interlocuteurs",
                  "commitments_kept": "Respect des engagements",
                  "product_families": "Familles achetées", "visits_12m": "Visites 12 mois",
                  "last_visit": "Dernière visite", "margin": "Marge"}


@pytest.fixture(params=["duckdb", "postgresql"])
def database(request, tmp_path) -> str:
    """Where the imports go: a DuckDB file, or a shared PostgreSQL database (the same answers)."""
    if request.param == "postgresql":
        return request.getfixturevalue("shared_url")
    return str(tmp_path / "portfolio.duckdb")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def demo(n_clients: int = 300) -> pd.DataFrame:
    return generate_demo(n_clients=n_clients, n_reps=4, seed=5)


def french_file(path: Path, frame: pd.DataFrame) -> Path:
    """The frame as French Excel saves it: French headers, `;`, decimal comma."""
    kept = frame[[c for c in FRENCH_HEADERS if c in frame.columns]]
    path.write_bytes(csv_bytes(kept.rename(columns=FRENCH_HEADERS), "fr"))
    return path


def score_output(file: Path) -> pd.DataFrame:
    done = run("score", str(file))
    assert done.returncode == 0, done.stderr
    return pd.read_csv(io.StringIO(done.stdout), dtype={"client_id": str}).set_index("client_id")


def export_output(file: Path, db: str, tmp_path: Path) -> pd.DataFrame:
    assert run("import", str(file), "--db", str(db), "--dataset", "same").returncode == 0
    out = tmp_path / "export.csv"
    done = run("export", "--dataset", "same", "--out", str(out), "--db", str(db), "--lang", "en")
    assert done.returncode == 0, done.stderr
    return pd.read_csv(out, dtype={"client_id": str}, encoding="utf-8-sig").set_index("client_id")


def matrix_points(db: str, monkeypatch) -> pd.DataFrame:
    """The clients the Matrix page draws: (client_id, attractiveness, qrc, segment)."""
    monkeypatch.setenv("PORTFOLIO_DB", str(db))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    rows = []
    for trace in charts(at)["w.matrix.chart"]["data"]:
        if trace.get("mode") != "markers" or "customdata" not in trace:
            continue
        for x, y, custom in zip(trace["x"], trace["y"], trace["customdata"]):
            rows.append((str(custom[0]), y, x, trace["legendgroup"]))
    return pd.DataFrame(rows, columns=["client_id", "attractiveness", "qrc", "segment"]
                        ).set_index("client_id")


@pytest.mark.parametrize("kind", ["demo", "french"])
def test_score_export_and_the_matrix_give_each_client_the_same_scores(kind, database, tmp_path,
                                                                     monkeypatch):
    clients = demo()
    if kind == "demo":
        file = tmp_path / "clients.csv"
        clients.to_csv(file, index=False)
    else:
        file = french_file(tmp_path / "clients.csv", clients)
    scored = score_output(file)
    db = database
    exported = export_output(file, db, tmp_path)
    drawn = matrix_points(db, monkeypatch)
    assert len(scored) == len(exported) == len(clients)
    assert set(drawn.index) == set(scored.index)  # every client has a segment in the demo
    for axis, header in (("attractiveness", "Attractiveness"),
                         ("qrc", "Quality of the commercial relationship")):
        assert exported.loc[scored.index, header].to_numpy() == pytest.approx(
            scored[axis].to_numpy(), abs=1e-9)
        assert drawn.loc[scored.index, axis].to_numpy() == pytest.approx(
            scored[axis].to_numpy(), abs=1e-9)
    assert (drawn.loc[scored.index, "segment"] == scored["segment"]).all()
    labels = {"partners": "Partners", "develop": "Competitors' strongholds",
              "maintain": "Small loyal clients", "minimal": "Low-priority clients"}
    assert (exported.loc[scored.index, "Segment"] == scored["segment"].map(labels)).all()


@pytest.fixture
def lacking_file(tmp_path) -> Path:
    """A file without four of the default grid's columns, as many CRM exports are."""
    file = tmp_path / "lacking.csv"
    demo().drop(columns=list(GRID_LABELS)).to_csv(file, index=False)
    return file


def _names_every_lacking_criterion(text: str) -> bool:
    return all(f"{label} (column {column}" in text for column, label in GRID_LABELS.items())


def test_a_file_lacking_grid_columns_gets_one_outcome_and_one_warning_from_every_command(
        lacking_file, database, tmp_path):
    db = database
    assert run("import", str(lacking_file), "--db", str(db), "--dataset", "lacking").returncode == 0
    results = {
        "score": run("score", str(lacking_file)),
        "gaps": run("gaps", str(lacking_file)),
        "plan": run("plan", str(lacking_file), "--out", str(tmp_path / "plan.csv")),
        "export": run("export", "--dataset", "lacking", "--out", str(tmp_path / "out.csv"),
                      "--db", str(db)),
    }
    for command, done in results.items():
        assert done.returncode == 0, (command, done.stderr)
        assert _names_every_lacking_criterion(done.stderr), (command, done.stderr)
        assert "give 0 points to every client" in done.stderr, command
    # The same scores: the criteria count 0 points everywhere, so no client is a partner
    # by those criteria alone; score and export agree client by client.
    scored = pd.read_csv(io.StringIO(results["score"].stdout), dtype={"client_id": str})
    exported = pd.read_csv(tmp_path / "out.csv", dtype={"client_id": str}, encoding="utf-8-sig")
    merged = scored.merge(exported, on="client_id")
    assert len(merged) == len(scored) == 300
    assert merged["qrc"].to_numpy() == pytest.approx(
        merged["Quality of the commercial relationship"].to_numpy())
    assert scored["incomplete"].all()


@pytest.mark.parametrize("page", ["app.py", "pages/1_Matrix.py", "pages/5_Structure.py",
                                  "pages/6_Rep.py", "pages/7_Visit_plan.py"])
def test_every_scoring_page_and_home_name_the_criteria_without_data(page, lacking_file, database,
                                                                     monkeypatch):
    db = database
    assert run("import", str(lacking_file), "--db", str(db)).returncode == 0
    monkeypatch.setenv("PORTFOLIO_DB", str(db))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(page)
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any(_names_every_lacking_criterion(w) for w in warnings), warnings
    french = open_page(page, locale="fr-FR")
    assert any("Position sur son marché (colonne market_position" in w.value
               for w in french.warning)
