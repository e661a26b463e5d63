"""The archive's rules in plain Python (no I/O, no framework): a package's states and names, retention terms."""
