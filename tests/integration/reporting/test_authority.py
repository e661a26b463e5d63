"""The municipal authority's aggregates on the real PostgreSQL, fed through reporting's consumer: two schools' events
(one on quarters, one on half-years) → the refresher → every school side by side for a period (data and XLSX) and one
school's drill-down; the lessons filled on time from the TopicSet's time; a school's own session sees only its own rows;
only the realm role authority_operator reads them, and the operator reads no school's report."""
import datetime as dt
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from proto.archive.v1 import archive_pb2 as archive
from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.reporting.v1 import reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.consumer import IdempotentConsumer
from services.common.dates import SCHOOL_ZONE
from services.common.outbox import Outbox, envelope
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.adapters.school_aggregate_store import AggregateReader
from services.reporting.entrypoints.consumers import handlers
from services.reporting.entrypoints.servicer import ReportingServicer
from services.reporting.service_layer import authority
from tests.support import stack
from tests.support.grpc_harness import FakePrincipals, call, rpc_error, serving

pytestmark = pytest.mark.stack

NOW = dt.datetime(2026, 12, 29, 10, 0, tzinfo=SCHOOL_ZONE)


def at(day: str, hour: int) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=SCHOOL_ZONE)


def deliver(db, school_id: str, events: list) -> None:
    """Each event (or (event, when it happened)) through the consumer."""
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    for event in events:
        payload, when = event if isinstance(event, tuple) else (event, None)
        env = envelope(school_id, payload, actor="test")
        if when is not None:
            env.occurred_at.FromDatetime(when.astimezone(dt.UTC))
        assert consumer.handle(env.SerializeToString())


def term(term_id: str, name: str, start: str, end: str, grades: tuple[int, int] = (0, 0)) -> schedule.Term:
    return schedule.Term(id=term_id, name=name, start_date=start, end_date=end, grade_from=grades[0],
                         grade_to=grades[1])


def person(school_id: str, person_id: str, kind, last: str, access: str = "", class_group: str = ""):
    return identity.PersonRegistered(person=identity.Person(
        id=person_id, school_id=school_id, kind=kind, name=identity.PersonName(last_name=last, first_name="Имя"),
        access=access, memberships=[identity.ClassMembership(class_group_id=class_group)] if class_group else []))


def term_marks(term_id: str, class_group: str, student: str, subjects: tuple[str, str], values: tuple[str, str]):
    return [journal.TermMarkSet(term_mark=journal.TermMark(
        id=str(uuid.uuid4()), student_id=student, subject_id=subject, term_id=term_id, class_group_id=class_group,
        value=value)) for subject, value in zip(subjects, values, strict=True)]


class Quarters:
    """Школа № 1: 2026/2027 on quarters for grades 1–9; 5А (Антонов: 5, 5; Белова: 4, 3 in 1 четверть); four lessons
    of 1 четверть (one topic the same evening, one the next morning, one never, one cancelled); Белова missed two
    lessons (absent, ill); a teacher with a login, a guardian who activated hers; the 2025/2026 archive sealed."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(20))
        self.school_id, self.year, self.q1, self.q2, self.c5a, self.math, self.russian = (next(ids) for _ in range(7))
        self.antonov, self.belova, self.teacher, self.guardian = (next(ids) for _ in range(4))
        self.l1, self.l2, self.l3, self.l4 = (next(ids) for _ in range(4))
        self.name = f"МБОУ «Школа № 1» {self.school_id[:8]}"  # the test database keeps earlier runs' schools

    def lesson(self, lesson_id: str, day: str, status: str = "scheduled"):
        return schedule.LessonScheduled(lesson=schedule.Lesson(
            id=lesson_id, school_id=self.school_id, class_group_id=self.c5a, subject_id=self.math,
            teacher_id=self.teacher, date=day, status=status))

    def topic(self, lesson_id: str, day: str, when: dt.datetime):
        return journal.TopicSet(lesson_id=lesson_id, topic="Тема", class_group_id=self.c5a, lesson_date=day), when

    def absence(self, lesson_id: str, day: str, status: str):
        return journal.AttendanceRecorded(entry=journal.AttendanceEntry(
            lesson_id=lesson_id, student_id=self.belova, status=status), class_group_id=self.c5a, lesson_date=day)

    def events(self) -> list:
        subjects = (self.math, self.russian)
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name=self.name, short_name="Школа № 1"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(self.q1, "1 четверть", "2026-09-01", "2026-10-24", (1, 9)),
                    term(self.q2, "2 четверть", "2026-11-05", "2026-12-28", (1, 9))])),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=self.c5a, school_id=self.school_id, name="5А", grade=5, academic_year_id=self.year)),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.russian, "Русский язык"))),
            person(self.school_id, self.antonov, identity.STUDENT, "Антонов", class_group=self.c5a),
            person(self.school_id, self.belova, identity.STUDENT, "Белова", class_group=self.c5a),
            person(self.school_id, self.teacher, identity.STAFF, "Учителева", access="account"),
            person(self.school_id, self.guardian, identity.GUARDIAN, "Белова-мать", access="invited"),
            identity.AccountActivated(person_id=self.guardian, subject="s", username="belova"),
            *term_marks(self.q1, self.c5a, self.antonov, subjects, ("5", "5")),
            *term_marks(self.q1, self.c5a, self.belova, subjects, ("4", "3")),
            self.lesson(self.l1, "2026-09-10"), self.lesson(self.l2, "2026-09-17"), self.lesson(self.l3, "2026-09-24"),
            self.lesson(self.l4, "2026-10-01"), self.lesson(self.l4, "2026-10-01", "cancelled"),
            self.topic(self.l1, "2026-09-10", at("2026-09-10", 23)),  # filled on the lesson's day (Moscow time)
            self.topic(self.l2, "2026-09-17", at("2026-09-18", 8)),  # the next morning: late
            self.topic(self.l1, "2026-09-10", at("2026-09-20", 8)),  # changed later: the first time counts
            self.absence(self.l1, "2026-09-10", "absent"), self.absence(self.l2, "2026-09-17", "ill"),
            archive.ArchiveSealed(package=archive.ArchivePackage(
                id=str(uuid.uuid4()), school_id=self.school_id, academic_year_name="2025/2026", status="sealed")),
        ]


class HalfYears:
    """Школа № 2: 2026/2027 on half-years for every grade; 7А (Громов: 2, 4 in 1 полугодие)."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(10))
        self.school_id, self.year, self.h1, self.h2, self.c7a, self.math, self.russian, self.gromov = (
            next(ids) for _ in range(8))
        self.name = f"МБОУ «Школа № 2» {self.school_id[:8]}"

    def events(self) -> list:
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name=self.name, short_name="Школа № 2"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(self.h1, "1 полугодие", "2026-09-01", "2026-12-28"),
                    term(self.h2, "2 полугодие", "2027-01-11", "2027-05-31")])),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=self.c7a, school_id=self.school_id, name="7А", grade=7, academic_year_id=self.year)),
            person(self.school_id, self.gromov, identity.STUDENT, "Громов", class_group=self.c7a),
            *term_marks(self.h1, self.c7a, self.gromov, (self.math, self.russian), ("2", "4")),
        ]


@pytest.fixture(scope="module")
def stub(db):
    servicer = ReportingServicer(bootstrap.units_of_work(db, Outbox("reporting", tables.outbox)), clock=lambda: NOW,
                                 aggregates=AggregateReader(db))
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server, servicer,
                 reporting_pb2_grpc.ReportingServiceStub, FakePrincipals()) as served:
        yield served


@pytest.fixture(scope="module")
def schools(db, stub):
    one, two = Quarters(), HalfYears()
    deliver(db, one.school_id, one.events())
    deliver(db, two.school_id, two.events())
    assert call(stub, "RefreshSchoolAggregates", pb.RefreshSchoolAggregatesRequest(),
                stack.operator_token()).schools >= 2
    return one, two


def overview(stub, **request) -> pb.SchoolsOverview:
    return call(stub, "GetSchoolsOverview", pb.GetSchoolsOverviewRequest(year="2026/2027", **request),
                stack.operator_token())


def row_of(o: pb.SchoolsOverview, school_id: str) -> pb.AuthoritySchoolRow:
    return next(r for r in o.schools if r.school_id == school_id)


def test_every_school_side_by_side_for_a_quarter(stub, schools):
    one, two = schools
    o = overview(stub, period="q1")
    assert (o.year, o.period, o.period_name) == ("2026/2027", "q1", "1 четверть")
    assert {"q1", "q2", "h1", "h2", "year"} <= {p.key for p in o.periods}
    first, second = row_of(o, one.school_id), row_of(o, two.school_id)
    assert (first.school_name, first.computed, second.computed) == (one.name, True, False)
    m = first.metrics
    # Антонов отличник, Белова с одной «3»: quality 50 %, pass rate 100 %, average of 5, 5, 4, 3
    assert (m.students, m.quality, m.pass_rate, m.average) == (2, "50.0", "100.0", "4.25")
    # Белова missed two lessons: one per student; absent and ill half each
    assert (m.lessons_missed, m.missed_per_student) == (2, "1.00")
    assert {x.reason: (x.lessons, x.percent) for x in m.missed_by_reason if x.lessons} == {
        "absent": (1, "50.0"), "ill": (1, "50.0")}
    # three lessons held (one cancelled), one filled on its day
    assert (m.lessons_to_date, m.lessons_on_time, m.fill_rate) == (3, 1, "33.3")
    # the teacher's login works; of two students and a guardian, the guardian activated hers
    assert (m.staff, m.staff_activated, m.staff_activated_rate) == (1, 1, "100.0")
    assert (m.families, m.families_activated, m.families_activated_rate) == (3, 1, "33.3")
    assert m.archives_sealed == 1
    computed = [r.metrics for r in o.schools if r.computed]
    assert o.total.students == sum(x.students for x in computed)
    assert o.total.lessons_missed == sum(x.lessons_missed for x in computed)


def test_a_half_year_school_and_sorting(stub, schools):
    one, two = schools
    m = row_of(overview(stub, period="h1"), two.school_id).metrics
    assert (m.students, m.quality, m.pass_rate, m.average, m.period_name) == (1, "0.0", "0.0", "3.00", "1 полугодие")
    by_students = overview(stub, period="year", sort="students", descending=True)
    ours = [r.school_id for r in by_students.schools if r.school_id in (one.school_id, two.school_id)]
    assert ours == [one.school_id, two.school_id]
    ascending = overview(stub, period="year", sort="students")
    assert [r.school_id for r in ascending.schools if r.school_id in ours] == ours[::-1]


def test_the_drill_down_has_every_period_and_grade_and_no_person(stub, schools):
    one, _ = schools
    o = call(stub, "GetSchoolOverview", pb.GetSchoolOverviewRequest(school_id=one.school_id, year="2026/2027"),
             stack.operator_token())
    assert (o.school_name, o.year, list(o.years)) == (one.name, "2026/2027", ["2026/2027"])
    assert [(r.period, r.grade) for r in o.rows] == [("q1", 0), ("q1", 5), ("q2", 0), ("q2", 5), ("year", 0),
                                                     ("year", 5)]
    assert (o.rows[1].students, o.rows[1].quality) == (2, "50.0")
    text = str(o)
    assert "Антонов" not in text and one.antonov not in text and one.belova not in text


def test_the_xlsx_has_the_numbers_and_the_total_formulas(stub, schools):
    one, _ = schools
    f = call(stub, "RenderSchoolsOverviewXlsx", pb.GetSchoolsOverviewRequest(year="2026/2027", period="q1"),
             stack.operator_token())
    assert f.filename == "schools-overview-2026-2027-q1.xlsx"
    sheet = load_workbook(io.BytesIO(f.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "Школа"))
    assert sheet.freeze_panes == f"B{header + 2}"
    line = next(r for r in rows if r[0] == one.name)
    assert line[1:10] == (2, 4.25, 50.0, 100.0, 2, 1.0, 3, 1, 33.3)
    total = rows[-1]
    assert total[0] == "Итого по муниципалитету"
    assert str(total[1]).startswith("=SUM(B") and str(total[9]).startswith("=IF(H")


def test_a_school_session_sees_only_its_own_aggregates(db, schools):
    one, two = schools
    with db.tenant_session(one.school_id) as session:
        seen = set(session.scalars(select(tables.school_aggregates.c.school_id).distinct()))
    assert seen == {one.school_id}


def test_only_the_authority_operator_reads_the_aggregates(stub, schools):
    one, _ = schools
    for rpc, request in (("GetSchoolsOverview", pb.GetSchoolsOverviewRequest()),
                         ("RenderSchoolsOverviewXlsx", pb.GetSchoolsOverviewRequest()),
                         ("GetSchoolOverview", pb.GetSchoolOverviewRequest(school_id=one.school_id)),
                         ("RefreshSchoolAggregates", pb.RefreshSchoolAggregatesRequest())):
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, rpc, request, stack.service_token())
        assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED, rpc


def test_the_operator_reads_no_school_report(stub, schools):
    one, _ = schools
    with pytest.raises(grpc.RpcError) as refused:
        call(stub, "GetKnowledgeQuality", pb.SchoolPeriodReportRequest(
            school_id=one.school_id, academic_year_id=one.year, period_id=one.q1), stack.operator_token())
    assert rpc_error(refused)[0] in (grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.NOT_FOUND)


def test_wrong_questions_are_refused_naming_the_field(stub, schools):
    for request, field in ((pb.GetSchoolsOverviewRequest(year="2026"), "year"),
                           (pb.GetSchoolsOverviewRequest(period="q9"), "period"),
                           (pb.GetSchoolsOverviewRequest(sort="rating"), "sort")):
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "GetSchoolsOverview", request, stack.operator_token())
        code, _, fields = rpc_error(refused)
        assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields
    with pytest.raises(grpc.RpcError) as unknown:
        call(stub, "GetSchoolOverview", pb.GetSchoolOverviewRequest(school_id=str(uuid.uuid4())),
             stack.operator_token())
    assert rpc_error(unknown)[0] == grpc.StatusCode.NOT_FOUND


def test_an_event_marks_the_school_changed_and_the_refresh_clears_it(db, stub, schools):
    one, _ = schools
    reader = AggregateReader(db)
    assert one.school_id not in dict(reader.changed())
    before = row_of(overview(stub, period="q1"), one.school_id).metrics
    # a login of a person reporting was not told about (no kind): counted nowhere, but the school is computed again
    deliver(db, one.school_id, [identity.AccountActivated(person_id=str(uuid.uuid4()), subject="a", username="x")])
    assert one.school_id in dict(reader.changed())
    # the operator recomputes one school only: the other changed school keeps its flag
    other = str(uuid.uuid4())
    deliver(db, other, [identity.AccountActivated(person_id=str(uuid.uuid4()), subject="b", username="y")])
    assert call(stub, "RefreshSchoolAggregates", pb.RefreshSchoolAggregatesRequest(school_id=one.school_id),
                stack.operator_token()).schools == 1
    assert one.school_id not in dict(reader.changed()) and other in dict(reader.changed())
    call(stub, "RefreshSchoolAggregates", pb.RefreshSchoolAggregatesRequest(), stack.operator_token())
    assert other not in dict(reader.changed())
    assert row_of(overview(stub, period="q1"), one.school_id).metrics == before


def test_the_refresher_rests_after_each_school_and_a_stop_ends_its_round(db, schools):
    """The worker's pace (services.common.periodic.Periodic.rest) is kept within a round: a rest after every school,
    and a rest that says stop ends the round with the rest still marked changed."""
    reader = AggregateReader(db)
    for _ in range(3):
        deliver(db, str(uuid.uuid4()), [identity.AccountActivated(person_id=str(uuid.uuid4()), subject="c", username="z")])
    waiting = len(reader.changed())
    rests = []

    def rest() -> bool:
        rests.append(len(reader.changed()))
        return len(rests) == 2

    uows = bootstrap.units_of_work(db, Outbox("reporting", tables.outbox))
    assert authority.refresh_changed(reader, uows, NOW.date(), rest=rest) == 2
    assert rests == [waiting - 1, waiting - 2]  # after each school, once it was computed
    assert len(reader.changed()) == waiting - 2
