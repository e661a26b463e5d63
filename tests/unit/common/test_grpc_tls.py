"""Mutual TLS of the installation's gRPC: a service's port answers only a client presenting a certificate from the
installation's CA; an insecure channel, a TLS client without a certificate and one from another CA are refused."""
from concurrent import futures

import grpc
import pytest
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from services.common.grpc_tls import GrpcTls
from services.common.settings import SettingsError
from services.tooling import dev_tls


def credentials_of(directory) -> GrpcTls:
    dev_tls.ensure(directory)
    return GrpcTls.from_env({"OTMETKA_TLS_CA": str(directory / "ca.crt"), "OTMETKA_TLS_CERT": str(directory / "otmetka.crt"),
                             "OTMETKA_TLS_KEY": str(directory / "otmetka.key")})


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    ours = credentials_of(tmp_path_factory.mktemp("ours"))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)
    port = server.add_secure_port("127.0.0.1:0", ours.server_credentials())
    server.start()
    yield ours, f"127.0.0.1:{port}", credentials_of(tmp_path_factory.mktemp("theirs"))
    server.stop(grace=None)


def check(channel: grpc.Channel) -> int:
    with channel:
        return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5).status


def test_a_client_with_the_installations_certificate_is_served(served):
    ours, address, _ = served
    assert check(grpc.secure_channel(address, ours.channel_credentials())) == health_pb2.HealthCheckResponse.SERVING


def test_an_insecure_channel_a_client_without_a_certificate_and_another_cas_are_refused(served):
    ours, address, theirs = served
    for channel in (grpc.insecure_channel(address),
                    grpc.secure_channel(address, grpc.ssl_channel_credentials(root_certificates=ours.ca)),
                    grpc.secure_channel(address, grpc.ssl_channel_credentials(
                        root_certificates=ours.ca, private_key=theirs.key, certificate_chain=theirs.cert))):
        with pytest.raises(grpc.RpcError) as refused:
            check(channel)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE


def test_a_missing_file_setting_is_named():
    with pytest.raises(SettingsError, match="OTMETKA_TLS_CERT, OTMETKA_TLS_KEY is required"):
        GrpcTls.from_env({"OTMETKA_TLS_CA": "/etc/otmetka/tls/ca.crt"})
