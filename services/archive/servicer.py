"""gRPC ArchiveService: protobuf in, handler call, protobuf out."""
from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from services.archive import handlers
from services.archive.storage import ArchiveStore
from services.common.db import Database
from services.common.principal import PrincipalResolver


class ArchiveServicer(archive_pb2_grpc.ArchiveServiceServicer):
    def __init__(self, db: Database, store: ArchiveStore, principals: PrincipalResolver):
        self.db = db
        self.store = store
        self.principals = principals

    def ListArchives(self, request, context):
        principal = self.principals.resolve(request.school_id)
        return archive_pb2.ListArchivesResponse(packages=handlers.list_archives(self.db, principal, request.school_id))

    def GetArchive(self, request, context):
        principal = self.principals.resolve(request.school_id)
        return handlers.get_archive(self.db, principal, request.school_id, request.archive_id)

    def DownloadArchive(self, request, context):
        principal = self.principals.resolve(request.school_id)
        filename, content = handlers.download_archive(self.db, self.store, principal, request.school_id,
                                                      request.archive_id)
        return archive_pb2.ArchiveContent(filename=filename, media_type="application/zip", content=content)

    def RetryArchive(self, request, context):
        principal = self.principals.resolve(request.school_id)
        return handlers.retry_archive(self.db, principal, request.school_id, request.archive_id)
