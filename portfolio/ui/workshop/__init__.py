"""The Workshop page: the method taught step by step to a room, on the portfolio shown."""
