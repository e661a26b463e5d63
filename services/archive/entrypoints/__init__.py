"""The archive's entrypoints: the gRPC servicer, the event consumer and the package builder's loop."""
