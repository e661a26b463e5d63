"""Subgroups (J10): a subgroup's lesson is recorded for the subgroup's students only, and a student has the
whole-class lessons plus those of their own subgroups (schedule GetSubgroup, one call per subgroup)."""
from collections.abc import Iterable

from proto.schedule.v1 import schedule_pb2


def lesson_students(schedule, identity, school_id: str, lesson: schedule_pb2.Lesson) -> set[str]:
    """Who may get marks and attendance on the lesson: its subgroup's students, else the class group's."""
    if lesson.subgroup_id:
        return set(schedule.get_subgroup(school_id, lesson.subgroup_id).student_ids)
    return identity.class_list(school_id, lesson.class_group_id)


def lessons_of_student(schedule, school_id: str, student_id: str,
                       lessons: Iterable[schedule_pb2.Lesson]) -> list[schedule_pb2.Lesson]:
    """The lessons the student has: whole-class ones and those of subgroups the student is in."""
    lessons = list(lessons)
    member = {subgroup_id: student_id in schedule.get_subgroup(school_id, subgroup_id).student_ids
              for subgroup_id in {lesson.subgroup_id for lesson in lessons if lesson.subgroup_id}}
    return [lesson for lesson in lessons if not lesson.subgroup_id or member[lesson.subgroup_id]]


def teachers(lesson: schedule_pb2.Lesson) -> tuple[str, str]:
    """Who records the lesson: its teacher and, when there is one, its substitute (S5)."""
    return lesson.teacher_id, lesson.substitute_teacher_id
