"""Identity's rules: plain Python, no I/O (no database, no Keycloak, no gRPC), each rule in the module named after it."""

Problems = dict[str, str]  # {field: Russian message}: every problem of a form at once
