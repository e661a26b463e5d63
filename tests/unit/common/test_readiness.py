"""What the health service answers: ready ("") only while every worker has got ready and every check passes,
following a dependency that goes and comes back; alive ("liveness") while the worker threads run, whatever the
dependencies; a worker's configuration error stops the process with status 2."""
import signal
import threading
import time

import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from services.common.auth import TokenVerifier
from services.common.grpc_server import FATAL_STATUS, Listener, serve
from services.common.readiness import LIVENESS, NOT_SERVING, SERVING, Health, Readiness
from tests.support.grpc_harness import tls_channel
from tests.support.tcp_proxy import free_port

WAIT = 30.0  # generous: the watcher looks every 0.05 s here


class Worker(threading.Thread):
    """A background worker as the services have them: ready once its dependency answered, stopped on request."""

    def __init__(self, name: str = "worker"):
        super().__init__(name=name, daemon=True)
        self.ready = threading.Event()
        self.stop_event = threading.Event()
        self.fatal: str | None = None

    def run(self) -> None:
        self.stop_event.wait()

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=10)


class Dependency:
    def __init__(self):
        self.up = False

    def ping(self) -> None:
        if not self.up:
            raise ConnectionRefusedError("connection refused")


def status(servicer: Health, service: str = ""):
    return servicer.Check(health_pb2.HealthCheckRequest(service=service), None).status


def eventually(servicer: Health, expected, service: str = "") -> None:
    deadline = time.monotonic() + WAIT
    while status(servicer, service) != expected and time.monotonic() < deadline:
        time.sleep(0.02)
    assert status(servicer, service) == expected


@pytest.fixture
def worker():
    worker = Worker()
    worker.start()
    yield worker
    worker.stop()


def test_ready_once_the_workers_are_and_while_the_checks_pass(worker, caplog):
    database, stopped = Dependency(), threading.Event()
    servicer = Health([worker])
    readiness = Readiness(servicer, ["", "otmetka.test.v1.Test"], [worker], {"postgresql": database.ping}, stopped,
                          every=0.05)
    readiness.start()
    try:
        eventually(servicer, NOT_SERVING)
        database.up = True
        time.sleep(0.3)  # several rounds: the worker is not ready yet
        assert status(servicer) == NOT_SERVING
        worker.ready.set()
        eventually(servicer, SERVING)
        eventually(servicer, SERVING, "otmetka.test.v1.Test")
        database.up = False  # lost: out of service, and back
        eventually(servicer, NOT_SERVING, "otmetka.test.v1.Test")
        assert status(servicer, LIVENESS) == SERVING, "alive whatever its dependencies"
        database.up = True
        eventually(servicer, SERVING)
    finally:
        stopped.set()
        readiness.join(timeout=10)
    assert "not ready: waiting for postgresql: ConnectionRefusedError: connection refused" in caplog.text


def test_alive_while_every_worker_thread_runs(worker):
    other = Worker("other")
    other.start()
    servicer = Health([worker, other])
    assert status(servicer, LIVENESS) == SERVING
    other.stop()  # a worker thread that ended
    assert status(servicer, LIVENESS) == NOT_SERVING


@pytest.fixture
def signal_handlers():
    """serve() takes SIGTERM and SIGINT: pytest's own come back after the test."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in kept.items():
        signal.signal(sig, handler)


def test_a_fatal_worker_stops_the_process_with_status_2_after_serving_the_health_service(signal_handlers):
    port = free_port()
    worker, answers = Worker(), []

    def ask_then_fail() -> None:  # what a consumer does when its inbox would forget events Kafka keeps
        with tls_channel(port) as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            for service in ("", LIVENESS):
                answers.append(stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=WAIT,
                                          wait_for_ready=True).status)
        worker.fatal = "OTMETKA_INBOX_RETENTION_DAYS (7) must be longer than Kafka keeps topic t"

    asking = threading.Thread(target=ask_then_fail)
    asking.start()
    with pytest.raises(SystemExit) as exited:
        serve("test", Listener(f"127.0.0.1:{port}"), TokenVerifier("http://127.0.0.1:9/realms/none"),
              lambda server: [], workers=[worker])
    asking.join(timeout=WAIT)
    assert exited.value.code == FATAL_STATUS
    assert answers == [NOT_SERVING, SERVING], "not ready (the worker never was), but alive"
