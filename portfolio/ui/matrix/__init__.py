"""The Matrix page: the attractiveness × QRC bubbles and the segment totals."""
