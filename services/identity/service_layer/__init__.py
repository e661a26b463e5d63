"""Identity's service layer: one function per command, taking the command's values, the call's Scope and a unit of
work (or, for a command over several schools, the units of work by school); split by topic."""
