"""The teachers' period reports as reporting's protobuf messages: the subject teacher's report, the form teacher's
report for a period, the class's results for a period."""
from proto.reporting.v1 import reporting_pb2
from services.reporting.adapters.protobuf import attendance_sheet_proto
from services.reporting.domain.class_results_report import LEGEND, ClassResultsReport
from services.reporting.domain.form_teacher_report import FormTeacherReport
from services.reporting.domain.period_results import CATEGORY_NAMES, Period, Rates, StudentResult, SubjectSummary
from services.reporting.domain.subject_teacher_report import SubjectTeacherReport, lag


def period_proto(period: Period) -> reporting_pb2.ReportPeriod:
    return reporting_pb2.ReportPeriod(id=period.id, name=period.name, date_from=period.date_from.isoformat(),
                                      date_to=period.date_to.isoformat())


def subject_proto(subject: SubjectSummary) -> reporting_pb2.SubjectPeriodSummary:
    lessons = subject.lessons
    return reporting_pb2.SubjectPeriodSummary(
        subject_id=subject.subject.id, subject_name=subject.subject.name,
        distribution=[reporting_pb2.MarkValueCount(value=v, count=n) for v, n in subject.distribution],
        with_result=subject.with_result, average=subject.average, quality=subject.quality,
        pass_rate=subject.pass_rate,
        lessons=reporting_pb2.PeriodLessons(planned=lessons.planned, to_date=lessons.to_date, given=lessons.given,
                                            lag=lag(subject)))


def rates_proto(rates: Rates, counted_on) -> reporting_pb2.PeriodRates:
    return reporting_pb2.PeriodRates(
        categories=[reporting_pb2.CategoryCount(category=code, name=CATEGORY_NAMES[code], count=n)
                    for code, n in rates.categories],
        with_result=rates.with_result, quality=rates.quality, pass_rate=rates.pass_rate,
        counted_on=counted_on.isoformat())


def subject_teacher_report_proto(report: SubjectTeacherReport, school_id: str) -> reporting_pb2.SubjectTeacherReport:
    return reporting_pb2.SubjectTeacherReport(
        school_id=school_id, school_name=report.school_name, teacher_id=report.teacher_id,
        period_id=report.period_id, period_name=report.period_name, periods=[period_proto(p) for p in report.periods],
        rows=[reporting_pb2.SubjectTeacherRow(class_group_id=row.class_group_id, class_group_name=row.class_group_name,
                                              period=period_proto(row.period), subject=subject_proto(row.subject))
              for row in report.rows],
        totals=[subject_proto(total) for total in report.totals])


def form_teacher_report_proto(report: FormTeacherReport, school_id: str) -> reporting_pb2.FormTeacherReport:
    results = report.results
    return reporting_pb2.FormTeacherReport(
        school_id=school_id, school_name=report.school_name, class_group_id=results.class_group.id,
        class_group_name=results.class_group.name, period=period_proto(results.period),
        subjects=[subject_proto(s) for s in results.subjects], rates=rates_proto(results.rates, results.counted_on),
        attendance=attendance_sheet_proto(report.attendance, school_id),
        lists=[reporting_pb2.StudentList(category=listed.category, title=listed.title, students=[
            reporting_pb2.ListedStudent(student_id=s.student_id, student_name=s.student_name, subject_names=s.subjects)
            for s in listed.students]) for listed in report.lists])


def student_proto(student: StudentResult) -> reporting_pb2.StudentPeriodResults:
    return reporting_pb2.StudentPeriodResults(
        student_id=student.student_id, student_name=student.student_name, counted=student.counted,
        date_from=student.date_from, date_to=student.date_to,
        results=[reporting_pb2.StudentPeriodResult(subject_id=r.subject_id, result=r.result, estimated=r.estimated,
                                                   average=r.average, period_mark=r.period_mark)
                 for r in student.subjects],
        average=student.average, category=student.category, category_name=CATEGORY_NAMES[student.category])


def class_results_proto(report: ClassResultsReport, school_id: str) -> reporting_pb2.ClassPeriodResults:
    results = report.results
    return reporting_pb2.ClassPeriodResults(
        school_id=school_id, school_name=report.school_name, class_group_id=results.class_group.id,
        class_group_name=results.class_group.name, period=period_proto(results.period),
        subjects=[subject_proto(s) for s in results.subjects],
        students=[student_proto(s) for s in (*report.students, *report.others)],
        rates=rates_proto(results.rates, results.counted_on), legend=LEGEND)
