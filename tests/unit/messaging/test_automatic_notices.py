"""The automatic notices' handlers on a fake unit of work (in-memory stores of our own): a 2 reaches the child's
guardians who want it, once per mark, only while the school sends it; a corrected absence is cancelled, an absence
is held until the day's cut-off; every created notice is published with its deliveries; a guardian who turned the
e-mail channel on and confirmed an address is mailed it, with the link that unsubscribes from that kind."""
import datetime as dt

from proto.journal.v1 import journal_pb2
from proto.messaging.v1 import messaging_pb2 as pb
from services.common.dates import SCHOOL_ZONE
from services.common.signed_links import UnsubscribeLinks
from services.messaging.adapters.mailer import Mailer
from services.messaging.domain.messaging_policy import MessagingPolicy
from services.messaging.service_layer import automatic_notices
from tests.support.fake_unit_of_work import FakeUnitOfWork

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=SCHOOL_ZONE)


class FakePolicy:
    def __init__(self):
        self.value = MessagingPolicy()

    def load(self, for_update: bool = False) -> MessagingPolicy:
        return self.value


class FakeDirectory:
    def __init__(self):
        self.guardians = {"son": ["mother", "father"]}
        self.known = {("person", "son"): "Иванов Пётр", ("subject", "maths"): "Математика"}

    def guardians_of(self, student_ids):
        return {s: self.guardians.get(s, []) for s in student_ids}

    def names(self, kind, ids):
        return {i: self.known[(kind, i)] for i in ids if (kind, i) in self.known}


class FakeNotices:
    def __init__(self):
        self.rows, self.recipients, self.choices, self.held, self.cancelled = {}, {}, {}, [], []

    def add(self, row, recipients):
        if row["dedup_key"] in {r["dedup_key"] for r in self.rows.values()}:
            return False
        self.rows[row["id"]], self.recipients[row["id"]] = row, recipients
        return True

    def preferences(self, guardian_ids):
        return {g: self.choices.get(g, {}) for g in guardian_ids}

    def hold_absence(self, row, now):
        self.held.append(row)

    def cancel_absence(self, lesson_id, student_id, now):
        self.cancelled.append((lesson_id, student_id))


class FakeFamilyMail:
    def __init__(self):
        self.addresses = {}

    def confirmed(self, guardian_ids):
        return {g: self.addresses[g] for g in guardian_ids if g in self.addresses}


KEY = "k" * 40
SCHOOL = "5a1c1e4e-0000-4000-8000-000000000001"
GUARDIANS = {"mother": "5a1c1e4e-0000-4000-8000-000000000002", "father": "5a1c1e4e-0000-4000-8000-000000000003"}


class FakeMessagingUnitOfWork(FakeUnitOfWork):
    def __init__(self):
        super().__init__(SCHOOL)
        self.policy, self.directory, self.notices = FakePolicy(), FakeDirectory(), FakeNotices()
        self.family_mail, self.mailer = FakeFamilyMail(), Mailer("Отметка <noreply@school.example>", [KEY],
                                                                  "https://journal.example")
        self.mails = []

    def queue_mail(self, mail, now):
        self.mails.append(mail)


def two(mark_id: str = "m1") -> journal_pb2.Mark:
    return journal_pb2.Mark(id=mark_id, student_id="son", value="2", subject_id="maths", lesson_date="2026-03-02")


def test_a_two_reaches_the_guardians_who_want_it_once():
    uow = FakeMessagingUnitOfWork()
    uow.notices.choices["father"] = {("mark_2", "in_app"): False}
    assert automatic_notices.mark_given(uow, two(), "5a", "", NOW)
    assert not automatic_notices.mark_given(uow, two(), "5a", "", NOW)  # the same mark again
    [row] = uow.notices.rows.values()
    assert (row["kind"], row["student_name"], row["dedup_key"]) == ("mark_2", "Иванов Пётр", "mark_2:m1")
    assert "«Математика»" in row["text"]
    [event] = uow.published
    assert isinstance(event, pb.NoticeCreated)
    assert [(d.person_id, d.student_id, d.channel) for d in event.deliveries] == [("mother", "son", "in_app")]


def test_nothing_while_the_school_does_not_send_it_or_nobody_wants_it():
    uow = FakeMessagingUnitOfWork()
    uow.policy.value = MessagingPolicy(notify_mark_2=False)
    assert not automatic_notices.mark_given(uow, two(), "5a", "", NOW)
    uow.policy.value = MessagingPolicy()
    assert not automatic_notices.mark_given(uow, journal_pb2.Mark(id="m2", student_id="son", value="3"), "5a", "",
                                            NOW)
    uow.directory.guardians = {}
    assert not automatic_notices.mark_given(uow, two("m3"), "5a", "", NOW)
    assert uow.published == [] and uow.notices.rows == {}


def test_an_absence_is_held_until_the_cut_off_and_a_correction_cancels_it():
    uow = FakeMessagingUnitOfWork()
    uow.policy.value = MessagingPolicy(absence_notice_time="13:30")
    absent = journal_pb2.AttendanceEntry(lesson_id="l1", student_id="son", status="absent")
    automatic_notices.attendance_recorded(uow, absent, "5a", "2026-03-02", NOW)
    [held] = uow.notices.held
    assert held["due_at"] == dt.datetime(2026, 3, 2, 13, 30, tzinfo=SCHOOL_ZONE) and held["attendance"] == "absent"
    automatic_notices.attendance_recorded(uow, journal_pb2.AttendanceEntry(lesson_id="l1", student_id="son",
                                                                           status="ill"), "5a", "2026-03-02", NOW)
    assert uow.notices.cancelled == [("l1", "son")] and uow.published == []


def test_a_two_by_e_mail_to_a_guardian_who_turned_it_on_and_confirmed_an_address():
    uow = FakeMessagingUnitOfWork()
    uow.directory.guardians = {"son": [GUARDIANS["mother"], GUARDIANS["father"]]}
    uow.notices.choices = {g: {("mark_2", "email"): True} for g in GUARDIANS.values()}
    uow.family_mail.addresses[GUARDIANS["mother"]] = "maria@example.org"  # the father has no confirmed address
    assert automatic_notices.mark_given(uow, two(), "5a", "", NOW)
    [event] = uow.published
    assert sorted((d.person_id, d.channel) for d in event.deliveries) == sorted(
        [(GUARDIANS["mother"], "in_app"), (GUARDIANS["mother"], "email"), (GUARDIANS["father"], "in_app")])
    [mail] = uow.mails
    assert (mail.to, mail.kind, mail.subject) == ("maria@example.org", "notice.mark_2", "Иванов Пётр: отметка «2»")
    assert "«Математика»" in mail.text and mail.unsubscribe_url in mail.text
    link = UnsubscribeLinks([KEY], "https://journal.example").read(mail.unsubscribe_url.rsplit("/", 1)[1], NOW.date())
    assert (link.school_id, link.guardian_id, link.subscription) == (SCHOOL, GUARDIANS["mother"], "notice.mark_2")


def test_no_e_mail_unless_the_guardian_turned_it_on():
    uow = FakeMessagingUnitOfWork()
    uow.family_mail.addresses["mother"] = "maria@example.org"
    assert automatic_notices.mark_given(uow, two(), "5a", "", NOW)
    assert uow.mails == [] and {d.channel for d in uow.published[0].deliveries} == {"in_app"}
