"""Reporting's entrypoints: the gRPC servicer and the event consumers, translating protobuf to handler calls."""
