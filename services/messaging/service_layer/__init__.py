"""The messaging service's service layer: one handler per command or query, in modules by topic (threads, complaints,
the answer control, notices and their delivery, the automatic notices, the policy, the directory kept from events),
each taking the call's values, the school scope and a unit of work."""
