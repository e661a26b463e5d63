"""The mail path on the real PostgreSQL and Mailpit: a mail queued in a transaction is sent by the relay and read back
from Mailpit; a rolled-back transaction sends nothing; mails wait while the mail server is down and go when it
returns; refusals (4xx, 5xx), STARTTLS with a login, the at-least-once resend after a crash, row-level security and
the retention of sent mails. Tests that stop a mail server start their own Mailpit (the stack's is shared)."""
import base64
import datetime as dt
import email
import email.policy
import hashlib
import ipaddress
import os
import uuid

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import MetaData, create_engine, delete, func, select, text, update

from services import topology
from services.common.db import Database
from services.common.mail import Mail
from services.common.mail_outbox import (
    MailOutbox,
    MailRelay,
    SmtpTransport,
    create_mail_outbox,
    mail_outbox_table,
    purge_sent,
)
from services.common.migrations import provision
from services.common.settings import MailSettings
from tests.support import stack
from tests.support.mailpit import OwnMailpit, address, stack_mailpit, wait_until

pytestmark = pytest.mark.stack
SERVICE = "mailtest"
SENDER = "Отметка <noreply@otmetka.test>"


@pytest.fixture(scope="module")
def table():
    return mail_outbox_table(MetaData())


@pytest.fixture(scope="module")
def db_url() -> str:
    """A database of its own with only a fresh mail outbox, as a service's migration makes it."""
    env = stack.env()
    database = f"otmetka_{SERVICE}_it{os.environ.get('OTMETKA_IT_DB_SUFFIX', '')}"
    provision(SERVICE, topology.admin_db_url(env), database)
    owner = create_engine(topology.owner_db_url(env, SERVICE, database))
    with owner.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS mail_outbox CASCADE"))
        conn.execute(text("DROP FUNCTION IF EXISTS mail_outbox_notify CASCADE"))
        create_mail_outbox(Operations(MigrationContext.configure(conn)))
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON mail_outbox TO {SERVICE}_app"))
    owner.dispose()
    return topology.app_db_url(env, SERVICE, database)


@pytest.fixture(scope="module")
def db(db_url) -> Database:
    database = Database(db_url)
    yield database
    database.engine.dispose()


@pytest.fixture(autouse=True)
def empty_outbox(db, table):
    """Each test starts with an empty outbox: a relay sends every queued mail of its database, whoever queued it."""
    with db.system_session() as session:
        session.execute(delete(table))


@pytest.fixture
def outbox(table) -> MailOutbox:
    return MailOutbox(table, SENDER)


def settings(port: int, security: str = "none", user: str = "", password: str = "", ca_file: str = "") -> MailSettings:
    return MailSettings(smtp_host="127.0.0.1", smtp_port=port, smtp_security=security, smtp_user=user,
                        smtp_password=password, smtp_ca_file=ca_file, smtp_timeout=10, sender=SENDER,
                        link_keys=("k" * 32,), public_url="http://127.0.0.1:58000")


def stack_settings() -> MailSettings:
    return settings(int(stack.env()["OTMETKA_SMTP_PORT"]))


def relay_of(db, table, db_url, transport: SmtpTransport) -> MailRelay:
    return MailRelay(db, table, transport, db_url.replace("postgresql+psycopg://", "postgresql://"), max_pause=0.3,
                     poll=0.5)


def mail(to: str, n: int = 1) -> Mail:
    return Mail(to=to, subject=f"Дневник за 3 декабря: Иванов Пётр ({n})",
                text=f"Иванов Пётр — математика, 3 декабря (чт): 5\nПисьмо № {n}",
                html=f"<p><b>Иванов Пётр</b> — математика: <b>5</b> (письмо № {n})</p>",
                unsubscribe_url="http://127.0.0.1:58000/unsubscribe/abc.def", kind="digest.daily")


def queue(db, outbox, school: str, *mails: Mail) -> list[str]:
    with db.tenant_session(school) as session:
        return outbox.enqueue_all(session, school, list(mails))


def rows(db, table, recipient: str | None = None) -> list:
    with db.system_session() as session:
        query = select(table).order_by(table.c.seq)
        if recipient:
            query = query.where(table.c.recipient == recipient)
        return session.execute(query).all()


def test_a_mail_queued_in_a_transaction_is_sent_and_read_back_from_mailpit(db, db_url, table, outbox):
    mailpit, to = stack_mailpit(), address()
    relay = relay_of(db, table, db_url, SmtpTransport(stack_settings()))
    relay.start()
    try:
        [message_id] = queue(db, outbox, str(uuid.uuid4()), mail(to))  # the commit's NOTIFY wakes the relay
        wait_until(lambda: rows(db, table, to)[0].sent_at, what="the mail marked sent")
        [summary] = mailpit.wait_for(to)
    finally:
        relay.stop()
    full = mailpit.message(summary["ID"])
    assert full["Subject"] == "Дневник за 3 декабря: Иванов Пётр (1)"
    assert "Иванов Пётр — математика, 3 декабря (чт): 5" in full["Text"]
    assert "<b>Иванов Пётр</b>" in full["HTML"]
    assert f"<{full['MessageID']}>" == message_id
    assert full["From"] == {"Name": "Отметка", "Address": "noreply@otmetka.test"}
    headers = mailpit.headers(summary["ID"])
    assert headers["List-Unsubscribe"] == ["<http://127.0.0.1:58000/unsubscribe/abc.def>"]
    assert headers["List-Unsubscribe-Post"] == ["List-Unsubscribe=One-Click"]
    parsed = email.message_from_bytes(mailpit.raw(summary["ID"]), policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in parsed.iter_parts()] == ["text/plain", "text/html"]
    [row] = rows(db, table, to)
    assert (row.attempts, row.last_error, row.failed_at) == (1, None, None)
    mailpit.delete_to(to)


def test_a_rolled_back_transaction_sends_nothing(db, db_url, table, outbox):
    mailpit, lost, kept = stack_mailpit(), address("lost"), address("kept")
    school = str(uuid.uuid4())
    with pytest.raises(RuntimeError):
        with db.tenant_session(school) as session:
            outbox.enqueue(session, school, mail(lost))
            raise RuntimeError("the change failed after its mail was queued")
    queue(db, outbox, school, mail(kept))
    relay = relay_of(db, table, db_url, SmtpTransport(stack_settings()))
    assert relay.send_queued().sent == 1
    mailpit.wait_for(kept)
    assert rows(db, table, lost) == [] and mailpit.to(lost) == []
    mailpit.delete_to(kept)


def test_mails_wait_while_the_server_is_down_and_go_when_it_returns(db, db_url, table, outbox, tmp_path):
    server = OwnMailpit(tmp_path)  # not started: nothing listens on its ports
    recipients = [address() for _ in range(3)]
    relay = relay_of(db, table, db_url, SmtpTransport(settings(server.smtp_port)))
    relay.start()
    try:
        queue(db, outbox, str(uuid.uuid4()), *[mail(to, n) for n, to in enumerate(recipients)])
        # the relay tried, failed, waited and tried again: the first mail notes its attempts and why
        first = wait_until(lambda: (row := rows(db, table, recipients[0])[0]).attempts >= 2 and row,
                           what="a second attempt")
        assert first.last_error.startswith("ConnectionRefusedError") and first.sent_at is None
        assert all(row.sent_at is None and row.failed_at is None for row in rows(db, table))
        server.start()
        wait_until(lambda: all(row.sent_at for row in rows(db, table)), what="every mail sent")
        for to in recipients:
            assert len(server.api.to(to)) == 1, to
    finally:
        relay.stop()
        server.stop()


def test_a_deferred_mail_waits_and_a_refused_one_is_given_up(db, db_url, table, outbox, tmp_path):
    server = OwnMailpit(tmp_path, ("--enable-chaos",)).start()
    try:
        relay = relay_of(db, table, db_url, SmtpTransport(settings(server.smtp_port)))
        deferred_to, refused_to = address("deferred"), address("refused")
        server.api.set_chaos(451, 100)
        queue(db, outbox, str(uuid.uuid4()), mail(deferred_to))
        assert relay.send_queued().deferred == 1
        [row] = rows(db, table, deferred_to)
        assert row.last_error.startswith("451") and row.sent_at is None and row.failed_at is None
        assert row.next_attempt_at - row.created_at >= dt.timedelta(seconds=55)
        assert relay.send_queued().deferred == 0, "it waits its time"
        server.api.set_chaos(451, 0)
        with db.system_session() as session:  # its time has come
            session.execute(update(table).where(table.c.id == row.id).values(next_attempt_at=func.now()))
        assert relay.send_queued().sent == 1
        assert len(server.api.wait_for(deferred_to)) == 1

        server.api.set_chaos(550, 100)
        queue(db, outbox, str(uuid.uuid4()), mail(refused_to))
        assert relay.send_queued().rejected == 1
        [row] = rows(db, table, refused_to)
        assert row.failed_at is not None and row.last_error.startswith("550") and row.sent_at is None
        server.api.set_chaos(550, 0)
        assert relay.send_queued().sent == 0, "a refused mail is never sent again"
        assert server.api.to(refused_to) == []
    finally:
        server.stop()


def self_signed(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    return str(tmp_path / "cert.pem"), str(tmp_path / "key.pem")


def test_starttls_and_login_as_the_municipal_relay_wants_them(db, db_url, table, outbox, tmp_path):
    cert, key = self_signed(tmp_path)
    password = uuid.uuid4().hex
    sha = base64.b64encode(hashlib.sha1(password.encode()).digest()).decode()
    (tmp_path / "smtp-users").write_text(f"relay:{{SHA}}{sha}\n")
    server = OwnMailpit(tmp_path, ("--smtp-tls-cert", cert, "--smtp-tls-key", key, "--smtp-require-starttls",
                                   "--smtp-auth-file", str(tmp_path / "smtp-users"))).start()
    try:
        wrong = relay_of(db, table, db_url, SmtpTransport(
            settings(server.smtp_port, "starttls", "relay", "wrong-password", cert)))
        right = relay_of(db, table, db_url, SmtpTransport(settings(server.smtp_port, "starttls", "relay", password, cert)))
        unverified = relay_of(db, table, db_url, SmtpTransport(settings(server.smtp_port, "starttls", "relay", password)))
        to = address()
        queue(db, outbox, str(uuid.uuid4()), mail(to))
        assert wrong.send_queued().server_down
        assert "SMTPAuthenticationError: 535" in rows(db, table, to)[0].last_error
        assert unverified.send_queued().server_down, "a certificate no authority we trust issued is refused"
        assert "CERTIFICATE_VERIFY_FAILED" in rows(db, table, to)[0].last_error
        assert right.send_queued().sent == 1
        [summary] = server.api.wait_for(to)
        assert server.api.message(summary["ID"])["Username"] == "relay"
    finally:
        server.stop()


class CrashAfterAcceptance(SmtpTransport):
    """The process dies after the server accepted the mail and before the relay marked it sent."""

    def send(self, recipient: str, message: bytes) -> None:
        super().send(recipient, message)
        raise RuntimeError("the relay's process died here")


def test_a_crash_after_the_server_accepted_a_mail_sends_the_same_message_again(db, db_url, table, outbox):
    mailpit, to = stack_mailpit(), address()
    [message_id] = queue(db, outbox, str(uuid.uuid4()), mail(to))
    with pytest.raises(RuntimeError, match="died"):
        relay_of(db, table, db_url, CrashAfterAcceptance(stack_settings())).send_queued()
    [row] = rows(db, table, to)
    assert row.sent_at is None, "not marked: the mark rolled back with the crash"
    assert relay_of(db, table, db_url, SmtpTransport(stack_settings())).send_queued().sent == 1
    copies = mailpit.wait_for(to, count=2)
    assert len(copies) == 2, "at least once: the copy of the crash and the resent one"
    assert {f"<{copy['MessageID']}>" for copy in copies} == {message_id}, "one Message-ID: receivers may drop the copy"
    assert len({as_sent(mailpit.raw(copy["ID"])) for copy in copies}) == 1, "byte for byte the same message"
    mailpit.delete_to(to)


def test_a_school_sees_only_its_own_mails(db, table, outbox):
    school_a, school_b = str(uuid.uuid4()), str(uuid.uuid4())
    queue(db, outbox, school_a, mail(address()))
    with db.tenant_session(school_b) as session:
        assert session.scalar(select(func.count()).select_from(table)) == 0
    with db.tenant_session(school_a) as session:
        assert session.scalar(select(func.count()).select_from(table)) == 1
    with db.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(table)) == 0, "no tenant bound: nothing visible"
    with pytest.raises(Exception, match="row-level security"):
        with db.tenant_session(school_a) as session:
            outbox.enqueue(session, school_b, mail(address()))


def test_retention_deletes_only_mails_sent_long_ago(db, table, outbox):
    old, recent, queued, given_up = (address(label) for label in ("old", "recent", "queued", "given-up"))
    queue(db, outbox, str(uuid.uuid4()), *(mail(to) for to in (old, recent, queued, given_up)))
    with db.system_session() as session:
        for to, values in ((old, {"sent_at": func.now() - dt.timedelta(days=8)}),
                           (recent, {"sent_at": func.now() - dt.timedelta(days=6)}),
                           (given_up, {"failed_at": func.now() - dt.timedelta(days=30)})):
            session.execute(update(table).where(table.c.recipient == to).values(**values))
    assert purge_sent(db, table, dt.timedelta(days=7), batch=1) == 1
    assert sorted(row.recipient for row in rows(db, table)) == sorted([recent, queued, given_up])


def as_sent(raw: bytes) -> bytes:
    """A message as the relay sent it: without the Return-Path and Received headers Mailpit puts on top (Received
    carries the second of arrival, which differs between two deliveries of the same message)."""
    lines = raw.split(b"\r\n")
    while lines and (lines[0].startswith((b"Return-Path:", b"Received:")) or lines[0][:1] in (b" ", b"\t")):
        lines.pop(0)
    return b"\r\n".join(lines)
