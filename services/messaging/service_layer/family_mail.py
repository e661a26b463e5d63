"""A guardian's e-mail in the school (T9): the address and the digest they choose; the confirmation mailed to a new
address (nothing else goes there before the link in it is opened); the links of the mails, opened without logging in:
confirm the address, unsubscribe from the digest or from an automatic notice by e-mail."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.dates import SCHOOL_ZONE
from services.common.errors import FailedPrecondition, Invalid
from services.common.mail import Mail
from services.common.scope import Scope
from services.common.signed_links import CONFIRM_DAYS, AddressConfirmation, Unsubscribe
from services.messaging.adapters.mailer import Mailer
from services.messaging.domain import family_mail as rules
from services.messaging.domain.notice import EMAIL
from services.messaging.service_layer.notices import guardian_caller

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork, UnitsOfWork

CONFIRM_SUBJECT = "Подтвердите адрес для писем из электронного дневника"


def settings(row) -> pb.MailSettings:
    choices = [pb.Choice(code=code, name=name) for code, name in rules.DIGESTS.items()]
    if row is None:
        return pb.MailSettings(digest="none", digests=choices)
    return pb.MailSettings(address=row.address, confirmed=row.confirmed_at is not None, digest=row.digest,
                           digest_through=row.digest_through.isoformat() if row.digest_through else "",
                           digests=choices)


def get_mail_settings(scope: Scope, uow: MessagingUnitOfWork) -> pb.MailSettings:
    guardian_id = guardian_caller(scope)
    with uow:
        return settings(uow.family_mail.get(guardian_id))


def set_mail_settings(scope: Scope, uow: MessagingUnitOfWork, address: str | None, digest: str | None,
                      now: dt.datetime) -> pb.MailSettings:
    """Changes what is given; a new address (or the same one not confirmed yet, given again) is sent a confirmation
    link, in the same transaction."""
    guardian_id = guardian_caller(scope)
    address = rules.address(address) if address is not None else None
    digest = rules.digest(digest) if digest is not None else None
    with uow:
        row = uow.family_mail.get(guardian_id, for_update=True)
        old = settings(row)
        new_address = old.address if address is None else address
        confirmed_at = row.confirmed_at if row is not None and new_address == old.address else None
        uow.family_mail.save(guardian_id, new_address, confirmed_at, digest or old.digest, now)
        if address and confirmed_at is None:
            today = now.astimezone(SCHOOL_ZONE).date()
            url = uow.mailer.confirm_url(uow.school_id, guardian_id, address, today)
            uow.queue_mail(Mail(to=address, subject=CONFIRM_SUBJECT, kind="confirm-address", text=(
                "Здравствуйте!\n\nЭтот адрес указан для писем из электронного дневника «Отметка»: сводок об оценках, "
                f"пропусках и домашних заданиях детей и уведомлений школы.\n\nЧтобы получать их, откройте ссылку "
                f"(она действует {CONFIRM_DAYS} дней):\n{url}\n\nЕсли вы не указывали этот адрес, ничего не "
                "делайте: писем на него не будет.\n")), now)
        return settings(uow.family_mail.get(guardian_id))


def _claims(mailer: Mailer, token: str, today: dt.date) -> tuple[str, Unsubscribe | AddressConfirmation]:
    """("unsubscribe" | "confirm", what the token says): a token is one or the other (each purpose signs its own)."""
    try:
        return "unsubscribe", mailer.read_unsubscribe(token, today)
    except Invalid:
        return "confirm", mailer.read_confirmation(token, today)


def read_mail_link(units_of_work: UnitsOfWork, mailer: Mailer, token: str, now: dt.datetime) -> pb.MailLink:
    kind, claim = _claims(mailer, token, now.astimezone(SCHOOL_ZONE).date())
    with units_of_work(Scope.of_event(claim.school_id)) as uow:
        return _link(uow, kind, claim)


def use_mail_link(units_of_work: UnitsOfWork, mailer: Mailer, token: str, now: dt.datetime) -> pb.MailLink:
    """Unsubscribes (the digest off, or the e-mail of one kind of automatic notice) or confirms the address; doing it
    twice is no error."""
    kind, claim = _claims(mailer, token, now.astimezone(SCHOOL_ZONE).date())
    with units_of_work(Scope.of_event(claim.school_id)) as uow:
        row = uow.family_mail.get(claim.guardian_id, for_update=True)
        if kind == "confirm":
            if row is None or row.address != claim.address:
                raise FailedPrecondition("Адрес уже изменён: подтвердите новый по ссылке из последнего письма",
                                         {"token": "адрес в ссылке больше не указан"})
            if row.confirmed_at is None:
                uow.family_mail.save(claim.guardian_id, row.address, now, row.digest, now)
        elif claim.subscription == rules.DIGEST:
            if row is not None and row.digest != "none":
                uow.family_mail.save(claim.guardian_id, row.address, row.confirmed_at, "none", now)
        else:
            kind_name = claim.subscription.removeprefix(rules.NOTICE)
            rules.subscription_name(claim.subscription)  # a known kind, or Invalid
            uow.notices.set_preferences(claim.guardian_id, [(kind_name, EMAIL, False)], now)
        return _link(uow, kind, claim)


def _link(uow: MessagingUnitOfWork, kind: str, claim: Unsubscribe | AddressConfirmation) -> pb.MailLink:
    row = uow.family_mail.get(claim.guardian_id)
    if kind == "confirm":
        done = row is not None and row.address == claim.address and row.confirmed_at is not None
        return pb.MailLink(kind=kind, school_id=claim.school_id, address=claim.address, done=done,
                           what=f"подтвердить адрес {claim.address} для писем из электронного дневника")
    what = rules.subscription_name(claim.subscription)
    if claim.subscription == rules.DIGEST:
        done = row is None or row.digest == "none"
    else:
        kind_name = claim.subscription.removeprefix(rules.NOTICE)
        done = uow.notices.preferences([claim.guardian_id])[claim.guardian_id].get((kind_name, EMAIL)) is False
    return pb.MailLink(kind=kind, school_id=claim.school_id, what=f"отписаться: больше не присылать {what}",
                       address=row.address if row is not None else "", done=done)
