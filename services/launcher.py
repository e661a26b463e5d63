"""Starts, checks and stops the installation's own processes (the development TSA, six services and the gateway) on the
running stack, under a supervisord of their own (services/tooling/supervision.py; docs/operations.md "Supervision"):
a process that crashes is started again, with a growing delay when it keeps dying at once. Logs under .run/logs/,
supervisord's files under .run/supervisor/; `down` stops only what `up` started.

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
from services.common.grpc_tls import GrpcTls
from services.tooling import restart_listener, supervision

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
                        "--workers", "2", "--threads", "8",
                        "--bind", f"127.0.0.1:{topology.GATEWAY_PORT}", "--access-logfile", "-",
                        "gateway.wsgi:app"]
    return procs


def ready(name: str) -> bool:
    if name in ("gateway", "tsa"):
        url = (f"http://127.0.0.1:{topology.GATEWAY_PORT}/healthz" if name == "gateway"
               else f"http://127.0.0.1:{topology.TSA_PORT}/health")
        try:
            return requests.get(url, timeout=1).ok
        except requests.RequestException:
            return False
    tls = GrpcTls.from_env(topology.stack_env())  # the services take only mutual TLS
    with grpc.secure_channel(f"127.0.0.1:{topology.GRPC_PORTS[name]}", tls.channel_credentials()) as channel:
        try:
            resp = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
            return resp.status == health_pb2.HealthCheckResponse.SERVING
        except grpc.RpcError:
            return False


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




def log_file(name: str) -> pathlib.Path:
    return topology.state_dir() / "logs" / f"app-{name}.log"


def supervisor() -> supervision.Supervisor:
    """The supervisord of our processes: its files under .run/supervisor/ (apps.conf, apps.pid, apps.sock...)."""
    programs = [supervision.Program(name, tuple(command), log_file(name)) for name, command in commands().items()]
    return supervision.Supervisor(topology.state_dir() / "supervisor", "apps", programs, topology.ROOT)


def process_env() -> dict[str, str]:
    """What our processes get over supervisord's own environment, read again at each of their starts: the OTMETKA_
    settings of the shell that ran `up`, the stack's settings and secrets."""
    return {**{key: value for key, value in os.environ.items() if key.startswith("OTMETKA_")},
            **topology.process_env(topology.stack_env()), "PYTHONUNBUFFERED": "1"}


def stop_unsupervised(name: str) -> None:
    """A process the launcher started before supervision (its pid file .run/pids/app-NAME.pid): stopped, SIGTERM to its
    group, SIGKILL after 10 s, so that the supervised one can bind its port."""
    pid_file = topology.state_dir() / "pids" / f"app-{name}.pid"
    try:
        pid = int(pid_file.read_text())
    except (FileNotFoundError, ValueError):
        return
    if supervision.alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while supervision.alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if supervision.alive(pid):
                os.killpg(pid, signal.SIGKILL)
    pid_file.unlink()


def wait_ready(sup: supervision.Supervisor, names, is_ready=lambda name: ready(name)) -> None:
    """Until each process answers its readiness check; fails when supervisord gave one up (FATAL) or at the timeout.
    A process that died meanwhile is being started again by supervisord: waited for."""
    deadline = time.monotonic() + READY_TIMEOUT
    for name in names:
        while not is_ready(name):
            state = sup.processes().get(name, {}).get("statename")
            if state not in supervision.LIVE_STATES or time.monotonic() > deadline:
                log = sup.programs[name].log
                sys.exit(f"{name} did not become ready ({state}); last lines of {log}:\n{supervision.tail(log)}")
            time.sleep(0.3)


def bring_up(sup: supervision.Supervisor, env: dict[str, str], is_ready=lambda name: ready(name)) -> list[str]:
    """supervisord started if it does not run, every program it is not running (or restarting) started, all waited
    for until ready; returns the programs started. What runs is left as it runs."""
    with sup.locked():
        states = sup.processes()
        started = [name for name in sup.programs if states.get(name, {}).get("statename") not in supervision.LIVE_STATES]
        if started:  # the environment of the processes started now (and of their later restarts)
            sup.write_env(env)
        sup.ensure_running()
        for name in started:
            sup.start(name)
    wait_ready(sup, sup.programs, is_ready)
    return started


def up() -> None:
    ensure_app_secrets()
    reserve_ports([*topology.GRPC_PORTS.values(), *topology.METRICS_PORTS.values(), topology.GATEWAY_PORT, topology.TSA_PORT])
    for name in commands():
        stop_unsupervised(name)
    started = bring_up(supervisor(), process_env())
    print("started:" if started else "already running:", ", ".join(started or commands()))


def down() -> None:
    """Every process stopped and the supervisord `up` started (by its pid file)."""
    sup = supervisor()
    with sup.locked():
        sup.shutdown()
    for name in commands():
        stop_unsupervised(name)


def restart_program(sup: supervision.Supervisor, name: str, env: dict[str, str],
                    is_ready=lambda name: ready(name)) -> None:
    """One process stopped (SIGTERM, SIGKILL after 10 s), started again with the current configuration and
    environment, and waited for until ready."""
    with sup.locked():
        sup.write_env(env)
        sup.stop(name)
        sup.apply_config()  # stopped, it takes the current configuration
        sup.start(name)
    wait_ready(sup, [name], is_ready)


def restart(name: str) -> None:
    sup = supervisor()
    if name not in sup.programs:
        sys.exit(f"unknown process {name!r}; one of: {', '.join(sup.programs)}")
    if not sup.daemon_pid():
        sys.exit("the processes are not supervised now: run `python -m services.launcher up`")
    restart_program(sup, name, process_env())
    print("restarted:", name)


# a process supervisord restarted this often this recently keeps crashing (supervisord restarts one that ran longer than
# startsecs at once, every time): status says so
FLAPPING_RESTARTS, FLAPPING_WINDOW = 3, 600


def status_lines(sup: supervision.Supervisor, is_ready=lambda name: ready(name)) -> list[str]:
    """One line a process: supervisord's state, pid, uptime, automatic restarts (the last one's time; whether it keeps
    crashing; when it was given up after dying too quickly) and readiness."""
    states, restarts = sup.processes(), sup.restarts()
    if not states:
        return [f"{name:10} stopped (no supervisord: python -m services.launcher up)" for name in sup.programs]
    lines = []
    for name in sup.programs:
        if name not in states:  # the running supervisord is another checkout's, or older than this program
            lines.append(f"{name:10} not in the running supervisord's configuration (started by another checkout or version?)")
            continue
        info, counted = states[name], restarts.get(name, restart_listener.Restarts())
        state, pid = info["statename"], info["pid"]
        line = f"{name:10} {state:8} pid {pid or '-':<8} up {supervision.uptime(info['now'] - info['start']) if pid else '-':>9}"
        line += f"  restarts {counted.count}" + (f" (last {counted.last})" if counted.last else "")
        if (recent := counted.since(info["now"] - FLAPPING_WINDOW)) >= FLAPPING_RESTARTS:
            line += f"  CRASHING: {recent} restarts in {FLAPPING_WINDOW // 60} min, see its log"
        if state == "FATAL":
            line += f"  GAVE UP {counted.gave_up}: exited too quickly {sup.programs[name].startretries + 1} times"
        lines.append(line + ("  ready" if pid and is_ready(name) else ""))
    return lines


def status() -> None:
    print("\n".join(status_lines(supervisor())))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "restart":
        restart(sys.argv[2])
    else:
        {"up": up, "down": down, "status": status}[sys.argv[1] if len(sys.argv) > 1 else "status"]()
