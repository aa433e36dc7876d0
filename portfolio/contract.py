"""The client-file data contract: canonical columns, their types and their FR/EN aliases."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    """How a column's cells are read."""

    TEXT = "text"  # kept verbatim (trimmed); client_id keeps its leading zeros
    NUMBER = "number"  # decimal, may be negative unless the contract says otherwise
    RATIO = "ratio"  # 0–1; "35 %" or a %-header or all values > 1 mean percent
    INTEGER = "integer"
    CATEGORY = "category"  # free text compared after trimming and case folding
    DATE = "date"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: Kind
    required: bool
    aliases: tuple[str, ...]
    non_negative: bool = False


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("client_id", Kind.TEXT, True,
               ("code client", "code_client", "id client", "n° client", "numero client",
                "customer id", "account id")),
    ColumnSpec("client_name", Kind.TEXT, True,
               ("client", "nom", "raison sociale", "société", "customer", "account",
                "account name")),
    ColumnSpec("salesperson", Kind.TEXT, True,
               ("commercial", "vendeur", "attaché commercial", "représentant", "rep",
                "sales rep", "owner", "account owner")),
    ColumnSpec("revenue", Kind.NUMBER, True,
               ("ca", "chiffre d'affaires", "ca 12 mois", "sales", "revenue 12m"),
               non_negative=True),
    ColumnSpec("potential", Kind.NUMBER, True,
               ("potentiel", "potentiel d'achat", "wallet", "purchase potential"),
               non_negative=True),
    ColumnSpec("share_of_wallet", Kind.RATIO, False,
               ("part de marché", "pdm", "part de portefeuille", "taux de pénétration", "sow")),
    ColumnSpec("margin", Kind.NUMBER, False, ("marge", "marge brute", "gross margin")),
    ColumnSpec("region", Kind.TEXT, False,
               ("région", "secteur", "territoire", "zone", "territory")),
    ColumnSpec("industry", Kind.TEXT, False,
               ("secteur d'activité", "activité", "branche", "naf", "industry", "sector")),
    ColumnSpec("product_families", Kind.INTEGER, False,
               ("familles achetées", "nb familles", "nombre de familles", "product lines"),
               non_negative=True),
    ColumnSpec("market_position", Kind.CATEGORY, False,
               ("position marché", "position sur son marché", "market position")),
    ColumnSpec("solvency", Kind.CATEGORY, False,
               ("solvabilité", "risque", "cotation", "rating", "credit rating")),
    ColumnSpec("contact_level", Kind.CATEGORY, False,
               ("niveau contact", "niveau des interlocuteurs", "interlocuteur", "contact level")),
    ColumnSpec("commitments_kept", Kind.RATIO, False,
               ("respect des engagements", "engagements tenus", "commitments")),
    ColumnSpec("visits_12m", Kind.INTEGER, False,
               ("visites", "nb visites", "visites 12 mois", "visits"), non_negative=True),
    ColumnSpec("last_visit", Kind.DATE, False,
               ("dernière visite", "date dernière visite", "last visit")),
    ColumnSpec("period", Kind.TEXT, False, ("période", "periode", "snapshot")),
)

# Columns beyond the contract that Portfolio Pilot itself writes into a client file
# (`build-clients`, shared accounts resolved): kept like any other column, but not
# reported as unknown when that file is imported, since nobody has to rename them.
WRITTEN_BY_BUILD: frozenset[str] = frozenset({
    "potential_estimated", "families_bought", "revenue_previous", "growth", "orders",
    "last_purchase", "reps", "team", "original_client_id", "rep_share"})

BY_NAME: dict[str, ColumnSpec] = {c.name: c for c in COLUMNS}
CANONICAL_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)


def header_key(header: str) -> str:
    """Fold a header for alias matching: case, accents, spaces, `_`, `-`, `.` ignored.

    The `%` sign is dropped too (a `%` header only says the values are percentages),
    and so is a trailing unit in brackets such as `(€)` or `(%)`.
    """
    text = unicodedata.normalize("NFKD", str(header))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"\((?:[^()]*)\)\s*$", "", text)
    text = text.casefold().replace("’", "'")
    return re.sub(r"[\s_\-.%]+", "", text)


_ALIAS_INDEX: dict[str, str] = {}
for _spec in COLUMNS:
    for _alias in (_spec.name, *_spec.aliases):
        _ALIAS_INDEX.setdefault(header_key(_alias), _spec.name)


def canonical_column(header: str) -> str | None:
    """The contract column a file header stands for, or None for a custom column."""
    return _ALIAS_INDEX.get(header_key(header))


def header_says_percent(header: str) -> bool:
    """A `%` in the header means the column's values are percentages (35 → 0.35)."""
    return "%" in str(header)
