"""The rules of a movement order (приказ о движении обучающихся, A1): what each kind needs of each line, and the
deadline of an order by the school's movement policy. Plain Python, no I/O."""
import datetime as dt
from dataclasses import dataclass

from services.common.memberships import class_on
from services.identity.domain import Problems
from services.identity.domain.class_groups import AcademicYear, ClassGroup, next_year
from services.identity.domain.class_membership import DAY, Membership, later_than
from services.identity.domain.movement_policy import MovementPolicy, on

ENROLMENT, TRANSFER, PROMOTION, CONDITIONAL_PROMOTION = "ENROLMENT", "TRANSFER", "PROMOTION", "CONDITIONAL_PROMOTION"
REPETITION, GRADUATION, LEAVING, CANCELLATION = "REPETITION", "GRADUATION", "LEAVING", "CANCELLATION"
INTO_CLASS = frozenset({ENROLMENT, TRANSFER, PROMOTION, CONDITIONAL_PROMOTION, REPETITION})  # need to_class
INTO_NEXT_YEAR = {PROMOTION: 1, CONDITIONAL_PROMOTION: 1, REPETITION: 0}  # the grade step into the next year
YEAR_END_KINDS = frozenset({*INTO_NEXT_YEAR, GRADUATION})
GRADUATION_GRADES = (9, 11)


@dataclass(frozen=True)
class Debt:
    subject_id: str
    subject_name: str
    deadline: dt.date


@dataclass(frozen=True)
class Line:
    """One student of an order as asked."""

    student_id: str
    to_class_group_id: str = ""
    debts: tuple[Debt, ...] = ()
    document: str = ""
    destination: str = ""


@dataclass(frozen=True)
class LineFacts:
    """What the register knows of a line: whether the id is a student of the school, the student's memberships,
    and the class groups the line names (None: not given, or not in the school)."""

    is_student: bool
    memberships: list[Membership]
    from_class: ClassGroup | None
    to_class: ClassGroup | None


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The count-th working day (Monday to Friday) after the day."""
    while count:
        day += DAY
        count -= day.weekday() < 5
    return day


def deadline(kind: str, effective: dt.date, source_year: AcademicYear | None,
             policy: MovementPolicy = MovementPolicy()) -> dt.date:
    """The last day to sign an order of the kind that takes effect on the day (source_year: the year the students
    leave, for the orders of the year end)."""
    if kind in YEAR_END_KINDS and source_year:
        return on(source_year.end.year, policy.promotion_due)
    return working_days_after(effective, policy.notice_working_days)


def transition_deadline(new_year_start: dt.date, policy: MovementPolicy = MovementPolicy()) -> dt.date:
    return on(new_year_start.year, policy.transition_due)


def line_problems(kind: str, line: Line, facts: LineFacts, effective: dt.date,
                  years: list[AcademicYear]) -> Problems:
    """Every problem of one line of an order of the kind taking effect on the day, by the line's field."""
    if not facts.is_student:
        return {"student_id": "нет такого обучающегося в этой школе"}
    problems: Problems = {}
    if later_than(facts.memberships, effective):
        problems["student_id"] = "у обучающегося есть движение в эту дату или позже"
    elif kind == ENROLMENT and class_on(facts.memberships, effective):
        problems["student_id"] = "обучающийся уже состоит в классе на эту дату"
    elif kind != ENROLMENT and not facts.from_class:
        problems["student_id"] = "обучающийся не состоит в классе накануне даты приказа"
    problems |= _class_problems(kind, line, facts, effective, years)
    if kind == CONDITIONAL_PROMOTION and not line.debts:
        problems["debts"] = "укажите академические задолженности"
    if kind == GRADUATION and not line.document.strip():
        problems["document"] = "укажите выданный документ об образовании"
    if kind == LEAVING and not line.destination.strip():
        problems["destination"] = "укажите, куда выбывает обучающийся"
    return problems


def _class_problems(kind: str, line: Line, facts: LineFacts, effective: dt.date,
                    years: list[AcademicYear]) -> Problems:
    source, target = facts.from_class, facts.to_class
    if kind == GRADUATION:
        if source and source.grade not in GRADUATION_GRADES:
            return {"student_id": "выпускают только из 9-х и 11-х классов"}
        return {}
    if kind not in INTO_CLASS:
        return {"to_class_group_id": "в приказе этого вида класс не указывается"} if line.to_class_group_id else {}
    if not line.to_class_group_id:
        return {"to_class_group_id": "укажите класс"}
    if not target:
        return {"to_class_group_id": "в этой школе нет такого класса"}
    year = next((y for y in years if y.id == target.academic_year_id), None)
    if not year or not year.open:
        return {"to_class_group_id": "учебный год этого класса закрыт"}
    if not year.start <= effective <= year.end:
        return {"to_class_group_id": "дата приказа вне учебного года этого класса"}
    if not source:
        return {}
    if kind == TRANSFER:
        if target.academic_year_id != source.academic_year_id:
            return {"to_class_group_id": "перевод — только между классами одного учебного года"}
        if target.id == source.id:
            return {"to_class_group_id": "обучающийся уже в этом классе"}
    if kind in INTO_NEXT_YEAR:
        following = next_year(years, source.academic_year_id)
        if not following or target.academic_year_id != following.id:
            return {"to_class_group_id": "нужен класс следующего учебного года"}
        if target.grade != source.grade + INTO_NEXT_YEAR[kind]:
            grade = source.grade + INTO_NEXT_YEAR[kind]
            return {"to_class_group_id": f"нужен {grade}-й класс"}
    return {}
