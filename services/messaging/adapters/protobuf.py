"""The messaging service's protobuf messages built from store rows and rules."""
import dataclasses
import datetime as dt
from collections.abc import Mapping

from sqlalchemy import Row

from proto.messaging.v1 import messaging_pb2 as pb
from services.messaging.domain.messaging_policy import MessagingPolicy
from services.messaging.domain.recipients import Contact


def iso(value: dt.datetime | dt.date | None) -> str:
    return value.isoformat() if value else ""


def thread(row: Row, participants: list[Row], names: Mapping[str, str], awaiting: dt.datetime | None = None,
           stats: Row | None = None) -> pb.Thread:
    return pb.Thread(
        id=row.id, school_id=row.school_id, subject=row.subject, student_id=row.student_id,
        student_name=names.get(row.student_id, ""), class_group_id=row.class_group_id or "", staff_id=row.staff_id,
        staff_name=names.get(row.staff_id, ""), broadcast_id=row.broadcast_id or "", started_by=row.started_by,
        created_at=iso(row.created_at),
        participants=[pb.Participant(person_id=p.person_id, role=p.role, name=names.get(p.person_id, ""))
                      for p in participants],
        last_message_at=iso(getattr(stats, "last_message_at", None)), messages=getattr(stats, "messages", 0) or 0,
        unread=getattr(stats, "unread", 0) or 0, awaiting_answer=awaiting is not None, awaiting_since=iso(awaiting))


def message(row: Row, files: list[Row], reads: list[Row], names: Mapping[str, str], reveal: bool = False) -> pb.Message:
    """A message; a withdrawn one without its text unless `reveal` (a reading on a complaint)."""
    withdrawn = row.withdrawn_at is not None
    return pb.Message(
        id=row.id, thread_id=row.thread_id, author_id=row.author_id, author_role=row.author_role,
        author_name=names.get(row.author_id, ""), text=row.text if reveal or not withdrawn else "",
        created_at=iso(row.created_at), withdrawn=withdrawn, withdrawn_at=iso(row.withdrawn_at),
        files=[pb.MessageFile(id=f.id, filename=f.filename, media_type=f.media_type, size=f.size) for f in files],
        read_by=[pb.Receipt(person_id=r.person_id, read_at=iso(r.read_at)) for r in reads])


def contact(found: Contact) -> pb.Contact:
    return pb.Contact(person_id=found.person_id, name=found.name, student_id=found.student_id,
                      student_name=found.student_name, reasons=list(found.reasons))


def complaint(row: Row, filed_by_name: str = "", student_name: str = "") -> pb.Complaint:
    return pb.Complaint(id=row.id, thread_id=row.thread_id, filed_by=row.filed_by, reason=row.reason,
                        created_at=iso(row.created_at), readings=getattr(row, "readings", 0) or 0,
                        filed_by_name=filed_by_name, student_name=student_name)


def complaint_reading(row: Row | dict, reader_name: str = "") -> pb.ComplaintReading:
    get = row.get if isinstance(row, dict) else row._mapping.get
    return pb.ComplaintReading(id=get("id"), complaint_id=get("complaint_id"), thread_id=get("thread_id"),
                               reader_id=get("reader_id") or "", reader_subject=get("reader_subject"),
                               read_at=iso(get("read_at")), client_address=get("client_address"),
                               reader_name=reader_name)


def notice(row: Row | dict, **extra) -> pb.Notice:
    get = row.get if isinstance(row, dict) else row._mapping.get
    return pb.Notice(
        id=get("id"), school_id=get("school_id") or "", kind=get("kind"), title=get("title"), text=get("text"),
        audience=get("audience"), class_group_id=get("class_group_id") or "", grade=get("grade") or 0,
        student_id=get("student_id") or get("for_student") or "", student_name=get("student_name") or "",
        author_id=get("author_id") or "", requires_ack=get("requires_ack"), created_at=iso(get("created_at")),
        acknowledged_at=iso(get("acknowledged_at")), recipients=get("recipients") or 0,
        acknowledged=get("acknowledged") or 0, channel=get("channel") or "", **extra)


def policy(school_id: str, value: MessagingPolicy) -> pb.MessagingPolicy:
    return pb.MessagingPolicy(school_id=school_id, **dataclasses.asdict(value))
