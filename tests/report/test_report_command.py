"""`python -m portfolio report`: the page of a demo rep read back with pypdf holds the figures
the Rep page's core functions give; a page per rep; a rep acting by --as sees only themselves."""

from __future__ import annotations

import textwrap

import pytest
from pypdf import PdfReader

from portfolio.numbers import money, number, percent
from portfolio.queries.scope import ClientFilter
from portfolio.structure import compare_reps, norms_gaps, priority_clients
from tests.report.conftest import all_reps, open_view, pdf_pages, plain, report, shipped_norms


def rep_page_figures(path, rep: str, lang: str) -> dict[str, object]:
    """What the Rep page shows for `rep`, computed by the functions the page calls
    (`portfolio.ui.rep.view.rep_headline`, `structure_section`, `priority_clients_section`)."""
    store, view = open_view(path)
    try:
        own = ClientFilter(salespeople=(rep,))
        totals = compare_reps(view, own).reps.iloc[0]
        gaps = norms_gaps(view, shipped_norms(), own)
        mine = gaps[gaps["salesperson"] == rep]
        first = priority_clients(view, rep, own).iloc[0]
        labels = view.grid.segment_labels(lang)
        return {"clients": number(totals["clients"], lang),
                "revenue": money(totals["revenue"], lang, compact=True),
                "shares": [(labels[row.segment], percent(row.client_share, lang))
                           for row in mine.itertuples(index=False)],
                "first_client": first["client_name"]}
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_reps_page_holds_the_figures_of_the_rep_page(demo_db, tmp_path, lang):
    rep = all_reps(demo_db)[1]
    out = tmp_path / "rep.pdf"
    assert report(demo_db, out, "--rep", rep, "--lang", lang) == 0
    [page] = pdf_pages(out)
    expected = rep_page_figures(demo_db, rep, lang)
    assert rep in page
    assert plain(f"{expected['clients']}") in page
    assert plain(str(expected["revenue"])) in page
    for label, share in expected["shares"]:
        # The structure table's row: the segment, its clients, then its share of clients.
        assert plain(label) in page and plain(share) in page
    assert expected["first_client"] in page


def test_all_reps_gives_one_page_per_rep_in_name_order(demo_db, tmp_path):
    out = tmp_path / "team.pdf"
    assert report(demo_db, out, "--all-reps", "--lang", "en") == 0
    reps = all_reps(demo_db)
    pages = pdf_pages(out)
    assert len(pages) == len(reps)
    for rep, page in zip(reps, pages):
        assert page.startswith(f"Portfolio of {rep}")


@pytest.fixture
def rep_access(demo_db, tmp_path, monkeypatch):
    """An access file where the first rep of the demo signs in as a rep."""
    rep = all_reps(demo_db)[0]
    config = tmp_path / "config"
    config.mkdir()
    (config / "access.yaml").write_text(textwrap.dedent(f"""\
        version: 1
        people:
          - {{email: rep@example.com, role: rep, salespeople: ["{rep}"]}}
        """), encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    return rep


def test_a_rep_scoped_report_names_no_other_rep(demo_db, tmp_path, rep_access, capsys):
    others = [name for name in all_reps(demo_db) if name != rep_access]
    folder = tmp_path / "pages"
    assert report(demo_db, folder, "--as", "rep@example.com", "--all-reps", "--format", "png",
                  "--lang", "en") == 0
    [image] = sorted(folder.iterdir())
    assert image.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    team = tmp_path / "mine.pdf"
    assert report(demo_db, team, "--as", "rep@example.com", "--lang", "en") == 0  # the "team" page
    text = " ".join(pdf_pages(team))
    assert text.startswith(f"Portfolio of {rep_access}")
    assert not [name for name in others if name in text]
    assert report(demo_db, tmp_path / "other.pdf", "--as", "rep@example.com", "--rep", others[0]) == 2
    err = capsys.readouterr().err
    assert f"no rep named {others[0]!r}" in err and not [n for n in others if f"'{n}'" in err.split("reps are:")[-1]]
    assert not (tmp_path / "other.pdf").exists()


def test_bad_requests_are_refused_with_exit_2_and_no_file(demo_db, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert report(demo_db, out, "--rep", "Nobody") == 2
    assert "no rep named 'Nobody'" in capsys.readouterr().err
    assert main_with_dataset(demo_db, out, "Missing") == 2
    assert "no dataset named 'Missing'" in capsys.readouterr().err
    assert report(demo_db, tmp_path / "no-folder" / "x.pdf") == 2
    assert "does not exist" in capsys.readouterr().err
    assert report(demo_db, out, "--period", "1999-Q1") == 2
    assert "has no period '1999-Q1'" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def main_with_dataset(path, out, name: str) -> int:
    from portfolio.cli import main

    return main(["report", "--db", str(path), "--dataset", name, "--out", str(out)])


def test_a_one_pdf_report_is_a_valid_document_with_its_charts(demo_db, tmp_path):
    out = tmp_path / "team.pdf"
    assert report(demo_db, out, "--lang", "fr") == 0
    reader = PdfReader(out)
    [page] = reader.pages
    assert "Le portefeuille de l'équipe" in page.extract_text()
    assert len(page.images) == 2  # the matrix and the structure against the norm
