"""Identity's adapters: its tables and the stores that own their SQL, Keycloak accounts, the schedule peer, the
audit log writer, the principal source and the protobuf messages built from rows."""
