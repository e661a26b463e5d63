"""The archive's signatures for tests: a development PKI in a temporary directory and its time-stamping authority
served on a free port of 127.0.0.1 in a thread (services.tooling.dev_tsa)."""
import contextlib
import pathlib
import threading
from collections.abc import Iterator

from services.archive import pki
from services.archive.adapters.package_signing import PackageSigning
from services.archive.adapters.timestamping import TimeStamper
from services.tooling.dev_tsa import TsaServer


@contextlib.contextmanager
def dev_signing(directory: pathlib.Path, algorithm: str = "ecdsa") -> Iterator[PackageSigning]:
    """The package signing of a fresh development PKI, its TSA running until the block ends."""
    made = pki.ensure_dev_pki(directory, algorithm)
    server = TsaServer(("127.0.0.1", 0), directory)
    thread = threading.Thread(target=server.serve_forever, name="dev-tsa", daemon=True)
    thread.start()
    try:
        yield PackageSigning(made, TimeStamper(f"http://127.0.0.1:{server.server_address[1]}/"))
    finally:
        server.shutdown()
        server.server_close()
