"""A dated lesson is scheduled or cancelled (a cancelled lesson keeps its id and its change note)."""
SCHEDULED, CANCELLED = "scheduled", "cancelled"
