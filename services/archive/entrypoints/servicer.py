"""gRPC ArchiveService: protobuf in, handler call with the call's school scope and a new unit of work, protobuf
out."""
from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from services.archive.adapters.protobuf import package_message
from services.archive.service_layer import registry
from services.archive.service_layer.unit_of_work import PackageStorage, UnitsOfWork
from services.common import scope


class ArchiveServicer(archive_pb2_grpc.ArchiveServiceServicer):
    def __init__(self, unit_of_work: UnitsOfWork, storage: PackageStorage):
        self.unit_of_work = unit_of_work
        self.storage = storage

    def ListArchives(self, request, context):
        call = scope.current()
        return archive_pb2.ListArchivesResponse(packages=[
            package_message(row) for row in registry.list_archives(call, self.unit_of_work(call))])

    def GetArchive(self, request, context):
        call = scope.current()
        return package_message(registry.get_archive(request.archive_id, call, self.unit_of_work(call)))

    def DownloadArchive(self, request, context):
        call = scope.current()
        filename, content = registry.download_archive(request.archive_id, call, self.unit_of_work(call), self.storage)
        return archive_pb2.ArchiveContent(filename=filename, media_type="application/zip", content=content)

    def RetryArchive(self, request, context):
        call = scope.current()
        return package_message(registry.retry_archive(request.archive_id, call, self.unit_of_work(call)))
