"""Who a lesson is for and which lessons a student has: a lesson is recorded for the students in its class group on
its day (dated membership, A1: services/common/memberships.py), and of those for its subgroup's only (J10); a student
has, of each class they were in while they were in it, the whole-class lessons plus those of their own subgroups
(schedule GetSubgroup, one call per subgroup)."""
from collections.abc import Iterable

from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common import memberships


def members(schedule, school_id: str, subgroup_id: str) -> set[str]:
    """The subgroup's students."""
    return set(schedule.get_subgroup(school_id, subgroup_id).student_ids)


def lesson_students(lesson: schedule_pb2.Lesson, people: Iterable[identity_pb2.Person],
                    subgroup_members: set[str] | None = None) -> set[str]:
    """Who may get marks and attendance on the lesson: of the class group's students (people: every student who
    ever belonged to it), those in it on the lesson's day; of a subgroup's lesson, only the subgroup's members."""
    students = {p.id for p in people if memberships.in_class(p.memberships, lesson.class_group_id, lesson.date)}
    return students if subgroup_members is None else students & subgroup_members


def students_of_lesson(schedule, identity, school_id: str, lesson: schedule_pb2.Lesson) -> set[str]:
    """lesson_students, asking identity for the class and schedule for the subgroup."""
    return lesson_students(lesson, identity.class_people(school_id, lesson.class_group_id),
                           members(schedule, school_id, lesson.subgroup_id) if lesson.subgroup_id else None)


def lessons_of_student(schedule, school_id: str, student_id: str,
                       lessons: Iterable[schedule_pb2.Lesson]) -> list[schedule_pb2.Lesson]:
    """The lessons the student has: whole-class ones and those of subgroups the student is in."""
    lessons = list(lessons)
    member = {subgroup_id: student_id in members(schedule, school_id, subgroup_id)
              for subgroup_id in {lesson.subgroup_id for lesson in lessons if lesson.subgroup_id}}
    return [lesson for lesson in lessons if not lesson.subgroup_id or member[lesson.subgroup_id]]


def student_lessons(schedule, school_id: str, student: identity_pb2.Person, date_from: str, date_to: str,
                    subject_id: str = "", class_group_id: str = "") -> list[schedule_pb2.Lesson]:
    """The lessons the student has in the period (ISO dates, "" = open; of one subject, of one class when given):
    of each class they were in, those of the days they were in it (ListLessons once per membership), oldest first."""
    lessons = []
    for membership in memberships.during(student.memberships, date_from, date_to):
        if class_group_id not in ("", membership.class_group_id):
            continue
        start, end = memberships.clipped(membership, date_from, date_to)
        lessons += [lesson for lesson in schedule.list_lessons(school_id, membership.class_group_id, start, end,
                                                               subject_id=subject_id)
                    if subject_id in ("", lesson.subject_id)]
    return lessons_of_student(schedule, school_id, student.id, lessons)


def teachers(lesson: schedule_pb2.Lesson) -> tuple[str, str]:
    """Who records the lesson: its teacher and, when there is one, its substitute (S5)."""
    return lesson.teacher_id, lesson.substitute_teacher_id
