"""What term, annual, exam and final marks share (J7, J9, J10): the student's class group in the term or year (their
dated membership, A1), the subject's lessons the student has (whole-class and own subgroups, of each class while in
it), who may set the student's mark, and the values it takes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common import memberships
from services.common.errors import Forbidden, Invalid
from services.common.scope import Scope
from services.journal.service_layer import subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def class_in(student: identity_pb2.Person, date_from: str, date_to: str) -> str:
    """The student's class in the period (a term): the last one they were in during it (A1)."""
    during = memberships.during(student.memberships, date_from, date_to)
    if not during:
        raise Invalid("student_id", "ученик не учился ни в одном классе в этом учебном периоде")
    return during[-1].class_group_id


def class_of_year(uow: JournalUnitOfWork, school_id: str, student: identity_pb2.Person, academic_year_id: str) -> str:
    """The student's class in the academic year: the last one of that year they were in ("" year = the class they
    are in today)."""
    if not academic_year_id:
        if not student.class_group_id:
            raise Invalid("student_id", "ученик не зачислен ни в один класс: укажите учебный год")
        return student.class_group_id
    for membership in reversed(memberships.during(student.memberships, "", "")):
        if uow.schedule.get_class_group(school_id, membership.class_group_id).academic_year_id == academic_year_id:
            return membership.class_group_id
    raise Invalid("academic_year_id", "ученик не учился в этом учебном году")


def subject_lessons(uow: JournalUnitOfWork, school_id: str, student: identity_pb2.Person, subject_id: str,
                    date_from: str = "", date_to: str = "", class_group_id: str = "") -> list[schedule_pb2.Lesson]:
    """The subject's lessons the student has in the period (schedule ListLessons, no cancelled ones), of every class
    they were in while they were in it, or of one class."""
    return subgroups.student_lessons(uow.schedule, school_id, student, date_from, date_to, subject_id, class_group_id)


def require_marker(scope: Scope, lessons: list[schedule_pb2.Lesson], class_group_id: str) -> None:
    """The teacher who teaches the subject to the student, or the form teacher of the student's class."""
    scope.require("term_mark.set")
    if not scope.allowed("term_mark.set", teacher_id={lesson.teacher_id for lesson in lessons},
                          class_group_id=class_group_id):
        raise Forbidden("Оценку за период выставляет учитель, который ведёт этот предмет у ученика, "
                        "или классный руководитель его класса")
