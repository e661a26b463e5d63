"""The openssl command-line tool for everything cryptographic of the archive's signatures (keys, certificates, CMS,
RFC 3161 timestamps), run with the GOST engine loaded (openssl-gost.cnf as OPENSSL_CONF, the system configuration
untouched) so that one code path serves both algorithms: Python's cryptography has no GOST."""
import contextlib
import os
import pathlib
import re
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

ENGINE_CONFIG = pathlib.Path(__file__).with_name("openssl-gost.cnf")
TIMEOUT_SECONDS = 60
PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----.+?-----END \1-----", re.DOTALL)


@dataclass(frozen=True)
class Algorithm:
    name: str
    key: tuple[str, ...]  # openssl genpkey options
    digest: str  # openssl's name of the message digest


ALGORITHMS = {
    "ecdsa": Algorithm("ecdsa", ("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"), "sha256"),
    "gost": Algorithm("gost", ("-algorithm", "gost2012_256", "-pkeyopt", "paramset:A"), "md_gost12_256"),
}


class OpenSslError(RuntimeError):
    """openssl is missing or refused a command; the message holds its own reason."""


def algorithm(name: str) -> Algorithm:
    if name not in ALGORITHMS:
        raise ValueError(f"unknown signature algorithm {name!r}: expected one of {', '.join(ALGORITHMS)}")
    return ALGORITHMS[name]


def call(*args: object, stdin: bytes = b"") -> subprocess.CompletedProcess:
    """Runs `openssl args...` and returns its outcome, whatever its exit status."""
    try:
        return subprocess.run(["openssl", *map(str, args)], input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS,
                              env={**os.environ, "OPENSSL_CONF": str(ENGINE_CONFIG)}, check=False)
    except FileNotFoundError:
        raise OpenSslError("the openssl command-line tool is not installed (Debian package openssl)") from None


def reason(done: subprocess.CompletedProcess) -> str:
    """The last lines openssl wrote to stderr (its reason for a failure)."""
    lines = done.stderr.decode(errors="replace").strip().splitlines()
    return " | ".join(lines[-3:]) or f"exit status {done.returncode}"


def run(*args: object, stdin: bytes = b"") -> bytes:
    """Runs `openssl args...` and returns its standard output; OpenSslError when it fails."""
    done = call(*args, stdin=stdin)
    if done.returncode:
        unknown = b"unsupported" in done.stderr or b"Unknown" in done.stderr
        hint = (" (GOST needs the OpenSSL GOST engine, Debian package libengine-gost-openssl)"
                if unknown and any("gost" in str(arg) for arg in args) else "")
        raise OpenSslError(f"openssl {args[0]} failed{hint}: {reason(done)}")
    return done.stdout


@contextlib.contextmanager
def scratch(**files: bytes) -> Iterator[pathlib.Path]:
    """A private temporary directory holding the given files (by name), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="otmetka-openssl-") as tmp:
        for name, content in files.items():
            (pathlib.Path(tmp) / name).write_bytes(content)
        yield pathlib.Path(tmp)


def bundle(paths: Iterable[pathlib.Path]) -> bytes:
    """The PEM blocks of the files in one, each once (for -CAfile, -untrusted, -certfile, which take one file)."""
    blocks = (block.group(0) for path in paths for block in PEM_BLOCK.finditer(pathlib.Path(path).read_bytes()))
    return b"".join(block + b"\n" for block in dict.fromkeys(blocks))
