"""Signing in for real, in Chromium: the app sends the visitor to an OpenID Connect provider
(oidc-provider-mock, on 127.0.0.1), comes back with Claire's e-mail, shows her only her own
clients on the Matrix and Rep pages, and after "Sign out" shows the sign-in screen again."""

from __future__ import annotations

import json
import re
import shutil
import sys
import urllib.request
from functools import cache
from pathlib import Path
from typing import Iterator

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from portfolio.demo import LOYAL_REP, generate_demo
from tests.browser.conftest import (DRAW_TIMEOUT_MS, free_port, running, served_app,
                                    wait_until_drawn)

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "claire@example.com"
ACCESS = f"""version: 1
people:
  - {{email: {EMAIL}, role: rep, salespeople: [{LOYAL_REP}]}}
"""
PROVIDER_START_SECONDS = 30
SIDEBAR = '[data-testid="stSidebar"]'
MAIN = '[data-testid="stMain"]'


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def provider(tmp_path) -> Iterator[str]:
    """The mock identity provider, its own process on 127.0.0.1, stopped by that process;
    Claire is preset with her e-mail and name (the claims a company provider would send)."""
    port = free_port()
    claims = json.dumps({"sub": EMAIL, "email": EMAIL, "name": LOYAL_REP})
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1",
               "--port", str(port), "--user-claims", claims]
    with running(command, tmp_path / "provider.log",
                 lambda: _answers(f"{url}/.well-known/openid-configuration"),
                 what="the identity provider", seconds=PROVIDER_START_SECONDS):
        yield url


@pytest.fixture
def signed_in_app(provider, tmp_path) -> Iterator[str]:
    """The app in sign-in mode: `[auth]` in a secrets file of its own (never the project's),
    a config folder whose access file makes Claire a rep, and a fresh database (the demo)."""
    port = free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-secret-for-this-test-only"\n'
        'client_id = "portfolio-pilot"\n'
        'client_secret = "client-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config, ignore=shutil.ignore_patterns("access.yaml"))
    (config / "access.yaml").write_text(ACCESS, encoding="utf-8")
    server = tmp_path / "server"
    server.mkdir()
    with served_app(server, port=port, env_extra={"PORTFOLIO_CONFIG": str(config)},
                    options=["--secrets.files", str(secrets)]) as url:
        yield url


def _expect_sign_in_screen(page: Page) -> None:
    wait_until_drawn(page)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    expect(page.locator(MAIN)).to_contain_text("Sign in with your company account")
    # Nothing about the data before signing in: no dataset, no rep, no chart, no table.
    text = page.locator('[data-testid="stApp"]').inner_text()
    assert "Demo portfolio" not in text
    assert not [rep for rep in _demo_reps() if rep in text]
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(0)
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(0)


@cache
def _demo() -> pd.DataFrame:
    """The demo portfolio the fresh database starts with."""
    return generate_demo()


def _demo_reps() -> set[str]:
    return set(_demo()["salesperson"].unique())


def _clients_of(rep: str) -> int:
    return int((_demo()["salesperson"] == rep).sum())


def _others_named(page: Page) -> list[str]:
    text = page.locator('[data-testid="stApp"]').inner_text()
    return sorted(rep for rep in _demo_reps() - {LOYAL_REP} if rep in text)


def test_claire_signs_in_sees_only_her_clients_and_signs_out(page: Page, signed_in_app: str,
                                                            provider: str):
    page.goto(signed_in_app)
    _expect_sign_in_screen(page)

    # Off to the provider's page, as Claire, and back.
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{provider}/**", timeout=DRAW_TIMEOUT_MS)
    page.get_by_placeholder("sub").fill(EMAIL)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{signed_in_app}/**", timeout=DRAW_TIMEOUT_MS)
    wait_until_drawn(page)
    sidebar = page.locator(SIDEBAR)
    expect(sidebar).to_contain_text(f"{LOYAL_REP} · sales rep", timeout=DRAW_TIMEOUT_MS)
    expect(page.get_by_role("button", name="Sign in")).to_have_count(0)

    # The Matrix: her clients only, no other rep named anywhere on the page.
    page.goto(f"{signed_in_app}/Matrix")
    wait_until_drawn(page)
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    expect(sidebar).to_contain_text("sales rep")
    assert _others_named(page) == []
    shown = re.search(r"([\d,]+) clients in the matrix", page.locator(MAIN).inner_text())
    assert shown, "the matrix says how many clients it shows"
    # At most her own clients (the whole team's demo has many more), and some of them.
    assert 0 < int(shown.group(1).replace(",", "")) <= _clients_of(LOYAL_REP) < len(_demo())

    # The Rep page: her own portfolio, peers anonymous.
    page.goto(f"{signed_in_app}/Rep")
    wait_until_drawn(page)
    expect(page.locator(MAIN)).to_contain_text(f"Your portfolio: {LOYAL_REP}.",
                                               timeout=DRAW_TIMEOUT_MS)
    assert _others_named(page) == []

    # Signing out ends the session at the provider too (it offers an end-session page,
    # which Streamlit follows), then back to the sign-in screen, with nothing of the data.
    sidebar.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{provider}/oauth2/end_session**", timeout=DRAW_TIMEOUT_MS)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{signed_in_app}/**", timeout=DRAW_TIMEOUT_MS)
    _expect_sign_in_screen(page)
    page.goto(f"{signed_in_app}/Matrix")
    _expect_sign_in_screen(page)
