"""ListLateEntries (J3): the deputy head's control view of journal entries made after their deadline, by teacher,
class group and lesson date; one query over the ledger joined to the lessons' records."""
from __future__ import annotations

from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.journal.service_layer.anomalies import day_range

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

MAX_LISTED = 2000


def list_late_entries(scope: Scope, uow: JournalUnitOfWork, date_from: str, date_to: str, teacher_id: str,
                      class_group_id: str) -> list[pb.LateEntry]:
    scope.require("journal.control",
                  "Опоздания с записями в журнале смотрят администратор школы, директор и его заместитель")
    start, end = day_range(date_from, date_to)
    teacher_id = parse_uuid(teacher_id, "teacher_id") if teacher_id else ""
    class_group_id = parse_uuid(class_group_id, "class_group_id") if class_group_id else ""
    with uow:
        rows = uow.ledger.late_entries(start, end, teacher_id, class_group_id, MAX_LISTED)
    return [pb.LateEntry(ledger_id=r.id, occurred_at=r.occurred_at.isoformat(), due_at=r.due_at.isoformat(),
                         entity=r.entity, lesson_id=r.lesson_id, lesson_date=r.lesson_date.isoformat(),
                         lesson_number=r.lesson_number, class_group_id=r.class_group_id, subject_name=r.subject_name,
                         teacher_id=r.teacher_id, actor_person_id=r.actor_person_id or "",
                         student_id=r.student_id or "") for r in rows]
