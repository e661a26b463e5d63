"""Messaging service (J13): threads between staff and a student's family with files and read receipts, school notices
with acknowledgement, automatic notices to guardians fed by the journal's events, complaints and their audited
readings, and the control of the answer deadline."""
