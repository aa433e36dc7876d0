"""The Join page: a workshop participant scores the room's case from a phone."""
