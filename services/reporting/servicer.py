"""gRPC ReportingService: protobuf in, handler call, protobuf out."""
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from services.common.db import Database
from services.common.principal import PrincipalResolver
from services.reporting import domain, handlers


def summary_sheet_proto(sheet: domain.SummarySheet) -> reporting_pb2.SummarySheet:
    return reporting_pb2.SummarySheet(
        school_id=sheet.school_id, class_group_id=sheet.class_group.id, class_group_name=sheet.class_group.name,
        academic_year_name=sheet.academic_year_name,
        subjects=[reporting_pb2.SummarySubject(id=s.id, name=s.name) for s in sheet.subjects],
        periods=[reporting_pb2.SummaryPeriod(id=p.id, name=p.name, kind=p.kind) for p in sheet.periods],
        rows=[reporting_pb2.SummaryRow(
            student_id=row.student_id, student_name=row.student_name,
            cells=[reporting_pb2.SummaryCell(
                subject_id=c.subject_id, marks=c.marks, average=c.average,
                period_marks=[reporting_pb2.SummaryPeriodMark(period_id=m.period_id, period_name=m.period_name,
                                                              value=m.value, special=m.special)
                              for m in c.period_marks])
                   for c in row.cells],
        ) for row in sheet.rows],
    )


class ReportingServicer(reporting_pb2_grpc.ReportingServiceServicer):
    def __init__(self, db: Database, principals: PrincipalResolver):
        self.db = db
        self.principals = principals

    def GetSummarySheet(self, request, context):
        principal = self.principals.resolve(request.school_id)
        return summary_sheet_proto(handlers.get_summary_sheet(self.db, principal, request.school_id,
                                                              request.class_group_id))

    def RenderSummarySheetPdf(self, request, context):
        principal = self.principals.resolve(request.school_id)
        content = handlers.render_summary_sheet_pdf(self.db, principal, request.school_id, request.class_group_id)
        return reporting_pb2.RenderedReport(media_type="application/pdf", filename=f"summary-sheet-{request.class_group_id}.pdf",
                                            content=content)
