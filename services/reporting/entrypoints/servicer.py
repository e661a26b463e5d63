"""gRPC ReportingService: protobuf in, handler call with the call's school scope and a new unit of work, protobuf
out."""
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from services.common import scope
from services.reporting.adapters.protobuf import summary_sheet_proto
from services.reporting.service_layer import movement_register, summary_sheet
from services.reporting.service_layer.unit_of_work import UnitsOfWork


class ReportingServicer(reporting_pb2_grpc.ReportingServiceServicer):
    def __init__(self, unit_of_work: UnitsOfWork):
        self.unit_of_work = unit_of_work

    def GetSummarySheet(self, request, context):
        call = scope.current()
        return summary_sheet_proto(summary_sheet.get_summary_sheet(request.class_group_id, call,
                                                                   self.unit_of_work(call)))

    def RenderSummarySheetPdf(self, request, context):
        call = scope.current()
        content = summary_sheet.render_summary_sheet_pdf(request.class_group_id, call, self.unit_of_work(call))
        return reporting_pb2.RenderedReport(media_type="application/pdf", filename=f"summary-sheet-{request.class_group_id}.pdf",
                                            content=content)

    def RenderMovementRegisterPdf(self, request, context):
        call = scope.current()
        content = movement_register.render_movement_register_pdf(request.academic_year_id, call,
                                                                 self.unit_of_work(call))
        return reporting_pb2.RenderedReport(media_type="application/pdf",
                                            filename=f"movement-register-{request.academic_year_id}.pdf",
                                            content=content)
