"""A room scores one client together: the trainer opens a room on a case, participants join
with its code and each scores the case's QRC criteria by the grid's written rules.

Answers are anonymous (a random token per participant's session), kept in the server's
memory for the room's life only, and never written into a dataset. Rules:
- a participant's answer to a criterion is one of its levels (bands or categories), by
  its position in the grid; answering again replaces the previous answer;
- the *agreement* on a criterion is the share of its answers on its most chosen level
  (1.0: everyone read the rule the same way);
- the room's answer to a criterion is the *median level*, levels ordered by points and the
  lower one taken when the count is even; the case is then scored with each QRC criterion
  at its median level, its other values as the trainer typed them.
Work is bounded: `MAX_ROOMS` rooms at once, `MAX_PARTICIPANTS` per room; a room older
than `ROOM_HOURS` is closed when a new one opens.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Mapping

from portfolio.grid.model import Criterion, Grid
from portfolio.problems import Refusal, detail
from portfolio.queries.live import LiveScore, score_values

# No 0/O, 1/I/L: a code read from a projected screen is typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 5
MAX_ROOMS = 50
MAX_PARTICIPANTS = 300
ROOM_HOURS = 12.0
MAX_CASE_CHARS = 1_000


class RoomRefused(Refusal):
    """A room that cannot be joined or answered (unknown code, closed, full, bad answer)."""


@dataclass
class Room:
    """One workshop's case and the answers given so far (participant token → criterion id →
    level position)."""

    code: str
    grid: Grid
    case_text: str
    case_values: Mapping[str, object]
    opened_at: float = field(default_factory=time.time)
    answers: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """What the room scores: the relationship criteria, in the rep's hands."""
        return self.grid.axes["qrc"].criteria


@dataclass(frozen=True)
class CriterionSpread:
    """How the room answered one criterion: answers per level (grid order), the agreement,
    and the median level (None before any answer)."""

    criterion: Criterion
    counts: tuple[int, ...]
    agreement: float | None
    median_level: int | None

    @property
    def answers(self) -> int:
        return sum(self.counts)


def levels(criterion: Criterion) -> tuple:
    """A criterion's levels in grid order (its bands or its categories)."""
    return criterion.bands if criterion.bands is not None else criterion.categories or ()


def level_value(criterion: Criterion, position: int) -> object:
    """A value that the grid scores at the level in `position` (a band's lower edge, or the
    category itself)."""
    level = levels(criterion)[position]
    return level.start if criterion.bands is not None else level.value


def spread(criterion: Criterion, chosen: list[int]) -> CriterionSpread:
    """The room's answers to one criterion, as the rules of this module count them."""
    found = levels(criterion)
    counts = tuple(chosen.count(position) for position in range(len(found)))
    if not chosen:
        return CriterionSpread(criterion, counts, None, None)
    by_points = sorted(chosen, key=lambda position: (found[position].points, position))
    return CriterionSpread(criterion, counts, max(counts) / len(chosen),
                           by_points[(len(by_points) - 1) // 2])


def room_spreads(room: Room) -> tuple[CriterionSpread, ...]:
    """Every criterion of the room with its spread of answers."""
    return tuple(spread(criterion, [given[criterion.id] for given in room.answers.values()
                                    if criterion.id in given])
                 for criterion in room.criteria)


def median_values(room: Room, spreads: tuple[CriterionSpread, ...]) -> dict[str, object]:
    """The case's values with each answered criterion's column at the room's median level."""
    values = dict(room.case_values)
    for found in spreads:
        if found.median_level is not None:
            values[found.criterion.column] = level_value(found.criterion, found.median_level)
    return values


def room_result(room: Room) -> tuple[tuple[CriterionSpread, ...], LiveScore]:
    """The spread of answers per criterion and the case scored at the room's median answers."""
    spreads = room_spreads(room)
    return spreads, score_values(room.grid, median_values(room, spreads))


class Rooms:
    """The rooms open in this server process, safe to use from every session's thread."""

    def __init__(self) -> None:
        self._rooms: dict[str, Room] = {}
        self._lock = threading.Lock()

    def open(self, grid: Grid, case_text: str, case_values: Mapping[str, object]) -> Room:
        """A new room on this case, under a code no open room has."""
        with self._lock:
            self._close_old()
            if len(self._rooms) >= MAX_ROOMS:
                raise RoomRefused(detail("workshop.room_too_many", limit=MAX_ROOMS))
            code = _new_code(set(self._rooms))
            room = Room(code, grid, case_text[:MAX_CASE_CHARS], dict(case_values))
            self._rooms[code] = room
            return room

    def find(self, code: str) -> Room | None:
        """The open room of this code (typed in any case, spaces ignored)."""
        with self._lock:
            return self._rooms.get(normal_code(code))

    def answer(self, code: str, participant: str, given: Mapping[str, int]) -> None:
        """Record (or replace) one participant's answers; each must be a level of the room's
        criteria."""
        with self._lock:
            room = self._rooms.get(normal_code(code))
            if room is None:
                raise RoomRefused(detail("workshop.room_unknown", code=normal_code(code)))
            if participant not in room.answers and len(room.answers) >= MAX_PARTICIPANTS:
                raise RoomRefused(detail("workshop.room_full", limit=MAX_PARTICIPANTS))
            known = {criterion.id: len(levels(criterion)) for criterion in room.criteria}
            for criterion_id, position in given.items():
                if criterion_id not in known or not 0 <= int(position) < known[criterion_id]:
                    raise RoomRefused(detail("workshop.room_bad_answer", criterion=criterion_id))
            room.answers[participant] = {key: int(value) for key, value in given.items()}

    def snapshot(self, code: str) -> Room | None:
        """A copy of the room as it is now, to be read while others keep answering."""
        with self._lock:
            room = self._rooms.get(normal_code(code))
            if room is None:
                return None
            return Room(room.code, room.grid, room.case_text, room.case_values, room.opened_at,
                        {who: dict(given) for who, given in room.answers.items()})

    def close(self, code: str) -> None:
        """The room and its answers forgotten."""
        with self._lock:
            self._rooms.pop(normal_code(code), None)

    def _close_old(self) -> None:
        oldest = time.time() - ROOM_HOURS * 3600
        for code in [code for code, room in self._rooms.items() if room.opened_at < oldest]:
            del self._rooms[code]


def normal_code(code: str) -> str:
    """A code as typed (any case, spaces, dashes) in its one spelling; characters that no
    code holds are dropped, so what is said back to the user is never markup."""
    return "".join(c for c in str(code).upper() if c in CODE_ALPHABET)[:4 * CODE_LENGTH]


def new_participant() -> str:
    """An anonymous token for one participant's session."""
    return secrets.token_urlsafe(12)


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code
