"""How the messaging service mails a guardian: the mail outbox of its database (queued in the caller's transaction,
sent by the relay: docs/mail.md) and the signed links the mails carry — unsubscribe, confirm the address — under the
gateway's public URL."""
import datetime as dt

from sqlalchemy.orm import Session

from services.common.mail import Mail
from services.common.mail_outbox import MailOutbox
from services.common.settings import MailSettings
from services.common.signed_links import AddressConfirmation, ConfirmAddressLinks, Unsubscribe, UnsubscribeLinks
from services.messaging.adapters.tables import mail_outbox


class Mailer:
    def __init__(self, sender: str, link_keys: tuple[str, ...] | list[str], public_url: str):
        self.outbox = MailOutbox(mail_outbox, sender)
        self.unsubscribe_links = UnsubscribeLinks(link_keys, public_url)
        self.confirm_links = ConfirmAddressLinks(link_keys, public_url)
        self.home_url = public_url.rstrip("/") + "/"

    @classmethod
    def from_settings(cls, settings: MailSettings) -> "Mailer":
        return cls(settings.sender, settings.link_keys, settings.public_url)

    def queue(self, session: Session, school_id: str, mail: Mail, now: dt.datetime) -> str:
        return self.outbox.enqueue(session, school_id, mail, now)

    def unsubscribe_url(self, school_id: str, guardian_id: str, subscription: str, today: dt.date) -> str:
        return self.unsubscribe_links.url(school_id, guardian_id, subscription, today)

    def confirm_url(self, school_id: str, guardian_id: str, address: str, today: dt.date) -> str:
        return self.confirm_links.url(school_id, guardian_id, address, today)

    def read_unsubscribe(self, token: str, today: dt.date) -> Unsubscribe:
        return self.unsubscribe_links.read(token, today)

    def read_confirmation(self, token: str, today: dt.date) -> AddressConfirmation:
        return self.confirm_links.read(token, today)
