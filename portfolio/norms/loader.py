"""Read portfolio norms from YAML: shape first (keys, types), then meaning, every error at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from portfolio.norms.model import (RESPONSE_LEVELS, Capacity, Norms, Response, Scope, Structure, Target,
                                   VisitNorm)
from portfolio.problems import detail
from portfolio.yaml_source import (Checker, MapNode, Node, Phrase, child_path, fingerprint, fmt,
                                   read_config_text, read_document)

VERSION = 1
SUM_TOLERANCE = 1e-6  # shares are decimals: 0.1 + 0.2 is not exactly 0.3
DAYS_IN_YEAR = 366


def load_norms(path: str | Path) -> Norms:
    """The norms in a YAML file; raises ConfigError naming every problem (file, line, key)."""
    path = Path(path)
    return parse_norms(read_config_text(path), path.name)


def parse_norms(text: str, source: str = "<norms>") -> Norms:
    """The norms in a YAML text; `source` is the file name shown in messages."""
    norms, checker = read_document(text, source, _read_norms)
    return replace(norms, source=source, lines=checker.lines, fingerprint=fingerprint(text))


def _read_norms(ch: Checker, root: Node) -> Norms | None:
    top = ch.mapping(root, required=("version", "structure", "visits"), optional=("response",),
                     what=detail("config_norms.what_norms"))
    if top is None:
        return None
    start = ch.mark()
    ch.version(top.get("version"), VERSION)
    structure_node = ch.mapping(top.get("structure"), required=("tolerance", "targets"),
                                optional=("overrides", "judged_from_clients"))
    structure = _read_structure(ch, structure_node, None) if structure_node else None
    overrides = _read_overrides(ch, structure_node.get("overrides"), structure) if structure_node else ()
    visits = ch.mapping(top.get("visits"), required=("capacity", "segments"))
    capacity = _read_capacity(ch, visits.get("capacity")) if visits else None
    visit_norms = _read_by_id(ch, visits.get("segments") if visits else None, _read_visit_norm,
                              detail("config_norms.what_visit_norms"))
    response = (_read_by_id(ch, top.get("response"), _read_response,
                            detail("config_norms.what_responses", levels=", ".join(RESPONSE_LEVELS)))
                if "response" in top else {})
    if not ch.clean_since(start) or None in (structure, capacity, visit_norms, response, overrides):
        return None
    return Norms(VERSION, structure, overrides, capacity, visit_norms, response)  # type: ignore[arg-type]


def _read_structure(ch: Checker, node: MapNode, default_tolerance: float | None,
                    scope: Scope | None = None) -> Structure | None:
    """A target structure: the default one, or an override's (whose tolerance may default)."""
    start = ch.mark()
    tolerance = (ch.number(node.get("tolerance"), at_least=0, below=1)
                 if "tolerance" in node or scope is None else default_tolerance)
    targets = _read_by_id(ch, node.get("targets"), _read_target,
                          detail("config_norms.what_targets"))
    if targets is not None:
        _check_shares(ch, child_path(node.path, "targets"), targets)
    judged_from = (ch.integer(node.get("judged_from_clients"), at_least=0)
                   if "judged_from_clients" in node else Structure.judged_from_clients)
    if not ch.clean_since(start) or tolerance is None or targets is None or judged_from is None:
        return None
    return Structure(tolerance, targets, scope, judged_from)


def _read_target(ch: Checker, node: Node) -> Target | None:
    target = ch.mapping(node, required=("clients",), optional=("revenue",),
                        what=detail("config_norms.what_target"))
    if target is None:
        return None
    start = ch.mark()
    clients = ch.number(target.get("clients"), at_least=0, at_most=1)
    revenue = ch.number(target.get("revenue"), at_least=0, at_most=1)
    return Target(clients, revenue) if ch.clean_since(start) else None  # type: ignore[arg-type]


def _check_shares(ch: Checker, path: str, targets: dict[str, Target]) -> None:
    """Client shares add up to 1; revenue shares too, given for every segment or for none."""
    total = sum(target.clients for target in targets.values())
    if abs(total - 1) > SUM_TOLERANCE:
        ch.error(path, detail("config_norms.client_shares", total=f"{total:.6g}"))
    with_revenue = [sid for sid, target in targets.items() if target.revenue is not None]
    if with_revenue and len(with_revenue) < len(targets):
        lacking = ", ".join(sid for sid in targets if sid not in with_revenue)
        ch.error(path, detail("config_norms.revenue_shares_partial", lacking=lacking))
    elif with_revenue:
        total = sum(target.revenue for target in targets.values())  # type: ignore[misc]
        if abs(total - 1) > SUM_TOLERANCE:
            ch.error(path, detail("config_norms.revenue_shares", total=f"{total:.6g}"))


def _read_overrides(ch: Checker, node: Node | None, default: Structure | None) -> tuple[Structure, ...] | None:
    """Target structures for a team or region; each may leave out the tolerance (the default's)."""
    if node is None:
        return ()
    start = ch.mark()
    overrides: list[Structure] = []
    first_scope: dict[tuple[str, str], str] = {}
    for item in ch.items(node, detail("config_norms.what_overrides")) or ():
        override = ch.mapping(item, required=("scope", "targets"), optional=("tolerance",),
                              what=detail("config_norms.what_override"))
        scope_node = ch.mapping(override.get("scope") if override else None, required=("column", "value"),
                                what=detail("config_norms.what_scope"))
        column = ch.text(scope_node.get("column") if scope_node else None, detail("config_grid.what_column"))
        value = ch.text(scope_node.get("value") if scope_node else None,
                        detail("config_norms.what_scope_value"))
        scope = Scope(column, value) if column is not None and value is not None else None
        if scope is not None:
            key = (scope.column, scope.value.strip().lower())
            if key in first_scope:
                ch.error(scope_node, detail("config_norms.override_twice", column=column, value=value,
                                            first=ch.lines.get(first_scope[key])))
            first_scope.setdefault(key, scope_node.path)  # type: ignore[union-attr]
        if override is not None:
            structure = _read_structure(ch, override, default.tolerance if default else None, scope)
            if structure is not None:
                overrides.append(structure)
    return tuple(overrides) if ch.clean_since(start) else None


def _read_capacity(ch: Checker, node: Node | None) -> Capacity | None:
    capacity = ch.mapping(node, required=("visits_per_day", "field_days"),
                          what=detail("config_norms.what_capacity"))
    if capacity is None:
        return None
    per_day = ch.number(capacity.get("visits_per_day"), above=0)
    days = ch.number(capacity.get("field_days"), above=0, at_most=DAYS_IN_YEAR)
    return Capacity(per_day, days) if per_day is not None and days is not None else None


def _read_visit_norm(ch: Checker, node: Node) -> VisitNorm | None:
    norm = ch.mapping(node, required=("min", "norm", "max"), what=detail("config_norms.what_visit_norm"))
    if norm is None:
        return None
    low, usual, high = (ch.number(norm.get(key), at_least=0) for key in ("min", "norm", "max"))
    if low is None or usual is None or high is None:
        return None
    if not low <= usual <= high:  # so the norm is outside [min, max]: its key is the one to look at
        ch.error(norm.get("norm"), detail("config_norms.min_norm_max", low=fmt(low), usual=fmt(usual), high=fmt(high)))
        return None
    return VisitNorm(low, usual, high)


def _read_response(ch: Checker, node: Node) -> Response | None:
    response = ch.mapping(node, required=RESPONSE_LEVELS,
                          what=detail("config_norms.what_response", levels=", ".join(RESPONSE_LEVELS)))
    if response is None:
        return None
    start = ch.mark()
    values = {level: ch.number(response.get(level), at_least=0) for level in RESPONSE_LEVELS}
    if values["current"] not in (None, 1):
        ch.error(response.get("current"), detail("config_norms.current_not_one",
                                                 got=fmt(values["current"])))  # type: ignore[arg-type]
    # Compare the judgements that read well, each with the last one before it.
    given = [(level, value) for level, value in values.items() if value is not None]
    for (before, low), (level, high) in zip(given, given[1:]):
        if high < low:
            ch.error(response.get(level), detail("config_norms.judgements_decreasing", level=level,
                                                 before=before, high=fmt(high), low=fmt(low)))
    if not ch.clean_since(start) or len(given) < len(RESPONSE_LEVELS):
        return None
    return Response(**values)  # type: ignore[arg-type]


def _read_by_id(ch: Checker, node: Node | None, read_one, what: Phrase) -> dict | None:  # noqa: ANN001
    """A mapping of segment id to an object read by `read_one`; None if any entry is broken."""
    start = ch.mark()
    entries = ch.by_id(node, what)
    if entries is None:
        return None
    read = {sid: read_one(ch, child) for sid, child in entries.items()}
    return read if ch.clean_since(start) and None not in read.values() else None
