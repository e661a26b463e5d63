"""Where calls and events enter the journal: the gRPC servicer and the event consumers; they only translate."""
