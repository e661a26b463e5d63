"""The chart's metrics and traces: every pod says where Prometheus scrapes it, the services serve /metrics there and
let the scraping network in, the gateway's workers share a multi-process directory, and every process gets the
OTLP endpoint of the values (none by default)."""
import yaml

from tests.unit.test_chart import deployments_of, helm, render  # noqa: F401  (helm: the fixture)

SERVICES = {"identity": 50051, "schedule": 50052, "journal": 50053, "reporting": 50054, "archive": 50055,
            "messaging": 50056}


def env_of(pod: dict) -> dict:
    return {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}


def test_every_pod_carries_its_scrape_annotations_and_serves_metrics_there(helm):  # noqa: F811
    resources = [doc for doc in yaml.safe_load_all(render(helm)) if doc]
    deployments = {d["metadata"]["name"]: d["spec"]["template"] for d in resources if d["kind"] == "Deployment"}
    for name, port in [*SERVICES.items(), ("gateway", 8000)]:
        template = deployments[f"otmetka-{name}"]
        metrics_port = port + 1000 if name != "gateway" else port
        assert template["metadata"]["annotations"] == {"prometheus.io/scrape": "true", "prometheus.io/path": "/metrics",
                                                       "prometheus.io/port": str(metrics_port)}, name
        ports = {p["containerPort"] for p in template["spec"]["containers"][0]["ports"]}
        assert metrics_port in ports, name
        if name != "gateway":
            assert env_of(template["spec"])[f"OTMETKA_{name.upper()}_METRICS_LISTEN"] == f"0.0.0.0:{metrics_port}"
    policies = {p["metadata"]["name"]: p["spec"]["ingress"] for p in resources if p["kind"] == "NetworkPolicy"}
    for name, port in SERVICES.items():
        scrape = [rule for rule in policies[f"otmetka-{name}"] if rule["ports"] == [{"port": port + 1000}]]
        assert scrape == [{"from": [{"ipBlock": {"cidr": "10.0.0.0/8"}}], "ports": [{"port": port + 1000}]}], name


def test_the_gateways_workers_share_a_metrics_directory_and_only_the_scraping_network_reads_it(helm):  # noqa: F811
    pod = deployments_of(helm, "observability.scrapeFrom=10.42.0.0/16")["otmetka-gateway"]
    env = env_of(pod)
    assert env["OTMETKA_METRICS_NETWORKS"] == "10.42.0.0/16"
    [mount] = [m for m in pod["containers"][0]["volumeMounts"] if m["name"] not in ("tls", "tmp")]
    assert mount["mountPath"] == env["PROMETHEUS_MULTIPROC_DIR"]
    assert {v["name"]: v for v in pod["volumes"]}[mount["name"]]["emptyDir"]["medium"] == "Memory"


def test_the_otlp_endpoint_reaches_every_process_and_is_empty_by_default(helm):  # noqa: F811
    assert {env_of(pod)["OTMETKA_OTLP_ENDPOINT"] for pod in deployments_of(helm).values()} == {""}
    collector = "http://jaeger-collector.monitoring:4318"
    pods = deployments_of(helm, f"observability.otlpEndpoint={collector}")
    assert {name: env_of(pod)["OTMETKA_OTLP_ENDPOINT"] for name, pod in pods.items()} == {
        f"otmetka-{name}": collector for name in [*SERVICES, "gateway"]}
