"""Runs the identity service: `python -m services.identity` (gRPC server, outbox relay and the reaper of import
jobs whose process is gone; consumes no events). Its callers' principals come from its own tables."""
from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from services.common.runtime import start
from services.identity.adapters import tables
from services.identity.bootstrap import bootstrap
from services.identity.entrypoints.job_reaper import JobReaper
from services.identity.entrypoints.servicer import PUBLIC_METHODS, IdentityServicer


def main() -> None:
    runtime = start("identity", tables.outbox, tables.inbox)
    identity = bootstrap(runtime)
    servicer = IdentityServicer(identity)

    def register(server):
        identity_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)
        return [identity_pb2.DESCRIPTOR.services_by_name["IdentityService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), JobReaper(identity.uows, identity.directory)],
                  public_methods=PUBLIC_METHODS, principals=identity.principals)


if __name__ == "__main__":
    main()
