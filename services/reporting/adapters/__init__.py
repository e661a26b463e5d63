"""Reporting's adapters: the read-model tables and their stores, the PDF rendering, protobuf mapping."""
