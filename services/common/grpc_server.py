"""gRPC server bootstrap shared by every service: token verification, request context, domain-error
mapping, standard health checking and reflection, and graceful shutdown of background workers."""
import logging
import signal
import threading
from collections.abc import Callable, Iterable
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from services.common import context
from services.common.auth import TokenVerifier
from services.common.errors import DomainError

log = logging.getLogger(__name__)
OPEN_SERVICES = ("/grpc.health.v1.Health/", "/grpc.reflection.")


class ContextInterceptor(grpc.ServerInterceptor):
    """Verifies the bearer token, binds the request context and maps errors to status codes."""

    def __init__(self, verifier: TokenVerifier):
        self.verifier = verifier

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        method = handler_call_details.method
        if handler is None or handler.unary_unary is None or method.startswith(OPEN_SERVICES):
            return handler
        inner = handler.unary_unary

        def wrapped(request, ctx: grpc.ServicerContext):
            metadata = dict(ctx.invocation_metadata())
            tokens = context.bind(None, metadata.get("x-request-id"), metadata.get("traceparent"))
            try:
                auth = metadata.get("authorization", "")
                caller = self.verifier.verify(auth[7:] if auth.lower().startswith("bearer ") else "")
                tokens += context.bind(caller, context.request_id(), context.trace_parent())
                return inner(request, ctx)
            except DomainError as err:
                log.info("%s refused: %s", method, err.message, extra={"fields": {"code": err.code.name}})
                ctx.abort(err.code, err.details())
            except Exception:
                log.exception("%s failed", method)
                ctx.abort(grpc.StatusCode.INTERNAL, DomainError().details())
            finally:
                context.reset(tokens)

        return grpc.unary_unary_rpc_method_handler(
            wrapped, request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer)


def serve(name: str, listen: str, verifier: TokenVerifier, register: Callable[[grpc.Server], Iterable[str]],
          workers: Iterable[threading.Thread] = (), max_workers: int = 16) -> None:
    """Runs a service until SIGTERM/SIGINT. `register` adds servicers and returns their full names."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=max_workers),
                         interceptors=[ContextInterceptor(verifier)])
    service_names = list(register(server))
    health_servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection([*service_names, health.SERVICE_NAME, reflection.SERVICE_NAME], server)
    server.add_insecure_port(listen)
    workers = list(workers)
    for worker in workers:
        worker.start()
    server.start()
    for svc in ["", *service_names]:
        health_servicer.set(svc, health_pb2.HealthCheckResponse.SERVING)
    log.info("%s listening on %s", name, listen)
    stopped = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopped.set())
    stopped.wait()
    health_servicer.enter_graceful_shutdown()
    server.stop(grace=5).wait()
    for worker in workers:
        worker.stop()
    log.info("%s stopped", name)
