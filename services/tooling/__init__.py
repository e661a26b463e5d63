"""Product-side tooling that is no service: the project's own REST client and its HTTP sessions, the synthetic
municipality, the school loader, `make run`'s demo seeding and the import graph check. The benchmarks and the tests
may import it; nothing here imports bench/ or tests/ (services.tooling.import_graph keeps it so)."""
