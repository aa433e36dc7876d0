"""Local mode (no identity provider: one user who may do everything) and sign-in mode."""

from __future__ import annotations

import pytest

from portfolio.access import PermissionRefused, Role
from portfolio.access.mode import access_file_issues, sign_in_configured, visitor
from portfolio.problems import ConfigError

ACCESS = "version: 1\npeople:\n  - {email: it@example.com, role: admin}\n"


def test_sign_in_is_configured_by_an_auth_section_of_the_secrets(tmp_path):
    secrets = tmp_path / "secrets.toml"
    assert not sign_in_configured(secrets)
    secrets.write_text('[other]\nkey = "x"\n', encoding="utf-8")
    assert not sign_in_configured(secrets)
    secrets.write_text('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n', encoding="utf-8")
    assert sign_in_configured(secrets)
    secrets.write_text("[auth\n", encoding="utf-8")  # broken: the data stays behind the sign-in
    assert sign_in_configured(secrets)


def test_local_mode_is_one_user_who_may_do_everything_whatever_the_file(tmp_path):
    person = visitor(None, sign_in=False, path=tmp_path / "absent.yaml")
    assert person.local and person.role is Role.ADMIN and person.active


def test_sign_in_looks_the_email_up_in_the_file_read_each_time(tmp_path):
    path = tmp_path / "access.yaml"
    path.write_text(ACCESS, encoding="utf-8")
    assert visitor(" IT@example.com ", sign_in=True, path=path).email == "it@example.com"
    path.write_text("version: 1\npeople:\n  - {email: it@example.com, role: admin, active: false}\n",
                    encoding="utf-8")  # same size or not, a changed file is read again
    with pytest.raises(PermissionRefused):
        visitor("it@example.com", sign_in=True, path=path)
    path.write_text("version: 1\npeople: []\n", encoding="utf-8")  # removed: refused at the next run
    with pytest.raises(PermissionRefused):
        visitor("it@example.com", sign_in=True, path=path)
    with pytest.raises(PermissionRefused):
        visitor(None, sign_in=True, path=path)
    with pytest.raises(PermissionRefused):
        visitor("it@example.com", sign_in=True, path=tmp_path / "absent.yaml")
    path.write_text("version: 1\npeople: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        visitor("it@example.com", sign_in=True, path=path)


def test_in_local_mode_the_file_is_only_checked(tmp_path):
    path = tmp_path / "access.yaml"
    assert access_file_issues(path) == []
    path.write_text(ACCESS, encoding="utf-8")
    assert access_file_issues(path) == []
    path.write_text("version: 1\npeople:\n  - {email: it@example.com, role: boss}\n", encoding="utf-8")
    (issue,) = access_file_issues(path)
    assert (issue.line, issue.key) == (3, "people[0].role")
