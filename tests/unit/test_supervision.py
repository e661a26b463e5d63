"""supervisord's configuration as the launcher writes it, the restart listener's records and counts, and the status
lines made of them (no supervisord runs here: tests/integration/test_supervision.py runs one)."""
import configparser
import io
import pathlib
import shlex
import subprocess
import time

from services import launcher, topology
from services.tooling import restart_listener, supervision


def parsed(sup: supervision.Supervisor) -> configparser.RawConfigParser:
    conf = configparser.RawConfigParser()
    conf.read_string(sup.config())
    return conf


def test_every_process_of_ours_is_restarted_with_a_backoff_and_stopped_with_its_group(tmp_path, monkeypatch):
    monkeypatch.setenv("OTMETKA_STATE_DIR", str(tmp_path))
    sup = launcher.supervisor()
    conf = parsed(sup)
    assert [s.removeprefix("program:") for s in conf.sections() if s.startswith("program:")] == [
        "tsa", "identity", "schedule", "journal", "reporting", "archive", "messaging", "gateway"]
    journal = conf["program:journal"]
    assert (journal["autostart"], journal["autorestart"]) == ("false", "true"), "up starts it, supervisord restarts it"
    assert int(journal["startsecs"]) > 0 and int(journal["startretries"]) > 0, "quick deaths back off, then give up"
    assert (journal["stopasgroup"], journal["killasgroup"], journal["stopwaitsecs"]) == ("true", "true", "10")
    assert journal["stdout_logfile"] == str(tmp_path / "logs" / "app-journal.log")
    assert conf["unix_http_server"]["file"] == str(tmp_path / "supervisor" / "apps.sock"), "a socket, no TCP port"
    assert conf["supervisord"]["pidfile"] == str(tmp_path / "supervisor" / "apps.pid")
    listener = conf["eventlistener:restart-listener"]
    assert listener["events"] == "PROCESS_STATE" and str(tmp_path / "supervisor" / "apps-restarts.log") in listener[
        "command"]


def test_a_program_reads_its_environment_at_each_start_quoted_and_percent_escaped(tmp_path):
    program = supervision.Program("echo", ("printf", "%s|%s", "$A", "b c"), tmp_path / "echo.log")
    sup = supervision.Supervisor(tmp_path, "t", [program], tmp_path)
    sup.write_env({"A": "it's 100% \"quoted\"\nsecond line", "MAIL_FROM": "Отметка <noreply@otmetka.local>"})
    command = parsed(sup)["program:echo"]["command"].replace("%%", "%")  # supervisord's own unescaping
    args = shlex.split(command)  # as supervisord splits it
    assert args[:2] == ["/bin/sh", "-c"]
    shell = subprocess.run(args, capture_output=True, text=True, check=True)
    assert shell.stdout == "$A|b c", "the program's own arguments pass untouched"
    loaded = subprocess.run(["sh", "-c", f"set -a && . {sup.env_file} && printf '%s/%s' \"$A\" \"$MAIL_FROM\""],
                            capture_output=True, text=True, check=True).stdout
    assert loaded == "it's 100% \"quoted\"\nsecond line/Отметка <noreply@otmetka.local>"
    assert oct(sup.env_file.stat().st_mode & 0o777) == "0o600", "it holds the secrets"


def test_a_socket_path_too_long_for_unix_moves_to_the_temporary_directory(tmp_path):
    deep = tmp_path / ("d" * 90)
    assert supervision.socket_path(tmp_path, "apps") == tmp_path / "apps.sock"
    moved = supervision.socket_path(deep, "apps")
    assert len(str(moved)) <= 100 and moved != supervision.socket_path(tmp_path / ("e" * 90), "apps")


def test_only_starts_supervisord_made_by_itself_count_as_restarts_and_a_give_up_is_recorded():
    events = [("PROCESS_STATE_STARTING", "processname:journal groupname:journal from_state:STOPPED tries:0"),
              ("PROCESS_STATE_RUNNING", "processname:journal groupname:journal from_state:STARTING pid:10"),
              ("PROCESS_STATE_EXITED", "processname:journal groupname:journal from_state:RUNNING expected:0 pid:10"),
              ("PROCESS_STATE_STARTING", "processname:journal groupname:journal from_state:EXITED tries:0"),
              ("PROCESS_STATE_BACKOFF", "processname:journal groupname:journal from_state:STARTING tries:1"),
              ("PROCESS_STATE_STARTING", "processname:journal groupname:journal from_state:BACKOFF tries:1"),
              ("PROCESS_STATE_FATAL", "processname:journal groupname:journal from_state:BACKOFF"),
              ("PROCESS_STATE_STARTING", "processname:gateway groupname:gateway from_state:STOPPED tries:0")]
    lines = [line for line in (restart_listener.record(*event) for event in events) if line]
    assert [line.split()[1:] for line in lines] == [
        ["journal", "restart", "EXITED"], ["journal", "restart", "BACKOFF"], ["journal", "fatal", "BACKOFF"]]
    counted = restart_listener.restarts(lines + ["", "garbage\n"])
    assert counted["journal"].count == 2 and counted["journal"].last == lines[1].split()[0]
    assert counted["journal"].gave_up == lines[2].split()[0] and "gateway" not in counted


def test_the_listener_speaks_supervisords_protocol_and_appends_what_it_records(tmp_path):
    payload = "processname:tsa groupname:tsa from_state:EXITED tries:0"
    header = f"ver:3.0 server:supervisor serial:21 pool:restart-listener poolserial:1 eventname:PROCESS_STATE_STARTING " \
             f"len:{len(payload)}\n"
    other = "processname:tsa groupname:tsa from_state:STARTING pid:4"
    header2 = f"ver:3.0 server:supervisor serial:22 pool:restart-listener poolserial:2 eventname:PROCESS_STATE_RUNNING " \
              f"len:{len(other)}\n"
    out = io.StringIO()
    restart_listener.listen(str(tmp_path / "r.log"), io.StringIO(header + payload + header2 + other), out)
    assert out.getvalue() == "READY\nRESULT 2\nOKREADY\nRESULT 2\nOKREADY\n"
    assert [line.split()[1:] for line in (tmp_path / "r.log").read_text().splitlines()] == [["tsa", "restart", "EXITED"]]


class FakeSupervisor(supervision.Supervisor):
    """Its processes and restart file given, as supervisord and the listener would have them."""

    def __init__(self, tmp_path: pathlib.Path, states: dict[str, dict]):
        programs = [supervision.Program(name, ("true",), tmp_path / f"{name}.log", startretries=3) for name in states]
        super().__init__(tmp_path, "t", programs, tmp_path)
        self.states = states

    def processes(self):
        return self.states


def test_status_shows_state_pid_uptime_restarts_and_a_give_up(tmp_path):
    sup = FakeSupervisor(tmp_path, {
        "journal": {"statename": "RUNNING", "pid": 4242, "start": 1000, "now": 1000 + 3723},
        "gateway": {"statename": "FATAL", "pid": 0, "start": 900, "now": 4723}})
    sup.restarts_file.write_text("2026-12-07T10:00:00Z journal restart EXITED\n"
                                 "2026-12-07T10:05:00Z journal restart EXITED\n"
                                 "2026-12-07T10:06:00Z gateway fatal BACKOFF\n")
    journal, gateway = launcher.status_lines(sup, is_ready=lambda name: name == "journal")
    assert journal.split() == ["journal", "RUNNING", "pid", "4242", "up", "1:02:03", "restarts", "2", "(last",
                               "2026-12-07T10:05:00Z)", "ready"]
    assert "FATAL" in gateway and "restarts 0" in gateway and "GAVE UP 2026-12-07T10:06:00Z" in gateway
    assert "4 times" in gateway and "ready" not in gateway.split()


def test_status_says_when_a_process_keeps_crashing(tmp_path):
    """supervisord restarts a process that ran longer than startsecs at once, every time: three restarts within ten
    minutes are called out, older ones are not."""
    now = restart_listener.parse_time("2026-12-07T10:10:00Z")
    sup = FakeSupervisor(tmp_path, {name: {"statename": "RUNNING", "pid": 7, "start": now - 60, "now": now}
                                    for name in ("journal", "gateway")})
    sup.restarts_file.write_text("".join(f"2026-12-07T{time}Z {name} restart EXITED\n" for time, name in [
        ("09:20:00", "gateway"), ("09:40:00", "gateway"), ("09:59:00", "gateway"),
        ("10:00:00", "journal"), ("10:04:30", "journal"), ("10:09:00", "journal"), ("10:09:30", "gateway")]))
    journal, gateway = launcher.status_lines(sup, is_ready=lambda name: False)
    assert "restarts 3 (last 2026-12-07T10:09:00Z)  CRASHING: 3 restarts in 10 min, see its log" in journal
    assert "restarts 4 (last 2026-12-07T10:09:30Z)" in gateway and "CRASHING" not in gateway


def test_status_without_supervisord_says_how_to_start(tmp_path):
    sup = FakeSupervisor(tmp_path, {"journal": {}})
    sup.states = {}
    assert launcher.status_lines(sup) == ["journal    stopped (no supervisord: python -m services.launcher up)"]


def test_a_zombie_is_not_alive(tmp_path):
    child = subprocess.Popen(["true"])
    while True:  # exited but not reaped: os.kill(pid, 0) still succeeds
        try:
            state = pathlib.Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            break
        if state == "Z":
            break
        time.sleep(0.01)
    assert not supervision.alive(child.pid)
    child.wait()
    assert not supervision.alive(child.pid) and supervision.alive(1)


def test_a_process_started_before_supervision_is_stopped_by_its_pid_file(tmp_path, monkeypatch):
    monkeypatch.setenv("OTMETKA_STATE_DIR", str(tmp_path))
    old = subprocess.Popen(["sleep", "600"], start_new_session=True)  # as the launcher started them before
    (tmp_path / "pids").mkdir()
    (tmp_path / "pids" / "app-journal.pid").write_text(str(old.pid))
    launcher.stop_unsupervised("journal")
    assert old.wait(timeout=30) == -15, "SIGTERM to its group"
    assert not (tmp_path / "pids" / "app-journal.pid").exists()
    launcher.stop_unsupervised("journal")  # nothing left to stop: nothing happens


def test_a_long_socket_path_moves_to_the_same_place_as_the_stack_script_puts_it(tmp_path):
    """bench/cpu.py and a fault suite find the stack's supervisord by socket_path: the script's own lines say where."""
    script = (topology.ROOT / "infra" / "stack.sh").read_text().splitlines()
    lines = "\n".join(line for line in script if line.startswith(("SUP_SOCKET=", "((${#SUP_SOCKET}")))
    for state in (tmp_path, tmp_path / ("d" * 90)):
        found = subprocess.run(["bash", "-c", f'SUP_DIR="$1/supervisor"\n{lines}\nprintf "%s" "$SUP_SOCKET"', "-",
                                str(state)], capture_output=True, text=True, check=True).stdout
        assert supervision.socket_path(state / "supervisor", "stack") == pathlib.Path(found)
