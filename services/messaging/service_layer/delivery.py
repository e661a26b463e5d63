"""Where every notice is created and delivered: the one place a notice, its recipients (each with the channel it
reaches them on) and its NoticeCreated event are written, in the caller's transaction. Today every notice goes in the
app (`in_app`); the mail path adds its channel here: a recipient row per channel a guardian chose, and NoticeCreated
carries the deliveries for a mail sender to pick up."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.messaging.adapters import protobuf
from services.messaging.domain.notice import IN_APP

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork


@dataclass(frozen=True)
class Delivery:
    person_id: str
    student_id: str | None = None  # the child the notice reaches this guardian for
    channel: str = IN_APP


def deliver(uow: MessagingUnitOfWork, notice: dict, deliveries: list[Delivery]) -> pb.Notice | None:
    """Writes the notice with its deliveries and publishes NoticeCreated (inside the unit of work); None when a notice
    with the same dedup_key was created before (nothing is written twice)."""
    row = {"id": str(uuid.uuid4()), "class_group_id": None, "grade": None, "student_id": None, "student_name": "",
           "author_id": None, "requires_ack": False, "dedup_key": None, **notice}
    unique = list({(d.person_id, d.channel): d for d in deliveries}.values())
    if not uow.notices.add(row, [{"person_id": d.person_id, "student_id": d.student_id, "channel": d.channel}
                                 for d in unique]):
        return None
    created = protobuf.notice({**row, "school_id": uow.school_id,
                               "recipients": len({d.person_id for d in unique})})
    uow.publish(pb.NoticeCreated(notice=created, deliveries=[
        pb.NoticeDelivery(person_id=d.person_id, student_id=d.student_id or "", channel=d.channel) for d in unique]))
    return created
