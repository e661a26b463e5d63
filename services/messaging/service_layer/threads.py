"""Threads (J13): whom a family may write to, starting a thread (a family to a staff member about their child; a
staff member to one family, or to every family of a class: one thread each), the caller's threads with unread
counts, a thread with its messages, files and read receipts, posting, read receipts, withdrawing a message, a file.
Only a thread's participants see it; every row is kept (append-only)."""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from proto.identity.v1 import identity_pb2
from proto.messaging.v1 import messaging_pb2 as pb
from services.common import file_types
from services.common.dates import SCHOOL_ZONE
from services.common.db import parse_uuid
from services.common.errors import Forbidden, Invalid, NotFound
from services.common.scope import Scope
from services.messaging.adapters import protobuf
from services.messaging.adapters.directory_store import PERSON
from services.messaging.domain import answer_deadline, recipients
from services.messaging.domain import thread as rules
from services.messaging.domain.recipients import Contact, StaffMember
from services.messaging.service_layer import people

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork


@dataclass(frozen=True)
class Upload:
    """A file to attach, checked."""

    filename: str
    media_type: str
    content: bytes


def uploads(files: Iterable[pb.FileInput]) -> list[Upload]:
    files = list(files)
    rules.files_count(len(files))
    checked = []
    for n, item in enumerate(files):
        name = file_types.filename(item.filename, f"files[{n}].filename")
        checked.append(Upload(name, file_types.media_type(name, item.content, f"files[{n}].filename",
                                                          f"files[{n}].content"), item.content))
    return checked


def object_key(school_id: str, file_id: str) -> str:
    """Every school's files under its own prefix."""
    return f"{school_id}/messages/{file_id}"


def _student(uow: MessagingUnitOfWork, school_id: str, student_id: str) -> identity_pb2.Person:
    try:
        person = uow.identity.person(school_id, student_id)
    except NotFound:
        person = None
    if person is None or person.kind != identity_pb2.STUDENT:
        raise NotFound("Ученик не найден", {"student_id": "нет такого ученика в школе"})
    return person


def _staff(uow: MessagingUnitOfWork, school_id: str) -> list[StaffMember]:
    return [StaffMember(p.id, people.full_name(p.name), frozenset(p.roles), frozenset(p.form_class_group_ids))
            for p in uow.identity.staff(school_id)]


def _teachers(uow: MessagingUnitOfWork, school_id: str, class_group_id: str) -> dict[str, list[str]]:
    """teacher id -> the subjects they teach in the class (teaching assignments)."""
    if not class_group_id:
        return {}
    subjects = {s.id: s.name for s in uow.schedule.subjects(school_id)}
    taught: dict[str, list[str]] = {}
    for assignment in uow.schedule.assignments(school_id, class_group_id):
        taught.setdefault(assignment.teacher_id, []).append(subjects.get(assignment.subject_id, ""))
    return taught


def _contacts(uow: MessagingUnitOfWork, school_id: str, students: list[identity_pb2.Person]) -> list[Contact]:
    staff = _staff(uow, school_id)
    return [contact for student in students for contact in recipients.contacts_of_student(
        student.id, people.short_name(student.name), student.class_group_id, staff,
        _teachers(uow, school_id, student.class_group_id))]


def list_contacts(scope: Scope, uow: MessagingUnitOfWork, student_id: str) -> list[pb.Contact]:
    """A family's addressees: for each child (one when given) the staff who teach or lead the class and lead the
    school. Staff start threads with a student or a class: they get none."""
    principal = scope.require("message.write")
    if rules.role_of(principal) == rules.STAFF:
        return []
    if student_id:
        student_id = parse_uuid(student_id, "student_id")
        scope.require("message.write", student_id=student_id)
    children = [student_id] if student_id else sorted(principal.student_ids)
    students = [_student(uow, scope.school_id, sid) for sid in children]
    return [protobuf.contact(c) for c in _contacts(uow, scope.school_id, students)]


@dataclass(frozen=True)
class _Family:
    student: identity_pb2.Person
    class_group_id: str


def _addressed_by_staff(scope: Scope, uow: MessagingUnitOfWork, student_id: str, class_group_id: str,
                        today: dt.date) -> tuple[list[_Family], str | None]:
    """The families a staff member writes to (one student's, or every student's of the class today), and the
    broadcast id of a class's threads; refuses a class the staff member neither teaches nor leads."""
    school_id, principal = scope.school_id, scope.principal
    if bool(student_id) == bool(class_group_id):
        raise Invalid("student_id", "укажите ученика (student_id) или класс (class_group_id)")
    if student_id:
        student = _student(uow, school_id, parse_uuid(student_id, "student_id"))
        families, class_id, field = [_Family(student, student.class_group_id)], student.class_group_id, "student_id"
    else:
        class_id = uow.schedule.class_group(school_id, parse_uuid(class_group_id, "class_group_id")).id
        students = uow.identity.students(school_id, class_id, today.isoformat())
        families, field = [_Family(s, class_id) for s in students], "class_group_id"
    teachers = [a.teacher_id for a in uow.schedule.assignments(school_id, class_id)] if class_id else []
    recipients.check_staff_may_write(recipients.staff_may_write(
        principal.roles, principal.person_id, principal.form_class_group_ids, class_id, teachers), field)
    if not families:
        raise Invalid("class_group_id", "в классе нет учеников")
    return families, (str(uuid.uuid4()) if class_group_id else None)


def start_thread(scope: Scope, uow: MessagingUnitOfWork, student_id: str, class_group_id: str, staff_id: str,
                 subject: str, text: str, without_student: bool, files: Iterable[pb.FileInput],
                 now: dt.datetime) -> list[pb.Thread]:
    school_id = scope.school_id
    principal = scope.require("message.write")
    role = rules.role_of(principal)
    if not principal.person_id:
        raise Forbidden("У вашей учётной записи нет карточки в этой школе")
    subject, text, checked = rules.subject(subject), rules.text(text), uploads(files)
    today = now.astimezone(SCHOOL_ZONE).date()
    if role == rules.STAFF:
        families, broadcast = _addressed_by_staff(scope, uow, student_id, class_group_id, today)
        staff_id, staff_name = principal.person_id, ""
    else:
        if not student_id:
            raise Invalid("student_id", "укажите, о каком ребёнке сообщение")
        student_id = parse_uuid(student_id, "student_id")
        scope.require("message.write", "Писать можно только о своём ребёнке", student_id=student_id)
        staff_id = parse_uuid(staff_id, "staff_id") if staff_id else ""
        if not staff_id:
            raise Invalid("staff_id", "укажите, кому сообщение")
        student = _student(uow, school_id, student_id)
        contacts = _contacts(uow, school_id, [student])
        recipients.check_family_may_write(contacts, staff_id)
        families, broadcast = [_Family(student, student.class_group_id)], None
        staff_name = next(c.name for c in contacts if c.person_id == staff_id)
    started = []
    with uow:
        people.remember(uow, [f.student for f in families])
        uow.directory.name(PERSON, staff_id, staff_name)
        guardians = uow.directory.guardians_of([f.student.id for f in families])
        for family in families:
            participants = [(staff_id, rules.STAFF)] + [(g, rules.GUARDIAN) for g in guardians[family.student.id]]
            if role != rules.STAFF:
                participants.append((principal.person_id, role))
            if role == rules.STUDENT or not without_student:
                participants.append((family.student.id, rules.STUDENT))
            participants = list(dict.fromkeys(participants))
            if len({p for p, _ in participants}) < 2:
                if broadcast:
                    continue  # a student of the class with no family in the system and left out: nobody to write to
                raise Invalid("student_id", "у ученика нет родителей в системе: оставьте ученика участником переписки")
            row = {"id": str(uuid.uuid4()), "subject": subject, "student_id": family.student.id,
                   "class_group_id": family.class_group_id or None, "staff_id": staff_id, "broadcast_id": broadcast,
                   "started_by": principal.person_id, "created_at": now}
            uow.threads.add_thread(row, participants)
            message_id = _post(uow, school_id, row["id"], principal.person_id, role, text, checked, now,
                               [p for p, _ in participants])
            started.append((row, message_id))
        if not started:
            raise Invalid("class_group_id", "ни у одного ученика класса нет родителей в системе")
        threads = _threads(uow, [row["id"] for row, _ in started], principal.person_id)
        for thread_message in threads:
            uow.publish(pb.ThreadStarted(thread=thread_message))
        return threads


def _post(uow: MessagingUnitOfWork, school_id: str, thread_id: str, author_id: str, role: str, text: str,
          checked: list[Upload], now: dt.datetime, participant_ids: list[str]) -> str:
    """Stores the files (the objects first: a failed store writes no message) and the message; publishes who should
    learn of it."""
    message_id = str(uuid.uuid4())
    files = []
    for upload in checked:
        file_id = str(uuid.uuid4())
        uow.files.put(object_key(school_id, file_id), upload.content, upload.media_type)
        files.append({"id": file_id, "message_id": message_id, "thread_id": thread_id, "filename": upload.filename,
                      "media_type": upload.media_type, "size": len(upload.content),
                      "object_key": object_key(school_id, file_id), "created_at": now})
    uow.threads.add_message({"id": message_id, "thread_id": thread_id, "author_id": author_id, "author_role": role,
                             "text": text, "created_at": now}, files)
    uow.publish(pb.MessagePosted(thread_id=thread_id, message_id=message_id, author_id=author_id,
                                 recipient_ids=[p for p in participant_ids if p != author_id],
                                 created_at=now.isoformat()))
    return message_id


def _threads(uow: MessagingUnitOfWork, thread_ids: list[str], person_id: str) -> list[pb.Thread]:
    """The threads as the person sees them in their list (inside the unit of work)."""
    listed = {row.id: row for row in uow.threads.threads_of(person_id) if row.id in set(thread_ids)}
    return _views(uow, [listed[tid] for tid in thread_ids if tid in listed])


def _views(uow: MessagingUnitOfWork, rows: list) -> list[pb.Thread]:
    ids = [row.id for row in rows]
    participants = uow.threads.participants(ids)
    names = people.names(uow, {p.person_id for ps in participants.values() for p in ps} | {r.student_id for r in rows})
    posted: dict[str, list[answer_deadline.Posted]] = {tid: [] for tid in ids}
    for m in uow.threads.messages(ids) if ids else []:
        posted[m.thread_id].append(answer_deadline.Posted(m.author_role, m.created_at, m.withdrawn_at is not None))
    return [protobuf.thread(row, participants[row.id], names, answer_deadline.awaiting_since(posted[row.id]), row)
            for row in rows]


def list_threads(scope: Scope, uow: MessagingUnitOfWork) -> tuple[list[pb.Thread], int]:
    """The caller's threads, the latest active first, and their unread messages in all."""
    principal = scope.require("message.write")
    with uow:
        threads = _views(uow, uow.threads.threads_of(principal.person_id)) if principal.person_id else []
    return threads, sum(t.unread for t in threads)


def participant_thread(scope: Scope, uow: MessagingUnitOfWork, thread_id: str):
    """The thread when the caller takes part in it (inside the unit of work); NotFound otherwise."""
    thread_id = parse_uuid(thread_id, "thread_id")
    row = uow.threads.thread(thread_id)
    participants = uow.threads.participants([thread_id])[thread_id] if row else []
    rules.check_participant({p.person_id for p in participants}, scope.principal.person_id)
    return row, participants


def view(uow: MessagingUnitOfWork, row, participants: list, person_id: str, reveal: bool = False) -> pb.ThreadView:
    """A thread with its messages (inside the unit of work); withdrawn texts only when `reveal`."""
    rows = uow.threads.messages([row.id])
    files, reads = uow.threads.files(row.id), uow.threads.reads(row.id)
    names = people.names(uow, {p.person_id for p in participants} | {row.student_id})
    unread = sum(1 for m in rows if m.author_id != person_id and person_id not in {r.person_id for r in reads.get(m.id, [])})
    stats = {"messages": len(rows), "last_message_at": rows[-1].created_at if rows else None, "unread": unread}
    awaiting = answer_deadline.awaiting_since(
        answer_deadline.Posted(m.author_role, m.created_at, m.withdrawn_at is not None) for m in rows)
    thread = protobuf.thread(row, participants, names, awaiting, _Stats(**stats))
    return pb.ThreadView(thread=thread, messages=[
        protobuf.message(m, files.get(m.id, []), reads.get(m.id, []), names, reveal) for m in rows])


@dataclass(frozen=True)
class _Stats:
    messages: int
    last_message_at: dt.datetime | None
    unread: int


def get_thread(scope: Scope, uow: MessagingUnitOfWork, thread_id: str) -> pb.ThreadView:
    scope.require("message.write")
    with uow:
        row, participants = participant_thread(scope, uow, thread_id)
        return view(uow, row, participants, scope.principal.person_id)


def mark_thread_read(scope: Scope, uow: MessagingUnitOfWork, thread_id: str, now: dt.datetime) -> int:
    """Read receipts for the caller: every message of others in the thread they had not read; how many."""
    scope.require("message.write")
    with uow:
        row, _ = participant_thread(scope, uow, thread_id)
        return uow.threads.mark_read(row.id, scope.principal.person_id, now)


def post_message(scope: Scope, uow: MessagingUnitOfWork, thread_id: str, text: str, files: Iterable[pb.FileInput],
                 now: dt.datetime) -> pb.Message:
    school_id = scope.school_id
    principal = scope.require("message.write")
    text, checked = rules.text(text), uploads(files)
    with uow:
        row, participants = participant_thread(scope, uow, thread_id)
        role = next(p.role for p in participants if p.person_id == principal.person_id)
        message_id = _post(uow, school_id, row.id, principal.person_id, role, text, checked, now,
                           [p.person_id for p in participants])
        uow.threads.mark_read(row.id, principal.person_id, now)  # answering is reading what came before
        posted = view(uow, row, participants, principal.person_id)
    return next(m for m in posted.messages if m.id == message_id)


def withdraw_message(scope: Scope, uow: MessagingUnitOfWork, message_id: str, now: dt.datetime) -> pb.Message:
    """The author withdraws their message: participants see that it was withdrawn, not its text; both are kept."""
    principal = scope.require("message.write")
    message_id = parse_uuid(message_id, "message_id")
    with uow:
        found = uow.threads.message(message_id)
        if found is None:
            raise NotFound("Сообщение не найдено", {"message_id": "нет такого сообщения"})
        row, participants = participant_thread(scope, uow, found.thread_id)
        rules.check_withdrawable(found.author_id, principal.person_id, found.withdrawn_at is not None)
        if not uow.threads.withdraw(row.id, message_id, principal.person_id, now):
            rules.check_withdrawable(found.author_id, principal.person_id, True)
        uow.publish(pb.MessageWithdrawn(thread_id=row.id, message_id=message_id, withdrawn_by=principal.person_id))
        posted = view(uow, row, participants, principal.person_id)
    return next(m for m in posted.messages if m.id == message_id)


def get_message_file(scope: Scope, uow: MessagingUnitOfWork, file_id: str) -> pb.MessageFileContent:
    """A file of a message, for the thread's participants (and the school administrator on a complaint)."""
    if not scope.allowed("complaint.read"):
        scope.require("message.write")
    principal = scope.principal
    file_id = parse_uuid(file_id, "file_id")
    with uow:
        row = uow.threads.file(file_id)
        participants = uow.threads.participants([row.thread_id])[row.thread_id] if row else []
        on_complaint = row is not None and scope.allowed("complaint.read") and any(
            c.thread_id == row.thread_id for c in uow.complaints.listed())
    if row is None or not (on_complaint or principal.person_id in {p.person_id for p in participants}):
        raise NotFound("Файл не найден", {"file_id": "нет такого файла"})
    return pb.MessageFileContent(filename=row.filename, media_type=row.media_type,
                                 content=uow.files.get(row.object_key))
