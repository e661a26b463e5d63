"""What term, annual, exam and final marks share (J7, J9, J10): the student's class group, the subject's lessons
the student has (whole-class and own subgroups), who may set the student's mark, and the values it takes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from proto.schedule.v1 import schedule_pb2
from services.common.errors import Forbidden, Invalid
from services.common.scope import Scope
from services.journal.service_layer import subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def class_group_of(uow: JournalUnitOfWork, school_id: str, student_id: str) -> str:
    class_group_id = uow.identity.class_group_of(school_id, student_id)
    if not class_group_id:
        raise Invalid("student_id", "ученик не зачислен ни в один класс")
    return class_group_id


def subject_lessons(uow: JournalUnitOfWork, school_id: str, student_id: str, class_group_id: str, subject_id: str,
                    date_from: str = "", date_to: str = "") -> list[schedule_pb2.Lesson]:
    """The subject's lessons of the class group that the student has (schedule ListLessons, no cancelled ones)."""
    return subgroups.lessons_of_student(uow.schedule, school_id, student_id, (
        lesson for lesson in uow.schedule.list_lessons(school_id, class_group_id, date_from, date_to,
                                                        subject_id=subject_id)
        if lesson.subject_id == subject_id))


def require_marker(scope: Scope, lessons: list[schedule_pb2.Lesson], class_group_id: str) -> None:
    """The teacher who teaches the subject to the student, or the form teacher of the student's class."""
    scope.require("term_mark.set")
    if not scope.allowed("term_mark.set", teacher_id={lesson.teacher_id for lesson in lessons},
                          class_group_id=class_group_id):
        raise Forbidden("Оценку за период выставляет учитель, который ведёт этот предмет у ученика, "
                        "или классный руководитель его класса")
