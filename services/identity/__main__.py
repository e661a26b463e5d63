"""Runs the identity service: `python -m services.identity` (gRPC server, outbox relay and the reaper of import
jobs whose process is gone; consumes no events). Its callers' principals come from its own tables."""
from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from services.common.runtime import start
from services.identity import bootstrap
from services.identity.adapters import tables
from services.identity.entrypoints.job_reaper import JobReaper
from services.identity.entrypoints.servicer import PUBLIC_METHODS


def main() -> None:
    runtime = start("identity", tables.outbox, tables.inbox)
    ports = bootstrap.runtime_ports(runtime)
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, ports)

    def register(server):
        identity_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)
        return [identity_pb2.DESCRIPTOR.services_by_name["IdentityService"].full_name]

    reaper = JobReaper(bootstrap.units_of_work(runtime.db, runtime.outbox), ports.directory)
    runtime.serve(register, workers=[runtime.relay(), reaper], public_methods=PUBLIC_METHODS,
                  principals=ports.principals)


if __name__ == "__main__":
    main()
