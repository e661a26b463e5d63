"""Builds this service's protobuf messages (replies and event payloads) from table rows and domain values, and the
lesson's facts from schedule's message."""
import datetime as dt
from collections.abc import Iterable, Mapping

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.journal.domain import attendance as attendance_rules
from services.journal.domain import journal_policy, mark_scale
from services.journal.domain import term_mark as term_mark_rules
from services.journal.domain import work_type as work_type_rules
from services.journal.domain.lesson_entry import ATTENDANCE_KINDS
from services.journal.domain.school_settings import SchoolSettings


def lesson_fields(lesson: schedule_pb2.Lesson) -> dict:
    """The lesson as the schedule knows it, in lesson_records' columns."""
    return dict(school_id=lesson.school_id, lesson_id=lesson.id, class_group_id=lesson.class_group_id,
                subject_id=lesson.subject_id, subject_name=lesson.subject_name, teacher_id=lesson.teacher_id,
                lesson_date=dt.date.fromisoformat(lesson.date), lesson_number=lesson.lesson_number,
                subgroup_id=lesson.subgroup_id or None, substitute_teacher_id=lesson.substitute_teacher_id or None)


def mark_values(school_scale: str) -> list[str]:
    """The values the school's scale allows, best first."""
    return list(mark_scale.VALUES[school_scale])


def choices(names: Mapping[str, str]) -> list[pb.Choice]:
    return [pb.Choice(code=code, name=name) for code, name in names.items()]


def attendance_kinds() -> list[pb.Choice]:
    return choices(ATTENDANCE_KINDS)


def absence_reasons() -> list[pb.Choice]:
    return choices(attendance_rules.REASONS)


def policy(school_id: str, settings: journal_policy.JournalPolicy) -> pb.JournalPolicy:
    return pb.JournalPolicy(school_id=school_id, **{key: getattr(settings, key) for key in journal_policy.KEYS},
                            mark_values=mark_values(settings.mark_scale), attendance_kinds=attendance_kinds(),
                            period_mark_values=term_mark_rules.values(settings.mark_scale))


def work_type(value: work_type_rules.WorkType) -> pb.WorkType:
    return pb.WorkType(code=value.code, name=value.name, weight=work_type_rules.weight_text(value.weight))


def settings_changed(school_id: str, settings: SchoolSettings) -> pb.JournalSettingsChanged:
    """The event reporting weighs averages by: the school's mark scale and effective work types now."""
    return pb.JournalSettingsChanged(school_id=school_id, mark_scale=settings.policy.mark_scale,
                                     work_types=[work_type(w) for w in settings.work_types])


def mark(row: Mapping, lesson_date: str, subject_id: str) -> pb.Mark:
    return pb.Mark(id=row["id"], lesson_id=row["lesson_id"], student_id=row["student_id"], value=row["value"],
                   work_type=row["work_type"], comment=row["comment"], lesson_date=lesson_date, subject_id=subject_id,
                   not_counted=bool(row.get("not_counted")))


def lesson_record(record: Mapping, marks: Iterable[Mapping], attendance: Iterable[Mapping],
                  own_homework: Iterable[Mapping] = ()) -> pb.LessonRecord:
    lesson_date = record["lesson_date"].isoformat()
    return pb.LessonRecord(
        lesson_id=record["lesson_id"], school_id=record["school_id"], class_group_id=record["class_group_id"],
        subject_id=record["subject_id"], subject_name=record["subject_name"], lesson_date=lesson_date,
        topic=record["topic"], homework=record["homework"], plan_topic_id=record.get("plan_topic_id") or "",
        marks=[mark(m, lesson_date, record["subject_id"]) for m in marks],
        attendance=[pb.AttendanceEntry(lesson_id=a["lesson_id"], student_id=a["student_id"], status=a["status"])
                    for a in attendance],
        student_homework=[pb.StudentHomework(lesson_id=h["lesson_id"], student_id=h["student_id"], homework=h["homework"])
                          for h in own_homework], revision=record.get("revision") or 0)


def _time(value) -> str:
    return value.isoformat() if value else ""


def unlock_request(row: Mapping) -> pb.UnlockRequest:
    return pb.UnlockRequest(
        id=row["id"], school_id=row["school_id"], lesson_id=row["lesson_id"], teacher_id=row["teacher_id"],
        reason=row["reason"], status=row["status"], requested_at=_time(row["requested_at"]),
        decided_at=_time(row["decided_at"]), decision_comment=row["decision_comment"],
        expires_at=_time(row["expires_at"]), lesson_date=row["lesson_date"].isoformat(),
        subject_name=row["subject_name"], class_group_id=row["class_group_id"])


def term_mark(row: Mapping, special: str) -> pb.TermMark:
    return pb.TermMark(
        id=row["id"], school_id=row["school_id"], student_id=row["student_id"], subject_id=row["subject_id"],
        term_id=row["term_id"], class_group_id=row["class_group_id"], value=row["value"], special=special,
        updated_at=_time(row["updated_at"]))


def final_mark(row: Mapping) -> pb.FinalMark:
    return pb.FinalMark(id=row["id"], school_id=row["school_id"], student_id=row["student_id"],
                        subject_id=row["subject_id"], academic_year_id=row["academic_year_id"],
                        class_group_id=row["class_group_id"], kind=row["kind"], value=row["value"],
                        special=term_mark_rules.special(row["value"]), updated_at=row["updated_at"].isoformat())


def homework_attachment(row: Mapping) -> pb.HomeworkAttachment:
    return pb.HomeworkAttachment(id=row["id"], lesson_id=row["lesson_id"], student_id=row["student_id"] or "",
                                 filename=row["filename"], media_type=row["media_type"], size=row["size"],
                                 uploaded_at=row["uploaded_at"].isoformat())


def control_remark(row: Mapping) -> pb.ControlRemark:
    return pb.ControlRemark(
        id=row["id"], school_id=row["school_id"], author_id=row["author_id"] or "", teacher_id=row["teacher_id"],
        class_group_id=row["class_group_id"] or "", subject_id=row["subject_id"] or "", lesson_id=row["lesson_id"] or "",
        text=row["text"], created_at=row["created_at"].isoformat(), answer=row["answer"] or "",
        answered_at=_time(row["answered_at"]))


def mark_flag(row: Mapping) -> pb.MarkFlag:
    """A flag of a mark with its answer ("" while open); the diary's rows carry only what the family sees."""
    def text(key: str) -> str:
        value = row.get(key)
        return "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)
    return pb.MarkFlag(**{name: text(name) for name in FLAG_FIELDS})


FLAG_FIELDS = [f.name for f in pb.MarkFlag.DESCRIPTOR.fields]


def results(student_id: str, year: tuple[str, str, str], years, found, school_scale: str) -> pb.DiaryResults:
    """The whole diary's results (domain/diary_results.py) of the academic year (id, name, class group)."""
    year_id, year_name, class_group_id = year
    return pb.DiaryResults(
        student_id=student_id, academic_year_id=year_id, academic_year_name=year_name, class_group_id=class_group_id,
        terms=[pb.ResultsTerm(term_id=t.id, name=t.name, start_date=t.start.isoformat(), end_date=t.end.isoformat())
               for t in found.terms],
        subjects=[pb.SubjectResults(subject_id=s.id, subject_name=s.name, terms=[period_result(p) for p in s.terms],
                                    year=period_result(s.year), exam=s.exam, final=s.final) for s in found.subjects],
        totals=[period_result(p) for p in found.totals], total=period_result(found.total),
        years=[pb.ResultsYear(academic_year_id=y, name=n, class_group_id=g) for y, n, g in years],
        mark_scale=school_scale, attendance_kinds=attendance_kinds(), mark_values=mark_values(school_scale))


def period_result(period) -> pb.PeriodResult:
    return pb.PeriodResult(
        term_id=period.term_id, average="" if period.average is None else str(period.average), change=period.change,
        marks_count=period.marks_count, mark=period.mark,
        attendance=[pb.AttendanceCount(status=code, count=period.attendance[code]) for code in ATTENDANCE_KINDS
                    if period.attendance.get(code)])
