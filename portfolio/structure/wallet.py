"""Share of wallet pooled over many clients, the one way every surface aggregates it.

A client's share of wallet is capped at 1: revenue above the stated potential means the
potential is underestimated (the import flags it), not that we sell more than the
client buys. Pooled shares are therefore Σ min(revenue, potential) ÷ Σ potential, so that
a segment or a rep never shows more than 100 % because a few clients' potentials are low.
"""

POOLED_SHARE_OF_WALLET = "sum(least(revenue, potential)) / nullif(sum(potential), 0)"
CAPPED_REVENUE = "least(revenue, potential)"
