"""Calls to peer services: deadline on every call, the caller's token, request id and trace forwarded,
and peer errors turned back into domain errors.

Every channel to a peer comes from `channel()`, with bounded reconnection and keepalive (CHANNEL_OPTIONS): a
restarted peer is connected again within RECONNECT_MAX_MS (gRPC's default backoff grows to two minutes, so the
gateway answered 503 for a minute and more after a service came back at once), and a connection whose peer vanished
without closing it (a lost pod) is noticed within KEEPALIVE_MS + KEEPALIVE_TIMEOUT_MS. A call waits for the
connection within its deadline (`wait_for_ready`): a peer restarting answers it late instead of not at all. A peer
that has not answered for longer than RESTART_WAIT is taken for down, and calls to it fail at once (UNAVAILABLE,
HTTP 503) instead of each holding its caller's thread for the whole deadline; the channel keeps reconnecting
meanwhile."""
import time

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from services.common import context
from services.common.errors import from_rpc_error
from services.common.grpc_tls import GrpcTls

DEFAULT_DEADLINE = 5.0
MAX_MESSAGE = 256 * 1024 * 1024  # a year-end archive package of a large school comes as one message
RECONNECT_INITIAL_MS = 250
RECONNECT_MAX_MS = 1_000  # the longest wait between two attempts to connect to a peer that went away
CONNECT_TIMEOUT_MS = 5_000  # an attempt that gets no answer (a vanished address) is given up after it
KEEPALIVE_MS = 20_000  # a ping on a connection quiet for this long...
KEEPALIVE_TIMEOUT_MS = 5_000  # ...unanswered for this long closes it (the server permits it: grpc_server)
RESTART_WAIT = 15.0  # seconds a peer may be unreachable and still be waited for: longer than a restart
CHANNEL_OPTIONS = (
    ("grpc.max_receive_message_length", MAX_MESSAGE),
    ("grpc.initial_reconnect_backoff_ms", RECONNECT_INITIAL_MS),
    ("grpc.min_reconnect_backoff_ms", CONNECT_TIMEOUT_MS),  # gRPC's name for an attempt's minimal timeout
    ("grpc.max_reconnect_backoff_ms", RECONNECT_MAX_MS),
    ("grpc.keepalive_time_ms", KEEPALIVE_MS),
    ("grpc.keepalive_timeout_ms", KEEPALIVE_TIMEOUT_MS),
    ("grpc.keepalive_permit_without_calls", 1),
    ("grpc.http2.max_pings_without_data", 0),  # keepalive pings on an idle connection too
)


def channel(address: str) -> grpc.Channel:
    """A channel to a peer's gRPC port with the options above, over mutual TLS (services.common.grpc_tls)."""
    return grpc.secure_channel(address, GrpcTls.from_env().channel_credentials(), options=list(CHANNEL_OPTIONS))


def health_status(address: str, timeout: float, service: str = "") -> str:
    """A peer's gRPC health (SERVING, NOT_SERVING), or why it did not answer (UNAVAILABLE, DEADLINE_EXCEEDED, ...)."""
    with channel(address) as peer:
        try:
            reply = health_pb2_grpc.HealthStub(peer).Check(health_pb2.HealthCheckRequest(service=service),
                                                           timeout=timeout)
            return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
        except grpc.RpcError as exc:
            return exc.code().name


class Reachability:
    """Whether a peer has gone without answering for longer than `wait` seconds: since the first call that got no
    answer (UNAVAILABLE or DEADLINE_EXCEEDED) after the last one that got any. (A peer that answers UNAVAILABLE itself
    counts as unanswering too: harmless, a call on a connected channel is sent at once whether it waits or not.)"""

    NO_ANSWER = (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)

    def __init__(self, wait: float = RESTART_WAIT, clock=time.monotonic):
        self.wait = wait
        self.clock = clock
        self._failing_since: float | None = None

    def answered(self, code: grpc.StatusCode = grpc.StatusCode.OK) -> None:
        if code not in self.NO_ANSWER:
            self._failing_since = None
        elif self._failing_since is None:
            self._failing_since = self.clock()

    def worth_waiting(self) -> bool:
        since = self._failing_since
        return since is None or self.clock() - since < self.wait


class Peer:
    def __init__(self, address: str, stub_class, deadline: float = DEFAULT_DEADLINE):
        self.channel = channel(address)
        self.reachability = Reachability()
        self.stub = stub_class(self.channel)
        self.deadline = deadline

    def call(self, method: str, request, token: str | None = None, deadline: float | None = None):
        if token is None:
            token = context.current_caller().token
        metadata = [("authorization", f"Bearer {token}"), ("x-request-id", context.request_id()),
                    ("traceparent", context.trace_parent())]
        if context.client_address():
            metadata.append(("x-forwarded-for", context.client_address()))
        try:
            reply = getattr(self.stub, method)(request, timeout=deadline or self.deadline, metadata=metadata,
                                               wait_for_ready=self.reachability.worth_waiting())
        except grpc.RpcError as exc:
            self.reachability.answered(exc.code())
            raise from_rpc_error(exc) from exc
        self.reachability.answered()
        return reply
