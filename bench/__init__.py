"""Benchmarks of the running installation (127.0.0.1 only): seed, load driver, baselines, profile. Not part of `make test`."""
