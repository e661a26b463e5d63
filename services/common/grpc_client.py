"""Calls to peer services: deadline on every call, the caller's token, request id and trace forwarded,
and peer errors turned back into domain errors."""
import grpc

from services.common import context
from services.common.errors import from_rpc_error

DEFAULT_DEADLINE = 5.0
MAX_MESSAGE = 256 * 1024 * 1024  # a year-end archive package of a large school comes as one message


class Peer:
    def __init__(self, address: str, stub_class, deadline: float = DEFAULT_DEADLINE):
        self.channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", MAX_MESSAGE)])
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
            return getattr(self.stub, method)(request, timeout=deadline or self.deadline, metadata=metadata)
        except grpc.RpcError as exc:
            raise from_rpc_error(exc) from exc
