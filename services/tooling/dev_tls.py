"""The development certificate authority of the installation's internal TLS (docs/operations-stack.md "TLS inside
the installation"): a CA and, issued by it, a server certificate per stack component (PostgreSQL, Kafka, the two
MinIOs) and one certificate for our own processes (the services and the gateway: server and client of mutual TLS).
Every leaf names IP:127.0.0.1 and DNS:localhost, where the development installation listens.

Files in the directory: ca.crt/ca.key, <name>.crt/<name>.key per name of LEAVES. What is there is kept; a leaf is
issued again when missing, not issued by the CA there, or within RENEW_BEFORE of its end; everything is issued again
when the CA is missing or ends within RENEW_BEFORE (a new CA: restart what uses the certificates).

Usage: python -m services.tooling.dev_tls <dir>
"""
import datetime
import ipaddress
import os
import pathlib
import sys

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA = "ca"
SERVER, PEER = "server", "peer"  # a component's TLS server; our processes (server and client of mutual TLS)
LEAVES = {"postgres": SERVER, "kafka": SERVER, "minio": SERVER, "minio-replica": SERVER, "otmetka": PEER}
CA_DAYS, LEAF_DAYS = 10 * 366, 2 * 366
RENEW_BEFORE = datetime.timedelta(days=30)
ORGANIZATION = "Отметка (разработка)"
CA_NAME = "Отметка — УЦ внутреннего TLS"


def ensure(directory: str | pathlib.Path) -> pathlib.Path:
    """The development CA and its leaves in the directory, creating or renewing what needs it; the directory."""
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    now = datetime.datetime.now(datetime.UTC)
    ca_cert, ca_key = load(directory, CA)
    if ca_cert is None or ca_key is None or ca_cert.not_valid_after_utc - RENEW_BEFORE < now:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_cert = (builder(CA_NAME, ca_key, now, CA_DAYS).issuer_name(subject(CA_NAME))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                  critical=True)
                   .sign(ca_key, hashes.SHA256()))
        write(directory, CA, ca_cert, ca_key)
    for name, kind in LEAVES.items():
        cert, key = load(directory, name)
        if cert is None or key is None or not issued_by(cert, ca_cert) \
                or cert.not_valid_after_utc - RENEW_BEFORE < now:
            key = ec.generate_private_key(ec.SECP256R1())
            cert = leaf(name, kind, key, now).issuer_name(ca_cert.subject).sign(ca_key, hashes.SHA256())
            write(directory, name, cert, key)
    return directory


def subject(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def builder(common_name: str, key: ec.EllipticCurvePrivateKey, now: datetime.datetime, days: int) -> x509.CertificateBuilder:
    return (x509.CertificateBuilder().subject_name(subject(common_name)).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))


def leaf(name: str, kind: str, key: ec.EllipticCurvePrivateKey, now: datetime.datetime,
         names: list[x509.GeneralName] | None = None) -> x509.CertificateBuilder:
    """A leaf for the names given (default: localhost and 127.0.0.1, where the development installation listens)."""
    usages = [ExtendedKeyUsageOID.SERVER_AUTH] + ([ExtendedKeyUsageOID.CLIENT_AUTH] if kind == PEER else [])
    return (builder(name, key, now, LEAF_DAYS)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.ExtendedKeyUsage(usages), critical=False)
            .add_extension(x509.SubjectAlternativeName(names or [x509.DNSName("localhost"),
                                                                 x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False))


def issued_by(cert: x509.Certificate, ca_cert: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca_cert)
        return True
    except (ValueError, TypeError, InvalidSignature):
        return False


def load(directory: pathlib.Path, name: str) -> tuple[x509.Certificate | None, ec.EllipticCurvePrivateKey | None]:
    cert_path, key_path = directory / f"{name}.crt", directory / f"{name}.key"
    if not (cert_path.exists() and key_path.exists()):
        return None, None
    return (x509.load_pem_x509_certificate(cert_path.read_bytes()),
            serialization.load_pem_private_key(key_path.read_bytes(), password=None))


def write(directory: pathlib.Path, name: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> None:
    """The key first, readable by its owner only (PKCS#8 PEM: what PostgreSQL, Kafka, MinIO and gRPC all read)."""
    key_path = directory / f"{name}.key"
    key_path.unlink(missing_ok=True)
    with os.fdopen(os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
        out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    (directory / f"{name}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(ensure(sys.argv[1]))
