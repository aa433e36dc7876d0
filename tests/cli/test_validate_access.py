"""`python -m portfolio validate-access PATH`: "ok", or every error and exit code 2."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from portfolio.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_example_prints_ok_as_a_user_runs_it():
    done = subprocess.run([sys.executable, "-m", "portfolio", "validate-access",
                           "config/access.example.yaml"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "ok\n", "")


def test_a_broken_file_prints_every_error_and_exits_2(tmp_path, capsys):
    path = tmp_path / "access.yaml"
    path.write_text(textwrap.dedent("""\
        version: 1
        people:
          - email: a@example.com
            role: rep
          - email: A@example.com
            role: chief
        """), encoding="utf-8")
    assert main(["validate-access", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "access.yaml:3: people[0].salespeople: required key `salespeople` is missing: a rep needs the "
        "names of its salespeople as they appear in the client data; add it",
        "access.yaml:5: people[1].email: expected each e-mail once (got a@example.com again, first at "
        "line 3); keep one entry",
        'access.yaml:6: people[1].role: expected one of admin, director, rep, trainer (got "chief")',
    ]


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["validate-access", str(tmp_path / "none.yaml")]) == 2
    assert "access file not found" in capsys.readouterr().err
