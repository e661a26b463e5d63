"""Reporting's protobuf messages built from the domain's values."""
from proto.reporting.v1 import reporting_pb2
from services.reporting.domain.summary_sheet import SummarySheet


def summary_sheet_proto(sheet: SummarySheet) -> reporting_pb2.SummarySheet:
    return reporting_pb2.SummarySheet(
        school_id=sheet.school_id, class_group_id=sheet.class_group.id, class_group_name=sheet.class_group.name,
        academic_year_name=sheet.academic_year_name,
        subjects=[reporting_pb2.SummarySubject(id=s.id, name=s.name) for s in sheet.subjects],
        periods=[reporting_pb2.SummaryPeriod(id=p.id, name=p.name, kind=p.kind) for p in sheet.periods],
        rows=[reporting_pb2.SummaryRow(
            student_id=row.student_id, student_name=row.student_name, date_from=row.date_from, date_to=row.date_to,
            cells=[reporting_pb2.SummaryCell(
                subject_id=c.subject_id, marks=c.marks, average=c.average,
                period_marks=[reporting_pb2.SummaryPeriodMark(period_id=m.period_id, period_name=m.period_name,
                                                              value=m.value, special=m.special)
                              for m in c.period_marks])
                   for c in row.cells],
        ) for row in sheet.rows],
    )
