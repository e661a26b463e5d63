"""Starts, checks and stops the installation's own processes (the development TSA, six services and the gateway) on the
running stack. Each process gets a pid file and a log under .run/; `down` stops only those.

Usage: python -m services.launcher up|down|status|restart NAME
"""
import contextlib
import os
import pathlib
import secrets
import signal
import subprocess
import sys
import time

import grpc
import requests
from grpc_health.v1 import health_pb2, health_pb2_grpc

from services import topology

# a service is ready once its Kafka consumer has partitions: after a restart the group's rebalance, on a loaded machine,
# has been seen to take longer than a minute
READY_TIMEOUT = 180.0


# secret -> random bytes; one added later is appended to an existing file on the next start
APP_SECRETS = {"OTMETKA_GATEWAY_SESSION_SECRET": 32,
               "OTMETKA_ACTIVATION_KEY": 36,  # identity's HMAC key for activation codes: keep it, or codes die
               "OTMETKA_MAIL_LINK_KEY": 36}  # the unsubscribe links' HMAC key (docs/mail.md): keep it, or links die


def ensure_app_secrets() -> None:
    """Development secrets of our own processes, generated on first start, never printed."""
    path = topology.state_dir() / "app-secrets.env"
    path.parent.mkdir(parents=True, exist_ok=True)
    have = topology.read_env_file(path) if path.exists() else {}
    missing = [name for name in APP_SECRETS if name not in have]
    if missing:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "a") as file:
            file.writelines(f"{name}={secrets.token_urlsafe(APP_SECRETS[name])}\n" for name in missing)
        path.chmod(0o600)
    if not (topology.pki_dir() / "installation.pem").exists():
        subprocess.run([sys.executable, "-m", "services.archive.pki", str(topology.pki_dir())], check=True,
                       stdout=subprocess.DEVNULL)


def commands() -> dict[str, list[str]]:
    """Our processes in the order they start: the development time-stamping authority the archive needs, the
    services, the gateway."""
    procs = {"tsa": [sys.executable, "-m", "services.tooling.dev_tsa", "--listen", f"127.0.0.1:{topology.TSA_PORT}",
                     "--pki", str(topology.pki_dir())]}
    procs.update({name: [sys.executable, "-m", f"services.{name}"] for name in topology.SERVICES})
    procs["gateway"] = [sys.executable, "-m", "gunicorn", "--config", "python:gateway.gunicorn_conf",
                        "--workers", "2", "--threads", "4",
                        "--bind", f"127.0.0.1:{topology.GATEWAY_PORT}", "--access-logfile", "-",
                        "gateway.wsgi:app"]
    return procs


def pid_file(name: str) -> pathlib.Path:
    return topology.state_dir() / "pids" / f"app-{name}.pid"


def log_file(name: str) -> pathlib.Path:
    return topology.state_dir() / "logs" / f"app-{name}.log"


def running_pid(name: str) -> int | None:
    try:
        pid = int(pid_file(name).read_text())
        os.kill(pid, 0)
        return pid
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None


def ready(name: str) -> bool:
    if name in ("gateway", "tsa"):
        url = (f"http://127.0.0.1:{topology.GATEWAY_PORT}/healthz" if name == "gateway"
               else f"http://127.0.0.1:{topology.TSA_PORT}/health")
        try:
            return requests.get(url, timeout=1).ok
        except requests.RequestException:
            return False
    with grpc.insecure_channel(f"127.0.0.1:{topology.GRPC_PORTS[name]}") as channel:
        try:
            resp = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
            return resp.status == health_pb2.HealthCheckResponse.SERVING
        except grpc.RpcError:
            return False


def tail(path: pathlib.Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


RESERVED_PORTS = pathlib.Path("/proc/sys/net/ipv4/ip_local_reserved_ports")


def reserve_ports(ports, reserved: pathlib.Path = RESERVED_PORTS) -> None:
    """Our ports lie in the kernel's ephemeral range (32768-60999): another process's outgoing connection could take
    one as its source port while a service is down and make its bind fail. Reserved host-wide until reboot, best
    effort (root and a writable /proc/sys only), as infra/stack.sh does for the stack's ports."""
    try:
        current = reserved.read_text().strip()
    except OSError:
        return
    held = set()
    for item in filter(None, current.split(",")):
        low, _, high = item.partition("-")
        held.update(range(int(low), int(high or low) + 1))
    if missing := [str(port) for port in ports if port not in held]:
        try:
            reserved.write_text(",".join(filter(None, [current, *missing])))
        except OSError:
            pass


def start(name: str, env: dict[str, str]) -> None:
    pid_file(name).parent.mkdir(parents=True, exist_ok=True)
    log_file(name).parent.mkdir(parents=True, exist_ok=True)
    with open(log_file(name), "ab") as log:
        proc = subprocess.Popen(commands()[name], cwd=topology.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    pid_file(name).write_text(str(proc.pid))


def wait_ready(names) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    for name in names:
        while not ready(name):
            if running_pid(name) is None or time.monotonic() > deadline:
                sys.exit(f"{name} did not become ready; last lines of {log_file(name)}:\n{tail(log_file(name))}")
            time.sleep(0.3)


def up() -> None:
    ensure_app_secrets()
    reserve_ports([*topology.GRPC_PORTS.values(), *topology.METRICS_PORTS.values(), topology.GATEWAY_PORT, topology.TSA_PORT])
    env = process_env()
    started = [name for name in commands() if not running_pid(name)]
    for name in started:
        start(name, env)
    wait_ready(commands())
    print("started:" if started else "already running:", ", ".join(started or commands()))


def process_env() -> dict[str, str]:
    return {**os.environ, **topology.process_env(topology.stack_env()), "PYTHONUNBUFFERED": "1"}


def stop(name: str) -> None:
    """SIGTERM to the process's group, SIGKILL after 10 s."""
    pid = running_pid(name)
    if pid:
        os.killpg(pid, signal.SIGTERM)
        for _ in range(50):
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)  # our own child (started by `up` in this process): no zombie left
            if running_pid(name) is None:
                break
            time.sleep(0.2)
        else:
            os.killpg(pid, signal.SIGKILL)
    pid_file(name).unlink(missing_ok=True)


def down() -> None:
    for name in commands():
        stop(name)


def restart(name: str) -> None:
    """One process stopped by its pid file, started again and waited for until ready."""
    if name not in commands():
        sys.exit(f"unknown process {name!r}; one of: {', '.join(commands())}")
    stop(name)
    start(name, process_env())
    wait_ready([name])
    print("restarted:", name)


def status() -> None:
    for name in commands():
        pid = running_pid(name)
        print(f"{name:10} {'running pid ' + str(pid) if pid else 'stopped'}{' ready' if pid and ready(name) else ''}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "restart":
        restart(sys.argv[2])
    else:
        {"up": up, "down": down, "status": status}[sys.argv[1] if len(sys.argv) > 1 else "status"]()
