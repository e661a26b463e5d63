"""The Helm chart's pods run by `podman kube play` from the image `make image` built, against the native stack
(issue 19; docs/operations.md "Running on Kubernetes", the podman test).

What the chart renders is played as it is, but for what a cluster has and podman 4.3 does not:
- the pod network and the Services: every pod gets `hostNetwork` and an /etc/hosts naming the Services
  (<release>-<service>) as 127.0.0.1, where the stack and the other pods listen; a Deployment is played as the one
  Pod of its template (the pods share the host's ports; `deployments` says why a Pod);
- Secrets: podman secrets made from the development installation's secrets serve `envFrom`/`secretKeyRef`; the
  secret volumes (TLS, the archive's PKI) become hostPath folders of the same files, owned by the image's user
  (the kubelet gives them the pod's fsGroup), and every emptyDir a new folder writable by all, as the kubelet's;
- the migrations Job: its pod template is played as a Pod, waited for to end, its exit code checked;
- probes: podman runs no readiness or startup probe, so `wait_ready` runs each container's readiness probe itself.
Everything else (the commands, the environment, the security context, the volumes) is the chart's."""
import base64
import datetime
import ipaddress
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import requests
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from services import topology
from services.tooling import dev_tls

RELEASE = "otmetka"
CHART = topology.ROOT / "charts" / "otmetka"
IMAGE_USER = 10001
READY_TIMEOUT = 300


def podman_env() -> dict[str, str]:
    """The podman settings infra/image/podman-env.sh writes (vfs, runc, the store under the cache)."""
    out = subprocess.run(["bash", "-c", ". infra/image/podman-env.sh && env -0"], cwd=topology.ROOT, check=True,
                         capture_output=True, text=True).stdout
    return dict(line.split("=", 1) for line in out.split("\0") if line.startswith("CONTAINERS_"))


def podman(*args: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(["podman", *args], capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **podman_env()})
    if check and result.returncode:
        raise AssertionError(f"podman {' '.join(args)}: exit {result.returncode}\n{result.stderr[-3000:]}")
    return result


def image() -> str:
    """The image of the work tree's commit (`make image` tags it <version>-<commit>)."""
    version = next(line.split('"')[1] for line in (topology.ROOT / "pyproject.toml").read_text().splitlines()
                   if line.startswith("version = "))
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=topology.ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    name = f"localhost/otmetka/otmetka:{version}-{commit}"
    if podman("image", "exists", name, check=False).returncode:
        raise AssertionError(f"{name} is not built: run `make image` first")
    return name


def values(stack: dict[str, str], image_name: str) -> dict:
    """The chart's values for the development stack on this machine (ports as the launcher's processes use)."""
    repository, tag = image_name.rsplit(":", 1)
    host = "127.0.0.1"
    return {
        "image": {"repository": repository, "tag": tag, "pullPolicy": "Never"},
        "postgres": {"host": stack["OTMETKA_PG_HOST"], "port": int(stack["OTMETKA_PG_PORT"])},
        "kafka": {"bootstrap": stack["OTMETKA_KAFKA_BOOTSTRAP"], "replicationFactor": 1, "minInsyncReplicas": 1},
        "keycloak": {"url": stack["OTMETKA_KEYCLOAK_URL"], "realm": stack["OTMETKA_KEYCLOAK_REALM"]},
        "minio": {"endpoint": stack["OTMETKA_MINIO_ENDPOINT"]},
        "archive": {"signatureAlgorithm": "ecdsa", "tsaUrl": f"http://{host}:{topology.TSA_PORT}/",
                    "replica": {"endpoint": stack["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"]}},
        "services": {name: {"port": port, "replicas": 1} for name, port in topology.GRPC_PORTS.items()},
        "gateway": {"replicas": 1, "port": topology.GATEWAY_PORT, "publicUrl": f"http://{host}:{topology.GATEWAY_PORT}",
                    "secureCookies": False, "hsts": False, "proxyHops": 0},
        "trustedPeers": f"{host}/32",
        "observability": {"scrapeFrom": f"{host}/32"},
        "mail": {"relay": {"host": stack["OTMETKA_SMTP_HOST"], "port": int(stack["OTMETKA_SMTP_PORT"]),
                           "security": stack.get("OTMETKA_SMTP_SECURITY", "none")}},
    }


def render(helm: str, chart_values: dict, workdir: pathlib.Path) -> list[dict]:
    path = workdir / "values.yaml"
    path.write_text(yaml.safe_dump(chart_values))
    out = subprocess.run([helm, "template", RELEASE, str(CHART), "-f", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return [doc for doc in yaml.safe_load_all(out) if doc]


def service_names() -> list[str]:
    return [f"{RELEASE}-{name}" for name in (*topology.SERVICES, "gateway")]


def certificate(stack: dict[str, str], directory: pathlib.Path) -> None:
    """ca.crt, tls.crt, tls.key as the chart's TLS secret holds them: our processes' certificate from the development
    CA, naming the Services the pods dial (otmetka-journal...) besides localhost and 127.0.0.1."""
    ca_dir = pathlib.Path(stack["OTMETKA_TLS_CA"]).parent
    ca_cert, ca_key = dev_tls.load(ca_dir, dev_tls.CA)
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
             *(x509.DNSName(name) for name in service_names())]
    cert = (dev_tls.leaf("otmetka-kube", dev_tls.PEER, key, datetime.datetime.now(datetime.UTC), names=names)
            .issuer_name(ca_cert.subject).sign(ca_key, hashes.SHA256()))
    dev_tls.write(directory, "tls", cert, key)
    shutil.copy(ca_dir / "ca.crt", directory / "ca.crt")


def secrets(stack: dict[str, str]) -> dict[str, dict[str, str]]:
    """The chart's secrets (values.yaml's list) filled from the development installation's."""
    admin_url = topology.pg_url({**stack, "OTMETKA_TLS_CA": "/etc/otmetka/tls/ca.crt"},
                                stack.get("OTMETKA_PG_SUPERUSER", "postgres"), "postgres")
    return {
        "otmetka-secrets": {
            "OTMETKA_SERVICES_CLIENT_SECRET": stack["OTMETKA_SERVICES_CLIENT_SECRET"],
            "OTMETKA_GATEWAY_CLIENT_SECRET": stack["OTMETKA_GATEWAY_CLIENT_SECRET"],
            "OTMETKA_GATEWAY_SESSION_SECRET": stack["OTMETKA_GATEWAY_SESSION_SECRET"],
            "OTMETKA_MINIO_ACCESS_KEY": stack["OTMETKA_MINIO_ROOT_USER"],
            "OTMETKA_MINIO_SECRET_KEY": stack["OTMETKA_MINIO_ROOT_PASSWORD"],
            "OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY": stack["OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY"],
            "OTMETKA_ARCHIVE_REPLICA_SECRET_KEY": stack["OTMETKA_ARCHIVE_REPLICA_SECRET_KEY"],
        },
        "otmetka-identity-client": {"OTMETKA_IDENTITY_CLIENT_SECRET": stack["OTMETKA_IDENTITY_CLIENT_SECRET"]},
        "otmetka-activation-key": {"OTMETKA_ACTIVATION_KEY": stack["OTMETKA_ACTIVATION_KEY"]},
        "otmetka-db-admin": {"OTMETKA_PG_ADMIN_URL": admin_url},
        "otmetka-mail": {"OTMETKA_MAIL_LINK_KEY": stack["OTMETKA_MAIL_LINK_KEY"]},
    }


def remove_secrets(stack: dict[str, str]) -> None:
    for name in secrets(stack):
        podman("secret", "rm", name, check=False)


def create_secrets(stack: dict[str, str]) -> None:
    """podman 4.3 reads a secret of `envFrom`/`secretKeyRef` as JSON, each key's bytes in base64 (a Secret's `data`)."""
    remove_secrets(stack)
    for name, data in secrets(stack).items():
        subprocess.run(["podman", "secret", "create", name, "-"], check=True, capture_output=True,
                       env={**os.environ, **podman_env()},
                       input=json.dumps({k: base64.b64encode(v.encode()).decode() for k, v in data.items()}).encode())


def host_files(stack: dict[str, str], workdir: pathlib.Path) -> dict[str, pathlib.Path]:
    """What the pods get from the host: the secrets the chart mounts as volumes, as folders of their files readable
    by the image's user only (by secret name); the folder the emptyDirs are made in; the /etc/hosts of the pods."""
    tls = workdir / "secret-otmetka-tls"
    tls.mkdir()
    certificate(stack, tls)
    pki = workdir / "secret-otmetka-archive-pki"
    shutil.copytree(topology.pki_dir(), pki, symlinks=False)
    for folder in (tls, pki):
        for path in (folder, *folder.rglob("*")):
            os.chown(path, IMAGE_USER, IMAGE_USER)
            path.chmod(0o700 if path.is_dir() else 0o400)
    empty = workdir / "empty-dirs"
    empty.mkdir()
    hosts = workdir / "hosts"  # podman 4.3 writes no hostAliases into a host-network pod's /etc/hosts
    hosts.write_text(pathlib.Path("/etc/hosts").read_text() + f"127.0.0.1\t{' '.join(service_names())}\n")
    hosts.chmod(0o644)
    return {"otmetka-tls": tls, "otmetka-archive-pki": pki, "emptyDir": empty, "hosts": hosts}


def for_podman(pod_spec: dict, folders: dict[str, pathlib.Path]) -> dict:
    """A pod spec of the chart as podman runs it on this machine (the module's docstring)."""
    spec = {**pod_spec, "hostNetwork": True,
            "containers": [on_host_network(container) for container in pod_spec["containers"]]}
    if "initContainers" in pod_spec:
        spec["initContainers"] = [on_host_network(container) for container in pod_spec["initContainers"]]
    spec["volumes"] = [*(host_folder(volume, folders) for volume in pod_spec.get("volumes", [])),
                       {"name": "hosts", "hostPath": {"path": str(folders["hosts"]), "type": "File"}}]
    return spec


def host_folder(volume: dict, folders: dict[str, pathlib.Path]) -> dict:
    """A secret volume as the folder of its files; an emptyDir as a new folder, writable by all as the kubelet makes
    it (podman's own emptyDir is root's, mode 0755: the image's user could not write there)."""
    if "secret" in volume:
        path = folders[volume["secret"]["secretName"]]
    elif "emptyDir" in volume:
        path = pathlib.Path(tempfile.mkdtemp(prefix=f"{volume['name']}-", dir=folders["emptyDir"]))
        path.chmod(0o777)
    else:
        return volume
    return {"name": volume["name"], "hostPath": {"path": str(path), "type": "Directory"}}


def on_host_network(container: dict) -> dict:
    """A container without its ports (on the host's network podman refuses port mappings), its probes' named ports
    resolved to numbers, the Services' names in its /etc/hosts."""
    ports = {port["name"]: port["containerPort"] for port in container.get("ports", [])}
    container = {key: value for key, value in container.items() if key != "ports"}
    container["volumeMounts"] = [*container.get("volumeMounts", []),
                                 {"name": "hosts", "mountPath": "/etc/hosts", "readOnly": True}]
    for kind in ("startupProbe", "readinessProbe", "livenessProbe"):
        http = container.get(kind, {}).get("httpGet")
        if http:
            container[kind] = {**container[kind], "httpGet": {**http, "port": ports.get(http["port"], http["port"])}}
    return container


def deployments(resources: list[dict], folders: dict[str, pathlib.Path]) -> list[dict]:
    """Each Deployment as the one Pod of its template (one replica: the pods share the host's ports). A Pod, not the
    Deployment itself: podman 4.3 ignores a Deployment template's annotations, and without
    `io.podman.annotations.init.container.type: always` it removes an init container as it ends and sometimes finds
    it still running (the archive's pod then fails to start)."""
    played = []
    for resource in resources:
        if resource["kind"] == "Deployment":
            template = resource["spec"]["template"]
            annotations = {**template["metadata"].get("annotations", {}),
                           "io.podman.annotations.init.container.type": "always"}
            played.append({"apiVersion": "v1", "kind": "Pod",
                           "metadata": {**template["metadata"], "name": resource["metadata"]["name"],
                                        "annotations": annotations},
                           "spec": for_podman(template["spec"], folders)})
    return played


def migrations_pod(resources: list[dict], folders: dict[str, pathlib.Path]) -> dict:
    (job,) = (resource for resource in resources if resource["kind"] == "Job")
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": f"{RELEASE}-migrations"},
            "spec": for_podman(job["spec"]["template"]["spec"], folders)}


def play(resources: list[dict], path: pathlib.Path) -> None:
    path.write_text(yaml.safe_dump_all(resources))
    result = podman("kube", "play", str(path), timeout=900, check=False)
    if result.returncode:
        failed = re.search(r"init container (\w+) exited", result.stderr)
        logs = podman("logs", failed[1], check=False) if failed else None
        raise AssertionError(f"podman kube play: exit {result.returncode}\n{result.stderr[-3000:]}"
                             + (f"\nthe init container's log:\n{logs.stdout}{logs.stderr}" if logs else ""))


def remove_pods() -> None:
    """The chart's pods removed, whatever state a run before left them in (a play that failed half-way)."""
    pods = [f"{RELEASE}-migrations", *service_names()]
    podman("pod", "rm", "--force", "--ignore", *pods, check=False, timeout=300)


def containers() -> dict[str, dict]:
    """The containers podman made for the chart's pods (init ones left out), by pod (<pod>-<container>)."""
    listed = {container["Names"][0]: container for container in json.loads(podman("ps", "-a", "--format", "json").stdout
                                                                          or "[]")}
    found = {}
    for name in (*topology.SERVICES, "gateway", "migrations"):
        pod = f"{RELEASE}-{name}"
        if f"{pod}-{name}" in listed:
            found[pod] = listed[f"{pod}-{name}"]
    return found


def wait_exit(pod_name: str, timeout: float = 600) -> tuple[int, str]:
    """The exit code and log of a pod's one container once it ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        container = containers().get(pod_name)
        if container and container["State"] == "exited":
            logs = podman("logs", container["Id"], check=False)
            return container["ExitCode"], logs.stdout + logs.stderr
        time.sleep(2)
    raise AssertionError(f"{pod_name} did not end within {timeout} s")


def probe_ready(container_id: str, probe: dict) -> bool:
    if "exec" in probe:
        return podman("exec", container_id, *probe["exec"]["command"], check=False, timeout=60).returncode == 0
    port = probe["httpGet"]["port"]
    try:
        return requests.get(f"http://127.0.0.1:{port}{probe['httpGet']['path']}", timeout=5).status_code == 200
    except requests.RequestException:
        return False


def wait_ready(played: list[dict]) -> None:
    """Until every container's readiness probe passes (the kubelet's job); fails with the container's log tail when
    one ended or the time is up."""
    deadline = time.monotonic() + READY_TIMEOUT
    for pod in played:
        pod_name = pod["metadata"]["name"]
        (container,) = pod["spec"]["containers"]
        probe = container["readinessProbe"]
        while True:
            running = containers().get(pod_name)
            if running and running["State"] == "running" and probe_ready(running["Id"], probe):
                break
            if (running and running["State"] == "exited") or time.monotonic() > deadline:
                logs = podman("logs", "--tail", "40", running["Id"], check=False) if running else None
                raise AssertionError(f"{pod_name} not ready ({running and running['State']}):\n"
                                     f"{logs and logs.stdout + logs.stderr}")
            time.sleep(2)
