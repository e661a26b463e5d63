"""One e-mail as the product sends it: what a service asks to send (`Mail`), the addresses it may go to, and the
RFC 5322 message made of it (UTF-8 Russian subject and body, a plain-text part and an HTML alternative, a
Message-ID, `List-Unsubscribe` with one-click unsubscribe (RFC 8058), `Auto-Submitted`). Plain Python, no I/O: the
mail outbox (`mail_outbox.py`) stores the composed message in the caller's transaction and its relay sends it.
"""
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.utils import format_datetime

from services.common.errors import Invalid

KIND = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}")
LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
MAX_ADDRESS = 254
MAX_SUBJECT = 250
MAX_URL = 900  # an unsubscribe link on one header line (RFC 5322: at most 998 characters)


class UrlHeader(UnstructuredHeader):
    """A header of ASCII URLs in angle brackets (List-Unsubscribe, RFC 2369) written on one line as it is: folded,
    a long link would become RFC 2047 encoded words, which no mail client reads as a link."""

    def fold(self, *, policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


HEADERS = HeaderRegistry()
HEADERS.map_to_type("list-unsubscribe", UrlHeader)
# SMTP's line ends and header folding, and bodies in 7 bits (quoted-printable or base64): no reliance on the relay's
# 8BITMIME
POLICY = policy.SMTP.clone(cte_type="7bit", header_factory=HEADERS)


@dataclass(frozen=True)
class Mail:
    """What a service asks to send: to one recipient, a subject, a plain text (always) and an HTML alternative
    (optional), the link that unsubscribes this recipient from what made this mail (for mails sent by a
    subscription: digests, automatic notices) and a kind for the operators (`digest.daily`, `notice.mark`)."""

    to: str
    subject: str
    text: str
    html: str | None = None
    unsubscribe_url: str | None = None
    kind: str = "mail"


def parse_address(value: str, field: str = "email") -> str:
    """An e-mail address as the relay is given it: `local@domain`, an ASCII local part (SMTPUTF8 is not asked of
    the municipality's relay), the domain in lower case and IDNA (`школа.рф` becomes `xn--80adrhf.xn--p1ai`)."""
    value = (value or "").strip()
    local, at, domain = value.rpartition("@")
    if not at or not LOCAL_PART.fullmatch(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        raise Invalid(field, "ожидается адрес электронной почты вида имя@домен (латиница в имени)")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise Invalid(field, f"домен {domain!r} не может быть адресом электронной почты") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(LABEL.fullmatch(label) for label in labels):
        raise Invalid(field, f"домен {domain!r} не может быть адресом электронной почты")
    address = f"{local}@{ascii_domain}"
    if len(address) > MAX_ADDRESS:
        raise Invalid(field, "адрес электронной почты длиннее 254 знаков")
    return address


def parse_sender(value: str) -> Address:
    """The sender from the settings, `Имя <адрес>` or a bare address (the display name may be Russian)."""
    value = (value or "").strip()
    name, _, rest = value.rpartition("<")
    if rest.endswith(">"):
        return Address(display_name=name.strip().strip('"'), addr_spec=parse_address(rest[:-1], "sender"))
    return Address(addr_spec=parse_address(value, "sender"))


def new_message_id(sender: Address) -> str:
    """A Message-ID unique for ever (a random uuid) under the sender's domain."""
    return f"<{uuid.uuid4().hex}@{sender.domain}>"


def checked(mail: Mail) -> Mail:
    """The mail with its address normalised, or Invalid (in Russian, naming the field) if it cannot be sent."""
    if not KIND.fullmatch(mail.kind):
        raise Invalid("kind", "вид письма: латинские строчные буквы, цифры, точки")
    subject = " ".join((mail.subject or "").split())
    if not subject or len(subject) > MAX_SUBJECT:
        raise Invalid("subject", f"тема письма должна быть непустой и не длиннее {MAX_SUBJECT} знаков")
    if not (mail.text or "").strip():
        raise Invalid("text", "у письма должен быть текст")
    if mail.unsubscribe_url is not None and not re.fullmatch(rf"https?://[!-;=?-~]{{1,{MAX_URL}}}", mail.unsubscribe_url):
        raise Invalid("unsubscribe_url", f"ссылка для отписки должна быть адресом http(s) латиницей без пробелов, не "
                                         f"длиннее {MAX_URL} знаков")
    return Mail(to=parse_address(mail.to, "to"), subject=subject, text=mail.text, html=mail.html,
                unsubscribe_url=mail.unsubscribe_url, kind=mail.kind)


def compose(mail: Mail, sender: Address, message_id: str, date: dt.datetime) -> EmailMessage:
    """The RFC 5322 message of a checked mail: multipart/alternative (text/plain, then text/html) when there is
    HTML, else text/plain; UTF-8 throughout (headers as RFC 2047 encoded words, bodies quoted-printable or base64,
    whichever is shorter: 7-bit clean); CRLF line ends."""
    if date.tzinfo is None:
        raise ValueError("the date of a mail must be aware")
    message = EmailMessage(policy=POLICY)
    message["From"] = sender
    message["To"] = Address(addr_spec=mail.to)
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: out-of-office replies are not sent back to it
    if mail.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(_lines(mail.text), charset="utf-8")
    if mail.html:
        message.add_alternative(_lines(mail.html), subtype="html", charset="utf-8")
    return message


def _lines(body: str) -> str:
    """A body ending in one newline (the MIME part's last line is whole)."""
    return body.rstrip("\n") + "\n"
