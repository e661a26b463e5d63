"""An in-memory fake of the gateway's Peers port, shared by the gateway's unit and integration tests, and what the
fake journal answers of its own rules (the scales' mark values, the attendance kinds, the absence reasons, the
default work types), and an in-memory movement register of identity."""
import grpc

from gateway.peers import method_types
from proto.identity.v1 import identity_pb2 as pb
from proto.journal.v1 import journal_pb2
from services.common.errors import DomainError, NotFound, from_rpc_error

MARK_VALUES = {"five_point": ["5", "4", "3", "2", "1"], "ten_point": [str(n) for n in range(10, 0, -1)],
               "pass_fail": ["зачёт", "незачёт"]}
ATTENDANCE_KINDS = [journal_pb2.Choice(code=code, name=name) for code, name in (
    ("absent", "Н — отсутствовал"), ("late", "опоздал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
    ("unexcused", "НП — неуважительная"))]
ABSENCE_REASONS = [journal_pb2.Choice(code=code, name=name) for code, name in (
    ("ill", "Б — болел"), ("excused", "УП — уважительная"), ("unexcused", "НП — неуважительная"),
    ("absent", "Н — причина не известна"))]
WORK_TYPES = [journal_pb2.WorkType(code=code, name=name, weight=weight) for code, name, weight in (
    ("classwork", "Работа на уроке", "1"), ("homework", "Домашняя работа", "1"), ("test", "Контрольная работа", "2"),
    ("independent", "Самостоятельная работа", "1.5"), ("oral", "Устный ответ", "1"))]


def journal_policy(scale: str = "five_point", **fields) -> journal_pb2.JournalPolicy:
    """The policy as the journal answers it: the scale with its mark values and the attendance kinds."""
    return journal_pb2.JournalPolicy(mark_scale=scale, mark_values=MARK_VALUES[scale],
                                     attendance_kinds=ATTENDANCE_KINDS,
                                     period_mark_values=[*MARK_VALUES[scale], "ОСВ", "Н/А"], **fields)


class RefusedCall(grpc.RpcError):
    """A refused gRPC call as a peer's status makes it: code, details and the status details (ErrorInfo)."""

    def __init__(self, status: grpc.Status):
        self.status = status

    def code(self):
        return self.status.code

    def details(self):
        return self.status.details

    def trailing_metadata(self):
        return self.status.trailing_metadata


def refused(error: DomainError) -> DomainError:
    """What the gateway's Peers raise when a service refuses with `error`: its gRPC status, read back."""
    return from_rpc_error(RefusedCall(error.status()))


class FakePeers:
    """Records every call; answers with a prepared response, an error to raise, a function of the request, or an
    empty message."""

    def __init__(self, addresses: dict[str, str]):
        self.calls = []
        self.responses = {}
        self.addresses = addresses

    def call(self, service, rpc, request, token, deadline=None):
        self.calls.append((service, rpc, request, token))
        answer = self.responses.get(rpc)
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer if answer is not None else method_types(service, rpc)[1]()


class FakeMovementRegister:
    """What identity's movement register answers, in memory: SignOrder numbers and keeps an order (a cancellation
    marks the order it cancels), GetOrder and ListOrders (by year or student) read them back; NOT_FOUND for an
    unknown order. `install` puts it in place of those RPCs of a FakePeers."""

    def __init__(self, academic_year_id: str, names: dict[str, str] | None = None):
        self.academic_year_id = academic_year_id
        self.names = names or {}
        self.orders: list = []

    def install(self, peers: FakePeers) -> "FakeMovementRegister":
        peers.responses.update(SignOrder=self.sign, GetOrder=self.get, ListOrders=self.list)
        return self

    def sign(self, request):
        order = pb.MovementOrder(
            id=f"00000000-0000-4000-8000-{len(self.orders) + 1:012d}", school_id=request.school_id, kind=request.kind,
            number=request.number or f"{len(self.orders) + 1}-у", order_date=request.order_date or "2026-01-13",
            effective_date=request.effective_date, reason=request.reason, academic_year_id=self.academic_year_id,
            cancels_order_id=request.cancels_order_id, lines=request.lines)
        for line in order.lines:
            line.student_name = self.names.get(line.student_id, "")
        if request.cancels_order_id:
            self.get(pb.GetOrderRequest(order_id=request.cancels_order_id)).cancelled_by_order_id = order.id
            order.lines.extend(self.get(pb.GetOrderRequest(order_id=request.cancels_order_id)).lines)
        self.orders.append(order)
        return order

    def get(self, request):
        found = next((o for o in self.orders if o.id == request.order_id), None)
        if found is None:
            raise refused(NotFound("Приказ не найден", {"order_id": "нет такого приказа"}))
        return found

    def list(self, request):
        return pb.ListOrdersResponse(orders=[
            o for o in self.orders if (not request.academic_year_id or o.academic_year_id == request.academic_year_id)
            and (not request.student_id or any(line.student_id == request.student_id for line in o.lines))])
