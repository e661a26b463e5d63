"""A real service process (identity, as the launcher starts it, on ports of its own) started with its PostgreSQL and
Kafka addresses pointing at proxies of ours that are closed: it keeps running, its health says not ready ("") but
alive ("liveness"); once the proxies forward to the real PostgreSQL and Kafka it says SERVING, and SIGTERM stops it
cleanly. A second identity process is what a replica is: it shares the installation's database (one relay at a
time publishes, an advisory lock)."""
import os
import signal
import subprocess
import sys
import time

import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy.engine import make_url

from services import topology
from services.common.grpc_client import channel
from services.common.readiness import LIVENESS
from tests.support import stack
from tests.support.tcp_proxy import TcpProxy, free_port

pytestmark = pytest.mark.stack
WAIT = 120.0  # generous: the process imports, then waits for both


def statuses(address: str) -> tuple[str, str]:
    with channel(address) as peer:
        stub = health_pb2_grpc.HealthStub(peer)
        return tuple(health_pb2.HealthCheckResponse.ServingStatus.Name(stub.Check(
            health_pb2.HealthCheckRequest(service=name), timeout=10, wait_for_ready=True).status)
            for name in ("", LIVENESS))


def test_a_service_started_without_postgresql_and_kafka_waits_for_them_alive_and_then_serves(tmp_path):
    env = {**os.environ, **topology.process_env(stack.env())}
    url = make_url(env["OTMETKA_IDENTITY_DB_URL"])
    kafka_host, kafka_port = env["OTMETKA_KAFKA_BOOTSTRAP"].split(",")[0].rsplit(":", 1)
    postgres, kafka = TcpProxy(url.host, url.port), TcpProxy(kafka_host, int(kafka_port))
    address = f"127.0.0.1:{free_port()}"
    env.update(OTMETKA_IDENTITY_GRPC_LISTEN=address, OTMETKA_IDENTITY_METRICS_LISTEN=f"127.0.0.1:{free_port()}",
               OTMETKA_IDENTITY_DB_URL=url.set(host="127.0.0.1", port=postgres.port).render_as_string(
                   hide_password=False),
               OTMETKA_KAFKA_BOOTSTRAP=kafka.address)
    log = tmp_path / "identity.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "services.identity"], cwd=topology.ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        assert statuses(address) == ("NOT_SERVING", "SERVING")
        time.sleep(8)  # several attempts at both
        assert process.poll() is None, log.read_text()[-3000:]
        assert statuses(address) == ("NOT_SERVING", "SERVING")
        postgres.open()
        kafka.open()
        deadline = time.monotonic() + WAIT
        while statuses(address)[0] != "SERVING" and time.monotonic() < deadline:
            time.sleep(0.5)
        assert statuses(address) == ("SERVING", "SERVING"), log.read_text()[-3000:]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert "not ready: waiting for" in log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        postgres.close()
        kafka.close()
