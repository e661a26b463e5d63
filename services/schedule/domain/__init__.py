"""The schedule's rules in plain Python (no I/O, no framework): each module one rule, named after it."""
