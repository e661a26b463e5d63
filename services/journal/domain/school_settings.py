"""What a command needs of the school's settings, loaded together in one round trip by the unit of work: the
journal policy, the work types, the closed years, the plans of the students concerned, and for the lessons
concerned the caller's approved unlocks and which have their period's marks set. Plain Python, no I/O."""
from dataclasses import dataclass, field

from services.common import mark_average
from services.journal.domain.closed_year import ClosedYears
from services.journal.domain.journal_policy import DEFAULT, JournalPolicy
from services.journal.domain.student_plan import REGULAR, Plan


@dataclass(frozen=True)
class SchoolSettings:
    policy: JournalPolicy = DEFAULT
    work_types: tuple[mark_average.WorkType, ...] = mark_average.DEFAULTS  # the school's, or the defaults
    closed: ClosedYears = ClosedYears()
    plans: dict[str, Plan] = field(default_factory=dict)  # student id -> plan, those differing from the regular one
    unlocked: frozenset[str] = frozenset()  # lessons the caller's approved, unexpired unlock requests opened
    marked: frozenset[tuple[str, str, str]] = frozenset()  # (class group, subject, term) with term marks set

    def plan_of(self, student_id: str) -> Plan:
        return self.plans.get(student_id, REGULAR)

    @property
    def work_type_codes(self) -> list[str]:
        return [w.code for w in self.work_types]
