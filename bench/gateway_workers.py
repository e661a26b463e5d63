"""The gateway under gunicorn with given workers × threads: CPU of the gunicorn processes per diary read and the
rate, with the journal servicer of bench/read_path.py (its integration-test database, fake peers, locally signed
tokens) served in this process. For choosing the gateway's worker settings; the driver is this process's threads
(requests sessions), so its CPU and the journal's are not the gateway's and are not counted.

Usage: python -m bench.gateway_workers [--reads 3000] [--clients 8] [--settings 2x4,4x1,2x8] [--access-log]
"""
import argparse
import datetime as dt
import logging
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent import futures

import grpc
import requests
from cryptography.hazmat.primitives import serialization

from bench import read_path
from proto.journal.v1 import journal_pb2_grpc
from services.common.auth import TokenVerifier
from services.common.grpc_server import ContextInterceptor
from services.tooling.http import retrying
from tests.support import stack
from tests.support.grpc_harness import database, tls_port
from tests.unit.gateway.conftest import SETTINGS

TICK = os.sysconf("SC_CLK_TCK")


class FileKey:
    """The JWKS client's part: the bench's public key, read from the file the bench wrote."""

    def __init__(self, path: str):
        self.key = serialization.load_pem_public_key(pathlib.Path(path).read_bytes())

    def get_signing_key_from_jwt(self, token: str):
        return self


def create():
    """gunicorn's app factory (bench.gateway_workers:create()): the gateway with the journal this bench serves."""
    from gateway.app import create_app
    from gateway.peers import Peers

    verifier = TokenVerifier(SETTINGS.issuer)
    verifier._jwks = FileKey(os.environ["BENCH_PUBLIC_KEY"])
    return create_app(read_path.gateway_settings(), verifier=verifier,
                      peers=Peers({**SETTINGS.peers, "journal": os.environ["BENCH_JOURNAL"]}))


def cpu_of_tree(pid: int) -> float:
    """CPU seconds of a process and its live children (gunicorn's master and workers)."""
    total = 0.0
    for task in [pid, *children(pid)]:
        fields = pathlib.Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def children(pid: int) -> list[int]:
    path = pathlib.Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def drive(base: str, urls: list[str], token: str, reads: int, clients: int) -> float:
    """`reads` GETs from `clients` threads; returns the wall seconds."""
    done = iter(range(reads))
    lock = threading.Lock()

    def client():
        with retrying() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            while True:
                with lock:
                    i = next(done, None)
                if i is None:
                    return
                response = session.get(base + urls[i % len(urls)], timeout=30)
                assert response.status_code == 200, response.text

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def measure(setting: str, env: dict, urls: list[str], token: str, reads: int, clients: int,
            access_log: bool) -> str:
    workers, threads = setting.split("x")
    port = free_port()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "python:gateway.gunicorn_conf", "--workers", workers,
         "--threads", threads, "--bind",
         f"127.0.0.1:{port}", *(["--access-logfile", os.devnull] if access_log else []),
         "bench.gateway_workers:create()"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(base + "/healthz", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        drive(base, urls, token, max(200, reads // 10), clients)  # every worker warm
        cpu = cpu_of_tree(gunicorn.pid)
        wall = drive(base, urls, token, reads, clients)
        cpu = cpu_of_tree(gunicorn.pid) - cpu
    finally:
        gunicorn.terminate()
        gunicorn.wait(10)
    return (f"{workers} workers × {threads} threads: {reads / wall:.0f} reads/s, "
            f"gateway {cpu / reads * 1000:.2f} ms CPU per read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reads", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--settings", default="2x4,4x1,2x8")
    parser.add_argument("--access-log", action="store_true", help="write gunicorn's access log (to /dev/null)")
    args = parser.parse_args()
    os.environ.update(stack.our_certificates())  # the gateway workers' channels to the journal: mutual TLS
    logging.basicConfig(level=logging.WARNING)
    token = read_path.signed_token("bench")
    with database("journal") as db, tempfile.TemporaryDirectory() as tmp:
        wired = read_path.Wired(db)
        school, students, start = read_path.recorded_week(wired, token)
        key = pathlib.Path(tmp) / "public.pem"
        key.write_bytes(read_path.KEY.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=16),
                             interceptors=[ContextInterceptor(read_path.verifier(), principals=wired.principals)])
        journal_pb2_grpc.add_JournalServiceServicer_to_server(wired.servicer(), server)
        journal = tls_port(server)
        server.start()
        env = {**os.environ, "BENCH_PUBLIC_KEY": str(key), "BENCH_JOURNAL": f"127.0.0.1:{journal}"}
        query = f"from={start.isoformat()}&to={(start + dt.timedelta(days=6)).isoformat()}"
        urls = [f"/api/v1/schools/{school}/students/{s}/diary?{query}" for s in students]
        try:
            for setting in args.settings.split(","):
                print(measure(setting, env, urls, token, args.reads, args.clients, args.access_log), flush=True)
        finally:
            server.stop(0)


if __name__ == "__main__":
    main()
