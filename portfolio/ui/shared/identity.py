"""Who is looking: local mode or the signed-in person, found on every run before any data.

In sign-in mode nothing about the data (not even a dataset's name) is drawn before the
visitor has signed in and been found, active, in the access file: the frame calls
`current_person` first, and it stops the page otherwise.
"""

from __future__ import annotations

import streamlit as st

from portfolio.access.mode import sign_in_configured, visitor
from portfolio.access.model import Person, Role
from portfolio.access.rules import PermissionRefused
from portfolio.i18n import t
from portfolio.problems import ConfigError
from portfolio.text_safety import markdown_text


ROLE_LABELS = {Role.ADMIN: "identity.role_admin", Role.DIRECTOR: "identity.role_director",
               Role.REP: "identity.role_rep", Role.TRAINER: "identity.role_trainer"}


def sign_in_mode() -> bool:
    """Whether `[auth]` is set in Streamlit's secrets (then every visitor signs in).

    A secrets file that cannot be parsed counts as sign-in (the core's rule): failing
    closed keeps the data behind a sign-in that cannot work rather than open to all.
    """
    if st.secrets.load_if_toml_exists():
        return "auth" in st.secrets
    return sign_in_configured()


def current_person(lang: str) -> Person:
    """The person this run acts for; stops the page with the sign-in, no-access or
    broken-access-file screen when there is none."""
    if not sign_in_mode():
        return Person.local_user()
    if not st.user.is_logged_in:
        _sign_in_screen(lang)
    try:
        return visitor(_claim("email"), sign_in=True)
    except PermissionRefused as refusal:
        _closed_screen(lang, refusal.text(lang), ":material/block:")
    except ConfigError:
        # The file's errors name its lines and keys: they are for its editor (validate-access),
        # not for every visitor.
        _closed_screen(lang, t("identity.file_broken", lang), ":material/error:")
    raise AssertionError("unreachable: the screens above stop the run")


def display_name(person: Person) -> str:
    """The person's name as the provider gives it, else their e-mail."""
    return _claim("name") or _claim("email") or person.email


def identity_panel(person: Person, lang: str) -> None:
    """In the sidebar: local mode said once, or who is signed in, their role and sign-out."""
    if person.local:
        st.caption(t("identity.local_mode", lang), help=t("identity.local_mode_help", lang))
        return
    st.markdown(t("identity.signed_in_as", lang, name=markdown_text(display_name(person)),
                  role=t(ROLE_LABELS[person.role], lang)))
    st.button(t("identity.sign_out", lang), icon=":material/logout:", on_click=st.logout,
              key="w.sign_out", width="stretch")


def _claim(name: str) -> str | None:
    value = st.user.get(name) if st.user.is_logged_in else None
    return str(value) if value else None


def _sign_in_screen(lang: str) -> None:
    st.title("Portfolio Pilot", anchor=False)
    st.markdown(t("identity.sign_in_intro", lang))
    st.button(t("identity.sign_in", lang), icon=":material/login:", on_click=st.login,
              key="w.sign_in", type="primary")
    st.stop()


def _closed_screen(lang: str, reason: str, icon: str) -> None:
    st.title(t("identity.no_access_title", lang), anchor=False)
    st.error(markdown_text(reason), icon=icon)
    st.button(t("identity.sign_out", lang), icon=":material/logout:", on_click=st.logout,
              key="w.sign_out")
    st.stop()
