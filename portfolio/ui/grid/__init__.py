"""The Grid page: the grid as tables, a client scored live, changes tried for the session."""
