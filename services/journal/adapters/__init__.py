"""What the journal's service layer uses outside plain Python: the tables and the stores that own their SQL, the
change ledger, the advisory locks, protobuf mapping, the peers (schedule, identity) and their cache."""
