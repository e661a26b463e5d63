"""Reporting service: read models fed only by events, and the reports (summary sheet) rendered from them."""
