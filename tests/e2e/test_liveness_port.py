"""Every service of the running installation answers its liveness on its metrics port (the chart's liveness probe,
services/common/metrics_http.py) outside its gRPC request pool, beside its metrics."""
import pytest
import requests

from services import topology

pytestmark = pytest.mark.stack


@pytest.mark.parametrize("service", sorted(topology.METRICS_PORTS))
def test_a_running_service_is_alive_on_its_metrics_port(installation, service):
    port = topology.METRICS_PORTS[service]
    alive = requests.get(f"http://127.0.0.1:{port}/livez", timeout=10)
    assert (alive.status_code, alive.text) == (200, "alive\n")
    assert "otmetka_grpc_requests_total" in requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
