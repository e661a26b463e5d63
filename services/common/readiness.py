"""What a service's gRPC health service answers, kept up to date while it runs.

- Readiness, the service name "" and each of the service's own gRPC services: SERVING while every worker has
  reached what it needs once since the start (the consumer is in its group, the outbox relay has reached a Kafka
  broker) and every check passes now (PostgreSQL answers `SELECT 1`); NOT_SERVING otherwise. A check is asked every
  CHECK_EVERY seconds, so losing PostgreSQL takes the service out of service and its return brings it back. Losing
  Kafka after the start does not: the services keep taking changes into their outboxes meanwhile and relay them
  when it is back (a consumer resumes from its committed offsets).
- Liveness, the service name LIVENESS and the metrics port's /livez (services.common.metrics_http, which answers
  outside the request pool): SERVING while every worker thread runs and the request pool gets through its calls
  (services.common.progress), whatever the dependencies; a worker thread that ended (a bug) or a wedged pool says
  NOT_SERVING, so the supervisor restarts the process.
- A worker that finds a configuration error once its dependency is reachable sets its `fatal` (a message): the
  process stops with status 2 (see ConsumerLoop: the inbox would forget events Kafka may redeliver)."""
import logging
import threading
from collections.abc import Callable, Iterable, Mapping

from grpc_health.v1 import health, health_pb2

from services.common.progress import Progress

log = logging.getLogger(__name__)
LIVENESS = "liveness"
CHECK_EVERY = 2.0  # seconds between two readiness checks
SERVING, NOT_SERVING = health_pb2.HealthCheckResponse.SERVING, health_pb2.HealthCheckResponse.NOT_SERVING


class Health(health.HealthServicer):
    """The standard health service; LIVENESS is answered from the worker threads and the request pool's progress at
    the time of the call."""

    def __init__(self, workers: Iterable[threading.Thread], progress: Progress | None = None):
        super().__init__()
        self.workers = list(workers)
        self.progress = progress

    def not_alive_because(self) -> str:
        """Why the process should be restarted, or "" (it should not)."""
        ended = next((worker.name for worker in self.workers if not worker.is_alive()), None)
        if ended:
            return f"the worker thread {ended} has ended"
        return self.progress.stuck() if self.progress else ""

    def Check(self, request, context):
        if request.service == LIVENESS:
            return health_pb2.HealthCheckResponse(status=NOT_SERVING if self.not_alive_because() else SERVING)
        return super().Check(request, context)


class Readiness(threading.Thread):
    """Sets the readiness of `names` every CHECK_EVERY seconds from the workers and the checks (name -> a callable
    that raises when its dependency does not answer); sets `stopped` if a worker is fatal."""

    def __init__(self, servicer: health.HealthServicer, names: Iterable[str], workers: Iterable[threading.Thread],
                 checks: Mapping[str, Callable[[], object]], stopped: threading.Event, every: float = CHECK_EVERY):
        super().__init__(name="readiness", daemon=True)
        self.servicer = servicer
        self.names = list(names)
        self.workers = list(workers)
        self.checks = dict(checks)
        self.stopped = stopped
        self.every = every
        self.fatal: str | None = None
        self.ready: bool | None = None

    def run(self) -> None:
        while not self.stopped.is_set():
            self.fatal = next((w.fatal for w in self.workers if getattr(w, "fatal", None)), None)
            if self.fatal:
                self.stopped.set()
                return
            self.set(self.waiting_for() or self.failing())
            self.stopped.wait(self.every)

    def waiting_for(self) -> str:
        """The first worker not ready yet (its name), or ""."""
        return next((w.name for w in self.workers if hasattr(w, "ready") and not w.ready.is_set()), "")

    def failing(self) -> str:
        """The first check that fails (its name and error), or ""."""
        for name, check in self.checks.items():
            try:
                check()
            except Exception as exc:
                return f"{name}: {exc.__class__.__name__}: {str(exc).strip()[:300]}"
        return ""

    def set(self, not_ready_because: str) -> None:
        ready = not not_ready_because
        if ready != self.ready:
            if ready:
                log.info("ready")
            else:
                log.warning("not ready: waiting for %s", not_ready_because)
        self.ready = ready
        for name in self.names:
            self.servicer.set(name, SERVING if ready else NOT_SERVING)
