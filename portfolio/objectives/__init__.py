"""Objectives that are kept: a rep's revenue objective and its share-of-wallet moves saved
for a period, read back for whoever may see the rep, and their outcome a period later.

The API other surfaces (the Rep page, reports) use:
- `saved_objective(view, rep, period=None) -> SavedObjective | None`
- `objective_outcome(view, rep, period_asked, period_after) -> ObjectiveOutcome | None`
- `save_objective(view, person, rep, growth, target="next_band") -> SavedObjective`
- `save_refusal(view, person, rep) -> Refusal | None` (None: the person may save)
"""

from portfolio.objectives.access import save_refusal
from portfolio.objectives.model import (ClientAsk, ObjectiveOutcome, SavedObjective, SegmentAsk,
                                        SegmentOutcome)
from portfolio.objectives.outcome import objective_outcome
from portfolio.objectives.reading import saved_objective
from portfolio.objectives.saving import save_objective

__all__ = ["ClientAsk", "ObjectiveOutcome", "SavedObjective", "SegmentAsk", "SegmentOutcome",
           "objective_outcome", "save_objective", "save_refusal", "saved_objective"]
