"""Where the installation's metrics are: each service's own port, clear of every other port of the installation
and the stack; Prometheus' targets name every process; the processes get the stack's OTLP endpoint."""
import re

from services import topology

STACK_PORTS = {int(port) for port in re.findall(r'_PORT:-(\d+)\}', (topology.ROOT / "infra" / "stack.sh").read_text())}
STACK = {"OTMETKA_KAFKA_BOOTSTRAP": "127.0.0.1:59092", "OTMETKA_KEYCLOAK_URL": "http://127.0.0.1:58080",
         "OTMETKA_KEYCLOAK_REALM": "otmetka", "OTMETKA_SERVICES_CLIENT_SECRET": "s", "OTMETKA_IDENTITY_CLIENT_SECRET": "s",
         "OTMETKA_MINIO_ENDPOINT": "127.0.0.1:59900", "OTMETKA_MINIO_ROOT_USER": "u", "OTMETKA_MINIO_ROOT_PASSWORD": "p",
         "OTMETKA_GATEWAY_CLIENT_SECRET": "s", "OTMETKA_GATEWAY_SESSION_SECRET": "s", "OTMETKA_PG_HOST": "127.0.0.1",
         "OTMETKA_PG_PORT": "55432", "OTMETKA_OTLP_ENDPOINT": "http://127.0.0.1:54318", "OTMETKA_TLS_CA": "/tls/ca.crt",
         "OTMETKA_TLS_CERT": "/tls/otmetka.crt", "OTMETKA_TLS_KEY": "/tls/otmetka.key"}


def test_every_metrics_port_is_its_own():
    ours = [*topology.GRPC_PORTS.values(), topology.GATEWAY_PORT, topology.TSA_PORT]
    metrics = list(topology.METRICS_PORTS.values())
    assert len(STACK_PORTS) > 10, "the stack's ports are read from infra/stack.sh"
    assert len(set(metrics)) == len(topology.SERVICES)
    assert not set(metrics) & (set(ours) | STACK_PORTS)


def test_prometheus_scrapes_every_process():
    targets = {t["labels"]["service"]: t["targets"] for t in topology.scrape_targets()}
    assert targets == {**{name: [f"127.0.0.1:{port}"] for name, port in topology.METRICS_PORTS.items()},
                       "gateway": [f"127.0.0.1:{topology.GATEWAY_PORT}"]}


def test_every_process_gets_its_metrics_address_and_the_stacks_otlp_endpoint():
    env = topology.process_env(STACK)
    assert env["OTMETKA_JOURNAL_METRICS_LISTEN"] == "127.0.0.1:51053"
    assert env["OTMETKA_OTLP_ENDPOINT"] == "http://127.0.0.1:54318"
    older = {key: value for key, value in STACK.items() if key != "OTMETKA_OTLP_ENDPOINT"}  # a stack.env without it
    assert topology.process_env(older)["OTMETKA_OTLP_ENDPOINT"] == ""
