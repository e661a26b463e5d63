"""The journal's rules in plain Python, no I/O: one module per rule, named as the glossary names it."""
