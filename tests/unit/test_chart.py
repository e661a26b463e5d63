"""The Helm chart lints strictly, renders every service, the gateway and the migrations job, and every
rendered resource is valid against the Kubernetes schemas (offline, kubernetes-validate)."""
import os
import pathlib
import subprocess

import kubernetes_validate
import pytest
import yaml

# `make test` builds helm once into the cache and names it in OTMETKA_HELM
HELM = os.environ.get("OTMETKA_HELM") or next(iter(sorted(pathlib.Path.home().glob(".cache/otmetka/helm/v*/helm"))), "")
CHART = pathlib.Path(__file__).resolve().parents[2] / "charts" / "otmetka"


@pytest.fixture(scope="module")
def helm() -> str:
    if not HELM or not os.path.exists(HELM):
        pytest.fail(f"helm is not installed ({HELM or 'OTMETKA_HELM is not set'}): run `make test`, which builds it")
    return HELM


def test_chart_lints(helm):
    subprocess.run([helm, "lint", "--strict", str(CHART)], check=True, capture_output=True)


KUBE_VERSION = "1.31.0"


def render(helm: str) -> str:
    return subprocess.run([helm, "template", "otmetka", str(CHART), "--kube-version", KUBE_VERSION],
                          check=True, capture_output=True, text=True).stdout


def test_chart_renders_every_process(helm):
    out = render(helm)
    for name in ("identity", "schedule", "journal", "reporting", "archive", "messaging", "gateway"):
        assert f"name: otmetka-{name}\n" in out
    assert "kind: Job" in out and "services.deploy" in out


def test_every_resource_is_valid_for_kubernetes(helm):
    resources = [doc for doc in yaml.safe_load_all(render(helm)) if doc]
    assert len(resources) > 10
    for resource in resources:
        kubernetes_validate.validate(resource, KUBE_VERSION, strict=True)


def test_only_the_release_reaches_the_services(helm):
    out = render(helm)
    assert out.count("kind: NetworkPolicy") == 6
    assert "name: OTMETKA_TRUSTED_PEERS" in out and "name: OTMETKA_GATEWAY_PROXY_HOPS" in out


def test_only_identity_gets_the_keycloak_administration_client_and_the_activation_key(helm):
    deployments = {doc["metadata"]["name"]: doc for doc in yaml.safe_load_all(render(helm))
                   if doc and doc["kind"] == "Deployment"}
    for name in ("identity", "schedule", "journal", "reporting", "archive", "messaging", "gateway"):
        container = deployments[f"otmetka-{name}"]["spec"]["template"]["spec"]["containers"][0]
        secrets = {source["secretRef"]["name"] for source in container.get("envFrom", [])}
        assert ("otmetka-identity-client" in secrets) == (name == "identity"), name
        keys = {e["valueFrom"]["secretKeyRef"]["name"] for e in container["env"] if "valueFrom" in e}
        assert keys == ({"otmetka-activation-key"} if name == "identity" else set()), name


def test_the_services_that_keep_files_know_the_object_store(helm):
    deployments = {doc["metadata"]["name"]: doc for doc in yaml.safe_load_all(render(helm))
                   if doc and doc["kind"] == "Deployment"}
    for name, wanted in (("journal", {"OTMETKA_MINIO_ENDPOINT", "OTMETKA_JOURNAL_BUCKET"}),
                         ("archive", {"OTMETKA_MINIO_ENDPOINT", "OTMETKA_ARCHIVE_BUCKET",
                                      "OTMETKA_ARCHIVE_REPLICA_ENDPOINT", "OTMETKA_ARCHIVE_REPLICA_BUCKET"}),
                         ("messaging", {"OTMETKA_MINIO_ENDPOINT", "OTMETKA_MESSAGING_BUCKET"}),
                         ("reporting", {"OTMETKA_MINIO_ENDPOINT"}), ("schedule", set())):
        env = {e["name"] for e in deployments[f"otmetka-{name}"]["spec"]["template"]["spec"]["containers"][0]["env"]}
        assert wanted <= env and (wanted or "OTMETKA_MINIO_ENDPOINT" not in env)


def test_the_archive_signs_with_the_pki_copied_from_its_secret_and_a_time_stamping_authority(helm):
    pod = deployments_of(helm)["otmetka-archive"]
    env = {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}
    assert {key: env[key] for key in ("OTMETKA_ARCHIVE_PKI_DIR", "OTMETKA_ARCHIVE_SIGNATURE_ALGORITHM",
                                      "OTMETKA_ARCHIVE_TSA_URL")} == {
        "OTMETKA_ARCHIVE_PKI_DIR": "/var/lib/otmetka/pki", "OTMETKA_ARCHIVE_SIGNATURE_ALGORITHM": "gost",
        "OTMETKA_ARCHIVE_TSA_URL": "https://tsa.example.internal/tsp"}
    (init,) = pod["initContainers"]
    assert "/etc/otmetka/pki-source/. /var/lib/otmetka/pki/" in init["command"][-1]
    assert {v["name"]: v.get("secret", {}).get("secretName") for v in pod["volumes"]} == {
        "tls": "otmetka-tls", "pki-source": "otmetka-archive-pki", "pki": None, "tmp": None}


def test_every_service_gets_the_retention_of_its_outbox_and_inbox(helm):
    deployments = {doc["metadata"]["name"]: doc for doc in yaml.safe_load_all(render(helm))
                   if doc and doc["kind"] == "Deployment"}
    for name in ("identity", "schedule", "journal", "reporting", "archive", "messaging"):
        env = {e["name"]: e.get("value") for e in
               deployments[f"otmetka-{name}"]["spec"]["template"]["spec"]["containers"][0]["env"]}
        assert (env["OTMETKA_OUTBOX_RETENTION_HOURS"], env["OTMETKA_INBOX_RETENTION_DAYS"]) == ("72", "21"), name


@pytest.mark.parametrize("inbox_days, kafka_hours, renders", [(14, 168, True), (7, 168, False), (7.5, 168, True),
                                                              (3, 72, False)])
def test_the_inbox_must_outlive_what_kafka_keeps(helm, inbox_days, kafka_hours, renders):
    result = subprocess.run([helm, "template", "otmetka", str(CHART), "--set", f"retention.inboxDays={inbox_days}",
                             "--set", f"kafka.topicRetentionHours={kafka_hours}"], capture_output=True, text=True)
    assert (result.returncode == 0) == renders, result.stderr
    assert renders or "must be longer than Kafka keeps the topics" in result.stderr


def resources_of(helm: str, *sets: str) -> list[dict]:
    """The chart rendered with `--set` each of `sets`, every resource validated strictly."""
    args = [arg for value in sets for arg in ("--set", value)]
    out = subprocess.run([helm, "template", "otmetka", str(CHART), "--kube-version", KUBE_VERSION, *args],
                         check=True, capture_output=True, text=True).stdout
    resources = [doc for doc in yaml.safe_load_all(out) if doc]
    for resource in resources:
        kubernetes_validate.validate(resource, KUBE_VERSION, strict=True)
    return resources


def deployments_of(helm: str, *sets: str) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc["spec"]["template"]["spec"] for doc in resources_of(helm, *sets)
            if doc["kind"] == "Deployment"}


MAILER = ("services.mailer.port=50099", "services.mailer.replicas=1", "mail.senders={mailer}")


def test_only_the_mail_senders_get_the_relay_and_the_mail_secret(helm):
    pods = deployments_of(helm, *MAILER)
    for name, pod in pods.items():
        container = pod["containers"][0]
        env = {e["name"]: e.get("value") for e in container["env"]}
        secrets = {source["secretRef"]["name"] for source in container.get("envFrom", [])}
        sends = name == "otmetka-mailer"
        assert ("otmetka-mail" in secrets) == sends and ("OTMETKA_SMTP_HOST" in env) == sends, name
    env = {e["name"]: e.get("value") for e in pods["otmetka-mailer"]["containers"][0]["env"]}
    assert {key: env[key] for key in ("OTMETKA_SMTP_HOST", "OTMETKA_SMTP_PORT", "OTMETKA_SMTP_SECURITY",
                                      "OTMETKA_MAIL_FROM", "OTMETKA_GATEWAY_PUBLIC_URL")} == {
        "OTMETKA_SMTP_HOST": "smtp.example.internal", "OTMETKA_SMTP_PORT": "587", "OTMETKA_SMTP_SECURITY": "starttls",
        "OTMETKA_MAIL_FROM": "Отметка <noreply@example.internal>",
        "OTMETKA_GATEWAY_PUBLIC_URL": "https://journal.example.internal"}
    assert "OTMETKA_SMTP_CA_FILE" not in env and [v["name"] for v in pods["otmetka-mailer"]["volumes"]] == ["tls", "tmp"]


def test_a_private_authority_of_the_relay_is_mounted_for_the_senders_only(helm):
    pods = deployments_of(helm, *MAILER, "mail.relay.caSecret=municipal-ca")
    mailer = pods["otmetka-mailer"]
    env = {e["name"]: e.get("value") for e in mailer["containers"][0]["env"]}
    assert env["OTMETKA_SMTP_CA_FILE"] == "/etc/otmetka/mail-ca/ca.crt"
    assert [v for v in mailer["volumes"] if v["name"] not in ("tls", "tmp")] == [
        {"name": "mail-ca", "secret": {"secretName": "municipal-ca"}}]
    assert [m["name"] for m in pods["otmetka-archive"]["volumes"]] == ["tls", "pki-source", "pki", "tmp"]


def test_the_relay_security_is_one_the_services_know(helm):
    result = subprocess.run([helm, "template", "otmetka", str(CHART), *[a for v in MAILER for a in ("--set", v)],
                             "--set", "mail.relay.security=ssl"], capture_output=True, text=True)
    assert result.returncode != 0 and "mail.relay.security must be starttls, tls or none" in result.stderr


def test_the_migrations_job_creates_topics_with_three_replicas_two_in_sync(helm):
    job = next(doc for doc in yaml.safe_load_all(render(helm)) if doc and doc["kind"] == "Job")
    env = {item["name"]: item.get("value") for item in job["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert (env["OTMETKA_KAFKA_REPLICATION_FACTOR"], env["OTMETKA_KAFKA_MIN_INSYNC_REPLICAS"]) == ("3", "2")


def test_the_probes_tell_a_starting_a_busy_and_a_wedged_process_apart(helm):
    """Every service and the gateway: a startup probe long enough for a consumer's rebalance, readiness that takes a
    pod out of service quickly, liveness that restarts it only after minutes of failures (a service's liveness is
    not its readiness, and is answered outside its request pool)."""
    deployments = [doc for doc in yaml.safe_load_all(render(helm)) if doc and doc["kind"] == "Deployment"]
    assert len(deployments) == 7
    for deployment in deployments:
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        startup, ready, live = (container[f"{kind}Probe"] for kind in ("startup", "readiness", "liveness"))
        assert startup["periodSeconds"] * startup["failureThreshold"] >= 180, "a slow start (cold JIT, migrations)"
        assert ready["periodSeconds"] * ready["failureThreshold"] <= 30 and ready["timeoutSeconds"] <= 3
        assert live["periodSeconds"] * live["failureThreshold"] >= 120 and live["timeoutSeconds"] >= 10
        if container["name"] == "gateway":
            assert all("httpGet" in probe for probe in (startup, ready, live))
            continue
        # a service's gRPC port takes mutual TLS only: the pod asks itself; alive whatever PostgreSQL and Kafka do,
        # ready only when they answer (grpc_server.serve); liveness on the metrics port, outside the request pool
        ports = {port["name"]: port["containerPort"] for port in container["ports"]}
        check = ["python", "-m", "services.tooling.health_check", str(ports["grpc"])]
        assert (startup["exec"]["command"], ready["exec"]["command"]) == ([*check, "liveness"], check)
        assert live["httpGet"] == {"path": "/livez", "port": "metrics"} and ports["metrics"] == ports["grpc"] + 1000


def test_the_gateway_has_its_database_secure_cookies_hsts_and_limits(helm):
    gateway = next(doc for doc in yaml.safe_load_all(render(helm)) if doc and doc["kind"] == "Deployment"
                   and doc["metadata"]["name"] == "otmetka-gateway")
    env = {e["name"]: e.get("value") for e in gateway["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["OTMETKA_GATEWAY_DB_URL"].endswith("gateway_app@postgres.example.internal:5432/otmetka_gateway"
                                                  "?sslmode=verify-full&sslrootcert=/etc/otmetka/tls/ca.crt")
    assert (env["OTMETKA_GATEWAY_SECURE_COOKIES"], env["OTMETKA_GATEWAY_HSTS"]) == ("true", "true")
    assert [env[f"OTMETKA_GATEWAY_LIMIT_{name}"] for name in ("API_PER_USER", "API_PER_ADDRESS", "LOGIN_PER_ADDRESS",
                                                              "WINDOW")] == ["12000", "30000", "600", "60"]


def test_every_pod_gets_the_internal_tls_certificates_and_reaches_postgresql_over_tls(helm):
    pods = [doc for doc in yaml.safe_load_all(render(helm)) if doc and doc["kind"] in ("Deployment", "Job")]
    assert len(pods) == 8
    for pod in pods:
        spec = pod["spec"]["template"]["spec"]
        container = spec["containers"][0]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert {name: env.get(name) for name in ("OTMETKA_TLS_CA", "OTMETKA_TLS_CERT", "OTMETKA_TLS_KEY")} == {
            "OTMETKA_TLS_CA": "/etc/otmetka/tls/ca.crt", "OTMETKA_TLS_CERT": "/etc/otmetka/tls/tls.crt",
            "OTMETKA_TLS_KEY": "/etc/otmetka/tls/tls.key"}, pod["metadata"]["name"]
        assert {"name": "tls", "mountPath": "/etc/otmetka/tls", "readOnly": True} in container["volumeMounts"]
        assert {"name": "tls", "secret": {"secretName": "otmetka-tls", "defaultMode": 0o400}} in spec["volumes"]
        for name, url in env.items():
            if name.endswith("_DB_URL"):
                assert url.endswith("?sslmode=verify-full&sslrootcert=/etc/otmetka/tls/ca.crt"), name


def pods_of(resources: list[dict]) -> dict[str, dict]:
    """The pod templates of the Deployments and of the migrations Job, by the resource's name."""
    return {doc["metadata"]["name"]: doc["spec"]["template"] for doc in resources if doc["kind"] in ("Deployment", "Job")}


def specs_of(resources: list[dict], kind: str) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc["spec"] for doc in resources if doc["kind"] == kind}


def containers_of(pod: dict) -> list[dict]:
    return pod["spec"]["containers"] + pod["spec"].get("initContainers", [])


def test_every_pod_runs_as_the_image_user_and_no_container_gains_privileges_or_writes_its_image(helm):
    pods = pods_of(resources_of(helm))
    assert len(pods) == 8 and len(pods["otmetka-archive"]["spec"]["initContainers"]) == 1
    for name, pod in pods.items():
        assert pod["spec"]["securityContext"] == {"runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001,
                                                  "fsGroup": 10001, "seccompProfile": {"type": "RuntimeDefault"}}, name
        assert pod["spec"]["automountServiceAccountToken"] is False, name
        for container in containers_of(pod):  # exactly: no capability added back, no user of its own
            assert container["securityContext"] == {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                                    "privileged": False, "capabilities": {"drop": ["ALL"]}}, name


def test_the_user_of_the_pods_is_a_value(helm):
    pods = pods_of(resources_of(helm, "podSecurityContext.runAsUser=20001", "podSecurityContext.fsGroup=20001"))
    assert {(pod["spec"]["securityContext"]["runAsUser"], pod["spec"]["securityContext"]["fsGroup"])
            for pod in pods.values()} == {(20001, 20001)}


def test_every_place_a_process_writes_is_a_writable_empty_dir_of_its_pod(helm):
    """The root file system is read-only: Python's tempfile (/tmp), the gateway's metrics directory and the archive's
    PKI (its init container copies the secret there) must be emptyDirs, or the process fails at its first write."""
    for name, pod in pods_of(resources_of(helm)).items():
        volumes = {volume["name"]: volume for volume in pod["spec"]["volumes"]}
        assert volumes["tmp"] == {"name": "tmp", "emptyDir": {"sizeLimit": "1Gi"}}, name
        for container in containers_of(pod):
            env = {e["name"]: e.get("value") for e in container.get("env", [])}
            writes = {env[key] for key in ("PROMETHEUS_MULTIPROC_DIR", "OTMETKA_ARCHIVE_PKI_DIR") if key in env}
            writes |= {"/var/lib/otmetka/pki"} if container["name"] == "pki" else {"/tmp"}
            mounts = {mount["mountPath"]: mount for mount in container["volumeMounts"]}
            for path in writes:
                assert path in mounts, (name, container["name"], path)
                assert "emptyDir" in volumes[mounts[path]["name"]] and not mounts[path].get("readOnly"), (name, path)


def test_every_deployment_has_a_disruption_budget_selecting_exactly_its_pods(helm):
    resources = resources_of(helm)
    pods = pods_of(resources)
    deployments = {doc["metadata"]["name"]: doc for doc in resources if doc["kind"] == "Deployment"}
    budgets = [doc for doc in resources if doc["kind"] == "PodDisruptionBudget"]
    assert len(deployments) == 7 and len(budgets) == 7
    for budget in budgets:
        wanted = budget["spec"]["selector"]["matchLabels"]
        assert set(budget["spec"]["selector"]) == {"matchLabels"}
        selected = [name for name, pod in pods.items() if wanted.items() <= pod.get("metadata", {}).get("labels", {}).items()]
        assert selected == [budget["metadata"]["name"]] and selected[0] in deployments
        assert wanted == deployments[selected[0]]["spec"]["selector"]["matchLabels"]
        # one pod at a time, and never a drain blocked for ever (reporting and archive run one replica)
        assert budget["spec"]["maxUnavailable"] == 1 and "minAvailable" not in budget["spec"]


def test_the_gateway_and_the_journal_scale_on_cpu_and_their_deployments_leave_the_replicas_to_it(helm):
    resources = resources_of(helm)
    deployments = specs_of(resources, "Deployment")
    scalers = specs_of(resources, "HorizontalPodAutoscaler")
    assert {name: (spec["minReplicas"], spec["maxReplicas"]) for name, spec in scalers.items()} == {
        "otmetka-gateway": (2, 8), "otmetka-journal": (2, 6)}
    for name, spec in scalers.items():
        assert spec["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
        assert spec["metrics"] == [{"type": "Resource", "resource": {
            "name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}]
        assert "replicas" not in deployments[name], name
    assert {name: spec["replicas"] for name, spec in deployments.items() if name not in scalers} == {
        "otmetka-identity": 2, "otmetka-schedule": 2, "otmetka-reporting": 1, "otmetka-archive": 1,
        "otmetka-messaging": 2}


def test_without_its_autoscaler_a_deployment_keeps_its_replicas(helm):
    resources = resources_of(helm, "autoscaling.journal.enabled=false", "gateway.replicas=3")
    deployments = specs_of(resources, "Deployment")
    scalers = specs_of(resources, "HorizontalPodAutoscaler")
    assert list(scalers) == ["otmetka-gateway"] and scalers["otmetka-gateway"]["minReplicas"] == 3
    assert deployments["otmetka-journal"]["replicas"] == 2 and "replicas" not in deployments["otmetka-gateway"]


@pytest.mark.parametrize("value, message", [("autoscaling.journal.maxReplicas=1",
                                             "autoscaling.journal.maxReplicas (1) is below its replicas (2)"),
                                            ("autoscaling.scheduler.enabled=true",
                                             "autoscaling.scheduler: no gateway or service of that name")])
def test_an_autoscaler_that_cannot_hold_its_deployment_is_refused(helm, value, message):
    result = subprocess.run([helm, "template", "otmetka", str(CHART), "--set", value], capture_output=True, text=True)
    assert result.returncode != 0 and message in result.stderr


def test_every_deployment_spreads_its_own_pods_over_nodes_and_zones(helm):
    for doc in resources_of(helm):
        if doc["kind"] != "Deployment":
            continue
        labels = doc["spec"]["template"]["metadata"]["labels"]
        constraints = doc["spec"]["template"]["spec"]["topologySpreadConstraints"]
        assert [c["topologyKey"] for c in constraints] == ["kubernetes.io/hostname", "topology.kubernetes.io/zone"]
        for constraint in constraints:
            assert (constraint["maxSkew"], constraint["whenUnsatisfiable"]) == (1, "ScheduleAnyway")
            assert constraint["labelSelector"] == {"matchLabels": doc["spec"]["selector"]["matchLabels"]}
            assert constraint["labelSelector"]["matchLabels"].items() <= labels.items()
            assert constraint["matchLabelKeys"] == ["pod-template-hash"]  # counted within one rollout


def quantity(text: str | int) -> float:
    """A Kubernetes quantity of CPU (cores) or memory (MiB)."""
    text = str(text)
    for suffix, scale in (("m", 1 / 1000), ("Mi", 1), ("Gi", 1024)):
        if text.endswith(suffix):
            return float(text[:-len(suffix)]) * scale
    return float(text)


# the highest resident size of each process on the development installation, MiB (values.yaml `services`; the
# gateway: its two workers, docs/performance.md "Round 3b")
MEASURED_PEAK_MIB = {"identity": 145, "schedule": 162, "journal": 156, "reporting": 179, "archive": 137,
                     "messaging": 161, "gateway": 80 + 84}


def test_every_container_has_requests_and_limits_above_the_measured_peaks(helm):
    for name, pod in pods_of(resources_of(helm)).items():
        for container in containers_of(pod):
            requests, limits = container["resources"]["requests"], container["resources"]["limits"]
            assert set(requests) == set(limits) == {"cpu", "memory"}, (name, container["name"])
            assert all(quantity(requests[key]) <= quantity(limits[key]) for key in requests), (name, container["name"])
        peak = MEASURED_PEAK_MIB.get(name.removeprefix("otmetka-"))
        if peak:
            resources = pod["spec"]["containers"][0]["resources"]
            assert quantity(resources["requests"]["memory"]) >= peak, name
            assert quantity(resources["limits"]["memory"]) >= 2 * peak, name


def test_a_service_s_resources_are_merged_over_the_default(helm):
    pods = deployments_of(helm, "services.journal.resources.limits.memory=2Gi", "resources.limits.cpu=3")
    journal, identity = (pods[f"otmetka-{name}"]["containers"][0]["resources"] for name in ("journal", "identity"))
    assert journal == {"requests": {"cpu": "350m", "memory": "384Mi"}, "limits": {"cpu": 3, "memory": "2Gi"}}
    assert identity == {"requests": {"cpu": "200m", "memory": "192Mi"}, "limits": {"cpu": 3, "memory": "384Mi"}}
