"""Who sees and changes what: the access file, roles, visibility and refusals."""

from portfolio.access.model import ALL_CLIENTS, Access, Action, Person, Role, Scope, fold_email, lookup
from portfolio.access.rules import (ALLOWED, PermissionRefused, Refusal, admit, refusal_of, require,
                                    visibility_for)
from portfolio.access.visibility import Visibility

__all__ = ["ALL_CLIENTS", "ALLOWED", "Access", "Action", "PermissionRefused", "Person", "Refusal", "Role",
           "Scope", "Visibility", "admit", "fold_email", "lookup", "refusal_of", "require",
           "visibility_for"]
