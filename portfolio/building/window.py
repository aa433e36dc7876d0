"""The revenue window: its length as the user writes it (`12m`, `365d`, `1y`) and its edges."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_WINDOW = re.compile(r"^\s*(\d+)\s*([mdy])\s*$", re.IGNORECASE)


class BadWindow(ValueError):
    """A window that cannot be read: the message says how to write one."""


@dataclass(frozen=True)
class Window:
    """A length in months or days; the window ending on a date covers (start, end]."""

    count: int
    unit: str  # "m" (months) or "d" (days)

    @property
    def label(self) -> str:
        return f"{self.count}{self.unit}"

    def start(self, end: dt.date) -> dt.date:
        """The day before the window's first day: a line on `start` belongs to the window
        before (12 months ending on 30/06/2026 run from 01/07/2025 to 30/06/2026)."""
        if self.unit == "d":
            return end - dt.timedelta(days=self.count)
        return months_before(end, self.count)


def parse_window(text: str) -> Window:
    match = _WINDOW.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise BadWindow(text)
    count, unit = int(match.group(1)), match.group(2).lower()
    return Window(count * 12, "m") if unit == "y" else Window(count, unit)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day when it has fewer days
    (12 months before 29/02/2028 is 28/02/2027); a month-end stays a month-end."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, last if at_month_end or day.day > last else day.day)
