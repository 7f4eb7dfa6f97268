"""The programme service: the only gate to programme data."""
