"""Product-side tooling that is no service: the project's own API clients (the demo seeder and its HTTP sessions),
which the benchmarks and the tests may import; nothing here imports bench/ or tests/."""
