"""The consumer's dispatch: handlers are called in event order, consecutive events of one many-handler
arrive together, and a different handler in between splits the run."""
from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services.common.consumer import Event, dispatch


def test_runs_of_a_many_handler_are_called_once_each_and_order_is_kept():
    calls = []

    def many(session, items):
        calls.append(("many", [p.name for p, _ in items]))

    def other_many(session, items):
        calls.append(("other", [p.name for p, _ in items]))

    def one(session, payload, env):
        calls.append(("one", payload.name))

    def event(name, handler, is_many):
        return Event(b"", Envelope(event_id=name), SchoolOnboarded(name=name), handler, is_many)

    dispatch(None, [event("a", many, True), event("b", many, True), event("c", one, False), event("d", many, True),
                    event("e", other_many, True), event("f", many, True), event("g", many, True)])
    assert calls == [("many", ["a", "b"]), ("one", "c"), ("many", ["d"]), ("other", ["e"]), ("many", ["f", "g"])]
