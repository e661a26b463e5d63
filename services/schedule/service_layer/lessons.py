"""Dated lessons read: those of a class group or a teacher (their own and those they substitute in) over dates, and
one lesson."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.domain.values import date_range
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def list_lessons(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, teacher_id: str, date_from: str,
                 date_to: str, include_cancelled: bool = False, subject_id: str = "") -> list[pb.Lesson]:
    scope.require("schedule.read")
    if not class_group_id and not teacher_id:
        raise Invalid("class_group_id", "укажите класс или учителя")
    start, end = date_range(date_from, date_to)
    class_group_id = parse_uuid(class_group_id, "class_group_id") if class_group_id else None
    teacher_id = parse_uuid(teacher_id, "teacher_id") if teacher_id else None
    subject_id = parse_uuid(subject_id, "subject_id") if subject_id else None
    with uow:
        rows = uow.lessons.listed(class_group_id, teacher_id, subject_id, start, end, include_cancelled)
    return [protobuf.lesson(row) for row in rows]


def get_lesson(scope: Scope, uow: ScheduleUnitOfWork, lesson_id: str) -> pb.Lesson:
    scope.require("schedule.read")
    with uow:
        row = uow.lessons.get(parse_uuid(lesson_id, "lesson_id"))
    if row is None:
        raise NotFound("Урок не найден", {"lesson_id": "не найден"})
    return protobuf.lesson(row)
