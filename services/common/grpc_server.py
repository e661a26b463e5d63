"""gRPC server bootstrap shared by every service: token verification, request context and school scope, domain-error
mapping, standard health checking (readiness and liveness: services.common.readiness) and reflection, and graceful
shutdown of background workers."""
import ipaddress
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent import futures
from urllib.parse import unquote

import grpc
from grpc_health.v1 import health, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from opentelemetry.trace import SpanKind
from sqlalchemy import exc as sa_exc

from services.common import context, metrics, scope, tracing
from services.common.auth import TokenVerifier
from services.common.errors import DomainError, Unavailable
from services.common.grpc_client import KEEPALIVE_MS
from services.common.grpc_tls import GrpcTls
from services.common.progress import Progress
from services.common.readiness import LIVENESS, NOT_SERVING, Health, Readiness
from services.common.settings import LOOPBACK

log = logging.getLogger(__name__)
OPEN_SERVICES = ("/grpc.health.v1.Health/", "/grpc.reflection.")
SERVER_OPTIONS = (  # the peers' keepalive pings (grpc_client) are welcome, even on an idle connection
    ("grpc.http2.min_ping_interval_without_data_ms", KEEPALIVE_MS // 2),
    ("grpc.keepalive_permit_without_calls", 1),
)
FATAL_STATUS = 2  # the process's exit status when a worker found a configuration error
# the service's database gone or its pool exhausted: the caller is told to try again (UNAVAILABLE, HTTP 503), as when
# the service itself is away, not that the service failed (INTERNAL, HTTP 500)
DATABASE_AWAY = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)
Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def networks(cidrs: Iterable[str]) -> Networks:
    return tuple(ipaddress.ip_network(c.strip(), strict=False) for c in cidrs if c.strip())


class ContextInterceptor(grpc.ServerInterceptor):
    """Verifies the bearer token, binds the request context and the school scope (services.common.scope: the
    request's school_id, the caller's principal resolved by `principals` when first needed) and maps domain errors
    to status codes, their reason to an ErrorInfo. Methods named in `public_methods` (full names,
    "/package.Service/Method") are called without a token: they must check their own secret, and their scope has no
    principal. The end user's address is the caller's x-forwarded-for only when the caller is one of `trusted_peers`
    (the gateway and the other services); otherwise it is the caller's own address. Each call is counted in
    `progress` while it runs (liveness: services.common.progress)."""

    def __init__(self, verifier: TokenVerifier, public_methods: Iterable[str] = (),
                 trusted_peers: Networks = networks(LOOPBACK), principals: scope.PrincipalSource | None = None,
                 progress: Progress | None = None):
        self.verifier = verifier
        self.progress = progress or Progress(workers=1)
        self.public_methods = frozenset(public_methods)
        self.trusted_peers = trusted_peers
        self.principals = principals or scope.NoPrincipals()

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        method = handler_call_details.method
        if handler is None or handler.unary_unary is None or method.startswith(OPEN_SERVICES):
            return handler
        inner = handler.unary_unary

        def wrapped(request, ctx: grpc.ServicerContext):
            with self.progress.call():
                return handle(request, ctx)

        def handle(request, ctx: grpc.ServicerContext):
            metadata = dict(ctx.invocation_metadata())
            address = client_address(metadata, peer_host(ctx.peer()), self.trusted_peers)
            tokens = context.bind(None, metadata.get("x-request-id"), metadata.get("traceparent"), address)
            public = method in self.public_methods
            bound = scope.bind(scope.Scope(scope.school_id_of(request),
                                           scope.NoPrincipals() if public else self.principals))
            try:
                if not public:
                    auth = metadata.get("authorization", "")
                    caller = self.verifier.verify(auth[7:] if auth.lower().startswith("bearer ") else "")
                    tokens += context.bind(caller, context.request_id(), context.trace_parent(), address)
                with tracing.span(method.lstrip("/"), SpanKind.SERVER, attributes={"rpc.system": "grpc"}):
                    return inner(request, ctx)
            except DomainError as err:
                log.info("%s refused: %s", method, err.message,
                         extra={"fields": {"code": err.code.name, "reason": err.reason}})
                ctx.abort_with_status(err.status())
            except DATABASE_AWAY as exc:
                log.warning("%s refused: the database does not answer (%s: %s)", method, exc.__class__.__name__,
                            str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0][:200])
                ctx.abort_with_status(Unavailable().status())
            except Exception:
                log.exception("%s failed", method)
                ctx.abort(grpc.StatusCode.INTERNAL, DomainError().details())
            finally:
                scope.reset(bound)
                context.reset(tokens)

        return grpc.unary_unary_rpc_method_handler(
            metrics.observed(method, wrapped), request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer)


def peer_host(peer: str | None) -> str:
    """The host part of a gRPC peer string such as 'ipv4:127.0.0.1:5432' or 'ipv6:%5B::1%5D:5432'."""
    kind, _, rest = unquote(peer or "").partition(":")
    host = rest.rsplit(":", 1)[0] if kind in ("ipv4", "ipv6") else rest
    return host.strip("[]")


def client_address(metadata: dict, peer: str, trusted_peers: Networks) -> str:
    """The end user's address: the first x-forwarded-for entry if a trusted peer sent it, else the peer."""
    forwarded = metadata.get("x-forwarded-for", "").split(",")[0].strip()
    try:
        trusted = any(ipaddress.ip_address(peer) in net for net in trusted_peers)
    except ValueError:  # a unix socket or an unknown peer kind
        trusted = False
    return forwarded if forwarded and trusted else peer


class Listener:
    """A service's gRPC server with its port bound at once, before the process opens any connection of its own: our
    ports lie in the kernel's ephemeral range (32768-60999), so a Kafka, PostgreSQL or peer connection made first
    could take the port as its source port, and the bind would then fail. The interceptor is installed by serve(),
    before the server starts. Its liveness (not_alive_because) is the health service's once serve() has made it, and
    the request pool's progress (services.common.progress)."""

    def __init__(self, listen: str, max_workers: int = 16):
        self.listen = listen
        self.progress = Progress(max_workers)
        self.health: Health | None = None
        self.interceptor = _Deferred()
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=max_workers), interceptors=[self.interceptor],
                                  options=list(SERVER_OPTIONS))
        self.server.add_secure_port(listen, GrpcTls.from_env().server_credentials())  # mutual TLS only

    def not_alive_because(self) -> str:
        """Why the process should be restarted, or "" (services.common.readiness.Health)."""
        return self.health.not_alive_because() if self.health else self.progress.stuck()


class _Deferred(grpc.ServerInterceptor):
    """The interceptor chosen once the service knows its public methods and principal source."""

    target: grpc.ServerInterceptor

    def intercept_service(self, continuation, handler_call_details):
        return self.target.intercept_service(continuation, handler_call_details)


def serve(name: str, listener: Listener, verifier: TokenVerifier, register: Callable[[grpc.Server], Iterable[str]],
          workers: Iterable[threading.Thread] = (), public_methods: Iterable[str] = (),
          trusted_peers: Networks = networks(LOOPBACK), principals: scope.PrincipalSource | None = None,
          checks: Mapping[str, Callable[[], object]] | None = None) -> None:
    """Runs a service on its listener until SIGTERM/SIGINT. `register` adds servicers and returns their full names;
    `public_methods` are served without a user token, `principals` resolves the callers' principals of the school
    scope (see ContextInterceptor). The health service says whether it is ready (the workers, the `checks`) and
    alive (services.common.readiness); the process exits with FATAL_STATUS if a worker is fatal."""
    listener.interceptor.target = ContextInterceptor(verifier, public_methods, trusted_peers, principals,
                                                     listener.progress)
    server, listen = listener.server, listener.listen
    service_names = list(register(server))
    workers = list(workers)
    health_servicer = listener.health = Health(workers, listener.progress)
    for svc in ["", *service_names]:  # the servicer says SERVING by default: not before the workers are ready
        health_servicer.set(svc, NOT_SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection([*service_names, health.SERVICE_NAME, reflection.SERVICE_NAME], server)
    stopped = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopped.set())
    readiness = Readiness(health_servicer, ["", *service_names], workers, checks or {}, stopped)
    for worker in workers:
        worker.start()
    server.start()
    readiness.start()
    log.info("%s listening on %s (health: \"\" ready, \"%s\" alive)", name, listen, LIVENESS)
    stopped.wait()
    health_servicer.enter_graceful_shutdown()
    server.stop(grace=5).wait()
    for worker in workers:
        worker.stop()
    log.info("%s stopped", name)
    if readiness.fatal:
        raise SystemExit(FATAL_STATUS)
