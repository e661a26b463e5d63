"""Complaints (J13): a participant files a complaint about a thread; only then the school administrator may read the
thread — everything in it, withdrawn messages too — and every such reading is recorded (complaint_readings, append-
only) in the transaction that reads, with who read, when and from where. The school's managers see the complaints and
the readings, never the threads' text."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.messaging.adapters import protobuf
from services.messaging.adapters.directory_store import PERSON
from services.messaging.domain import thread as rules
from services.messaging.service_layer.threads import participant_thread, view

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

REFUSAL = "Переписку по жалобе читает администратор школы"


def file_complaint(scope: Scope, uow: MessagingUnitOfWork, thread_id: str, reason: str, now: dt.datetime
                   ) -> pb.Complaint:
    principal = scope.require("message.write")
    reason = rules.complaint_reason(reason)
    with uow:
        row, _ = participant_thread(scope, uow, thread_id)
        complaint = {"id": str(uuid.uuid4()), "thread_id": row.id, "filed_by": principal.person_id, "reason": reason,
                     "created_at": now}
        uow.complaints.add(complaint)
        result = pb.Complaint(id=complaint["id"], thread_id=row.id, filed_by=principal.person_id, reason=reason,
                              created_at=now.isoformat())
        uow.publish(pb.ComplaintFiled(complaint=result))
        return result


def list_complaints(scope: Scope, uow: MessagingUnitOfWork) -> list[pb.Complaint]:
    """The administrator and the managers: every complaint of the school; a participant: their own."""
    if scope.allowed("complaint.read") or scope.allowed("messaging.control"):
        filed_by = ""
    else:
        filed_by = scope.require("message.write").person_id
    with uow:
        rows = uow.complaints.listed(filed_by)
        names = uow.directory.names(PERSON, [id_ for row in rows for id_ in (row.filed_by, row.student_id)])
    return [protobuf.complaint(row, names.get(row.filed_by, ""), names.get(row.student_id, "")) for row in rows]


def read_complaint_thread(scope: Scope, uow: MessagingUnitOfWork, complaint_id: str, now: dt.datetime
                          ) -> pb.ThreadView:
    """The complained-about thread, whole, for the school administrator; the reading is audited with it."""
    principal = scope.require("complaint.read", REFUSAL)
    complaint_id = parse_uuid(complaint_id, "complaint_id")
    with uow:
        complaint = uow.complaints.get(complaint_id)
        if complaint is None:
            raise NotFound("Жалоба не найдена", {"complaint_id": "нет такой жалобы"})
        row = uow.threads.thread(complaint.thread_id)
        participants = uow.threads.participants([row.id])[row.id]
        reading = {"id": str(uuid.uuid4()), "complaint_id": complaint_id, "thread_id": row.id,
                   "reader_id": principal.person_id or None, "reader_subject": scope.actor,
                   "client_address": scope.client_address or "", "read_at": now}
        uow.complaints.record_reading(reading)
        uow.publish(pb.ComplaintThreadRead(reading=protobuf.complaint_reading(reading)))
        return view(uow, row, participants, principal.person_id, reveal=True)


def list_complaint_readings(scope: Scope, uow: MessagingUnitOfWork) -> list[pb.ComplaintReading]:
    scope.require("messaging.control", "Журнал чтения переписки по жалобам смотрят руководители школы")
    with uow:
        rows = uow.complaints.readings()
        names = uow.directory.names(PERSON, [row.reader_id for row in rows if row.reader_id])
    return [protobuf.complaint_reading(row, names.get(row.reader_id, "")) for row in rows]


