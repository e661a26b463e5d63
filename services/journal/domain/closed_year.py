"""Closed academic years (J6): once schedule closes a year, the journal refuses every change of it (lessons,
attendance corrections, homework, imports, term and final marks, unlock requests and decisions, reverts); no unlock
opens it. Plain Python, no I/O (the year is recorded by service_layer/closed_years.py)."""
from dataclasses import dataclass

from services.common.errors import FailedPrecondition

MESSAGE = "Учебный год закрыт: его журнал сдан в архив и больше не меняется"
YEAR_CLOSED = "YEAR_CLOSED"  # the refusal's reason (journal.v1.ErrorReason)


def refuse_closed(field: str, problem: str = "учебный год закрыт", message: str = MESSAGE) -> FailedPrecondition:
    return FailedPrecondition(message, {field: problem}, reason=YEAR_CLOSED)


@dataclass(frozen=True)
class ClosedYears:
    """What of the school is closed: the closed years, their class groups and their terms."""

    academic_year_ids: frozenset[str] = frozenset()
    class_group_ids: frozenset[str] = frozenset()
    term_ids: frozenset[str] = frozenset()

    def covers(self, class_group_id: str = "", term_id: str = "", academic_year_id: str = "") -> bool:
        return (class_group_id in self.class_group_ids or term_id in self.term_ids
                or academic_year_id in self.academic_year_ids)

    def require_open(self, field: str, class_group_id: str = "", term_id: str = "", academic_year_id: str = "") -> None:
        if self.covers(class_group_id, term_id, academic_year_id):
            raise refuse_closed(field)
