"""The six services as seen from the gateway: their gRPC stubs and descriptors, and calls made with
the user's access token and a deadline."""
import functools

from google.protobuf import message_factory

from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from proto.journal.v1 import journal_pb2, journal_pb2_grpc
from proto.messaging.v1 import messaging_pb2, messaging_pb2_grpc
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2, schedule_pb2_grpc
from services.common.grpc_client import Peer

# service name -> (generated module, gRPC service name, stub class)
SERVICES = {
    "identity": (identity_pb2, "IdentityService", identity_pb2_grpc.IdentityServiceStub),
    "schedule": (schedule_pb2, "ScheduleService", schedule_pb2_grpc.ScheduleServiceStub),
    "journal": (journal_pb2, "JournalService", journal_pb2_grpc.JournalServiceStub),
    "reporting": (reporting_pb2, "ReportingService", reporting_pb2_grpc.ReportingServiceStub),
    "archive": (archive_pb2, "ArchiveService", archive_pb2_grpc.ArchiveServiceStub),
    "messaging": (messaging_pb2, "MessagingService", messaging_pb2_grpc.MessagingServiceStub),
}


@functools.cache
def method_types(service: str, rpc: str):
    """The request and response message classes of one RPC (looked up once, not on every request)."""
    module, service_name, _ = SERVICES[service]
    method = module.DESCRIPTOR.services_by_name[service_name].methods_by_name[rpc]
    return message_factory.GetMessageClass(method.input_type), message_factory.GetMessageClass(method.output_type)


class Peers:
    """One channel per service; every call carries the user's token and a deadline."""

    def __init__(self, addresses: dict[str, str]):
        self.addresses = addresses
        self._peers = {name: Peer(addresses[name], stub) for name, (_, _, stub) in SERVICES.items()}

    def call(self, service: str, rpc: str, request, token: str, deadline: float | None = None):
        return self._peers[service].call(rpc, request, token=token, deadline=deadline)
