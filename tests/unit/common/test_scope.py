"""The school scope the interceptor binds for each call, a refusal's reason carried as an ErrorInfo across a real
gRPC hop (an in-process server on 127.0.0.1), and the unit of work's one transaction."""
import contextlib
from concurrent import futures

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from services.common import scope
from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound, Unauthenticated, from_rpc_error
from services.common.grpc_server import ContextInterceptor
from services.common.policy import Principal
from services.common.unit_of_work import UnitOfWork
from tests.support.grpc_harness import tls_channel, tls_port

SCHOOL = "7d9c4b52-55a4-4c5e-9a53-2f1d7cbb4a10"


class CountingPrincipals:
    def __init__(self, *roles: str):
        self.roles, self.asked = frozenset(roles), []

    def resolve(self, school_id: str) -> Principal:
        self.asked.append(school_id)
        return Principal(subject="s", school_id=school_id, person_id="p1", roles=self.roles)


def test_the_school_is_checked_when_first_asked_and_the_principal_resolved_once():
    principals = CountingPrincipals("subject_teacher")
    s = scope.Scope(SCHOOL.upper(), principals)
    assert principals.asked == []
    assert s.require("lesson.record").person_id == "p1"
    assert s.require("unlock.request", teacher_id="p1").roles == {"subject_teacher"}
    assert (s.school_id, principals.asked) == (SCHOOL, [SCHOOL])
    with pytest.raises(Forbidden):
        s.require("unlock.decide")
    assert not s.allowed("unlock.request", teacher_id="p2")
    for bad in ("", "school-1"):
        with pytest.raises(Invalid) as err:
            assert not scope.Scope(bad, principals).school_id
        assert set(err.value.fields) == {"school_id"}


def test_no_role_in_the_school_is_no_school_and_an_event_has_no_caller():
    with pytest.raises(NotFound):
        scope.Scope(SCHOOL, CountingPrincipals()).require("diary.read")
    event = scope.Scope.of_event(SCHOOL)
    assert event.school_id == SCHOOL
    with pytest.raises(Unauthenticated):
        event.require("lesson.read")


def test_current_is_only_what_was_bound():
    with pytest.raises(RuntimeError):
        scope.current()
    s = scope.Scope(SCHOOL, CountingPrincipals())
    token = scope.bind(s)
    try:
        assert scope.current() is s
    finally:
        scope.reset(token)
    with pytest.raises(RuntimeError):
        scope.current()


def test_school_id_of_a_request_with_and_without_the_field():
    assert scope.school_id_of(pb.GetJournalPolicyRequest(school_id=SCHOOL)) == SCHOOL
    assert scope.school_id_of(pb.MarkInput(student_id=SCHOOL)) == ""


@contextlib.contextmanager
def served(handler, principals):
    """`handler(request)` as the public method /test.Scoped/Call (GetJournalPolicyRequest in and out) behind the
    services' interceptor; yields the callable stub."""
    method = grpc.unary_unary_rpc_method_handler(
        lambda request, ctx: handler(request), request_deserializer=pb.GetJournalPolicyRequest.FromString,
        response_serializer=pb.GetJournalPolicyRequest.SerializeToString)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2),
                         interceptors=[ContextInterceptor(verifier=None, public_methods=["/test.Scoped/Call"],
                                                          principals=principals)])
    server.add_generic_rpc_handlers([grpc.method_handlers_generic_handler("test.Scoped", {"Call": method})])
    port = tls_port(server)
    server.start()
    channel = tls_channel(port)
    try:
        yield channel.unary_unary("/test.Scoped/Call", request_serializer=pb.GetJournalPolicyRequest.SerializeToString,
                                  response_deserializer=pb.GetJournalPolicyRequest.FromString)
    finally:
        channel.close()
        server.stop(grace=None)


def test_the_interceptor_binds_the_requests_school_and_a_refusal_keeps_its_reason_across_the_hop():
    seen = []

    def handler(request):
        seen.append(scope.current().school_id)
        raise FailedPrecondition("Урок закрыт для изменений — любые слова", {"lesson_id": "закрыт"},
                                 reason="LESSON_LOCKED")

    with served(handler, CountingPrincipals("subject_teacher")) as call:
        with pytest.raises(grpc.RpcError) as refused:
            call(pb.GetJournalPolicyRequest(school_id=SCHOOL), timeout=10)
    back = from_rpc_error(refused.value)
    assert seen == [SCHOOL]
    assert (type(back), back.reason, back.fields) == (FailedPrecondition, "LESSON_LOCKED", {"lesson_id": "закрыт"})
    assert back.message == "Урок закрыт для изменений — любые слова"


def test_a_public_method_has_no_principal_and_a_refusal_without_reason_has_none():
    def handler(request):
        scope.current().require("lesson.read")

    with served(handler, CountingPrincipals("director")) as call:
        with pytest.raises(grpc.RpcError) as refused:
            call(pb.GetJournalPolicyRequest(school_id=SCHOOL), timeout=10)
    back = from_rpc_error(refused.value)
    assert (refused.value.code(), type(back), back.reason) == (grpc.StatusCode.UNAUTHENTICATED, Unauthenticated, "")


class FakeTransaction:
    """Database.tenant_session in memory: records what the unit of work did with it."""

    def __init__(self):
        self.log = []

    @contextlib.contextmanager
    def tenant_session(self, school_id):
        self.log.append(("begin", school_id))
        try:
            yield "session"
        except BaseException:
            self.log.append(("rollback",))
            raise
        self.log.append(("commit",))


class ListOutbox:
    def __init__(self):
        self.added = []

    def add(self, session, school_id, message):
        self.added.append((session, school_id, message))


def test_the_unit_of_work_is_one_transaction_of_the_scopes_school_with_its_events():
    db, outbox = FakeTransaction(), ListOutbox()
    uow = UnitOfWork(db, outbox, scope.Scope(SCHOOL, CountingPrincipals()))
    with uow:
        uow.publish("event")
        with pytest.raises(RuntimeError):
            uow.__enter__()
    assert db.log == [("begin", SCHOOL), ("commit",)] and outbox.added == [("session", SCHOOL, "event")]
    with pytest.raises(ValueError), uow:
        raise ValueError()
    assert db.log[-1] == ("rollback",) and uow.session is None


def test_an_events_unit_of_work_joins_the_consumers_transaction():
    """It neither begins nor ends the transaction (the consumer commits it with the inbox row), nor keeps it after."""
    outbox = ListOutbox()
    uow = UnitOfWork.joining("consumer's session", outbox, scope.Scope.of_event(SCHOOL))
    with uow:
        uow.publish("event")
    assert outbox.added == [("consumer's session", SCHOOL, "event")] and uow.session is None
    with pytest.raises(ValueError), uow:
        raise ValueError()


def test_a_unit_of_work_whose_transaction_did_not_begin_can_be_entered_again():
    class Flaky(FakeTransaction):
        failures = 1

        @contextlib.contextmanager
        def tenant_session(self, school_id):
            if self.failures:
                self.failures -= 1
                raise ConnectionError("the database is not there")
            with super().tenant_session(school_id) as session:
                yield session

    db = Flaky()
    uow = UnitOfWork(db, ListOutbox(), scope.Scope(SCHOOL, CountingPrincipals()))
    with pytest.raises(ConnectionError), uow:
        pass
    with uow:
        assert uow.session == "session"
    assert db.log == [("begin", SCHOOL), ("commit",)]
