"""Runs the identity service: `python -m services.identity` (gRPC server, outbox relay and the reaper of import
jobs whose process is gone; consumes no events)."""
from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from services.common.runtime import start
from services.identity import tables
from services.identity.activation import CodeKey
from services.identity.class_groups import ScheduleClassGroups
from services.identity.job_reaper import JobReaper
from services.identity.keycloak_accounts import KeycloakAccounts
from services.identity.servicer import PUBLIC_METHODS, IdentityServicer


def main() -> None:
    runtime = start("identity", tables.outbox, tables.inbox)
    servicer = IdentityServicer(runtime.db, runtime.outbox, KeycloakAccounts.from_settings(runtime.settings),
                                ScheduleClassGroups(runtime.settings.peers["schedule"]), CodeKey.from_env())

    def register(server):
        identity_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)
        return [identity_pb2.DESCRIPTOR.services_by_name["IdentityService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), JobReaper(runtime.db)], public_methods=PUBLIC_METHODS)


if __name__ == "__main__":
    main()
