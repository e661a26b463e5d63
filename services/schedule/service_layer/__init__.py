"""The schedule's commands and queries: each takes the call's school scope, a unit of work and the command's values."""
