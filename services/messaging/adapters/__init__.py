"""The messaging service's adapters: its tables and the stores that own their SQL, the peers it asks (identity,
schedule, the journal) with its service account, the files' bucket, protobuf mapping."""
