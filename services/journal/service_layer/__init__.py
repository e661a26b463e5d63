"""The journal's commands and queries: each takes what it needs, the call's school scope and a unit of work."""
