"""Runs the messaging service: `python -m services.messaging`."""
from proto.identity.v1 import identity_pb2_grpc
from proto.journal.v1 import journal_pb2_grpc
from proto.messaging.v1 import messaging_pb2, messaging_pb2_grpc
from proto.schedule.v1 import schedule_pb2_grpc
from services.common.mail_outbox import mail_relay, mail_retention
from services.common.object_store import ObjectStore
from services.common.runtime import start
from services.common.settings import MailSettings
from services.messaging import bootstrap
from services.messaging.adapters import tables
from services.messaging.adapters.mailer import Mailer
from services.messaging.adapters.peers import IdentityClient, JournalClient, ScheduleClient
from services.messaging.entrypoints.consumers import handlers
from services.messaging.entrypoints.servicer import PUBLIC_METHODS
from services.messaging.settings import MessagingSettings


def main() -> None:
    runtime = start("messaging", tables.outbox, tables.inbox)
    mail_settings = MailSettings.from_env()
    store = ObjectStore.from_env(MessagingSettings.from_env().bucket)
    store.ensure_bucket()
    tokens = runtime.service_tokens
    ports = bootstrap.Ports(
        identity=IdentityClient(runtime.peer("identity", identity_pb2_grpc.IdentityServiceStub), tokens),
        schedule=ScheduleClient(runtime.peer("schedule", schedule_pb2_grpc.ScheduleServiceStub), tokens),
        journal=JournalClient(runtime.peer("journal", journal_pb2_grpc.JournalServiceStub), tokens), files=store,
        mailer=Mailer.from_settings(mail_settings))
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, ports)
    worker = bootstrap.notice_worker(runtime.db, runtime.outbox, ports)

    def register(server):
        messaging_pb2_grpc.add_MessagingServiceServicer_to_server(servicer, server)
        return [messaging_pb2.DESCRIPTOR.services_by_name["MessagingService"].full_name]

    runtime.serve(register, workers=[
        runtime.relay(), runtime.consumer(handlers(ports.mailer), ["identity", "schedule", "journal"]), *worker.threads(),
        mail_relay(runtime.db, tables.mail_outbox, mail_settings, runtime.settings.db_url),
        mail_retention(runtime.db, tables.mail_outbox)], public_methods=PUBLIC_METHODS, principals=runtime.principals)


if __name__ == "__main__":
    main()
