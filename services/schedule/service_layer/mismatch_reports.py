"""Date-mismatch reports (S6): a teacher of a lesson says the plan (the schedule's date or time) and the journal
disagree about it; the deputy head lists the reports and resolves them with an answer."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain.values import required_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

MAX_TEXT = 1000
STATUSES = ("open", "resolved")


def report_mismatch(scope: Scope, uow: ScheduleUnitOfWork, lesson_id: str, message: str) -> pb.MismatchReport:
    """Only a teacher who gives the lesson (its teacher or substitute) reports about it."""
    principal = scope.principal
    text = required_name(message, "message", MAX_TEXT)
    with uow:
        lesson = uow.lessons.get(parse_uuid(lesson_id, "lesson_id"))
        if lesson is None:
            scope.require("schedule.read")  # no role in the school: "school not found" first
            raise NotFound("Урок не найден", {"lesson_id": "не найден"})
        scope.require("lesson.record", teacher_id=(lesson["teacher_id"], lesson["substitute_teacher_id"] or ""),
                      class_group_id=lesson["class_group_id"])
        row = dict(id=new_id(), school_id=uow.school_id, lesson_id=lesson["id"], reporter_id=principal.person_id,
                   message=text, status="open", resolution="")
        row["created_at"] = uow.mismatch_reports.add(row)
    return protobuf.mismatch_report(dict(row, lesson_date=lesson["date"], class_group_id=lesson["class_group_id"],
                                         subject_name=lesson["subject_name"]))


def list_mismatch_reports(scope: Scope, uow: ScheduleUnitOfWork, status: str) -> list[pb.MismatchReport]:
    """Open reports first, oldest first; or only those of one status."""
    scope.require("schedule.manage")
    if status and status not in STATUSES:
        raise Invalid("status", "ожидается open или resolved")
    with uow:
        return [protobuf.mismatch_report(row) for row in uow.mismatch_reports.listed(status)]


def resolve_mismatch_report(scope: Scope, uow: ScheduleUnitOfWork, report_id: str, resolution: str) -> pb.MismatchReport:
    scope.require("schedule.manage")
    resolution = required_name(resolution, "resolution", MAX_TEXT)
    report_id = parse_uuid(report_id, "report_id")
    with uow:
        row = uow.mismatch_reports.locked(report_id)
        if row is None:
            raise NotFound("Сообщение о расхождении не найдено", {"report_id": "не найдено"})
        if row["status"] == "resolved":
            raise FailedPrecondition("Сообщение уже разобрано", {"report_id": "уже разобрано"})
        uow.mismatch_reports.resolve(report_id, resolution)
    return protobuf.mismatch_report(dict(row, status="resolved", resolution=resolution))

