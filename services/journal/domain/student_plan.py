"""Individual plans (J9): a home-schooled student stays in the class lists and gets period marks only; a student
on an individual plan gets no marks in the subjects the plan leaves out. Plain Python, no I/O."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain.lesson_entry import MarkInput

HOME_SCHOOLED = "home_schooled"
NOT_STUDIED = "not_studied"
MAX_EXCLUDED = 50


@dataclass(frozen=True)
class Plan:
    home_schooled: bool = False
    excluded_subject_ids: frozenset[str] = frozenset()

    def state(self, subject_id: str) -> str:
        """What the plan means for the subject: not_studied, home_schooled, or "" (the class's regular plan)."""
        if subject_id in self.excluded_subject_ids:
            return NOT_STUDIED
        return HOME_SCHOOLED if self.home_schooled else ""


REGULAR = Plan()


def check_lesson_marks(marks: Iterable[MarkInput], plans: Mapping[str, Plan], subject_id: str) -> None:
    """Refuses lesson marks of home-schooled students and of students who do not study the subject."""
    for i, mark in enumerate(marks):
        state = plans.get(mark.student_id, REGULAR).state(subject_id)
        if state == NOT_STUDIED:
            raise Invalid(f"marks[{i}].student_id", "ученик не изучает этот предмет по индивидуальному учебному плану")
        if state == HOME_SCHOOLED:
            raise Invalid(f"marks[{i}].student_id", "ученик на домашнем обучении: ему ставят только оценки за период")


def check_period_mark(plan: Plan, subject_id: str) -> None:
    if plan.state(subject_id) == NOT_STUDIED:
        raise FailedPrecondition("Ученик не изучает этот предмет по индивидуальному учебному плану: оценку не ставят",
                                 {"subject_id": "предмет не изучается по плану ученика"})


def needs_current_marks(plan: Plan) -> bool:
    """The minimum of current marks before a numeric term mark applies to students who get lesson marks."""
    return not plan.home_schooled


def excluded(subject_ids: Iterable[str]) -> frozenset[str]:
    ids = [parse_uuid(s, f"excluded_subject_ids[{i}]") for i, s in enumerate(subject_ids)]
    if len(ids) > MAX_EXCLUDED:
        raise Invalid("excluded_subject_ids", f"не больше {MAX_EXCLUDED} предметов")
    return frozenset(ids)
