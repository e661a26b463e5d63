"""How calls and events reach the schedule: the gRPC servicer and the event consumer."""
