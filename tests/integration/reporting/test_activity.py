"""The weekly user-activity report (seed 003 §8) on the real PostgreSQL fed through reporting's consumer: identity's
staff events and sign-ins and the journal's entries (each by its envelope's actor, on its day in the schools' time
zone) become rm_staff and rm_activity, counted once however often an event is delivered; GetUserActivity and its PDF
and XLSX give the week's numbers for the managers only; the rows are the school's own; the weekly schedule forms the
report of the week before once per school and week."""
import datetime as dt
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.reporting.v1 import reporting_pb2_grpc
from services.common.consumer import IdempotentConsumer
from services.common.dates import SCHOOL_ZONE
from services.common.outbox import Outbox, envelope
from services.common.scope import Scope
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.adapters.report_job_store import ReportJobQueue
from services.reporting.entrypoints.consumers import handlers
from services.reporting.service_layer.activity_schedule import form_weekly_activity
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error, serving
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack
NOW = dt.datetime(2026, 9, 16, 9, 0, tzinfo=SCHOOL_ZONE)  # a Wednesday: the last full week is 07.09–13.09
IVANOVA_LOGIN, SERVICE = "kc-ivanova", "service:journal"


def at(day: int, hour: int = 10) -> dt.datetime:
    """A moment of September 2026 at the school."""
    return dt.datetime(2026, 9, day, hour, 0, tzinfo=SCHOOL_ZONE)


class School:
    """Иванова (subject and form teacher, her login told by AccountActivated) signs in on Monday 07.09 and twice on
    Tuesday 08.09 (and once the week before) and fills the journal; the director Сидорова, whom reporting never saw
    registered, signs in once; Петров (subject teacher) does nothing; a parent's sign-in is no staff activity; the
    journal's service account records one mark; an entry at 01:30 on Monday 14.09 (school time) is next week's."""

    def __init__(self):
        self.school_id, self.ivanova, self.petrov, self.sidorova, self.parent = (str(uuid.uuid4()) for _ in range(5))

    def mark(self) -> journal.Mark:
        return journal.Mark(id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=str(uuid.uuid4()),
                            subject_id=str(uuid.uuid4()), value="5", work_type="classwork", lesson_date="2026-09-07")

    def staff(self, person_id: str, last: str, first: str, *roles: str) -> identity.PersonRegistered:
        return identity.PersonRegistered(person=identity.Person(
            id=person_id, school_id=self.school_id, kind=identity.STAFF, roles=roles,
            name=identity.PersonName(last_name=last, first_name=first, middle_name="Петровна" if first == "Мария" else "")))

    def signed_in(self, person_id: str, subject: str, moment: dt.datetime, *roles: str, name: str = ""):
        return identity.PersonSignedIn(school_id=self.school_id, person_id=person_id, subject=subject,
                                       signed_in_at=moment.isoformat(), roles=roles, full_name=name)

    def identity_events(self) -> list[tuple]:
        """(event, actor, when) of identity."""
        return [(identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Школа активности»"), "system", at(1)),
                (self.staff(self.ivanova, "Иванова", "Мария", "subject_teacher", "form_teacher"), "admin", at(1)),
                (self.staff(self.petrov, "Петров", "Олег", "subject_teacher"), "admin", at(1)),
                (identity.AccountActivated(person_id=self.ivanova, subject=IVANOVA_LOGIN), IVANOVA_LOGIN, at(2)),
                (identity.AccountActivated(person_id=self.parent, subject="kc-parent"), "kc-parent", at(2)),
                *((self.signed_in(self.ivanova, IVANOVA_LOGIN, moment, "subject_teacher", "form_teacher",
                                  name="Иванова Мария Петровна"), IVANOVA_LOGIN, moment)
                  for moment in (at(4), at(7), at(8, 9), at(8, 15))),
                (self.signed_in(self.sidorova, "kc-sidorova", at(9), "director", name="Сидорова Анна"),
                 "kc-sidorova", at(9)),
                (self.signed_in(self.parent, "kc-parent", at(9), "guardian", name="Родителева Ольга"), "kc-parent",
                 at(9))]

    def marks_run(self) -> list[tuple]:
        """A run of three recorded marks and one changed (one consumer batch), by Иванова on Monday."""
        changed = journal.MarkChanged(mark=self.mark(), class_group_id=str(uuid.uuid4()), old_value="4")
        return [*((journal.MarkRecorded(mark=self.mark(), class_group_id=str(uuid.uuid4())), IVANOVA_LOGIN, at(7))
                  for _ in range(3)), (changed, IVANOVA_LOGIN, at(7))]

    def journal_events(self) -> list[tuple]:
        lesson = str(uuid.uuid4())
        term_mark = journal.TermMark(id=str(uuid.uuid4()), student_id=str(uuid.uuid4()), subject_id=str(uuid.uuid4()),
                                     term_id=str(uuid.uuid4()), class_group_id=str(uuid.uuid4()), value="5")
        final_mark = journal.FinalMark(id=str(uuid.uuid4()), student_id=str(uuid.uuid4()),
                                       subject_id=str(uuid.uuid4()), class_group_id=str(uuid.uuid4()), kind="annual",
                                       value="5")
        return [(journal.MarkDeleted(mark=self.mark(), class_group_id=str(uuid.uuid4())), IVANOVA_LOGIN, at(8)),
                *((journal.AttendanceRecorded(entry=journal.AttendanceEntry(
                    lesson_id=lesson, student_id=str(uuid.uuid4()), status="absent"), class_group_id=str(uuid.uuid4()),
                    lesson_date="2026-09-08"), IVANOVA_LOGIN, at(8)) for _ in range(2)),
                *((journal.TopicSet(lesson_id=str(uuid.uuid4()), topic="Дроби", class_group_id=str(uuid.uuid4()),
                                    lesson_date="2026-09-08"), IVANOVA_LOGIN, at(8)) for _ in range(2)),
                (journal.HomeworkSet(lesson_id=lesson, homework="№ 5", class_group_id=str(uuid.uuid4()),
                                     lesson_date="2026-09-08"), IVANOVA_LOGIN, at(8)),
                (journal.TermMarkSet(term_mark=term_mark), IVANOVA_LOGIN, at(11)),
                (journal.FinalMarkSet(final_mark=final_mark), IVANOVA_LOGIN, at(13)),
                (journal.MarkRecorded(mark=self.mark(), class_group_id=str(uuid.uuid4())), SERVICE, at(10)),
                (journal.TopicSet(lesson_id=str(uuid.uuid4()), topic="Следующая неделя",
                                  class_group_id=str(uuid.uuid4()), lesson_date="2026-09-14"), IVANOVA_LOGIN,
                 dt.datetime(2026, 9, 13, 22, 30, tzinfo=dt.UTC))]


def raw(school_id: str, event, actor: str, moment: dt.datetime) -> bytes:
    env = envelope(school_id, event, actor=actor)
    env.occurred_at.FromDatetime(moment.astimezone(dt.UTC))
    return env.SerializeToString()


def deliver(db, school_id: str, told: list[tuple]) -> list[bool]:
    """Each event in its own transaction."""
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    return [consumer.handle(raw(school_id, *one)) for one in told]


def deliver_run(db, school_id: str, told: list[tuple]) -> list[bytes]:
    """The events as one consumer batch (a run: one call of a batched handler); their serialized envelopes."""
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    raws = [raw(school_id, *one) for one in told]
    assert consumer.apply(school_id, [consumer.decode(r) for r in raws]) == len(raws)
    return raws


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.identity_events()))
    marks = deliver_run(db, school.school_id, school.marks_run())
    assert all(deliver(db, school.school_id, school.journal_events()))
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    assert not any(consumer.handle(r) for r in marks), "a redelivered event is counted once"
    return school


@pytest.fixture(scope="module")
def clocked(db, principals):
    servicer = bootstrap.servicer(db, Outbox("reporting", tables.outbox), clock=lambda: NOW)
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server, servicer,
                 reporting_pb2_grpc.ReportingServiceStub, principals) as served:
        yield served


def asked(stub, principals, school: School, rpc: str, week_of: str = "", role: str = "director", **grant):
    principals.grant(school.school_id, role, **grant)
    try:
        return call(stub, rpc, pb.GetUserActivityRequest(school_id=school.school_id, week_of=week_of),
                    stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def counts(row) -> tuple:
    c = row.counts
    return (c.days_signed_in, c.sign_ins, c.topics, c.marks, c.marks_corrected, c.attendance, c.homework,
            c.period_marks)


IVANOVA = ("Иванова Мария Петровна", "учитель-предметник, классный руководитель", (2, 3, 2, 3, 2, 2, 1, 2))
SIDOROVA = ("Сидорова Анна", "директор", (1, 1, 0, 0, 0, 0, 0, 0))
JOURNAL = (SERVICE, "", (0, 0, 0, 1, 0, 0, 0, 0))
TOTAL = (3, 4, 2, 4, 2, 2, 1, 2)


def test_the_week_counts_each_persons_sign_ins_and_entries(clocked, principals, school):
    report = asked(clocked, principals, school, "GetUserActivity")  # the last full week by default
    assert (report.week_from, report.week_to, report.school_name) == ("2026-09-07", "2026-09-13",
                                                                      "МБОУ «Школа активности»")
    assert [(r.name, r.roles, counts(r)) for r in report.rows] == [JOURNAL, IVANOVA, SIDOROVA]
    assert [(r.name, r.roles) for r in report.idle] == [("Петров Олег", "учитель-предметник")]
    assert counts(pb.UserActivityRow(counts=report.total)) == TOTAL
    same = asked(clocked, principals, school, "GetUserActivity", "2026-09-10", role="deputy_head")
    assert same == report, "any day of the week asks for that week"
    earlier = asked(clocked, principals, school, "GetUserActivity", "2026-08-31", role="school_admin")
    assert [(r.name, counts(r)) for r in earlier.rows] == [("Иванова Мария Петровна", (1, 1, 0, 0, 0, 0, 0, 0))]
    later = asked(clocked, principals, school, "GetUserActivity", "2026-09-14")
    assert [(r.name, counts(r)) for r in later.rows] == [("Иванова Мария Петровна", (0, 0, 1, 0, 0, 0, 0, 0))], \
        "01:30 on Monday at the school is next week's"


@needs_pdftotext
def test_the_pdf_and_the_xlsx_have_the_same_numbers(clocked, principals, school, tmp_path):
    pdf = asked(clocked, principals, school, "RenderUserActivityPdf")
    assert pdf.filename == "user-activity-2026-09-07-2026-09-13.pdf" and pdf.media_type == "application/pdf"
    printed = " ".join(pdf_text(pdf.content, tmp_path).split())
    assert "Отчёт по активности пользователей" in printed and "неделя с 07.09.2026 по 13.09.2026" in printed
    assert "Иванова Мария Петровна" in printed and "2 3 2 3 2 2 1 2" in printed
    assert "Итого по школе 3 4 2 4 2 2 1 2" in printed
    assert "Не входили в систему" in printed and "Петров Олег" in printed and "стр. 1 из 1" in printed
    xlsx = asked(clocked, principals, school, "RenderUserActivityXlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    sheet = book["Активность"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[0] == "Сотрудник")
    assert [tuple(r[:2]) + tuple(r[2:]) for r in rows[header + 1:header + 4]] == [
        (name, roles or None, *numbers) for name, roles, numbers in (JOURNAL, IVANOVA, SIDOROVA)]
    total = rows[header + 4]
    assert total[0] == "Итого по школе" and total[3] == f"=SUM(D{header + 2}:D{header + 4})"
    assert [[c.value for c in row] for row in book["Не входили в систему"].iter_rows()][-1] == [
        "Петров Олег", "учитель-предметник"]


def test_only_the_managers_read_it_and_a_wrong_week_is_named(clocked, principals, school):
    for role, grant in (("form_teacher", {"leads": (str(uuid.uuid4()),)}), ("subject_teacher", {}),
                        ("secretary", {})):
        with pytest.raises(grpc.RpcError) as refused:
            asked(clocked, principals, school, "GetUserActivity", role=role, **grant)
        assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED, role
    with pytest.raises(grpc.RpcError) as refused:
        asked(clocked, principals, school, "GetUserActivity", "13.09.2026")
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "week_of" in fields


def test_the_rows_are_the_schools_own(db, school):
    other = School()
    assert all(deliver(db, other.school_id, [(other.staff(other.petrov, "Чужой", "Иван", "director"), "a", at(1))]))
    with db.tenant_session(other.school_id) as session:
        assert session.scalar(select(func.count()).select_from(tables.activity)) == 0
        assert session.scalars(select(tables.staff.c.full_name)).all() == ["Чужой Иван"]
    with db.tenant_session(school.school_id) as session:
        assert set(session.scalars(select(tables.activity.c.school_id))) == {school.school_id}
        assert session.scalar(select(tables.staff.c.subject).where(tables.staff.c.id == school.ivanova)) == \
            IVANOVA_LOGIN
        assert session.scalar(select(func.count()).select_from(tables.staff).where(
            tables.staff.c.id == school.parent)) == 0, "a parent's activation or sign-in makes no staff row"
    with db.engine.connect() as raw_connection:  # the app role with no tenant bound sees nothing
        for table in ("rm_staff", "rm_activity"):
            assert raw_connection.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table


def test_the_schedule_forms_last_weeks_report_once_a_week(db, school):
    queue, uows = ReportJobQueue(db), bootstrap.units_of_work(db, Outbox("reporting", tables.outbox))
    assert school.school_id in form_weekly_activity(queue, uows, dt.date(2026, 9, 14))
    assert school.school_id not in form_weekly_activity(queue, uows, dt.date(2026, 9, 16)), "once a week"
    assert school.school_id in form_weekly_activity(queue, uows, dt.date(2026, 9, 21))
    with db.tenant_session(school.school_id) as session:
        jobs = session.execute(select(tables.report_jobs.c.params, tables.report_jobs.c.scheduled_for,
                                      tables.report_jobs.c.requested_by).where(
            tables.report_jobs.c.kind == "user-activity", tables.report_jobs.c.scheduled_for < dt.date(2026, 10, 1))
            .order_by(tables.report_jobs.c.scheduled_for)).all()
    assert [(j.params, j.scheduled_for, j.requested_by) for j in jobs] == [
        ({"week_of": "2026-09-07", "format": "pdf"}, dt.date(2026, 9, 14), "schedule"),
        ({"week_of": "2026-09-14", "format": "pdf"}, dt.date(2026, 9, 21), "schedule")]


def test_the_school_moves_the_weekly_report_to_its_weekday_or_turns_it_off(db, school):
    queue, uows = ReportJobQueue(db), bootstrap.units_of_work(db, Outbox("reporting", tables.outbox))
    with uows(Scope.of_event(school.school_id)) as uow:
        uow.report_jobs.set_schedule(15, None, 3)  # Wednesdays
    assert school.school_id not in form_weekly_activity(queue, uows, dt.date(2026, 10, 6)), "Tuesday: not yet"
    assert school.school_id in form_weekly_activity(queue, uows, dt.date(2026, 10, 7))
    assert school.school_id not in form_weekly_activity(queue, uows, dt.date(2026, 10, 9)), "once a week"
    with uows(Scope.of_event(school.school_id)) as uow:
        uow.report_jobs.set_schedule(15, None, 0)
    assert school.school_id not in form_weekly_activity(queue, uows, dt.date(2026, 10, 14)), "turned off"
    with db.tenant_session(school.school_id) as session:
        assert session.scalars(select(tables.report_jobs.c.scheduled_for).where(
            tables.report_jobs.c.kind == "user-activity", tables.report_jobs.c.scheduled_for >= dt.date(2026, 10, 1))
        ).all() == [dt.date(2026, 10, 5)], "the week's Monday, once"
    with uows(Scope.of_event(school.school_id)) as uow:
        uow.report_jobs.set_schedule(15, None, 1)
