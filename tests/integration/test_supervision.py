"""A real supervisord (services/tooling/supervision.py, as the launcher runs ours) over a small HTTP server and a
program that dies at once, in a scratch directory: a process killed with -9 comes back with its restart counted,
`up` right after the kill waits for it instead of giving up (the launcher's restart race), and a process that keeps
dying is retried with a growing delay and then given up, visibly."""
import os
import pathlib
import signal
import socket
import sys
import time

import pytest
import requests

from services import launcher
from services.tooling import supervision

WAIT = 60.0  # bound of every wait here: the events take a second or two, on a loaded machine more


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def scratch(tmp_path):
    port = free_port()
    programs = [supervision.Program("web", (sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)),
                                    tmp_path / "web.log", startsecs=1),
                supervision.Program("doomed", ("sh", "-c", "echo no config; exit 3"), tmp_path / "doomed.log",
                                    startsecs=1, startretries=3)]
    sup = supervision.Supervisor(tmp_path, "scratch", programs, tmp_path)

    def ready(name: str) -> bool:
        try:
            return name == "web" and requests.get(f"http://127.0.0.1:{port}/", timeout=1).ok
        except requests.RequestException:
            return False

    sup.write_env({"LANG": "C.UTF-8"})
    sup.ensure_running()
    yield sup, ready
    with sup.locked():
        sup.shutdown()
    assert sup.daemon_pid() is None


def until(condition, what: str):
    deadline = time.monotonic() + WAIT
    while not (value := condition()):
        assert time.monotonic() < deadline, f"not within {WAIT} s: {what}"
        time.sleep(0.1)
    return value


def running_pid(sup: supervision.Supervisor, name: str) -> int:
    info = sup.processes()[name]
    return info["pid"] if info["statename"] == "RUNNING" else 0


def test_a_process_killed_with_9_is_started_again_and_the_restart_counted(scratch):
    sup, ready = scratch
    sup.start("web")
    first = until(lambda: running_pid(sup, "web"), "web running")
    until(lambda: ready("web"), "web serving")
    os.kill(first, signal.SIGKILL)
    second = until(lambda: running_pid(sup, "web") not in (0, first) and running_pid(sup, "web"), "web again")
    until(lambda: ready("web"), "web serving again")
    assert second != first and not supervision.alive(first)
    assert until(lambda: sup.restarts().get("web"), "the restart recorded").count == 1
    line = launcher.status_lines(sup, ready)[0]
    assert line.split()[:4] == ["web", "RUNNING", "pid", str(second)] and "restarts 1 (last" in line
    assert line.endswith("ready")


def test_up_right_after_a_kill_9_waits_for_the_process_instead_of_giving_up(scratch):
    """The launcher's race: its `up` one second after kill -9 found the killed process's pid still answering (not yet
    reaped), started nothing and gave up. Now supervisord, the parent, reaps and restarts it; `up` waits for it."""
    sup, ready = scratch
    sup.programs.pop("doomed")
    launcher.bring_up(sup, {"LANG": "C.UTF-8"}, ready)
    first = sup.processes()["web"]["pid"]
    assert first, "started"
    os.kill(first, signal.SIGKILL)
    launcher.bring_up(sup, {"LANG": "C.UTF-8"}, ready)  # at once: no exit, no second process
    assert ready("web") and sup.processes()["web"]["pid"] not in (0, first)
    assert until(lambda: sup.restarts().get("web"), "the restart recorded").count == 1


def test_a_process_that_keeps_dying_is_retried_with_backoff_then_given_up_and_up_says_so(scratch):
    sup, ready = scratch
    sup.start("doomed")
    until(lambda: sup.processes()["doomed"]["statename"] == "FATAL", "doomed given up")
    # the restart listener hears of FATAL after supervisord has entered it
    counted = until(lambda: (found := sup.restarts().get("doomed")) and found.gave_up and found, "the give-up recorded")
    assert counted.count == 3 and counted.gave_up, "startretries=3: three restarts after backoff, then FATAL"
    log = (sup.log).read_text()
    assert log.count("exited: doomed") == 4 and "gave up: doomed entered FATAL state" in log
    assert "GAVE UP" in launcher.status_lines(sup, ready)[1]
    with pytest.raises(SystemExit, match="(?s)doomed did not become ready \\(FATAL\\).*no config"):
        launcher.wait_ready(sup, ["doomed"], ready)


def test_up_with_another_configuration_adds_new_programs_and_leaves_running_ones_alone(scratch, tmp_path):
    """Another checkout's `up` on the same state directory (other code, other programs) starts what does not run with
    its configuration and leaves the running processes as they were started."""
    sup, ready = scratch
    sup.programs.pop("doomed")
    launcher.bring_up(sup, {"LANG": "C.UTF-8"}, ready)
    web = sup.processes()["web"]["pid"]
    changed = supervision.Program("web", (*sup.programs["web"].command, "--directory", str(tmp_path)),
                                  sup.programs["web"].log, startsecs=1)
    added = supervision.Program("sleeper", (sys.executable, "-c", "import time; time.sleep(600)"),
                                tmp_path / "sleeper.log", startsecs=1)
    other = supervision.Supervisor(sup.dir, sup.name, [changed, added], sup.workdir)
    assert launcher.bring_up(other, {"LANG": "C.UTF-8"}, lambda name: name == "sleeper" or ready(name)) == ["sleeper"]
    assert other.processes()["web"]["pid"] == web and other.processes()["sleeper"]["pid"]
    assert other.conf.read_text() == other.config(), "the next supervisord starts with it"
    launcher.restart_program(other, "web", {"LANG": "C.UTF-8"}, ready)
    restarted = other.processes()["web"]["pid"]
    assert restarted != web and b"--directory" in pathlib.Path(f"/proc/{restarted}/cmdline").read_bytes(), \
        "restarted, it runs as now configured"


def test_a_killed_supervisord_leaves_no_process_behind_and_up_starts_a_new_one(scratch):
    sup, ready = scratch
    sup.programs.pop("doomed")
    launcher.bring_up(sup, {"LANG": "C.UTF-8"}, ready)
    web, daemon = sup.processes()["web"]["pid"], sup.daemon_pid()
    os.kill(daemon, signal.SIGKILL)
    until(lambda: not supervision.alive(web), "web stopped with its supervisord")
    assert sup.processes() == {}
    assert launcher.bring_up(sup, {"LANG": "C.UTF-8"}, ready) == ["web"]
    assert sup.daemon_pid() not in (None, daemon) and ready("web")


def test_the_installations_pids_name_each_supervised_process(tmp_path):
    sleeper = supervision.Program("sleeper", (sys.executable, "-c", "import time; time.sleep(600)"),
                                  tmp_path / "sleeper.log", startsecs=1)
    apps = supervision.Supervisor(tmp_path / "supervisor", "apps", [sleeper], tmp_path)
    try:
        launcher.bring_up(apps, {"LANG": "C.UTF-8"}, lambda name: True)
        pid = apps.processes()["sleeper"]["pid"]
        assert pid and supervision.installation_pids(tmp_path, tmp_path) == {"sleeper": pid}, "no stack here"
    finally:
        with apps.locked():
            apps.shutdown()
    assert supervision.installation_pids(tmp_path, tmp_path) == {}
