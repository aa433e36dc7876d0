"""Workshops: a room of participants scoring one client case together (calibration)."""
