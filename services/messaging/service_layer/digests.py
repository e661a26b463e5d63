"""The guardians' e-mail digests (T9): what happened to each of a guardian's children in the school over a day or a
week — marks with their work types, weights and comments, absences and lateness, homework given, the school's
notices — as one mail to the guardian's confirmed address, with the link that unsubscribes from it. The digest worker
sends the scheduled ones (daily, and weekly on Sunday, after DIGEST_TIME of the school day); a guardian may also ask
for the period so far at once. The facts come from the journal's diary of each child (the service's account), asked
outside the transaction; the mail is queued in the transaction that records the period as covered, so a digest is
queued once and lost never."""
from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.attendance_kinds import ATTENDANCE_KINDS
from services.common.dates import SCHOOL_ZONE, parse_date
from services.common.errors import FailedPrecondition, NotFound
from services.common.mark_average import shown
from services.common.scope import Scope
from services.messaging.adapters.directory_store import PERSON
from services.messaging.domain import digest_mail
from services.messaging.domain import family_mail as rules
from services.messaging.domain.notice import SCHOOL
from services.messaging.service_layer.notices import guardian_caller

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork, UnitsOfWork

log = logging.getLogger(__name__)
AHEAD = dt.timedelta(days=14)  # the diary asked beyond the period: the next lesson a homework is due at
PRESENT = ("", "present")


def _weight(text: str) -> float | None:
    try:
        return float(Decimal(text)) if text else None
    except InvalidOperation:
        return None


def _child_items(child_id: str, diary, first: dt.date, last: dt.date) -> tuple[list, list, list]:
    """The child's marks, absences and homework of the period from their diary (which runs AHEAD further)."""
    work_types = {w.code: w for w in diary.work_types}
    marks, absences, homework = [], [], []
    entries = sorted(diary.entries, key=lambda e: (e.date, e.lesson_number))
    for i, entry in enumerate(entries):
        day = dt.date.fromisoformat(entry.date)
        if not first <= day <= last:
            continue
        for mark in entry.marks:
            kind = work_types.get(mark.work_type)
            marks.append(digest_mail.MarkItem(child_id, day, entry.subject_name, shown(mark.value, mark.not_counted),
                                              kind.name if kind else "", _weight(kind.weight) if kind else None,
                                              mark.comment))
        if entry.attendance not in PRESENT and entry.attendance in ATTENDANCE_KINDS:
            absences.append(digest_mail.AbsenceItem(child_id, day, entry.attendance, entry.subject_name,
                                                    entry.lesson_number or None))
        text = "\n".join(part for part in (entry.homework, entry.individual_homework) if part)
        if text:
            due = next((dt.date.fromisoformat(e.date) for e in entries[i + 1:]
                        if e.subject_name == entry.subject_name and e.date > entry.date), None)
            homework.append(digest_mail.HomeworkItem(child_id, due, entry.subject_name, text, day))
    return marks, absences, homework


def compose(uow: MessagingUnitOfWork, guardian_id: str, frequency: str, first: dt.date, last: dt.date,
            now: dt.datetime) -> digest_mail.DigestMail | None:
    """The guardian's digest of the period in this school, or None when nothing happened for any child."""
    school_id = uow.school_id
    with uow:
        child_ids = uow.directory.children_of(guardian_id)
        names = uow.directory.names(PERSON, child_ids)
        received = [row for row in uow.notices.received(guardian_id)
                    if row.kind == SCHOOL and first <= row.created_at.astimezone(SCHOOL_ZONE).date() <= last]
        authors = uow.directory.names(PERSON, [row.author_id for row in received if row.author_id])
    if not child_ids:
        return None
    children, marks, absences, homework = [], [], [], []
    for child_id in child_ids:
        try:
            card = uow.identity.person(school_id, child_id)
        except NotFound:  # no longer a student of the school: nothing to tell of them here
            continue
        class_name = uow.schedule.class_group(school_id, card.class_group_id).name if card.class_group_id else ""
        children.append(digest_mail.Child(child_id, names.get(child_id) or
                                          f"{card.name.last_name} {card.name.first_name}", class_name))
        diary = uow.journal.diary(school_id, child_id, first.isoformat(), (last + AHEAD).isoformat())
        for found, items in zip(_child_items(child_id, diary, first, last), (marks, absences, homework), strict=True):
            items.extend(found)
    if not children:
        return None
    known = {child.id for child in children}
    notices = [digest_mail.NoticeItem(row.for_student if row.for_student in known else children[0].id,
                                      row.created_at.astimezone(SCHOOL_ZONE).date(), row.title, row.text,
                                      authors.get(row.author_id, "")) for row in received]
    guardian = uow.identity.person(school_id, guardian_id).name
    greeting = " ".join(part for part in (guardian.first_name, guardian.middle_name) if part) or guardian.last_name
    today = now.astimezone(SCHOOL_ZONE).date()
    return digest_mail.compose_digest(digest_mail.Digest(
        period=frequency, first_day=first, last_day=last, guardian_name=greeting, children=children,
        unsubscribe_url=uow.mailer.unsubscribe_url(school_id, guardian_id, rules.DIGEST, today), marks=marks,
        absences=absences, homework=homework, notices=notices, diary_url=uow.mailer.home_url))


def send_digest_now(scope: Scope, uow: MessagingUnitOfWork, on_date: str, now: dt.datetime
                    ) -> pb.SendDigestNowResponse:
    """The guardian's digest of a day (or of its week, when they chose weekly; today's by default) at once: to see
    what the mail looks like, or to have a missed one again. The scheduled digests go on as they were."""
    guardian_id = guardian_caller(scope)
    today = now.astimezone(SCHOOL_ZONE).date()
    day = parse_date(on_date, "on_date") if on_date else today
    with uow:
        row = uow.family_mail.get(guardian_id)
    if row is None or not row.address or row.confirmed_at is None:
        raise FailedPrecondition("Сначала укажите адрес электронной почты и подтвердите его по ссылке из письма",
                                 {"address": "адрес не подтверждён"})
    frequency = row.digest if row.digest != "none" else "daily"
    first, last = rules.period_of(frequency, day, today)
    mail = compose(uow, guardian_id, frequency, first, last, now)
    if mail is not None:
        with uow:
            uow.queue_mail(mail.mail(row.address), now)
    return pb.SendDigestNowResponse(sent=mail is not None, address=row.address, first_day=first.isoformat(),
                                    last_day=last.isoformat())


def send_due_digests(units_of_work: UnitsOfWork, school_id: str, now: dt.datetime) -> int:
    """The school's scheduled digests due at `now` and not sent yet: each composed, then queued in the transaction
    that marks its period covered (unless the guardian changed their mind meanwhile); how many mails."""
    local = now.astimezone(SCHOOL_ZONE)
    with units_of_work(Scope.of_event(school_id)) as uow:
        subscribers = uow.family_mail.subscribers()
    sent = 0
    for row in subscribers:
        period = rules.due_period(row.digest, local)
        if period is None or (row.digest_through is not None and row.digest_through >= period[1]):
            continue
        uow = units_of_work(Scope.of_event(school_id))
        mail = compose(uow, row.guardian_id, row.digest, *period, now)
        with uow:
            current = uow.family_mail.get(row.guardian_id, for_update=True)
            if (current is None or current.confirmed_at is None or current.digest != row.digest
                    or current.address != row.address
                    or (current.digest_through is not None and current.digest_through >= period[1])):
                continue
            if mail is not None:
                uow.queue_mail(mail.mail(current.address), now)
                sent += 1
            uow.family_mail.covered(row.guardian_id, period[1])
    if sent:
        log.info("digests of school %s: %d queued", school_id, sent)
    return sent

