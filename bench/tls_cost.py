"""What TLS inside the installation costs per request (docs/performance.md "TLS inside the installation"): the same
request over the same kind of server with and without TLS, on a warm connection and for a new connection (its
handshake), with the development CA's certificates (ECDSA P-256, services/tooling/dev_tls.py).

- gRPC: a health Check to an in-process server, insecure and with mutual TLS (the installation's gRPC);
- PostgreSQL: `SELECT 1` to a throwaway cluster (initdb under a temporary directory) that accepts both, with
  sslmode=disable and sslmode=verify-full (the installation's connections).

Usage: python -m bench.tls_cost [--calls 3000] [--connections 100]   (as root: the cluster runs as "postgres")
"""
import argparse
import contextlib
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent import futures
from pathlib import Path

import grpc
import psycopg
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from bench.pg_baseline import PG_BIN, free_port
from services.tooling import dev_tls


def timings(action: Callable[[], object], count: int) -> dict[str, float]:
    """Median and 95th percentile in microseconds of `count` runs (after 50 not counted)."""
    for _ in range(50):
        action()
    samples = []
    for _ in range(count):
        t0 = time.perf_counter()
        action()
        samples.append((time.perf_counter() - t0) * 1e6)
    samples.sort()
    return {"p50_us": round(statistics.median(samples), 1), "p95_us": round(samples[int(0.95 * len(samples))], 1)}


def grpc_cost(tls: Path, calls: int, connections: int) -> dict:
    ca, cert, key = ((tls / name).read_bytes() for name in ("ca.crt", "otmetka.crt", "otmetka.key"))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)
    plain = server.add_insecure_port("127.0.0.1:0")
    secure = server.add_secure_port("127.0.0.1:0", grpc.ssl_server_credentials(
        [(key, cert)], root_certificates=ca, require_client_auth=True))
    server.start()
    credentials = grpc.ssl_channel_credentials(root_certificates=ca, private_key=key, certificate_chain=cert)
    channels = {"plaintext": lambda: grpc.insecure_channel(f"127.0.0.1:{plain}"),
                "mutual_tls": lambda: grpc.secure_channel(f"127.0.0.1:{secure}", credentials)}
    request = health_pb2.HealthCheckRequest()
    results = {}
    try:
        for name, open_channel in channels.items():
            with open_channel() as channel:
                stub = health_pb2_grpc.HealthStub(channel)
                warm = timings(lambda stub=stub: stub.Check(request, timeout=5), calls)

            def first_call(open_channel=open_channel):
                with open_channel() as channel:
                    health_pb2_grpc.HealthStub(channel).Check(request, timeout=5)
            results[name] = {"call": warm, "new_connection_and_call": timings(first_call, connections)}
    finally:
        server.stop(grace=None)
    return results


@contextlib.contextmanager
def throwaway_cluster(tls: Path) -> Iterator[int]:
    """A cluster with ssl = on whose pg_hba (initdb's, trust) takes TCP connections with and without TLS."""
    directory = Path(tempfile.mkdtemp(prefix="otmetka-tls-bench-"))
    data, port = directory / "pg", free_port()
    run_as = ["runuser", "-u", "postgres", "--"]
    shutil.chown(directory, "postgres", "postgres")
    try:
        subprocess.run([*run_as, f"{PG_BIN}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
                       check=True, capture_output=True)
        for name in ("crt", "key"):
            shutil.copy(tls / f"postgres.{name}", data / f"server.{name}")
            shutil.chown(data / f"server.{name}", "postgres", "postgres")
        (data / "server.key").chmod(0o600)
        opts = f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c ssl=on"
        subprocess.run([*run_as, f"{PG_BIN}/pg_ctl", "-D", str(data), "-o", opts, "-l", str(directory / "log"), "-w",
                        "start"], check=True, capture_output=True)
        yield port
    finally:
        subprocess.run([*run_as, f"{PG_BIN}/pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)


def postgres_cost(tls: Path, calls: int, connections: int) -> dict:
    results = {}
    with throwaway_cluster(tls) as port:
        base = f"host=127.0.0.1 port={port} user=postgres dbname=postgres"
        for name, options in (("plaintext", "sslmode=disable"),
                              ("tls", f"sslmode=verify-full sslrootcert={tls / 'ca.crt'}")):
            dsn = f"{base} {options}"
            with psycopg.connect(dsn, autocommit=True) as conn:
                assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0] == (
                    name == "tls")
                warm = timings(lambda conn=conn: conn.execute("SELECT 1").fetchone(), calls)
            results[name] = {"query": warm,
                             "new_connection_and_query": timings(
                                 lambda dsn=dsn: psycopg.connect(dsn).close(), connections)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--connections", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        tls = dev_tls.ensure(Path(directory) / "tls")
        results = {"grpc": grpc_cost(tls, args.calls, args.connections),
                   "postgresql": postgres_cost(tls, args.calls, args.connections)}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
