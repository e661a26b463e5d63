"""The messaging service's entrypoints: the gRPC servicer, the event consumer and the notice worker."""
