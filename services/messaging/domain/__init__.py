"""The messaging service's rules in plain Python (no I/O, no framework): working days and the answer deadline, who
may write to whom, threads and messages, notices and the automatic ones, the school's messaging policy."""
