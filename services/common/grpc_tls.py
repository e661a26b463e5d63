"""Mutual TLS of the installation's gRPC (docs/architecture.md "Encryption in transit"): every service's port takes
only TLS connections whose client presents a certificate from the installation's CA, and every channel to a service
presents ours and checks the service's. The files are named by OTMETKA_TLS_CA, OTMETKA_TLS_CERT and OTMETKA_TLS_KEY
(the stack's development CA in .run/tls, the chart's TLS secret in a cluster)."""
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import grpc

from services.common.settings import SettingsError

TLS_FILES = ("OTMETKA_TLS_CA", "OTMETKA_TLS_CERT", "OTMETKA_TLS_KEY")

@dataclass(frozen=True)
class GrpcTls:
    ca: bytes
    cert: bytes
    key: bytes

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "GrpcTls":
        missing = [name for name in TLS_FILES if not environ.get(name)]
        if missing:
            raise SettingsError(f"environment variable {', '.join(missing)} is required (mutual TLS of gRPC: the "
                                "installation's CA, our certificate and its key)")
        return read(*(environ[name] for name in TLS_FILES))

    def server_credentials(self) -> grpc.ServerCredentials:
        """A service's port: TLS with our certificate, a client certificate from the CA required."""
        return grpc.ssl_server_credentials([(self.key, self.cert)], root_certificates=self.ca,
                                           require_client_auth=True)

    def channel_credentials(self) -> grpc.ChannelCredentials:
        """A channel to a service: its certificate checked against the CA (and its name), ours presented."""
        return grpc.ssl_channel_credentials(root_certificates=self.ca, private_key=self.key, certificate_chain=self.cert)


@functools.cache
def read(ca: str, cert: str, key: str) -> GrpcTls:
    """The files' contents, read once per process (a rotated certificate takes effect at the next restart)."""
    return GrpcTls(Path(ca).read_bytes(), Path(cert).read_bytes(), Path(key).read_bytes())
