"""What a replica's event tail does with each record: a heartbeat moves its partition's time, current_until() is the
oldest partition's (0 until every partition brought one), an event goes to `apply`, and an event `apply` fails on
makes the copy forget everything (it may have missed a change)."""
from kafka import TopicPartition

from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services.common.event_tail import EventTail
from services.common.kafka_link import KafkaLink
from services.common.outbox import envelope, heartbeat

P0, P1 = TopicPartition("t", 0), TopicPartition("t", 1)


def tail(apply, forgotten: list) -> EventTail:
    tail = EventTail("test", ["t"], KafkaLink("127.0.0.1:1", ""), apply=apply, forget_all=lambda: forgotten.append(1))
    tail.follow([P0, P1])
    tail.ready.set()
    return tail


def test_current_until_is_the_oldest_partitions_heartbeat_once_every_partition_brought_one():
    reading = tail(lambda env: None, [])
    assert reading.current_until() == 0.0
    reading.handle(P0, heartbeat(1000.5))
    assert reading.current_until() == 0.0, "partition 1 has said nothing yet"
    reading.handle(P1, heartbeat(1001.0))
    assert reading.current_until() == 1000.5
    reading.handle(P0, heartbeat(1002.0))
    assert reading.current_until() == 1001.0


def test_events_go_to_apply_and_one_that_fails_forgets_everything():
    seen, forgotten = [], []

    def apply(env):
        if env.school_id == "bad":
            raise ValueError("cannot")
        seen.append(env.school_id)
    reading = tail(apply, forgotten)
    reading.handle(P0, envelope("s1", SchoolOnboarded(), actor="system").SerializeToString())
    reading.handle(P0, b"\xff not an envelope")
    assert seen == ["s1"] and forgotten == []
    reading.handle(P1, envelope("bad", SchoolOnboarded(), actor="system").SerializeToString())
    assert forgotten == [1]


def test_not_current_before_it_is_positioned():
    reading = EventTail("test", ["t"], KafkaLink("127.0.0.1:1", ""), apply=lambda env: None, forget_all=lambda: None)
    reading.follow([P0])
    reading.handle(P0, heartbeat(1000.0))
    assert reading.current_until() == 0.0
