"""The mail outbox: a service writes the mails it sends into its own table in the transaction of the change that
causes them (a notice and its mail commit together, or neither does), and a relay thread sends them over SMTP to
the relay of the settings, marks each sent, and keeps them while the mail server is down.

Delivery is **at least once**: a mail is marked sent in its own transaction right after the server accepted it
(250 to the end of DATA). If the process dies, or the connection drops, between that acceptance and the commit, the
mail is sent again. The copy is byte for byte the same message — the same Message-ID, Date and body, composed once
when the mail was queued — so mail systems that recognise a Message-ID they already have (Gmail, Mailpit with
--ignore-duplicate-ids) show one letter. Exactly once cannot be had from SMTP: the server's acceptance and our
commit are two systems' acts, and losing a mail is worse than a rare duplicate in that window. Two relays (service
replicas) never send one mail at once: a mail is sent while its row is locked (FOR UPDATE SKIP LOCKED).

What happens on failures:
- the server cannot be reached, refuses the connection, STARTTLS or the login, drops the connection, refuses the
  sender: the mail stays queued as it is (its attempts and last error noted), the relay waits — 1 s, doubling up to
  `max_pause` — and tries again; nothing is lost however long the server is away;
- the server answers 4xx for the recipient or the message (greylisting, a full mailbox): that mail waits (1 min,
  doubling up to 1 h) while the others go; after 5 days of such answers it is given up (`failed_at`);
- the server answers 5xx for the recipient or the message (no such mailbox, refused content): given up at once
  (`failed_at`, `last_error`), never retried. Operators find them with
  `SELECT id, recipient, kind, last_error FROM mail_outbox WHERE failed_at IS NOT NULL`.

Sent mails are kept for `keep` (7 days by default: they hold what the families were told, personal data) and then
deleted by `mail_retention`. Tenant-scoped like the event outbox: `school_id`, forced row-level security, and the
relay's system session for its plumbing.
"""
import datetime as dt
import logging
import smtplib
import ssl
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import psycopg
import sqlalchemy as sa
from sqlalchemy import any_, delete, func, select, update
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Session

from services.common import row_arrays
from services.common.db import Database
from services.common.mail import Mail, checked, compose, new_message_id, parse_sender
from services.common.periodic import Periodic
from services.common.schema import system_access, tenant_rls
from services.common.settings import MailSettings

log = logging.getLogger(__name__)
CHANNEL = "mail_outbox"
DEFERRED_FIRST = dt.timedelta(minutes=1)  # a mail the server deferred (4xx) waits this long, doubling each time
DEFERRED_MOST = dt.timedelta(hours=1)
GIVE_UP_AFTER = dt.timedelta(days=5)  # a mail deferred for this long is given up (as mail servers do: Postfix's 5 d)
PAUSE_FIRST = 1.0  # seconds the relay waits after the server failed, doubling up to max_pause
PAUSE_MOST = 60.0
POLL = 5.0  # seconds between looks at the table when no NOTIFY came (mails whose wait ended)
KEEP_SENT = dt.timedelta(days=7)
RETENTION_BATCH = 5000
RETENTION_EVERY = dt.timedelta(minutes=10)


def mail_outbox_table(metadata: sa.MetaData) -> sa.Table:
    """The mail outbox of a service: add it to the service's tables (`mail_outbox = mail_outbox_table(metadata)`) and
    create it in a migration with create_mail_outbox(op)."""
    return sa.Table(
        "mail_outbox", metadata,
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), nullable=False),  # sending order
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),  # digest.daily, notice.mark, ...: for the operators
        sa.Column("recipient", sa.Text, nullable=False),
        sa.Column("message_id", sa.Text, nullable=False, unique=True),
        sa.Column("message", sa.LargeBinary, nullable=False),  # the RFC 5322 message, composed once
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.Column("failed_at", sa.DateTime(timezone=True)),  # given up: refused for good, or deferred too long
    )


def create_mail_outbox(op) -> None:
    """Creates the mail outbox in a service's migration: the table under forced row-level security (tenant and
    system policies), the index of the mails to send, the index retention deletes by, and a NOTIFY on insert that
    wakes the relay when a transaction with mails commits."""
    metadata = sa.MetaData()
    table = mail_outbox_table(metadata)
    metadata.create_all(op.get_bind())
    op.execute("CREATE INDEX mail_outbox_queued ON mail_outbox (seq) WHERE sent_at IS NULL AND failed_at IS NULL")
    op.execute("CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL")
    op.execute(f"""
        CREATE FUNCTION mail_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$""")
    op.execute("CREATE TRIGGER mail_outbox_notify AFTER INSERT ON mail_outbox "
               "FOR EACH STATEMENT EXECUTE FUNCTION mail_outbox_notify()")
    tenant_rls(op, table.name)
    system_access(op, table.name)


class MailOutbox:
    """Queues mails in the caller's transaction: each is checked and composed now (a bad address is refused with the
    change, in Russian), and sent by the relay after the commit."""

    def __init__(self, table: sa.Table, sender: str):
        self.table = table
        self.sender = parse_sender(sender)

    def enqueue(self, session: Session, school_id: str, mail: Mail, now: dt.datetime | None = None) -> str:
        """Queues one mail; returns its Message-ID."""
        return self.enqueue_all(session, school_id, [mail], now)[0]

    def enqueue_all(self, session: Session, school_id: str, mails: Sequence[Mail],
                    now: dt.datetime | None = None) -> list[str]:
        """Queues many mails (a digest to every subscriber) in one statement per row_arrays.CHUNK, in the given
        order; returns their Message-IDs."""
        now = now or dt.datetime.now(dt.UTC)
        rows = []
        for mail in mails:
            mail = checked(mail)
            message_id = new_message_id(self.sender)
            rows.append(dict(id=str(uuid.uuid4()), school_id=school_id, kind=mail.kind, recipient=mail.to,
                             message_id=message_id, message=compose(mail, self.sender, message_id, now).as_bytes()))
        if rows:
            row_arrays.insert(session, self.table, rows)
        return [row["message_id"] for row in rows]


class ServerUnavailable(Exception):
    """The mail server could not take any mail now (unreachable, refused us, dropped the connection)."""


class Deferred(Exception):
    """The server refused this mail for now (4xx): it may take it later."""


class Rejected(Exception):
    """The server refused this mail for good (5xx for its recipient or its content)."""


class SmtpTransport:
    """Sends messages to the relay of the settings over one connection, opened when needed and kept while there is
    mail (close() ends it); classifies the server's refusals into ServerUnavailable, Deferred and Rejected."""

    def __init__(self, settings: MailSettings):
        self.settings = settings
        self.envelope_from = parse_sender(settings.sender).addr_spec
        self.smtp: smtplib.SMTP | None = None

    def _tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.smtp_ca_file or None)

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.smtp_security == "tls":
            smtp = smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout, context=self._tls())
        else:
            smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout)
        try:
            smtp.ehlo()
            if s.smtp_security == "starttls":
                smtp.starttls(context=self._tls())  # refuses (SMTPNotSupportedError) a server that does not offer it
                smtp.ehlo()
            if s.smtp_user:
                smtp.login(s.smtp_user, s.smtp_password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, recipient: str, message: bytes) -> None:
        """Sends one message; a connection kept from before that fails is replaced once by a fresh one (the server
        may have closed it while idle)."""
        fresh = self.smtp is None
        try:
            self._send(recipient, message)
        except ServerUnavailable:
            if fresh:
                raise
            self._send(recipient, message)

    def _send(self, recipient: str, message: bytes) -> None:
        try:
            if self.smtp is None:
                self.smtp = self._connect()
            self.smtp.sendmail(self.envelope_from, [recipient], message)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reply = exc.recipients.get(recipient, (550, b""))
            self._refused(code, reply)
        except smtplib.SMTPDataError as exc:
            self._refused(exc.smtp_code, exc.smtp_error)
        except (smtplib.SMTPException, OSError) as exc:  # sender refused, login, STARTTLS, connection, timeout
            self.close()
            raise ServerUnavailable(describe(exc)) from exc

    def _refused(self, code: int, reply: bytes | str) -> None:
        self._reset()
        reply = reply.decode(errors="replace") if isinstance(reply, bytes) else reply
        if 400 <= code < 500:
            raise Deferred(f"{code} {reply}")
        raise Rejected(f"{code} {reply}")

    def _reset(self) -> None:
        """RSET after a refused mail, so the connection serves the next one; a connection that fails it is dropped."""
        try:
            if self.smtp is not None:
                self.smtp.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def close(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        return f"{type(exc).__name__}: {exc.smtp_code} {error}"
    if isinstance(exc, TimeoutError):
        return f"{type(exc).__name__}: no answer in time"
    return f"{type(exc).__name__}: {exc}"


@dataclass
class Pass:
    """What one pass of the relay did."""

    sent: int = 0
    deferred: int = 0
    rejected: int = 0
    server_down: bool = False


class MailRelay(threading.Thread):
    """Sends the queued mails of one database: woken by the NOTIFY of a commit with mails (and every POLL seconds for
    mails whose wait ended), one mail per transaction, the row locked while it is sent."""

    def __init__(self, db: Database, table: sa.Table, transport: SmtpTransport, listen_dsn: str,
                 max_pause: float = PAUSE_MOST, poll: float = POLL):
        super().__init__(name="mail-relay", daemon=True)
        self.db, self.table, self.transport, self.listen_dsn = db, table, transport, listen_dsn
        self.max_pause, self.poll = max_pause, poll
        self.pause = PAUSE_FIRST
        self.stop_event = threading.Event()
        queued = (table.c.sent_at.is_(None), table.c.failed_at.is_(None))
        self.next_due = (select(table.c.id, table.c.recipient, table.c.message, table.c.attempts, table.c.created_at)
                         .where(*queued, table.c.next_attempt_at <= func.now())
                         .order_by(table.c.seq).limit(1).with_for_update(skip_locked=True))

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                with psycopg.connect(self.listen_dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self.stop_event.is_set():
                        if self.send_queued().server_down:
                            self.stop_event.wait(self.pause)
                            self.pause = min(self.pause * 2, self.max_pause)
                            continue
                        for _ in conn.notifies(timeout=self.poll, stop_after=1):
                            pass
            except Exception:
                log.exception("mail relay failed, retrying")
                self.transport.close()
                self.stop_event.wait(1.0)

    def send_queued(self) -> Pass:
        """Sends the mails due now, one transaction each, until none is left or the server fails; then closes the
        connection (the relay does not keep one open while idle)."""
        done = Pass()
        try:
            while not self.stop_event.is_set() and self._send_one(done):
                pass
        finally:
            self.transport.close()
        if done.sent:
            self.pause = PAUSE_FIRST
        if done.sent or done.deferred or done.rejected or done.server_down:
            log.info("mail relay: %s sent, %s deferred, %s given up%s", done.sent, done.deferred, done.rejected,
                     ", the mail server is unavailable" if done.server_down else "")
        return done

    def _send_one(self, done: Pass) -> bool:
        """Sends the next due mail; False when there was none or the server failed."""
        with self.db.system_session() as session:
            row = session.execute(self.next_due).first()
            if row is None:
                return False
            mark = update(self.table).where(self.table.c.id == row.id)
            try:
                self.transport.send(row.recipient, row.message)
            except ServerUnavailable as exc:
                session.execute(mark.values(attempts=row.attempts + 1, last_error=str(exc)))
                done.server_down = True
                return False
            except Deferred as exc:
                now = session.scalar(select(func.now()))
                wait = min(DEFERRED_FIRST * 2 ** min(row.attempts, 16), DEFERRED_MOST)
                given_up = now - row.created_at >= GIVE_UP_AFTER
                session.execute(mark.values(attempts=row.attempts + 1, last_error=str(exc), next_attempt_at=now + wait,
                                            failed_at=now if given_up else None))
                done.deferred += 1
                if given_up:
                    log.warning("mail %s given up after %s deferred: %s", row.id, GIVE_UP_AFTER, exc)
                return True
            except Rejected as exc:
                session.execute(mark.values(attempts=row.attempts + 1, last_error=str(exc), failed_at=func.now()))
                log.warning("mail %s refused by the server: %s", row.id, exc)
                done.rejected += 1
                return True
            session.execute(mark.values(attempts=row.attempts + 1, last_error=None, sent_at=func.now()))
            done.sent += 1
            return True

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=10)


def mail_relay(db: Database, table: sa.Table, settings: MailSettings, db_url: str) -> MailRelay:
    """The relay of a service's mail outbox, as its __main__ adds it to the workers (db_url: the service's)."""
    return MailRelay(db, table, SmtpTransport(settings), db_url.replace("postgresql+psycopg://", "postgresql://"))


def purge_sent(db: Database, table: sa.Table, keep: dt.timedelta = KEEP_SENT, batch: int = RETENTION_BATCH) -> int:
    """Deletes the mails sent more than `keep` ago, `batch` a transaction, oldest first (through the index on
    sent_at, then by primary key, as retention.py does); returns how many. Queued and given-up mails stay (the
    operators look at the given-up ones)."""
    total = 0
    while True:
        with db.system_session() as session:
            oldest = (select(table.c.id).where(table.c.sent_at < func.now() - keep)
                      .order_by(table.c.sent_at).limit(batch))
            deleted = session.execute(delete(table).where(table.c.id == any_(func.array(oldest.scalar_subquery())))).rowcount
        total += deleted
        if deleted < batch:
            return total


def mail_retention(db: Database, table: sa.Table, keep: dt.timedelta = KEEP_SENT) -> Periodic:
    """The worker that deletes old sent mails every RETENTION_EVERY."""
    return Periodic("mail-retention", RETENTION_EVERY, lambda: purge_sent(db, table, keep))

