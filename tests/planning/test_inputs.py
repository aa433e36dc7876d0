"""Plan inputs from the norms file, and the checks on judgements typed in the form."""

from __future__ import annotations

from pathlib import Path

from portfolio.norms import load_norms
from portfolio.planning import JudgementProblem, PlanInputs, judgement_problems, judgements_from_levels
from portfolio.visits import Judgements

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_norms_give_capacity_visit_norms_and_judgements():
    inputs = PlanInputs.from_norms(load_norms(ROOT / "config" / "norms.yaml"))
    assert inputs.capacity.visits_per_day * inputs.capacity.field_days == 720
    assert inputs.norms["develop"].norm == 8
    assert inputs.responses["develop"] == Judgements(none=0.60, half=0.85, more_50=1.15, saturation=1.30)
    assert inputs.has_curves


def test_other_judgements_or_field_days_change_the_cache_key():
    inputs = PlanInputs.from_norms(load_norms(ROOT / "config" / "norms.yaml"))
    tried = inputs.with_judgements({**inputs.responses,
                                    "develop": Judgements(none=0.6, half=0.85, more_50=1.2, saturation=1.5)})
    assert tried.key() != inputs.key()
    assert inputs.with_judgements(inputs.responses).key() == inputs.key()
    assert inputs.with_field_days(1.25).capacity.field_days == 225
    assert inputs.with_field_days(1.25).key() != inputs.key()
    assert not inputs.with_judgements(None).has_curves


def test_judgements_must_be_numbers_that_never_decrease():
    assert judgement_problems("develop", {"none": 0.6, "half": 0.85, "more_50": 1.15, "saturation": 1.3}) == []
    # Today's level is 1 by definition: a half above it is the one to lower.
    assert judgement_problems("develop", {"none": 0.6, "half": 1.2, "more_50": 1.15, "saturation": 1.3}) == [
        JudgementProblem("develop", "half", "above_current", 1.2)]
    assert judgement_problems("develop", {"none": 0.6, "half": 0.8, "more_50": 1.4, "saturation": 1.3}) == [
        JudgementProblem("develop", "saturation", "decreasing", 1.3, "more_50")]
    assert judgement_problems("minimal", {"none": -0.1, "half": None, "more_50": 1.0, "saturation": 1.0}) == [
        JudgementProblem("minimal", "none", "negative", -0.1),
        JudgementProblem("minimal", "half", "not_a_number", None),
    ]


def test_only_segments_whose_judgements_hold_together_are_read():
    read, problems = judgements_from_levels({
        "develop": {"none": 0.6, "half": 0.85, "current": 1, "more_50": 1.15, "saturation": 1.3},
        "partners": {"none": 0.55, "half": 0.85, "current": 1, "more_50": 1.06, "saturation": 1.0},
    })
    assert read == {"develop": Judgements(none=0.6, half=0.85, more_50=1.15, saturation=1.3)}
    assert problems == [JudgementProblem("partners", "saturation", "decreasing", 1.0, "more_50")]
