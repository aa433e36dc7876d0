"""The columns read from sales lines and their side files, with their FR/EN aliases."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from portfolio.contract import BY_NAME, header_key


@dataclass(frozen=True)
class Role:
    """A column a file is expected to hold: its name, aliases and how it is read."""

    name: str
    aliases: tuple[str, ...]
    kind: str = "text"  # "text", "number" or "date"
    required: bool = False


def _with_contract(name: str, *extra: str) -> tuple[str, ...]:
    """A contract column's own aliases, then the extra ones (lines say more than clients)."""
    return (*BY_NAME[name].aliases, *extra)


_CLIENT = ("client", "client id", "client_id", "code client", "id client", "n° client",
           "numero client", "compte", "code compte", "compte client", "account", "account id",
           "customer", "customer id")
_CLIENT_NAME = ("nom client", "raison sociale", "nom", "société", "account name",
                "customer name", "client name", "client_name", "company", "company name")
_POTENTIAL = ("potential", *BY_NAME["potential"].aliases)
_PRODUCT = ("produit", "article", "code article", "référence", "ref", "product", "product name",
            "item", "sku")
_FAMILY = ("famille", "famille produit", "famille de produits", "gamme", "family",
           "product family", "product line", "series", "category", "catégorie")
_INDUSTRY = ("industry", *BY_NAME["industry"].aliases)

LINE_ROLES: tuple[Role, ...] = (
    Role("client", _CLIENT, required=True),
    Role("client_name", _CLIENT_NAME),
    Role("date", ("date", "date facture", "date de facture", "date commande",
                  "date de commande", "date de vente", "date vente", "date livraison",
                  "date de clôture", "date signature", "invoice date", "order date",
                  "sale date", "close date", "closing date", "won date"),
         kind="date", required=True),
    Role("amount", ("montant", "montant ht", "montant net", "total ht", "ca", "ca ht",
                    "chiffre d'affaires", "valeur", "amount", "net amount", "close value",
                    "sales", "sales amount", "revenue", "value", "deal value"),
         kind="number", required=True),
    Role("product", _PRODUCT),
    Role("family", _FAMILY),
    Role("rep", ("commercial", "vendeur", "attaché commercial", "représentant",
                 "chargé d'affaires", "rep", "sales rep", "sales agent", "agent",
                 "salesperson", "owner", "account owner"), required=True),
    Role("order", ("n° commande", "numero commande", "commande", "n° facture",
                   "numero facture", "facture", "order", "order id", "invoice", "invoice id",
                   "opportunity id", "deal id"), ),
    Role("stage", ("stage", "deal stage", "étape", "statut", "status", "phase")),
    Role("potential", _POTENTIAL, kind="number"),
)

ACCOUNT_ROLES: tuple[Role, ...] = (
    Role("client", _CLIENT, required=True),
    Role("client_name", _CLIENT_NAME),
    Role("industry", _INDUSTRY),
    Role("region", _with_contract("region", "region", "office location", "pays", "country")),
    # The company's own size: never our revenue with it (kept as company_revenue).
    Role("company_revenue", ("revenue", "company revenue", "annual revenue", "turnover",
                             "ca société", "chiffre d'affaires société"), kind="number"),
    Role("employees", ("employees", "effectif", "salariés", "nb salariés", "headcount"),
         kind="number"),
    Role("potential", _POTENTIAL, kind="number"),
)

FAMILY_ROLES: tuple[Role, ...] = (
    Role("product", _PRODUCT, required=True),
    Role("family", _FAMILY, required=True),
)

POTENTIAL_ROLES: tuple[Role, ...] = (
    Role("client", _CLIENT, required=True),
    Role("potential", _POTENTIAL, kind="number", required=True),
)

RATE_ROLES: tuple[Role, ...] = (
    Role("industry", _INDUSTRY, required=True),
    Role("rate", ("rate", "taux", "ratio", "coefficient", "share", "part"), kind="number",
         required=True),
)


def role_names(roles: Sequence[Role]) -> tuple[str, ...]:
    return tuple(r.name for r in roles)


def match_roles(headers: Sequence[str], roles: Sequence[Role],
                column_map: Mapping[str, str] | None = None) -> dict[str, int]:
    """Role name -> 0-based column position: mapped headers first, then the first
    header matching a role's name or alias (case, accents, spaces, `_`, `-`, `.` ignored)."""
    found: dict[str, int] = {}
    folded = [header_key(h) for h in headers]
    for header, role in (column_map or {}).items():
        hits = [i for i, h in enumerate(headers) if h == header.strip()] or \
               [i for i, f in enumerate(folded) if f == header_key(header)]
        if hits:
            found[role] = hits[0]
    taken = set(found.values())
    for role in roles:
        if role.name in found:
            continue
        keys = {header_key(a) for a in (role.name, *role.aliases)}
        position = next((i for i, f in enumerate(folded) if f in keys and i not in taken), None)
        if position is not None:
            found[role.name] = position
            taken.add(position)
    return found


def hits(row: Sequence[object], roles: Sequence[Role]) -> int:
    """How many roles the cells of a row name (to find the header row)."""
    return len(match_roles([str(c or "") for c in row], roles))
