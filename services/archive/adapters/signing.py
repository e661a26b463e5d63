"""Detached CMS (PKCS #7) signatures over archive files with the archive's signing key and certificate."""
import pathlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7


@dataclass(frozen=True)
class Signer:
    key: object
    cert: x509.Certificate

    @classmethod
    def from_files(cls, key_path: str, cert_path: str) -> "Signer":
        key = serialization.load_pem_private_key(pathlib.Path(key_path).read_bytes(), password=None)
        return cls(key, x509.load_pem_x509_certificate(pathlib.Path(cert_path).read_bytes()))

    def sign_detached(self, data: bytes) -> bytes:
        """DER-encoded detached signature of the exact bytes (openssl cms -verify -binary accepts it)."""
        return (pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(self.cert, self.key, hashes.SHA256())
                .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]))
