"""Where every notice is created and delivered: the one place a notice, its recipients (a row per channel it
reaches each on: `in_app`, `email`), its mails (one per e-mail delivery, to the guardian's confirmed address, with the
link that unsubscribes from this kind of notice) and its NoticeCreated event are written, in the caller's
transaction."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.dates import SCHOOL_ZONE
from services.common.mail import Mail
from services.messaging.adapters import protobuf
from services.messaging.domain.family_mail import notice_subscription
from services.messaging.domain.notice import EMAIL, IN_APP

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork


@dataclass(frozen=True)
class Delivery:
    person_id: str
    student_id: str | None = None  # the child the notice reaches this guardian for
    channel: str = IN_APP
    address: str = ""  # the e-mail channel's: the guardian's confirmed address


def deliver(uow: MessagingUnitOfWork, notice: dict, deliveries: list[Delivery]) -> pb.Notice | None:
    """Writes the notice with its deliveries and publishes NoticeCreated (inside the unit of work); None when a notice
    with the same dedup_key was created before (nothing is written twice)."""
    row = {"id": str(uuid.uuid4()), "class_group_id": None, "grade": None, "student_id": None, "student_name": "",
           "author_id": None, "requires_ack": False, "dedup_key": None, **notice}
    unique = list({(d.person_id, d.channel): d for d in deliveries}.values())
    if not uow.notices.add(row, [{"person_id": d.person_id, "student_id": d.student_id, "channel": d.channel}
                                 for d in unique]):
        return None
    for d in unique:
        if d.channel == EMAIL:
            _mail(uow, row, d)
    created = protobuf.notice({**row, "school_id": uow.school_id,
                               "recipients": len({d.person_id for d in unique})})
    uow.publish(pb.NoticeCreated(notice=created, deliveries=[
        pb.NoticeDelivery(person_id=d.person_id, student_id=d.student_id or "", channel=d.channel) for d in unique]))
    return created


def _mail(uow: MessagingUnitOfWork, notice: dict, delivery: Delivery) -> None:
    subscription = notice_subscription(notice["kind"])
    unsubscribe = uow.mailer.unsubscribe_url(uow.school_id, delivery.person_id, subscription,
                                             notice["created_at"].astimezone(SCHOOL_ZONE).date())
    uow.queue_mail(Mail(
        to=delivery.address, subject=notice["title"], unsubscribe_url=unsubscribe, kind=subscription,
        text=(f"{notice['text']}\n\nЭлектронный дневник: {uow.mailer.home_url}\n\n—\nВы получили это письмо, потому что "
              f"выбрали уведомления по электронной почте. Больше не присылать такие письма: {unsubscribe}\n")),
        notice["created_at"])
