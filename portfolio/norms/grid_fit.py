"""Check that norms fit a grid: every segment id known, every grid segment given its norms."""

from __future__ import annotations

from portfolio.grid.model import Grid
from portfolio.norms.model import Norms
from portfolio.problems import ConfigIssue, detail
from portfolio.yaml_source import child_path, closest, nearest_line


def check_norms_against_grid(norms: Norms, grid: Grid) -> list[ConfigIssue]:
    """Segment ids of the norms that the grid lacks, and grid segments without a target
    (in the default structure and each override), a visit norm, or a response (when given)."""
    sections: list[tuple[str, list[str]]] = [("structure.targets", list(norms.structure.targets))]
    sections += [(f"structure.overrides[{i}].targets", list(override.targets))
                 for i, override in enumerate(norms.overrides)]
    sections.append(("visits.segments", list(norms.visits)))
    if norms.response:
        sections.append(("response", list(norms.response)))
    grid_ids = [segment.id for segment in grid.segments]
    issues = []
    for path, ids in sections:
        for sid in ids:
            if sid not in grid_ids:
                key = child_path(path, sid)
                meant = closest(sid, grid_ids)
                issues.append(ConfigIssue.of(
                    norms.source, nearest_line(norms.lines, key), key,
                    detail("config_norms.unknown_segment_meant" if meant else "config_norms.unknown_segment",
                           grid=grid.source, segments=", ".join(grid_ids), segment=sid, meant=meant)))
        for sid in grid_ids:
            if sid not in ids:
                issues.append(ConfigIssue.of(
                    norms.source, nearest_line(norms.lines, path), path,
                    detail("config_norms.segment_without_entry", grid=grid.source, segment=sid)))
    return issues
