"""gRPC ArchiveService: protobuf in, handler call with the call's school scope and a new unit of work, protobuf
out."""
from collections.abc import Callable

from sqlalchemy import Row

from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from services.archive.adapters.protobuf import act_message, alert_message, package_message, view_message
from services.archive.service_layer import disposal, registry, semester_packages
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import UnitsOfWork
from services.common import scope


class ArchiveServicer(archive_pb2_grpc.ArchiveServiceServicer):
    def __init__(self, unit_of_work: UnitsOfWork, packaging: Packaging, alerts: Callable[[], list[Row]],
                 proposed_acts: Callable[[], list[Row]]):
        self.unit_of_work = unit_of_work
        self.packaging = packaging
        self.alerts = alerts
        self.proposed_acts = proposed_acts

    def ListArchives(self, request, context):
        call = scope.current()
        listed = registry.list_archives(call, self.unit_of_work(call))
        return archive_pb2.ListArchivesResponse(packages=[view_message(view) for view in listed.packages],
                                                may_sign=listed.may_sign, may_dispose=listed.may_dispose,
                                                may_set_policy=listed.may_set_policy)

    def GetArchive(self, request, context):
        call = scope.current()
        return view_message(registry.get_archive(request.archive_id, call, self.unit_of_work(call)))

    def DownloadArchive(self, request, context):
        call = scope.current()
        filename, content = registry.download_archive(request.archive_id, call, self.unit_of_work(call),
                                                      self.packaging)
        return archive_pb2.ArchiveContent(filename=filename, media_type="application/zip", content=content)

    def RetryArchive(self, request, context):
        call = scope.current()
        return package_message(registry.retry_archive(request.archive_id, call, self.unit_of_work(call)))

    def SignArchive(self, request, context):
        call = scope.current()
        return package_message(registry.sign_archive(request.archive_id, call, self.unit_of_work(call),
                                                     self.packaging))

    def CheckArchive(self, request, context):
        call = scope.current()
        return view_message(registry.check_archive(request.archive_id, call, lambda: self.unit_of_work(call),
                                                   self.packaging))

    def ListArchiveAlerts(self, request, context):
        return archive_pb2.ListArchiveAlertsResponse(alerts=[
            alert_message(row) for row in registry.archive_alerts(self.alerts)])

    def ProposeDisposal(self, request, context):
        call = scope.current()
        return act_message(disposal.propose_disposal(call, self.unit_of_work(call), self.packaging))

    def ListDisposalActs(self, request, context):
        call = scope.current()
        return archive_pb2.ListDisposalActsResponse(acts=[
            act_message(row) for row in disposal.list_disposal_acts(call, self.unit_of_work(call))])

    def ListActsToApprove(self, request, context):
        return archive_pb2.ListDisposalActsResponse(acts=[
            act_message(row) for row in disposal.acts_to_approve(self.proposed_acts)])

    def ApproveDisposal(self, request, context):
        call = scope.current()
        return act_message(disposal.approve_disposal(request.act_id, self.unit_of_work(call), self.packaging))

    def GetArchivePolicy(self, request, context):
        call = scope.current()
        return archive_pb2.ArchivePolicy(school_id=call.school_id, semester_packages=semester_packages.get_archive_policy(
            call, self.unit_of_work(call)))

    def SetArchivePolicy(self, request, context):
        call = scope.current()
        return archive_pb2.ArchivePolicy(school_id=call.school_id, semester_packages=semester_packages.set_archive_policy(
            request.semester_packages, self.packaging.clock(), call, self.unit_of_work(call)))
