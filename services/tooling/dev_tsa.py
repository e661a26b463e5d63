"""The development time-stamping authority: RFC 3161 over HTTP (a POST of an application/timestamp-query, answered
with an application/timestamp-reply made by `openssl ts -reply` with the TSA certificate and key of the development
PKI), SHA-256 and GOST R 34.11-2012 (Streebog-256) imprints; GET /health answers 200 for readiness checks.

Usage: python -m services.tooling.dev_tsa --listen 127.0.0.1:PORT --pki DIR
(DIR made by `python -m services.archive.pki DIR`; the server writes tsa.cnf and tsa.serial there)
"""
import argparse
import http.server
import pathlib
import threading

from asn1crypto import tsp

from services.archive import pki
from services.archive.adapters import openssl_cli
from services.archive.adapters.openssl_cli import OpenSslError

# 2.25.<UUID> is an OID anyone may take without registering (ITU-T X.667); .1 under this project's UUID
POLICY = "2.25.330726522504744510391384562570977342497.1"
MAX_QUERY_BYTES = 64 * 1024


def write_config(pki_dir: pathlib.Path) -> pathlib.Path:
    """openssl ts -reply's configuration for the PKI's TSA certificate, its serial file started if missing."""
    tsa = pki.credential(pki_dir, pki.TSA)
    digest = openssl_cli.algorithm(pki.key_algorithm(tsa.cert)).digest
    serial = pki_dir / "tsa.serial"
    if not serial.exists():
        serial.write_text("01\n")
    config = pki_dir / "tsa.cnf"
    config.write_text(f"""\
[tsa]
default_tsa = dev_tsa
[dev_tsa]
serial = {serial}
signer_cert = {tsa.cert}
signer_key = {tsa.key}
signer_digest = {digest}
default_policy = {POLICY}
digests = sha256, md_gost12_256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = {digest}
""")
    return config


class TsaServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], pki_dir: pathlib.Path) -> None:
        self.config = write_config(pki_dir)
        self.serial_lock = threading.Lock()  # openssl ts -reply reads and rewrites the serial file
        super().__init__(address, TsaHandler)

    def reply(self, query: bytes) -> bytes:
        with self.serial_lock, openssl_cli.scratch(query=query) as tmp:
            return openssl_cli.run("ts", "-reply", "-config", self.config, "-queryfile", tmp / "query")


class TsaHandler(http.server.BaseHTTPRequestHandler):
    server: TsaServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/health":
            self.answer(200, b"ok\n", "text/plain")
        else:
            self.answer(404, b"", "text/plain")

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_QUERY_BYTES:
            return self.answer(400, b"expected an RFC 3161 timestamp query\n", "text/plain")
        query = self.rfile.read(length)
        try:
            tsp.TimeStampReq.load(query).native  # noqa: B018 (parses it all: garbage raises here)
            reply = self.server.reply(query)
        except (ValueError, TypeError, OpenSslError) as error:
            return self.answer(400, f"not a timestamp query: {error}\n".encode(), "text/plain")
        self.answer(200, reply, "application/timestamp-reply")

    def answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m services.tooling.dev_tsa", description=__doc__.splitlines()[0])
    parser.add_argument("--listen", required=True, help="host:port (port 0: any free one)")
    parser.add_argument("--pki", required=True, type=pathlib.Path, help="the development PKI's directory")
    args = parser.parse_args(argv)
    tsa = pki.credential(args.pki, pki.TSA)
    if not (tsa.cert.exists() and tsa.key.exists()):
        parser.error(f"no TSA certificate and key in {args.pki}: run python -m services.archive.pki {args.pki}")
    host, _, port = args.listen.rpartition(":")
    with TsaServer((host, int(port)), args.pki) as server:
        print(f"dev TSA on http://{host}:{server.server_address[1]}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
