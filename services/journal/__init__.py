"""Journal service: lesson records (topic, homework), marks, attendance, the append-only change ledger, the diary."""
