"""Reporting's rules in plain Python (no I/O, no framework): the summary sheet, the read model's facts, the
year-end barrier."""
