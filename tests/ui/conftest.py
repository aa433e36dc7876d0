"""Page-test fixtures: a temporary database seeded with a small demo, fresh caches for every test."""

from __future__ import annotations

import base64
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from portfolio.demo import generate_demo
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
DATASET_NAME = "Test portfolio"
N_CLIENTS = 400


@pytest.fixture(autouse=True)
def fresh_caches():
    """Caches and cached resources outlive an AppTest within one process: start each test clean."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


# One client with values chosen by hand, so that its card can be checked against
# the shipped grid (config/grids/default.yaml) without trusting the scoring code.
WITNESS = {
    "client_id": "C99999", "client_name": "Atelier Témoin", "salesperson": "Claire Martin",
    "potential": 53_800.0,       # band from 20,000: 2 of 4 points, "20 to 100 k€ a year"
    "market_position": " Leader ",  # case and spaces folded: leader, 4 of 4
    "solvency": "B",             # 3 of 4
    "share_of_wallet": 0.0214,   # band from 0: 0 of 3, "under 10 %"
    "product_families": 2,       # band from 2: 2 of 3, "two or three families"
    "contact_level": None,       # missing: 0 of 4 under `missing: zero`
    "commitments_kept": 0.36,    # band from 0: 0 of 3, "under 50 % kept"
}
# Attractiveness = (50 × 2/4 + 25 × 4/4 + 25 × 3/4) / 100 × 100 = 68.75
# QRC = (40 × 0/3 + 20 × 2/3 + 20 × 0/4 + 20 × 0/3) / 100 × 100 = 13.33…
# so the witness is a competitors' stronghold (attractiveness ≥ 50, QRC < 50).


@pytest.fixture(scope="session")
def demo_clients() -> pd.DataFrame:
    clients = generate_demo(n_clients=N_CLIENTS, n_reps=4, seed=11)
    for column, value in WITNESS.items():
        clients.loc[0, column] = value
    return clients


def seed_database(path: Path, clients: pd.DataFrame, name: str = DATASET_NAME) -> Path:
    store = Store(path)
    try:
        create_dataset(store, clients, name=name, source="tests")
    finally:
        store.close()
    return path


@pytest.fixture
def seeded_db(tmp_path, monkeypatch, demo_clients) -> Path:
    """PORTFOLIO_DB pointing at a temporary file holding the small demo; the shipped grid."""
    path = seed_database(tmp_path / "portfolio.duckdb", demo_clients)
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    return path


def config_with_access(tmp_path: Path, monkeypatch, access: str) -> Path:
    """PORTFOLIO_CONFIG pointing at a copy of the shipped configuration with `access` as its
    access file (the app applies it when sign-in is configured)."""
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config, ignore=shutil.ignore_patterns("access.yaml"))
    (config / "access.yaml").write_text(access, encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    return config


def open_page(page_path: str = "app.py", *, locale: str | None = None) -> AppTest:
    """Run the app as a browser would land on `page_path` (relative to the project root)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if locale is not None:
        at.context = {"locale": locale}
    at.run()
    if page_path != "app.py":
        at.switch_page(page_path).run()
    return at


def table_rows(element) -> list[list[str]]:
    """The rows of an st.table as lists of cell texts (index left out)."""
    frame = element.value
    if hasattr(frame, "data"):  # a Styler
        frame = frame.data
    return [[str(v) for v in row] for row in frame.itertuples(index=False)]


class _CriteriaTableParser(HTMLParser):
    """The rows of a client card's criteria table: (criterion, rule, value, points)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, ...]] = []
        self._cells: list[list[str]] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th", "div") and self._cells is not None:
            self._cells.append([])  # the rule is a block of its own inside the criterion cell

    def handle_data(self, data: str) -> None:
        if self._cells:
            self._cells[-1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells is not None:
            self.rows.append(tuple("".join(parts) for parts in self._cells))
            self._cells = None


def criteria_tables(at: AppTest) -> list[list[tuple[str, ...]]]:
    """Each criteria table of the client card, its rows after the heading as
    (criterion, rule, value, points)."""
    tables = []
    for element in at.markdown:
        if 'class="criteria-table"' in element.value:
            parser = _CriteriaTableParser()
            parser.feed(element.value)
            tables.append(parser.rows[1:])
    return tables


def _decoded(value):
    """A figure array as sent to the browser: numbers may be packed as base64 `bdata`."""
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:  # "rows, columns"
            data = data.reshape([int(size) for size in str(value["shape"]).split(",")])
        return data.tolist()
    return value


def charts(at) -> dict[str, dict]:
    """The page's figures by widget key, their x, y and z arrays decoded."""
    found = {}
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            for axis in ("x", "y", "z"):
                if axis in trace:
                    trace[axis] = _decoded(trace[axis])
        found[chart.key] = spec
    return found


def all_text(at: AppTest) -> str:
    """Every text element's content, for "is this sentence on the page" checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success", "code", "metric"):
        for element in at.get(kind):
            parts.append(str(getattr(element, "value", "")))
            parts.append(str(getattr(element, "label", "")))
    for element in at.get("table"):
        parts.extend(" | ".join(row) for row in table_rows(element))
    return "\n".join(parts)
