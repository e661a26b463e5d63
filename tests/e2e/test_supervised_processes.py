"""The installation's processes under the launcher's supervisord: the journal service killed with -9 is started again
by supervisord, and `launcher up` run at once (the operator's reflex) waits for it instead of exiting with "journal
did not become ready" and leaving it stopped, as it did when it checked the killed process's pid."""
import os
import signal
import subprocess
import sys

from services import launcher, topology
from services.tooling import restart_listener


def test_a_service_killed_with_9_comes_back_and_up_right_after_waits_for_it(installation):
    sup = launcher.supervisor()
    before = sup.restarts().get("journal", restart_listener.Restarts()).count
    killed = sup.processes()["journal"]["pid"]
    assert killed, "journal runs under the launcher's supervisord"
    os.kill(killed, signal.SIGKILL)
    up = subprocess.run([sys.executable, "-m", "services.launcher", "up"], cwd=topology.ROOT, timeout=400,
                        capture_output=True, text=True)
    assert up.returncode == 0, up.stderr
    assert launcher.ready("journal") and sup.processes()["journal"]["pid"] not in (0, killed)
    assert sup.restarts()["journal"].count == before + 1
    status = subprocess.run([sys.executable, "-m", "services.launcher", "status"], cwd=topology.ROOT, timeout=60,
                            capture_output=True, text=True, check=True).stdout
    journal = next(line for line in status.splitlines() if line.startswith("journal "))
    assert f"restarts {before + 1} (last" in journal and journal.endswith("ready"), status
