"""What a new dataset says of how its clients were made: the choices of the build that
wrote its file, and how the shared accounts of a client file were resolved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portfolio.building.shared_accounts import described
from portfolio.i18n import DEFAULT_LANGUAGE

if TYPE_CHECKING:  # the import service uses this module
    from portfolio.building.choices import Choices
    from portfolio.importing.service import PreparedFile


def import_description(prepared: PreparedFile, choices: Choices | None = None,
                       lang: str = DEFAULT_LANGUAGE) -> str | None:
    """One choice per line, in `lang`; None when the file was imported as it was."""
    said = [choices.description(lang)] if choices is not None else []
    if prepared.shared and prepared.shared_count is not None:
        said.append(described(prepared.shared_count, prepared.shared, lang))
    return "\n".join(said) or None
