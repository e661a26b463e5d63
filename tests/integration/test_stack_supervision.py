"""infra/stack.sh runs the stack's components under a supervisord of its own: a scratch stack of Mailpit alone (its own
state directory and ports, nothing of the shared stack touched) is brought up, killed with -9, seen back with its
restart counted by `status`, and `down` stops it and the supervisord."""
import os
import pathlib
import signal
import socket
import subprocess
import time

from services import topology

WAIT = 90.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stack(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(topology.ROOT / "infra" / "stack.sh"), *args], env=env, capture_output=True,
                          text=True, timeout=600)


def mailpit(env: dict[str, str]) -> dict[str, str]:
    """The status line's state, readiness, pid and restarts (e.g. "mailpit RUNNING ready pid 42 up 0:01:02
    restarts 1 127.0.0.1:...")."""
    line = next(line.split() for line in stack(env, "status").stdout.splitlines() if line.startswith("mailpit "))
    if line[1] == "stopped":
        return {"state": "stopped"}
    return {"state": line[1], "ready": line[2], "pid": line[line.index("pid") + 1],
            "restarts": line[line.index("restarts") + 1], "crashing": "CRASHING:" in line}


def killed_and_back(env: dict[str, str]) -> dict[str, str]:
    killed = mailpit(env)["pid"]
    os.kill(int(killed), signal.SIGKILL)
    deadline = time.monotonic() + WAIT
    while (again := mailpit(env))["ready"] != "ready" or again["pid"] == killed:
        assert time.monotonic() < deadline, f"mailpit not back within {WAIT} s: {again}"
        time.sleep(0.5)
    return again


def test_a_stack_component_killed_with_9_is_started_again_and_status_counts_it(tmp_path):
    env = {**os.environ, "OTMETKA_STATE_DIR": str(tmp_path), "OTMETKA_SMTP_PORT": str(free_port()),
           "OTMETKA_MAILPIT_PORT": str(free_port())}
    up = stack(env, "up", "mailpit")
    try:
        assert up.returncode == 0, up.stderr
        first = mailpit(env)
        assert (first["ready"], first["restarts"], first["crashing"]) == ("ready", "0", False), first
        again = killed_and_back(env)
        assert (again["restarts"], again["crashing"]) == ("1", False), again
        restarts = (tmp_path / "supervisor" / "stack-restarts.log").read_text().split()
        assert restarts[1:3] == ["mailpit", "restart"] and len(restarts) == 4, "one restart (EXITED, or BACKOFF when " \
            "killed within its first STACK_STARTSECS)"
        killed_and_back(env)
        again = killed_and_back(env)
        assert (again["restarts"], again["crashing"]) == ("3", True), "three restarts in ten minutes: called out"
    finally:
        down = stack(env, "down")
    assert down.returncode == 0, down.stderr
    assert not (tmp_path / "supervisor" / "stack.pid").exists(), "down stops the stack's supervisord"
    assert mailpit(env) == {"state": "stopped"}
    assert not pathlib.Path(f"/proc/{again['pid']}").exists() or "mailpit" not in pathlib.Path(
        f"/proc/{again['pid']}/cmdline").read_text(errors="replace")
