"""The header: found below title rows, matched by alias, mapped, and what is missing."""

from __future__ import annotations

from tests.reading.helpers import EN_HEADER, FR_HEADER, codes, only, read, write_csv


def test_title_rows_above_the_header_are_skipped(tmp_path):
    lines = ["Export CRM du 31/03/2026;;;;", "Portefeuille Sud;;;;", "", FR_HEADER, "C1;A;Léa;10;20"]
    result = read(write_csv(tmp_path, lines))
    assert result.detected.header_row == 4
    assert result.frame["client_id"].tolist() == ["C1"]
    assert result.frame["source_row"].tolist() == [5]


def test_header_row_chosen_by_the_user(tmp_path):
    # The first row also names two contract columns; the user says the header is row 2.
    lines = ["Client;Commercial", FR_HEADER, "C1;A;Léa;10;20"]
    result = read(write_csv(tmp_path, lines), header_row=2)
    assert result.detected.header_row == 2
    assert result.frame["client_name"].tolist() == ["A"]
    assert result.frame["source_row"].tolist() == [3]


def test_french_aliases_are_matched_ignoring_case_accents_and_punctuation(tmp_path):
    header = ("N° client;SOCIÉTÉ;Attaché commercial;Chiffre d’affaires;Potentiel d'achat;"
              "taux-de-pénétration;Région;Secteur d'activité;Nb_familles;Position marché;"
              "Solvabilité;Niveau des interlocuteurs;Engagements tenus;Visites;Date dernière visite;"
              "Période")
    result = read(write_csv(tmp_path, [header, "1;A;Léa;1;2;0,5;Sud;BTP;3;leader;A;directeur;1;4;"
                                               "01/02/2026;2026-T1"]))
    assert list(result.mapping.values()) == [
        "client_id", "client_name", "salesperson", "revenue", "potential", "share_of_wallet",
        "region", "industry", "product_families", "market_position", "solvency",
        "contact_level", "commitments_kept", "visits_12m", "last_visit", "period"]
    assert result.report.ok


def test_english_aliases(tmp_path):
    header = EN_HEADER + ",Gross margin,Territory,Sector,Product lines,Credit rating,Contact level,Last visit"
    result = read(write_csv(tmp_path, [header, "A1,Acme,Ann,10,20,3,North,Retail,2,B,manager,2026-03-31"],
                            encoding="utf-8"))
    assert result.mapping == {
        "Customer ID": "client_id", "Account name": "client_name", "Sales rep": "salesperson",
        "Sales": "revenue", "Wallet": "potential", "Gross margin": "margin", "Territory": "region",
        "Sector": "industry", "Product lines": "product_families", "Credit rating": "solvency",
        "Contact level": "contact_level", "Last visit": "last_visit"}


def test_missing_required_column_names_the_accepted_aliases(tmp_path):
    result = read(write_csv(tmp_path, ["Code client;Raison sociale;CA;Potentiel", "C1;A;10;20"]))
    [problem] = only(result, "missing_column")
    assert problem.blocking and problem.row is None and problem.column == "salesperson"
    for alias in ("'commercial'", "'vendeur'", "'sales rep'", "'account owner'"):
        assert alias in problem.reason


def test_column_map_overrides_aliases_and_can_keep_a_column_as_custom(tmp_path):
    # "Client" would be client_name; here it holds the codes, and "Secteur" is a custom field.
    lines = ["Client;Nom du compte;Commercial;CA;Potentiel;Secteur", "C1;Acme;Léa;10;20;Nord"]
    result = read(write_csv(tmp_path, lines),
                  column_map={"Client": "client_id", "Nom du compte": "client_name", "Secteur": None})
    assert result.mapping == {"Client": "client_id", "Nom du compte": "client_name",
                              "Commercial": "salesperson", "CA": "revenue", "Potentiel": "potential",
                              "Secteur": None}
    assert result.frame["client_id"].tolist() == ["C1"]
    assert result.frame["Secteur"].tolist() == ["Nord"]
    assert "region" not in result.frame


def test_column_map_errors_are_reported(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, "C1;A;Léa;1;2"]),
                  column_map={"Inconnue": "revenue", "CA 12 mois": "turnover"})
    problems = only(result, "bad_option")
    assert sorted(p.column for p in problems) == ["CA 12 mois", "Inconnue"]


def test_two_columns_for_the_same_contract_column_is_blocking(tmp_path):
    lines = ["Code client;Client;Raison sociale;Commercial;CA;Potentiel", "C1;X;Y;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    [problem] = only(result, "duplicate_column")
    assert problem.blocking and problem.column == "Raison sociale"
    assert "'Client'" in problem.reason and "client_name" in problem.reason


def test_unknown_columns_are_kept_with_an_info_warning(tmp_path):
    lines = [FR_HEADER + ";Notes;Score interne", "C1;A;Léa;1;2;RAS;1 234,5", "C2;B;Léa;1;2;;7"]
    result = read(write_csv(tmp_path, lines))
    assert result.report.ok
    assert result.mapping["Notes"] is None and result.mapping["Score interne"] is None
    assert [(p.column, p.blocking) for p in only(result, "unknown_column")] == [
        ("Notes", False), ("Score interne", False)]
    assert str(result.frame["Notes"].dtype) == "str"
    assert result.frame["Score interne"].dtype == "float64"
    assert result.frame["Score interne"].tolist() == [1234.5, 7.0]


def test_a_custom_column_with_any_text_stays_text(tmp_path):
    lines = [FR_HEADER + ";Code postal", "C1;A;Léa;1;2;01000", "C2;B;Léa;1;2;2A004"]
    frame = read(write_csv(tmp_path, lines)).frame
    assert frame["Code postal"].tolist() == ["01000", "2A004"]


def test_equal_headers_are_told_apart(tmp_path):
    lines = [FR_HEADER + ";Notes;Notes", "C1;A;Léa;1;2;x;y"]
    result = read(write_csv(tmp_path, lines))
    assert result.frame["Notes"].tolist() == ["x"]
    assert result.frame["Notes (2)"].tolist() == ["y"]
    assert "Notes (2)" in result.mapping


def test_headers_are_trimmed(tmp_path):
    lines = ["  Code client ;Raison sociale;Commercial;CA;Potentiel; Notes  ", "C1;A;Léa;1;2;x"]
    result = read(write_csv(tmp_path, lines))
    assert result.mapping["Code client"] == "client_id"
    assert list(result.frame.columns) == ["client_id", "client_name", "salesperson", "revenue",
                                          "potential", "share_of_wallet", "Notes", "source_row"]


def test_a_trailing_separator_makes_no_column(tmp_path):
    lines = [FR_HEADER + ";", "C1;A;Léa;1;2;"]
    result = read(write_csv(tmp_path, lines))
    assert codes(result) == []
    assert "column_6" not in result.frame


def test_an_unnamed_column_with_values_is_kept_and_flagged(tmp_path):
    lines = [FR_HEADER + ";", "C1;A;Léa;1;2;note"]
    result = read(write_csv(tmp_path, lines))
    [problem] = only(result, "unnamed_column")
    assert not problem.blocking and problem.column == "column_6"
    assert result.frame["column_6"].tolist() == ["note"]


def test_no_header_anywhere_reports_every_missing_column(tmp_path):
    result = read(write_csv(tmp_path, ["a;b;c", "1;2;3"]))
    assert [p.column for p in only(result, "missing_column")] == [
        "client_id", "client_name", "salesperson", "revenue", "potential"]
