"""The class journal as reporting_pb2.ClassJournal."""
from proto.reporting.v1 import reporting_pb2 as pb
from services.reporting.domain.class_journal import ClassJournal, SubjectJournal


def subject_proto(subject: SubjectJournal) -> pb.ClassJournalSubject:
    return pb.ClassJournalSubject(
        subject_id=subject.subject.id, subject_name=subject.subject.name, teacher_names=subject.teachers,
        lessons=[pb.ClassJournalLesson(lesson_id=x.lesson_id, date=x.date.isoformat(), lesson_number=x.number,
                                       topic=x.topic, homework=x.homework, subgroup_name=x.subgroup_name)
                 for x in subject.lessons],
        students=[pb.ClassJournalStudent(
            student_id=line.student.id, student_name=line.student.name,
            cells=[pb.ClassJournalCell(marks=c.marks, attendance=c.attendance) for c in line.cells],
            period_marks=[pb.ClassJournalPeriodMark(period_id=p.id, period_name=p.name, value=value)
                          for p, value in zip(subject.periods, line.period_marks, strict=True)])
            for line in subject.students],
        periods=[pb.ClassJournalPeriodMark(period_id=p.id, period_name=p.name) for p in subject.periods])


def class_journal_proto(report: ClassJournal, school_id: str) -> pb.ClassJournal:
    return pb.ClassJournal(school_id=school_id, school_name=report.school_name, class_group_id=report.class_group.id,
                           class_group_name=report.class_group.name, academic_year_name=report.academic_year_name,
                           date_from=report.date_from.isoformat(), date_to=report.date_to.isoformat(),
                           whole_year=report.whole_year, subjects=[subject_proto(s) for s in report.subjects])
