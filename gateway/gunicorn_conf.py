"""gunicorn settings the gateway always runs with (`gunicorn --config python:gateway.gunicorn_conf`), wherever it runs:
the launcher, the chart and the benchmarks. Workers, threads and the address are given on the command line.

keepalive: how long an idle kept-alive connection stays open. gunicorn's default (2 s) is shorter than the idle
reuse of ordinary HTTP clients, so the server could close a connection just as a client sent its next request on
it (the client then sees "connection reset / remote end closed"). 75 s outlasts the idle timeout of the proxies and
load balancers usually put in front (an nginx ingress keeps idle upstream connections 60 s), so the side that closes
an idle connection is the client's side, never the gateway under a request in flight."""
import ctypes
import os
import shutil
import signal
import tempfile

keepalive = 75

# Prometheus' multi-process mode (gateway.observability): this server's workers write their numbers into a directory
# of its own, named here, before the server imports prometheus_client (it picks its mode on import): the one
# PROMETHEUS_MULTIPROC_DIR names (the chart's emptyDir), emptied when the server starts, else a new temporary one,
# removed when it stops (another gunicorn on the machine, e.g. a benchmark's, never touches this one's numbers).
TEMPORARY_METRICS_DIR = "" if os.environ.get("PROMETHEUS_MULTIPROC_DIR") else tempfile.mkdtemp(
    prefix="otmetka-gateway-metrics-")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or TEMPORARY_METRICS_DIR


def on_starting(server):
    from gateway import observability

    observability.empty_metrics_dir()


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def post_fork(server, worker):
    """The worker is sent SIGTERM (a graceful stop: it closes the port at once and finishes its requests) the moment its
    master dies, even of kill -9. Orphaned workers went on serving and holding the port for ~10 s, so the master the
    supervisor started again could not bind it (the fault suite, docs/reliability.md)."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != server.pid:  # the master died before the call above
        os.kill(os.getpid(), signal.SIGTERM)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if TEMPORARY_METRICS_DIR:
        shutil.rmtree(TEMPORARY_METRICS_DIR, ignore_errors=True)
