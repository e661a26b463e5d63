"""A supervisord of our own processes (docs/operations.md "Supervision"): the configuration written from a list of
programs, the daemon started with its pid file and its Unix socket in a state directory, its processes asked for,
started and stopped over that socket, their automatic restarts read from the restart listener's file
(services/tooling/restart_listener.py).

Every program's environment is read, at each start, from an env file the caller rewrites before starting: a process
supervisord restarts on its own gets the settings of the last `up`, not those supervisord was started with."""
import contextlib
import fcntl
import hashlib
import os
import pathlib
import shlex
import signal
import subprocess
import sys
import time
import xmlrpc.client
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from supervisor.xmlrpc import Faults, SupervisorTransport

from services.tooling import restart_listener

START_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 60.0
# supervisord's states of a program that it is running or will start again by itself (EXITED: autorestart)
LIVE_STATES = ("STARTING", "RUNNING", "BACKOFF", "EXITED")


@dataclass(frozen=True)
class Program:
    """One supervised process. supervisord restarts it at once when it exits after running `startsecs`; a process
    that dies sooner is started again after 1, 2, 3... seconds, and given up (FATAL) after `startretries` such deaths in
    a row."""
    name: str
    command: tuple[str, ...]
    log: pathlib.Path
    startsecs: int = 20
    startretries: int = 10
    stopwaitsecs: int = 10  # SIGTERM to the process group, SIGKILL after this


def alive(pid: int) -> bool:
    """The process exists and is no zombie: a killed process answers os.kill(pid, 0) until its parent reaps it."""
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def env_file_text(env: Mapping[str, str]) -> str:
    """A file `set -a; . FILE` loads: one shell-quoted assignment a line."""
    return "".join(f"{name}={shlex.quote(value)}\n" for name, value in sorted(env.items()))


def socket_path(directory: pathlib.Path, name: str) -> pathlib.Path:
    """The socket in the state directory, unless that path is too long for a Unix socket (107 bytes): then one in /tmp
    named after it."""
    path = directory / f"{name}.sock"
    if len(str(path)) <= 100:
        return path
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:12]
    return pathlib.Path("/tmp") / f"otmetka-{name}-{digest}.sock"  # as infra/stack.sh names the stack's


class Supervisor:
    """supervisord for `programs`, its files in `directory` (NAME.conf, NAME.pid, NAME.sock, NAME.log,
    NAME-restarts.log, NAME.env), the programs run in `workdir`."""

    def __init__(self, directory: pathlib.Path, name: str, programs: list[Program], workdir: pathlib.Path):
        self.dir, self.name, self.workdir = directory, name, workdir
        self.programs = {program.name: program for program in programs}
        self.conf = directory / f"{name}.conf"
        self.pid_file = directory / f"{name}.pid"
        self.socket = socket_path(directory, name)
        self.log = directory / f"{name}.log"
        self.restarts_file = directory / f"{name}-restarts.log"
        self.env_file = directory / f"{name}.env"

    def program_section(self, program: Program) -> str:
        # the process gets SIGTERM if supervisord itself dies (even of kill -9): no orphan left on our ports
        command = shlex.join(["setpriv", "--pdeathsig", "TERM", *program.command])
        run = f"set -a && . {shlex.quote(str(self.env_file))} && exec {command}"
        return (f"[program:{program.name}]\n"
                f"command=/bin/sh -c {shlex.quote(run)}\n"
                f"directory={self.workdir}\n"
                "autostart=false\n"
                "autorestart=true\n"
                f"startsecs={program.startsecs}\n"
                f"startretries={program.startretries}\n"
                "stopsignal=TERM\n"
                f"stopwaitsecs={program.stopwaitsecs}\n"
                "stopasgroup=true\n"
                "killasgroup=true\n"
                "redirect_stderr=true\n"
                f"stdout_logfile={program.log}\n"
                "stdout_logfile_maxbytes=50MB\n"
                "stdout_logfile_backups=2\n")

    def config(self) -> str:
        """supervisord's configuration ('%' doubled: supervisord expands %(name)s in its values)."""
        listener = shlex.join([sys.executable, "-u", restart_listener.__file__, str(self.restarts_file)])
        text = (f"; Written by {__name__}: regenerated on every start, do not edit.\n"
                "[unix_http_server]\n"
                f"file={self.socket}\n"
                "chmod=0700\n\n"
                "[supervisord]\n"
                f"logfile={self.log}\n"
                "logfile_maxbytes=10MB\n"
                "logfile_backups=2\n"
                f"pidfile={self.pid_file}\n"
                f"directory={self.workdir}\n"
                f"childlogdir={self.dir}\n"
                f"identifier=otmetka-{self.name}\n\n"
                "[rpcinterface:supervisor]\n"
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n"
                "[supervisorctl]\n"
                f"serverurl=unix://{self.socket}\n\n"
                "[eventlistener:restart-listener]\n"
                f"command={listener}\n"
                "events=PROCESS_STATE\n"
                "autorestart=true\n"
                "stdout_logfile=NONE\n"  # its stdout is the protocol
                f"stderr_logfile={self.dir / (self.name + '-listener.log')}\n\n"
                + "\n".join(self.program_section(program) for program in self.programs.values()))
        return text.replace("%", "%%")

    def rpc(self):
        transport = SupervisorTransport(None, None, f"unix://{self.socket}")
        return xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport).supervisor

    def daemon_pid(self) -> int | None:
        """supervisord's pid while it runs (its pid file names a live supervisord)."""
        try:
            pid = int(self.pid_file.read_text())
            cmdline = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
        except (OSError, ValueError):
            return None
        return pid if alive(pid) and b"supervisord" in cmdline else None

    def answers(self) -> bool:
        try:
            return self.rpc().getState()["statename"] == "RUNNING"
        except (OSError, xmlrpc.client.Error):
            return False

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """One `up`, `down` or `restart` at a time per state directory (test sessions call up concurrently)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.dir / f"{self.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def write_env(self, env: Mapping[str, str]) -> None:
        fd = os.open(self.env_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(env_file_text(env))

    def ensure_running(self) -> bool:
        """Starts supervisord unless it runs (True when started): a new one counts restarts from zero. A running one
        is given the current configuration for what it does not run (apply_config)."""
        if self.daemon_pid() and self.answers():
            self.apply_config()
            return False
        self.conf.write_text(self.config())
        if self.restarts_file.exists():
            self.restarts_file.replace(self.restarts_file.with_suffix(".log.prev"))
        self.socket.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "supervisor.supervisord", "-c", str(self.conf)], cwd=self.workdir,
                       check=True)
        deadline = time.monotonic() + START_TIMEOUT
        while not self.answers():
            if time.monotonic() > deadline:
                sys.exit(f"supervisord did not start; last lines of {self.log}:\n{tail(self.log)}")
            time.sleep(0.2)
        return True

    def apply_config(self) -> None:
        """A running supervisord reads the current configuration: programs added are added; a changed one is replaced
        only while it does not run. What runs keeps running as it was started (as `up` never restarts a running
        process; another checkout's `up` on this state directory leaves the running installation alone), and gets
        the new settings when supervisord starts again (`down`, `up`)."""
        self.conf.write_text(self.config())
        rpc = self.rpc()
        [[added, changed, _removed]] = rpc.reloadConfig()
        states = {info["name"]: info["statename"] for info in self.infos()}
        for name in changed:
            if states.get(name) in ("STOPPED", "FATAL"):
                rpc.removeProcessGroup(name)
                added.append(name)
        for name in added:
            rpc.addProcessGroup(name)

    def infos(self) -> list[dict]:
        """supervisord's view of every process it runs (name, statename, pid, start, now...); none when it does not
        run."""
        if not self.daemon_pid():
            return []
        try:
            return self.rpc().getAllProcessInfo()
        except (OSError, xmlrpc.client.Error):
            return []

    def processes(self) -> dict[str, dict]:
        """The configuration's programs as supervisord sees them; empty when it does not run."""
        return {info["name"]: info for info in self.infos() if info["name"] in self.programs}

    def pids(self) -> dict[str, int]:
        """The pid of every process supervisord runs, by program name (the configuration's programs or not)."""
        return {info["name"]: info["pid"] for info in self.infos() if info["pid"]}

    def call(self, method: str, name: str, done_already: int) -> None:
        """startProcess or stopProcess of one program, waiting (stop) or not (start: the caller checks readiness);
        the fault saying it is done already is no error."""
        try:
            getattr(self.rpc(), method)(name, method == "stopProcess")
        except xmlrpc.client.Fault as fault:
            if fault.faultCode != done_already:
                raise

    def start(self, name: str) -> None:
        self.call("startProcess", name, Faults.ALREADY_STARTED)

    def stop(self, name: str) -> None:
        self.call("stopProcess", name, Faults.NOT_RUNNING)

    def shutdown(self) -> None:
        """Stops every program (SIGTERM, SIGKILL after stopwaitsecs) and supervisord, waited for by its pid; what
        is left after SHUTDOWN_TIMEOUT is killed."""
        pid = self.daemon_pid()
        if not pid:
            return
        children = [info["pid"] for info in self.processes().values() if info["pid"]]
        with contextlib.suppress(OSError, xmlrpc.client.Error):
            self.rpc().shutdown()
        deadline = time.monotonic() + SHUTDOWN_TIMEOUT
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        for stuck in [pid, *children]:
            if alive(stuck):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(stuck, signal.SIGKILL) if stuck != pid else os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)

    def restarts(self) -> dict[str, restart_listener.Restarts]:
        try:
            with open(self.restarts_file, encoding="utf-8") as file:
                return restart_listener.restarts(file)
        except FileNotFoundError:
            return {}


def installation_pids(state_dir: pathlib.Path, workdir: pathlib.Path) -> dict[str, int]:
    """The pid of every supervised process of an installation by name: our processes (the launcher's supervisord,
    "apps") and the stack's components (infra/stack.sh's, "stack"), e.g. for a fault to inject or CPU to count."""
    pids = {}
    for name in ("stack", "apps"):
        pids.update(Supervisor(state_dir / "supervisor", name, [], workdir).pids())
    pids.pop("restart-listener", None)
    return pids


def uptime(seconds: int) -> str:
    hours, rest = divmod(max(seconds, 0), 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}"


def tail(path: pathlib.Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"
