"""Builds this service's protobuf messages (replies and event payloads) from table rows."""
from collections.abc import Iterable, Mapping
from decimal import Decimal

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.domain.curriculum import hours_text
from services.schedule.domain.school_event import KINDS


def clock(value) -> str:
    return value.strftime("%H:%M")


def term(row: Mapping) -> pb.Term:
    return pb.Term(id=row["id"], name=row["name"], kind=row["kind"], start_date=row["start_date"].isoformat(),
                   end_date=row["end_date"].isoformat(), grade_from=row["grade_from"], grade_to=row["grade_to"])


def academic_year(row: Mapping, terms: Iterable[Mapping]) -> pb.AcademicYear:
    return pb.AcademicYear(id=row["id"], school_id=row["school_id"], name=row["name"],
                           start_date=row["start_date"].isoformat(), end_date=row["end_date"].isoformat(),
                           terms=[term(t) for t in terms], status=row["status"])


def class_group(row: Mapping) -> pb.ClassGroup:
    return pb.ClassGroup(id=row["id"], school_id=row["school_id"], academic_year_id=row["academic_year_id"],
                         grade=row["grade"], name=row["name"], profile_id=row.get("profile_id") or "")


def subject(row: Mapping) -> pb.Subject:
    return pb.Subject(id=row["id"], school_id=row["school_id"], name=row["name"])


def teaching_assignment(row: Mapping) -> pb.TeachingAssignment:
    return pb.TeachingAssignment(id=row["id"], school_id=row["school_id"], teacher_id=row["teacher_id"],
                                 subject_id=row["subject_id"], class_group_id=row["class_group_id"],
                                 subgroup_id=row.get("subgroup_id") or "")


def timetable_entry(row: Mapping) -> pb.TimetableEntry:
    return pb.TimetableEntry(
        id=row["id"], school_id=row["school_id"], class_group_id=row["class_group_id"], subject_id=row["subject_id"],
        teacher_id=row["teacher_id"], weekday=row["weekday"], lesson_number=row["lesson_number"],
        starts_at=clock(row["starts_at"]), ends_at=clock(row["ends_at"]), room=row["room"],
        subgroup_id=row.get("subgroup_id") or "", room_id=row.get("room_id") or "",
        bell_schedule_id=row.get("bell_schedule_id") or "", starts_on=iso(row.get("starts_on")),
        ends_before=iso(row.get("ends_before")), subject_name=row.get("subject_name") or "",
        subgroup_name=row.get("subgroup_name") or "", draft=row.get("draft", False))


def iso(day) -> str:
    return day.isoformat() if day else ""


def lesson(row: Mapping) -> pb.Lesson:
    """A dated lesson from its row with subject_name (and subgroup_name, year_status when known)."""
    return pb.Lesson(
        id=row["id"], school_id=row["school_id"], class_group_id=row["class_group_id"], subject_id=row["subject_id"],
        subject_name=row["subject_name"], teacher_id=row["teacher_id"], date=row["date"].isoformat(),
        lesson_number=row["lesson_number"], starts_at=clock(row["starts_at"]), ends_at=clock(row["ends_at"]),
        term_id=row["term_id"], timetable_entry_id=row["timetable_entry_id"], status=row["status"],
        year_closed=row.get("year_status") == "closed", subgroup_id=row.get("subgroup_id") or "",
        subgroup_name=row.get("subgroup_name") or "", substitute_teacher_id=row.get("substitute_teacher_id") or "",
        room=row.get("room") or "", moved_from_date=iso(row.get("moved_from_date")),
        change_note=row.get("change_note") or "")


def subgroup(row: Mapping, student_ids) -> pb.Subgroup:
    return pb.Subgroup(id=row["id"], school_id=row["school_id"], class_group_id=row["class_group_id"],
                       name=row["name"], student_ids=sorted(student_ids))


def holiday(row: Mapping) -> pb.Holiday:
    return pb.Holiday(id=row["id"], school_id=row["school_id"], academic_year_id=row["academic_year_id"],
                      name=row["name"], start_date=row["start_date"].isoformat(), end_date=row["end_date"].isoformat())


def day_transfer(row: Mapping) -> pb.DayTransfer:
    return pb.DayTransfer(id=row["id"], school_id=row["school_id"], academic_year_id=row["academic_year_id"],
                          date=row["date"].isoformat(), works_as_weekday=row["works_as_weekday"])


def calendar_feed(row: Mapping, url: str = "") -> pb.CalendarFeed:
    return pb.CalendarFeed(id=row["id"], school_id=row["school_id"], class_group_id=row["class_group_id"] or "",
                           teacher_id=row["teacher_id"] or "", url=url, revoked=row["revoked_at"] is not None)


def curriculum_hours(row: Mapping, subject_name: str) -> pb.CurriculumHours:
    return pb.CurriculumHours(id=row["id"], school_id=row["school_id"], class_group_id=row["class_group_id"],
                              subject_id=row["subject_id"], subject_name=subject_name,
                              hours_per_week=hours_text(row["hours_per_week"]))


def curriculum(group: Mapping, hours: list[Mapping], profile_name: str) -> pb.Curriculum:
    """The class group's weekly hours (rows with subject_name), their total and the profile it follows."""
    total = sum((row["hours_per_week"] for row in hours), Decimal(0))
    return pb.Curriculum(class_group_id=group["id"], total_hours_per_week=hours_text(total),
                         hours=[curriculum_hours(row, row["subject_name"]) for row in hours],
                         profile_id=group["profile_id"] or "", profile_name=profile_name or "")


def curriculum_profile(row: Mapping, hours: Iterable) -> pb.CurriculumProfile:
    """A profile with its standard hours (rows with subject_id, name, hours_per_week)."""
    return pb.CurriculumProfile(
        id=row["id"], school_id=row["school_id"], academic_year_id=row["academic_year_id"], name=row["name"],
        grade_from=row["grade_from"], grade_to=row["grade_to"],
        hours=[pb.ProfileHours(subject_id=h.subject_id, subject_name=h.name, hours_per_week=hours_text(h.hours_per_week))
               for h in hours])


def plan_topic(row: Mapping) -> pb.PlanTopic:
    return pb.PlanTopic(id=row["id"], position=row["position"], title=row["title"], hours=hours_text(row["hours"]))


def bell_schedule(row: Mapping, periods: Iterable[Mapping]) -> pb.BellSchedule:
    return pb.BellSchedule(id=row["id"], school_id=row["school_id"], name=row["name"], periods=[
        pb.BellPeriod(lesson_number=p["lesson_number"], starts_at=clock(p["starts_at"]), ends_at=clock(p["ends_at"]))
        for p in periods])


def mismatch_report(row: Mapping) -> pb.MismatchReport:
    return pb.MismatchReport(
        id=row["id"], school_id=row["school_id"], lesson_id=row["lesson_id"], reporter_id=row["reporter_id"],
        message=row["message"], status=row["status"], resolution=row["resolution"],
        created_at=row["created_at"].isoformat(), lesson_date=iso(row["lesson_date"]),
        class_group_id=row["class_group_id"], subject_name=row["subject_name"])


def school_event(row: Mapping, class_group_names: Mapping[str, str] | None = None) -> pb.SchoolEvent:
    """A stored school event; the names of the class groups its audience names (when known)."""
    names = class_group_names or {}
    ids = list(row["audience_class_group_ids"] or ())
    return pb.SchoolEvent(
        id=row["id"], school_id=row["school_id"], title=row["title"], kind=row["kind"],
        kind_name=KINDS.get(row["kind"], row["kind"]), date=row["date"].isoformat(),
        starts_at=clock(row["starts_at"]) if row["starts_at"] else "",
        ends_at=clock(row["ends_at"]) if row["ends_at"] else "", place=row["place"], description=row["description"],
        audience=pb.EventAudience(scope=row["audience_scope"], grades=list(row["audience_grades"] or ()),
                                  class_group_ids=ids, people=row["audience_people"]),
        status=row["status"], cancel_reason=row["cancel_reason"], revision=row["revision"],
        created_at=row["created_at"].isoformat(), updated_at=row["updated_at"].isoformat(),
        class_group_names=[names.get(i, "") for i in ids] if names else [])
