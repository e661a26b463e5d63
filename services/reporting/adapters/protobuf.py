"""Reporting's protobuf messages built from the domain's values."""
from proto.reporting.v1 import reporting_pb2
from services.reporting.domain import (
    attendance_sheet,
    class_fill,
    curriculum_fulfilment,
    student_movement,
    student_reports,
    weekly_diary,
)
from services.reporting.domain.period_results import Period
from services.reporting.domain.summary_sheet import SummarySheet


def summary_sheet_proto(sheet: SummarySheet) -> reporting_pb2.SummarySheet:
    return reporting_pb2.SummarySheet(
        school_id=sheet.school_id, class_group_id=sheet.class_group.id, class_group_name=sheet.class_group.name,
        academic_year_name=sheet.academic_year_name, period_id=sheet.period_id, period_name=sheet.period_name,
        decisions_shown=sheet.decisions_shown,
        subjects=[reporting_pb2.SummarySubject(id=s.id, name=s.name) for s in sheet.subjects],
        periods=[reporting_pb2.SummaryPeriod(id=p.id, name=p.name, kind=p.kind) for p in sheet.periods],
        rows=[reporting_pb2.SummaryRow(
            student_id=row.student_id, student_name=row.student_name, date_from=row.date_from, date_to=row.date_to,
            decision=row.decision, cells=[reporting_pb2.SummaryCell(
                subject_id=c.subject_id, marks=c.marks, average=c.average,
                period_marks=[reporting_pb2.SummaryPeriodMark(period_id=m.period_id, period_name=m.period_name,
                                                              value=m.value, special=m.special)
                              for m in c.period_marks])
                   for c in row.cells],
        ) for row in sheet.rows],
    )


def fill_row_proto(row: class_fill.FillRow) -> reporting_pb2.ClassFillRow:
    return reporting_pb2.ClassFillRow(class_group_id=row.class_group_id, class_group_name=row.class_group_name,
                                      grade=row.grade, boys=row.boys, girls=row.girls, total=row.total)


def class_fill_proto(report: class_fill.ClassFill, school_id: str) -> reporting_pb2.ClassFill:
    return reporting_pb2.ClassFill(
        school_id=school_id, school_name=report.school_name, on_date=report.on_date,
        academic_year_id=report.academic_year_id, academic_year_name=report.academic_year_name,
        rows=[fill_row_proto(row) for row in report.rows], total=fill_row_proto(report.total))


def student_movement_proto(report: student_movement.StudentMovement, school_id: str
                           ) -> reporting_pb2.StudentMovement:
    return reporting_pb2.StudentMovement(
        school_id=school_id, school_name=report.school_name, date_from=report.date_from, date_to=report.date_to,
        kinds=[reporting_pb2.MovementKindSummary(
            kind=k.kind, kind_name=k.kind_name, total=k.total,
            classes=[reporting_pb2.MovementClassCount(class_group_id=c.class_group_id,
                                                      class_group_name=c.class_group_name, count=c.count)
                     for c in k.classes]) for k in report.kinds],
        entries=[reporting_pb2.MovementEntry(
            kind=e.kind, kind_name=e.kind_name, order_number=e.order_number, order_date=e.order_date,
            effective_date=e.effective_date, student_id=e.student_id, student_name=e.student_name,
            from_class_group_name=e.from_class, to_class_group_name=e.to_class) for e in report.entries])


def missed_proto(missed: attendance_sheet.Missed) -> reporting_pb2.AttendanceMissed:
    return reporting_pb2.AttendanceMissed(by_reason=missed.by_reason, total=missed.total)


def subject_lines_proto(lines: tuple[attendance_sheet.SubjectLine, ...]) -> list[reporting_pb2.AttendanceSubjectLine]:
    return [reporting_pb2.AttendanceSubjectLine(subject_id=s.subject_id, subject_name=s.subject_name,
                                                missed=missed_proto(s.missed)) for s in lines]


def attendance_sheet_proto(sheet: attendance_sheet.AttendanceSheet, school_id: str) -> reporting_pb2.AttendanceSheet:
    return reporting_pb2.AttendanceSheet(
        school_id=school_id, school_name=sheet.school_name, class_group_id=sheet.class_group_id,
        class_group_name=sheet.class_group_name, date_from=sheet.date_from, date_to=sheet.date_to,
        reasons=[reporting_pb2.AttendanceReason(code=code, name=name) for code, name in attendance_sheet.REASONS],
        students=[reporting_pb2.AttendanceStudentLines(
            student_id=s.student_id, student_name=s.student_name, subjects=subject_lines_proto(s.subjects),
            missed=missed_proto(s.missed)) for s in sheet.students],
        subjects=subject_lines_proto(sheet.subjects), missed=missed_proto(sheet.missed))


# --- studentrep: the reports on a student

def period_proto(period: Period) -> reporting_pb2.ReportPeriod:
    return reporting_pb2.ReportPeriod(id=period.id, name=period.name, date_from=period.date_from.isoformat(),
                                      date_to=period.date_to.isoformat())


def reasons_proto() -> list[reporting_pb2.AttendanceReason]:
    return [reporting_pb2.AttendanceReason(code=code, name=name) for code, name in attendance_sheet.REASONS]


def student_dynamics_proto(report: student_reports.StudentDynamics, school_id: str) -> reporting_pb2.StudentDynamics:
    return reporting_pb2.StudentDynamics(
        school_id=school_id, school_name=report.school_name, class_group_id=report.class_group.id,
        class_group_name=report.class_group.name, academic_year_name=report.academic_year_name,
        student_id=report.student.id, student_name=report.student.name,
        terms=[reporting_pb2.DynamicsTerm(period_id=t.period.id, name=t.period.name,
                                          date_from=t.period.date_from.isoformat(),
                                          date_to=t.period.date_to.isoformat(), average=t.average, change=t.change)
               for t in report.terms],
        subjects=[reporting_pb2.DynamicsSubject(
            subject_id=s.subject.id, subject_name=s.subject.name,
            terms=[reporting_pb2.DynamicsCell(average=t.average, term_mark=t.term_mark) for t in s.terms])
            for s in report.subjects])


def report_cards_proto(report: student_reports.ReportCards, school_id: str) -> reporting_pb2.ReportCards:
    return reporting_pb2.ReportCards(
        school_id=school_id, school_name=report.school_name, class_group_id=report.class_group.id,
        class_group_name=report.class_group.name, academic_year_name=report.academic_year_name,
        period=period_proto(report.period),
        columns=[reporting_pb2.ReportCardColumn(id=c.id, name=c.name) for c in report.columns],
        reasons=reasons_proto(),
        cards=[reporting_pb2.ReportCard(
            student_id=c.student.id, student_name=c.student.name, missed=missed_proto(c.missed),
            subjects=[reporting_pb2.ReportCardSubject(subject_id=s.subject.id, subject_name=s.subject.name,
                                                      marks=s.marks) for s in c.subjects]) for c in report.cards])


def progress_report_proto(report: student_reports.ProgressReport, school_id: str) -> reporting_pb2.ProgressReport:
    return reporting_pb2.ProgressReport(
        school_id=school_id, school_name=report.school_name, class_group_id=report.class_group.id,
        class_group_name=report.class_group.name, academic_year_name=report.academic_year_name,
        period=period_proto(report.period), reasons=reasons_proto(),
        students=[reporting_pb2.StudentProgress(
            student_id=s.student.id, student_name=s.student.name, missed=missed_proto(s.missed),
            subjects=[reporting_pb2.ProgressSubject(
                subject_id=x.subject.id, subject_name=x.subject.name, marks=x.marks, average=x.average,
                period_mark=x.period_mark, missed=missed_proto(x.missed)) for x in s.subjects])
            for s in report.students])
def fulfilment_row_proto(row: curriculum_fulfilment.Row) -> reporting_pb2.CurriculumFulfilmentRow:
    return reporting_pb2.CurriculumFulfilmentRow(
        class_group_id=row.class_group_id, class_group_name=row.class_group_name, subject_id=row.subject_id,
        subject_name=row.subject_name, hours_per_week=row.hours_per_week, study_weeks=row.study_weeks,
        hours_per_year=row.hours_per_year, lessons_planned=row.planned, lessons_to_date=row.to_date,
        lessons_given=row.given, lag=row.lag, fulfilment=row.fulfilment)


def curriculum_fulfilment_proto(report: curriculum_fulfilment.CurriculumFulfilment, school_id: str
                                ) -> reporting_pb2.CurriculumFulfilment:
    return reporting_pb2.CurriculumFulfilment(
        school_id=school_id, school_name=report.school_name, academic_year_id=report.academic_year_id,
        academic_year_name=report.academic_year_name, as_of=report.as_of.isoformat(),
        rows=[fulfilment_row_proto(row) for row in report.rows], total=fulfilment_row_proto(report.total))


def weekly_diaries_proto(diaries: weekly_diary.WeeklyDiaries, school_id: str) -> reporting_pb2.WeeklyDiaries:
    def clock(value) -> str:
        return value.strftime("%H:%M") if value else ""
    return reporting_pb2.WeeklyDiaries(
        school_id=school_id, school_name=diaries.school_name, class_group_id=diaries.class_group.id,
        class_group_name=diaries.class_group.name, date_from=diaries.date_from.isoformat(),
        date_to=diaries.date_to.isoformat(), reasons=reasons_proto(),
        events=[reporting_pb2.DiaryEvent(date=e.date.isoformat(), starts_at=clock(e.starts_at),
                                         ends_at=clock(e.ends_at), title=e.title, kind_name=e.kind_name,
                                         place=e.place) for e in diaries.events],
        students=[reporting_pb2.StudentWeek(
            student_id=s.student.id, student_name=s.student.name, missed=missed_proto(s.missed), late=s.late,
            lessons=[reporting_pb2.DiaryLesson(
                lesson_id=x.lesson_id, date=x.date.isoformat(), lesson_number=x.number, starts_at=clock(x.starts_at),
                subject_name=x.subject_name, topic=x.topic, homework=x.homework, own_homework=x.own_homework,
                attendance=x.attendance, attendance_name=x.attendance_name,
                marks=[reporting_pb2.DiaryMark(value=m.value, work_type=m.work_type, work_type_name=m.work_type_name,
                                               comment=m.comment) for m in x.marks]) for x in s.lessons])
            for s in diaries.students])
