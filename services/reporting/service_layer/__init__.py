"""Reporting's service layer: the handlers of its queries and of the events it consumes, each taking the call's
values, the school scope where a person calls, and a unit of work."""
