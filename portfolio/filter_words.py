"""The filters in force, in words, for whatever must say what it shows outside the page
that chose them: a printed report, a chart's image.

One sentence for every surface ("Filters: Region: Nord · Industry: Retail"), segments by
the grid's label, so a page handed out and a picture pasted in a slide say the same thing.
"""

from __future__ import annotations

from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.queries.scope import ClientFilter

_FIELDS = (("salespeople", "common.filter_salesperson"), ("regions", "common.filter_region"),
           ("industries", "common.filter_industry"), ("segments", "common.filter_segment"))


def filter_words(filters: ClientFilter, grid: Grid | None, lang: str) -> str | None:
    """"Filters: Region: Nord · Industry: Retail"; None when no filter is chosen."""
    labels = grid.segment_labels(lang) if grid is not None else {}
    parts = []
    for field, label in _FIELDS:
        values = getattr(filters, field)
        if values:
            shown = [labels.get(v, v) if field == "segments" else v for v in values]
            parts.append(t("filter_words.field", lang, field=t(label, lang),
                           values=", ".join(str(v) for v in shown)))
    if not parts:
        return None
    return t("filter_words.line", lang, filters=" · ".join(parts))
