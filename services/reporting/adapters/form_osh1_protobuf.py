"""Form ОШ-1 as the protobuf messages of reporting.proto (a crossed-out cell: 0 with crossed set)."""
from proto.reporting.v1 import reporting_pb2
from services.reporting.domain.form_osh1 import FormOsh1


def form_osh1_proto(report: FormOsh1, school_id: str = "", schools: int = 0) -> reporting_pb2.FormOsh1:
    return reporting_pb2.FormOsh1(
        school_id=school_id, name=report.name, on_date=report.on_date, academic_year_name=report.academic_year_name,
        previous_year_name=report.previous_year_name, age_reference=report.age_reference, schools=schools,
        sections=[reporting_pb2.FormOsh1Section(
            code=section.code, title=section.title, note=section.note,
            lines=[reporting_pb2.FormOsh1Line(
                number=line.number, name=line.name, total=line.total or 0, blank=line.blank,
                by_grade=[n or 0 for n in line.by_grade], crossed=[n is None for n in line.by_grade])
                for line in section.lines]) for section in report.sections])
