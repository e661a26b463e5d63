"""A guardian's e-mail on the real PostgreSQL and Mailpit: a new address gets a confirmation link (called without a
token, as the gateway's page does) and nothing else before it is opened; the scheduled digest of the day is composed
from the child's diary, queued once, waits while the mail server is down and goes when it returns (a Mailpit of the
test's own, stopped and started); its unsubscribe link stops it; a 2 by e-mail is queued with the event that told it,
once; refusals are clear and write nothing."""
import datetime as dt
import email
import email.policy
import re
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.journal.v1 import journal_pb2
from proto.messaging.v1 import messaging_pb2 as pb
from services.common.consumer import IdempotentConsumer
from services.common.dates import SCHOOL_ZONE
from services.common.mail_outbox import MailRelay, SmtpTransport
from services.common.outbox import envelope
from services.common.settings import MailSettings
from services.messaging import bootstrap
from services.messaging.adapters import tables
from services.messaging.entrypoints.consumers import handlers
from services.messaging.service_layer import digests
from tests.integration.messaging.conftest import PUBLIC_URL, SENDER
from tests.support import stack
from tests.support.grpc_harness import rpc_error
from tests.support.mailpit import OwnMailpit, address, wait_until

pytestmark = pytest.mark.stack
MONDAY = dt.date(2026, 3, 2)


def mails_to(messaging, school_id: str, to: str) -> list:
    with messaging.db.tenant_session(school_id) as session:
        rows = session.execute(select(tables.mail_outbox).where(tables.mail_outbox.c.recipient == to)
                               .order_by(tables.mail_outbox.c.seq)).all()
    return rows


def queued(messaging) -> list:
    with messaging.db.system_session() as session:
        return session.execute(select(tables.mail_outbox).where(tables.mail_outbox.c.sent_at.is_(None))
                               .order_by(tables.mail_outbox.c.seq)).all()


def parsed(row) -> email.message.EmailMessage:
    return email.message_from_bytes(row.message, policy=email.policy.default)


def link(message, path: str) -> str:
    text = message.get_body(("plain",)).get_content()
    return re.search(re.escape(PUBLIC_URL + path) + r"([A-Za-z0-9_.-]+)", text).group(1)


def public(messaging, method: str, token: str) -> pb.MailLink:
    """A call without any token, as the gateway makes it for a link opened from a mail."""
    return getattr(messaging.stub, method)(pb.MailLinkRequest(token=token), timeout=30)


def confirmed_address(messaging, school, guardian, digest: str = "daily") -> str:
    to = address()
    messaging.act_as(school, guardian)
    messaging.call("SetMailSettings", pb.SetMailSettingsRequest(school_id=school.id, address=to, digest=digest))
    [confirmation] = mails_to(messaging, school.id, to)
    assert public(messaging, "UseMailLink", link(parsed(confirmation), "/mail/confirm/")).done
    return to


def test_a_new_address_is_confirmed_through_the_link_mailed_to_it(messaging, school):
    mother = school.guardians[0]
    to = address()
    messaging.act_as(school, mother)
    settings = messaging.call("SetMailSettings", pb.SetMailSettingsRequest(school_id=school.id, address=to,
                                                                           digest="weekly"))
    assert (settings.address, settings.confirmed, settings.digest) == (to, False, "weekly")
    [row] = mails_to(messaging, school.id, to)
    assert row.kind == "confirm-address"
    message = parsed(row)
    assert message["Subject"] == "Подтвердите адрес для писем из электронного дневника"
    token = link(message, "/mail/confirm/")
    shown = public(messaging, "ReadMailLink", token)
    assert (shown.kind, shown.school_id, shown.address, shown.done) == ("confirm", school.id, to, False)
    assert public(messaging, "UseMailLink", token).done
    assert public(messaging, "UseMailLink", token).done  # twice is no error
    messaging.act_as(school, mother)
    assert messaging.call("GetMailSettings", pb.GetMailSettingsRequest(school_id=school.id)).confirmed

    other = address()
    changed = messaging.call("SetMailSettings", pb.SetMailSettingsRequest(school_id=school.id, address=other))
    assert (changed.address, changed.confirmed, changed.digest) == (other, False, "weekly")
    with pytest.raises(grpc.RpcError) as exc:
        public(messaging, "UseMailLink", token)  # the old address's link confirms nothing now
    assert rpc_error(exc)[0] == grpc.StatusCode.FAILED_PRECONDITION
    with pytest.raises(grpc.RpcError) as exc:
        public(messaging, "UseMailLink", token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    code, message_text, fields = rpc_error(exc)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "Ссылка недействительна" in message_text and "token" in fields


def test_refusals_are_clear_and_write_nothing(messaging, school):
    mother = school.guardians[0]
    messaging.act_as(school, mother)
    with pytest.raises(grpc.RpcError) as exc:
        messaging.call("SetMailSettings", pb.SetMailSettingsRequest(school_id=school.id, address="мама@example.org"))
    assert rpc_error(exc)[0] == grpc.StatusCode.INVALID_ARGUMENT and "address" in rpc_error(exc)[2]
    with pytest.raises(grpc.RpcError) as exc:
        messaging.call("SetMailSettings", pb.SetMailSettingsRequest(school_id=school.id, address=address(),
                                                                    digest="hourly"))
    assert "digest" in rpc_error(exc)[2]
    nothing = messaging.call("GetMailSettings", pb.GetMailSettingsRequest(school_id=school.id))
    assert (nothing.address, nothing.confirmed, nothing.digest) == ("", False, "none")
    with pytest.raises(grpc.RpcError) as exc:
        messaging.call("SendDigestNow", pb.SendDigestNowRequest(school_id=school.id))
    assert rpc_error(exc)[0] == grpc.StatusCode.FAILED_PRECONDITION and "address" in rpc_error(exc)[2]
    messaging.act_as(school, school.form_teacher)
    with pytest.raises(grpc.RpcError) as exc:
        messaging.call("GetMailSettings", pb.GetMailSettingsRequest(school_id=school.id))
    assert rpc_error(exc)[0] == grpc.StatusCode.PERMISSION_DENIED


def diary_of_monday(messaging, student_id: str) -> None:
    messaging.journal.diaries[student_id] = journal_pb2.Diary(
        student_id=student_id,
        work_types=[journal_pb2.WorkType(code="test", name="контрольная работа", weight="2")],
        entries=[
            journal_pb2.DiaryEntry(lesson_id=str(uuid.uuid4()), date="2026-03-02", lesson_number=2,
                                   subject_name="Математика", homework="№ 245, 247", marks=[journal_pb2.Mark(
                                       value="2", work_type="test", comment="Повторить дроби")]),
            journal_pb2.DiaryEntry(lesson_id=str(uuid.uuid4()), date="2026-03-02", lesson_number=3,
                                   subject_name="Физика", attendance="unexcused"),
            journal_pb2.DiaryEntry(lesson_id=str(uuid.uuid4()), date="2026-03-04", lesson_number=1,
                                   subject_name="Математика"),
        ])


def test_the_days_digest_waits_while_the_mail_server_is_down_and_goes_when_it_returns(messaging, school, tmp_path):
    son, mother = school.students[0], school.guardians[0]
    to = confirmed_address(messaging, school, mother, "daily")
    diary_of_monday(messaging, son.id)
    units = bootstrap.units_of_work(messaging.db, messaging.outbox, messaging.ports)
    assert digests.send_due_digests(units, school.id, dt.datetime(2026, 3, 2, 17, 59, tzinfo=SCHOOL_ZONE)) == 0
    evening = dt.datetime(2026, 3, 2, 18, 5, tzinfo=SCHOOL_ZONE)
    assert digests.send_due_digests(units, school.id, evening) == 1
    assert digests.send_due_digests(units, school.id, evening + dt.timedelta(hours=1)) == 0  # once a day
    [row] = [r for r in mails_to(messaging, school.id, to) if r.kind == "digest.daily"]
    assert row.sent_at is None

    server = OwnMailpit(tmp_path)  # not started: the mail server is down
    settings = MailSettings(smtp_host="127.0.0.1", smtp_port=server.smtp_port, smtp_security="none", smtp_user="",
                            smtp_password="", smtp_ca_file="", smtp_timeout=10, sender=SENDER,
                            link_keys=("l" * 40,), public_url=PUBLIC_URL)
    relay = MailRelay(messaging.db, tables.mail_outbox, SmtpTransport(settings),
                      stack.deployed("messaging").replace("postgresql+psycopg://", "postgresql://"), max_pause=0.3,
                      poll=0.5)
    relay.start()
    try:
        wait_until(lambda: queued(messaging)[0].attempts >= 2,  # the oldest mail waits, and every one after it
                   what="the relay trying while the server is down")
        assert [r for r in mails_to(messaging, school.id, to) if r.kind == "digest.daily"][0].sent_at is None
        server.start()
        [summary] = wait_until(lambda: [m for m in server.api.to(to) if m["Subject"].startswith("Дневник")],
                               what="the digest in Mailpit")
        full = server.api.message(summary["ID"])
    finally:
        relay.stop()
        server.stop()
    assert full["Subject"] == "Дневник за 2 марта 2026: Иванов Пётр"
    assert "- Иванов Пётр — Математика, 2 марта (пн): 2 (контрольная работа; вес 2; комментарий учителя: «Повторить " \
           "дроби»)" in full["Text"]
    assert "- Иванов Пётр — Физика, 2 марта (пн): НП — неуважительная (3-й урок)" in full["Text"]
    assert "- Иванов Пётр — Математика, к 4 марта (ср): № 245, 247" in full["Text"]


def test_the_unsubscribe_link_of_a_digest_stops_it(messaging, school):
    son, mother = school.students[0], school.guardians[0]
    to = confirmed_address(messaging, school, mother, "daily")
    diary_of_monday(messaging, son.id)
    messaging.clock.now = dt.datetime(2026, 3, 2, 12, 0, tzinfo=SCHOOL_ZONE)
    messaging.act_as(school, mother)
    sent = messaging.call("SendDigestNow", pb.SendDigestNowRequest(school_id=school.id))
    assert (sent.sent, sent.address, sent.first_day, sent.last_day) == (True, to, "2026-03-02", "2026-03-02")
    [row] = [r for r in mails_to(messaging, school.id, to) if r.kind == "digest.daily"]
    message = parsed(row)
    token = message["List-Unsubscribe"].strip("<>").rsplit("/", 1)[1]
    assert link(message, "/unsubscribe/") == token
    shown = public(messaging, "ReadMailLink", token)
    assert (shown.kind, shown.done) == ("unsubscribe", False) and "сводку дневника" in shown.what
    assert public(messaging, "UseMailLink", token).done
    messaging.act_as(school, mother)
    assert messaging.call("GetMailSettings", pb.GetMailSettingsRequest(school_id=school.id)).digest == "none"
    units = bootstrap.units_of_work(messaging.db, messaging.outbox, messaging.ports)
    assert digests.send_due_digests(units, school.id, dt.datetime(2026, 3, 2, 18, 5, tzinfo=SCHOOL_ZONE)) == 0


def test_a_two_by_e_mail_is_queued_with_the_event_once(messaging, school):
    son, mother = school.students[0], school.guardians[0]
    to = confirmed_address(messaging, school, mother)
    messaging.act_as(school, mother)
    messaging.call("SetNoticePreferences", pb.SetNoticePreferencesRequest(school_id=school.id, preferences=[
        pb.NoticePreference(kind="mark_2", channel="email", enabled=True)]))
    consumer = IdempotentConsumer(messaging.db, tables.inbox, handlers(messaging.mailer))
    raw = envelope(school.id, journal_pb2.MarkRecorded(mark=journal_pb2.Mark(
        id=str(uuid.uuid4()), student_id=son.id, value="2", lesson_date="2026-03-02"),
        class_group_id=school.class_group_id), actor="test").SerializeToString()
    consumer.handle(raw)
    consumer.handle(raw)  # redelivered
    [row] = [r for r in mails_to(messaging, school.id, to) if r.kind == "notice.mark_2"]
    message = parsed(row)
    assert message["Subject"] == "Иванов Пётр: отметка «2»"
    assert message["List-Unsubscribe"].strip("<>") in message.get_body(("plain",)).get_content()
    token = message["List-Unsubscribe"].strip("<>").rsplit("/", 1)[1]
    assert public(messaging, "UseMailLink", token).done
    messaging.act_as(school, mother)
    chosen = messaging.call("GetNoticePreferences", pb.GetNoticePreferencesRequest(school_id=school.id)).preferences
    assert [(p.kind, p.enabled) for p in chosen if p.channel == "email" and p.kind == "mark_2"] == [("mark_2", False)]
