"""The archive's service layer: the registry's queries and commands, the request of a year's package (from
ReportingYearReady) and its building, each taking the call's values, the school scope where a person calls, and a
unit of work."""
