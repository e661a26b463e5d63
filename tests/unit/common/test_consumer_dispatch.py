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


def test_events_a_handler_would_not_act_on_are_skipped_before_any_transaction():
    """`when` says which events of the type the handler acts on; the others decode to None like a type nobody
    handles (no transaction, no inbox row)."""
    from proto.journal.v1 import journal_pb2
    from services.common.consumer import EventHandlers, IdempotentConsumer
    from services.common.outbox import envelope
    from services.messaging.entrypoints.consumers import handlers as messaging_handlers

    handlers = EventHandlers()
    handlers.on(SchoolOnboarded, when=lambda payload: payload.name.startswith("Школа"))(lambda *args: None)
    consumer = IdempotentConsumer(None, None, handlers)
    assert consumer.decode(envelope("s", SchoolOnboarded(name="Школа № 1"), actor="x").SerializeToString()) is not None
    assert consumer.decode(envelope("s", SchoolOnboarded(name="Лицей"), actor="x").SerializeToString()) is None

    messaging = IdempotentConsumer(None, None, messaging_handlers(None))  # families hear of a new «2» only

    def mark(value: str, old: str = ""):
        mark = journal_pb2.Mark(id="m", value=value)
        payload = journal_pb2.MarkChanged(mark=mark, old_value=old) if old else journal_pb2.MarkRecorded(mark=mark)
        return envelope("s", payload, actor="x").SerializeToString()
    assert [messaging.decode(mark(v, old)) is not None for v, old in (("5", ""), ("2", ""), ("2", "4"), ("4", "2"),
                                                                       ("2", "2"))] == [False, True, True, False, False]
