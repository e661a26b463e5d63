"""Date-mismatch reports (S6): a teacher of a lesson says the plan (the schedule's date or time) and the journal
disagree about it; the deputy head lists the reports and resolves them with an answer."""
from sqlalchemy import func, insert, select, update

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.queries import lessons_query
from services.schedule.adapters.tables import lessons, mismatch_reports, new_id, subjects
from services.schedule.domain.values import required_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

MAX_TEXT = 1000
STATUSES = ("open", "resolved")


def report_mismatch(scope: Scope, uow: ScheduleUnitOfWork, lesson_id: str, message: str) -> pb.MismatchReport:
    """Only a teacher who gives the lesson (its teacher or substitute) reports about it."""
    principal = scope.principal
    text = required_name(message, "message", MAX_TEXT)
    with uow:
        session = uow.session
        lesson = session.execute(lessons_query().where(lessons.c.id == parse_uuid(lesson_id, "lesson_id"))).mappings().first()
        if lesson is None:
            scope.require("schedule.read")  # no role in the school: "school not found" first
            raise NotFound("Урок не найден", {"lesson_id": "не найден"})
        scope.require("lesson.record", teacher_id=(lesson["teacher_id"], lesson["substitute_teacher_id"] or ""),
                      class_group_id=lesson["class_group_id"])
        row = dict(id=new_id(), school_id=uow.school_id, lesson_id=lesson["id"], reporter_id=principal.person_id,
                   message=text, status="open", resolution="")
        session.execute(insert(mismatch_reports).values(row))
        row["created_at"] = session.scalar(select(func.now()))
    return messages.mismatch_report(dict(row, lesson_date=lesson["date"], class_group_id=lesson["class_group_id"],
                                         subject_name=lesson["subject_name"]))


def list_mismatch_reports(scope: Scope, uow: ScheduleUnitOfWork, status: str) -> list[pb.MismatchReport]:
    """Open reports first, oldest first; or only those of one status."""
    scope.require("schedule.manage")
    if status and status not in STATUSES:
        raise Invalid("status", "ожидается open или resolved")
    query = reports_query().order_by(mismatch_reports.c.status, mismatch_reports.c.created_at)
    if status:
        query = query.where(mismatch_reports.c.status == status)
    with uow:
        session = uow.session
        return [messages.mismatch_report(row) for row in session.execute(query).mappings()]


def resolve_mismatch_report(scope: Scope, uow: ScheduleUnitOfWork, report_id: str, resolution: str) -> pb.MismatchReport:
    scope.require("schedule.manage")
    resolution = required_name(resolution, "resolution", MAX_TEXT)
    report_id = parse_uuid(report_id, "report_id")
    with uow:
        session = uow.session
        row = session.execute(reports_query().where(mismatch_reports.c.id == report_id)
                              .with_for_update(of=mismatch_reports)).mappings().first()
        if row is None:
            raise NotFound("Сообщение о расхождении не найдено", {"report_id": "не найдено"})
        if row["status"] == "resolved":
            raise FailedPrecondition("Сообщение уже разобрано", {"report_id": "уже разобрано"})
        session.execute(update(mismatch_reports).where(mismatch_reports.c.id == report_id)
                        .values(status="resolved", resolution=resolution, resolved_at=func.now()))
    return messages.mismatch_report(dict(row, status="resolved", resolution=resolution))


def reports_query():
    return (select(mismatch_reports, lessons.c.date.label("lesson_date"), lessons.c.class_group_id,
                   subjects.c.name.label("subject_name"))
            .join(lessons, lessons.c.id == mismatch_reports.c.lesson_id)
            .join(subjects, subjects.c.id == lessons.c.subject_id))
