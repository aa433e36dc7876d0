"""The guided path through the method: one step per screen, in the order it is taught.

Each step's texts are catalogue keys derived from its id (`workshop.<id>_title`, `_text`,
`_question`, `_notes`); its chart is drawn by the function of `portfolio.ui.workshop.charts`
named after it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    id: str

    def key(self, part: str) -> str:
        """The catalogue key of one of the step's texts (title, text, question, notes)."""
        return f"workshop.{self.id}_{part}"


STEPS: tuple[Step, ...] = (
    Step("same_revenue"),  # principle 1: revenue = potential × share of wallet
    Step("norms_gaps"),  # principle 2: objectives on the structure
    Step("good_client"),  # principle 3: attractiveness against QRC
    Step("live_scoring"),  # the grid's written rules applied to one client
    Step("room"),  # the room scores that client: where the rules are read differently
    Step("visit_plan"),  # the matrix allocates the visits
    Step("development"),  # what a rep works on first
)
