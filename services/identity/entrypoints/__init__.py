"""Identity's entry points: the gRPC servicer and the reaper of import jobs (a worker)."""
