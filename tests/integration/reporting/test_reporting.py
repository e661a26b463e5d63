"""The reporting service on the real PostgreSQL and Keycloak: read models fed by events in any order,
applied idempotently, and the summary sheet (lesson and period marks) served over gRPC as data and as a PDF with
Cyrillic text."""
import json
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.consumer import IdempotentConsumer
from services.common.db import Database
from services.common.outbox import envelope
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers
from tests.support import stack
from tests.support.grpc_harness import call
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack


class School:
    """A school's worth of events, in an order a real system may deliver them (marks first)."""

    def __init__(self):
        self.id = str(uuid.uuid4())
        self.year, self.group, self.math, self.rus = (str(uuid.uuid4()) for _ in range(4))
        self.ivanova, self.abramov, self.transferred = (str(uuid.uuid4()) for _ in range(3))
        self.m1, self.m2, self.m3, self.m4 = (str(uuid.uuid4()) for _ in range(4))
        self.q1, self.q2, self.h1 = (str(uuid.uuid4()) for _ in range(3))
        self.tm1, self.tm2, self.tm3, self.tm4 = (str(uuid.uuid4()) for _ in range(4))
        self.fm1, self.fm2, self.fm3 = (str(uuid.uuid4()) for _ in range(3))

    def mark(self, mark_id, student, subject, date, value) -> journal.Mark:
        return journal.Mark(id=mark_id, student_id=student, subject_id=subject, lesson_date=date, value=value,
                            work_type="classwork")

    def term_mark(self, mark_id, student, subject, term, value, special="") -> journal.TermMark:
        return journal.TermMark(id=mark_id, school_id=self.id, student_id=student, subject_id=subject, term_id=term,
                                class_group_id=self.group, value=value, special=special)

    def final_mark(self, mark_id, student, subject, kind, value, special="") -> journal.FinalMark:
        return journal.FinalMark(id=mark_id, school_id=self.id, student_id=student, subject_id=subject,
                                 academic_year_id=self.year, class_group_id=self.group, kind=kind, value=value,
                                 special=special)

    def period_events(self) -> list:
        """Term and final marks: set, changed, removed (a Set with value ""), ОСВ and Н/А."""
        return [
            journal.TermMarkSet(term_mark=self.term_mark(self.tm1, self.ivanova, self.math, self.q1, "5")),
            journal.TermMarkSet(term_mark=self.term_mark(self.tm2, self.ivanova, self.rus, self.q1, "3")),
            journal.TermMarkSet(term_mark=self.term_mark(self.tm2, self.ivanova, self.rus, self.q1, "4"), old_value="3"),
            journal.TermMarkSet(term_mark=self.term_mark(self.tm3, self.abramov, self.math, self.q1, "Н/А",
                                                         "not_assessed")),
            journal.TermMarkSet(term_mark=self.term_mark(self.tm4, self.abramov, self.rus, self.q2, "5")),
            journal.TermMarkSet(term_mark=self.term_mark(self.tm4, self.abramov, self.rus, self.q2, ""), old_value="5"),
            journal.FinalMarkSet(final_mark=self.final_mark(self.fm1, self.ivanova, self.math, "annual", "5")),
            journal.FinalMarkSet(final_mark=self.final_mark(self.fm2, self.ivanova, self.math, "final", "5")),
            journal.FinalMarkSet(final_mark=self.final_mark(self.fm3, self.abramov, self.rus, "annual", "ОСВ", "exempt")),
        ]

    def terms(self) -> list[schedule.Term]:
        """Quarters for grades 1..9 (the class is of grade 5), half-years for 10..11."""
        return [schedule.Term(id=self.q2, name="2 четверть", kind="quarter", start_date="2025-11-05",
                              end_date="2025-12-28", grade_from=1, grade_to=9),
                schedule.Term(id=self.q1, name="1 четверть", kind="quarter", start_date="2025-09-01",
                              end_date="2025-10-26", grade_from=1, grade_to=9),
                schedule.Term(id=self.h1, name="1 полугодие", kind="half_year", start_date="2025-09-01",
                              end_date="2025-12-28", grade_from=10, grade_to=11)]

    def events(self) -> list:
        g = self.group
        return [*self.period_events(),
            journal.MarkRecorded(mark=self.mark(self.m1, self.ivanova, self.math, "2025-09-10", "4"), class_group_id=g),
            journal.MarkRecorded(mark=self.mark(self.m2, self.ivanova, self.math, "2025-09-03", "5"), class_group_id=g),
            journal.MarkRecorded(mark=self.mark(self.m3, self.ivanova, self.rus, "2025-09-04", "2"), class_group_id=g),
            journal.MarkChanged(mark=self.mark(self.m3, self.ivanova, self.rus, "2025-09-04", "3"), class_group_id=g,
                                old_value="2"),
            journal.MarkRecorded(mark=self.mark(self.m4, self.abramov, self.rus, "2025-09-05", "5"), class_group_id=g),
            journal.MarkDeleted(mark=self.mark(self.m4, self.abramov, self.rus, "2025-09-05", "5"), class_group_id=g),
            identity.PersonRegistered(person=identity.Person(
                id=self.ivanova, school_id=self.id, kind=identity.STUDENT, class_group_id=g,
                name=identity.PersonName(last_name="Иванова", first_name="Мария", middle_name="Петровна"))),
            identity.PersonRegistered(person=identity.Person(
                id=self.abramov, school_id=self.id, kind=identity.STUDENT,
                name=identity.PersonName(last_name="Абрамов", first_name="Олег"))),
            identity.StudentEnrolled(student_id=self.abramov, class_group_id=g, full_name=""),
            identity.PersonRegistered(person=identity.Person(
                id=str(uuid.uuid4()), school_id=self.id, kind=identity.STAFF,
                name=identity.PersonName(last_name="Учителева", first_name="Ольга"))),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(id=g, school_id=self.id, academic_year_id=self.year,
                                                                       grade=5, name="5А")),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(id=self.year, school_id=self.id,
                                                                              name="2025/2026",
                                                                              terms=self.terms())),
            schedule.SubjectCreated(subject=schedule.Subject(id=self.math, school_id=self.id, name="Математика")),
            schedule.SubjectCreated(subject=schedule.Subject(id=self.rus, school_id=self.id, name="Русский язык")),
        ]


def snapshot(db: Database, school_id: str) -> dict:
    with db.tenant_session(school_id) as session:
        return {t.name: sorted(tuple(map(str, r)) for r in session.execute(select(t)).all())
                for t in (tables.academic_years, tables.class_groups, tables.subjects, tables.students, tables.marks,
                          tables.terms, tables.term_marks, tables.final_marks, tables.class_memberships)}


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    for payload in school.events():
        assert consumer.handle(envelope(school.id, payload, actor="test").SerializeToString())
    return school


def test_redelivered_events_change_nothing(db, school):
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    raws = [envelope(school.id, p, actor="test").SerializeToString() for p in school.events()]
    before = snapshot(db, school.id)
    for raw in raws:  # new event ids, the same facts: the handlers themselves are idempotent
        consumer.handle(raw)
    assert snapshot(db, school.id) == before
    for raw in raws:  # the same event ids again: the inbox skips them
        assert consumer.handle(raw) is False
    assert snapshot(db, school.id) == before


def test_one_batch_builds_the_same_read_models_as_one_event_at_a_time(db, school):
    """The consumer loop applies a polled batch of a school in one transaction (placeholders once)."""
    batched = School()
    same = {getattr(batched, a): getattr(school, a) for a in vars(school)}
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    events = [consumer.decode(envelope(batched.id, p, actor="test").SerializeToString()) for p in batched.events()]
    assert consumer.apply(batched.id, events + events[:3]) == len(events), "a duplicate within a batch counts once"
    assert consumer.apply(batched.id, events) == 0

    def facts(school_id):
        return {name: sorted(tuple(same.get(v, v) for v in row) for row in rows)
                for name, rows in snapshot(db, school_id).items()}
    assert facts(batched.id) == facts(school.id)


def test_read_models_are_tenant_scoped(db, school):
    assert all(rows == [] for rows in snapshot(db, str(uuid.uuid4())).values())
    with db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        for table in (tables.terms, tables.term_marks, tables.final_marks, tables.year_closings,
                      tables.class_memberships):
            assert raw.scalar(select(func.count()).select_from(table)) == 0, table.name


def test_period_marks_in_the_sheet(stub, school):
    sheet = call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
        school_id=school.id, class_group_id=school.group), stack.service_token())
    assert [(p.id, p.name, p.kind) for p in sheet.periods] == [
        (school.q1, "1 четверть", "term"), (school.q2, "2 четверть", "term"),
        ("annual", "Годовая", "annual"), ("final", "Итоговая", "final")], "grade 5: quarters, no half-year, no exam"
    abramov, ivanova = sheet.rows

    def values(cell):
        assert [m.period_name for m in cell.period_marks] == [p.name for p in sheet.periods]
        return [(m.value, m.special) for m in cell.period_marks]
    assert values(ivanova.cells[0]) == [("5", ""), ("", ""), ("5", ""), ("5", "")]
    assert values(ivanova.cells[1]) == [("4", ""), ("", ""), ("", ""), ("", "")], "changed"
    assert values(abramov.cells[0]) == [("Н/А", "not_assessed"), ("", ""), ("", ""), ("", "")]
    assert values(abramov.cells[1]) == [("", ""), ("", ""), ("ОСВ", "exempt"), ("", "")], "the term mark removed"


def test_a_student_with_period_marks_only_is_in_the_sheet(db, stub):
    """A home-schooled student has period marks and no lesson marks: row, subject and exam column still show."""
    school = School()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    for payload in [journal.FinalMarkSet(final_mark=school.final_mark(school.fm1, school.ivanova, school.math,
                                                                       "exam", "4")),
                    journal.TermMarkSet(term_mark=school.term_mark(school.tm1, school.ivanova, school.math, school.q1,
                                                                   "5"))]:
        consumer.handle(envelope(school.id, payload, actor="test").SerializeToString())
    sheet = call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
        school_id=school.id, class_group_id=school.group), stack.service_token())
    assert [r.student_id for r in sheet.rows] == [school.ivanova] and [s.id for s in sheet.subjects] == [school.math]
    assert [(p.id, p.name) for p in sheet.periods] == [(school.q1, ""), ("annual", "Годовая"),
                                                       ("exam", "Экзаменационная"), ("final", "Итоговая")]
    assert [m.value for m in sheet.rows[0].cells[0].period_marks] == ["5", "", "4", ""]
    assert (list(sheet.rows[0].cells[0].marks), sheet.rows[0].cells[0].average) == ([], "")


def test_summary_sheet_for_a_service_account(stub, school):
    sheet = call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
        school_id=school.id, class_group_id=school.group), stack.service_token())
    assert (sheet.class_group_name, sheet.academic_year_name) == ("5А", "2025/2026")
    assert [s.name for s in sheet.subjects] == ["Математика", "Русский язык"]
    assert [r.student_name for r in sheet.rows] == ["Абрамов Олег", "Иванова Мария Петровна"]
    ivanova = sheet.rows[1]
    assert [(list(c.marks), c.average) for c in ivanova.cells] == [(["5", "4"], "4.50"), (["3"], "3.00")]
    assert [(list(c.marks), c.average) for c in sheet.rows[0].cells] == [([], ""), ([], "")]


def test_unknown_class_group_is_not_found(stub, school):
    with pytest.raises(grpc.RpcError) as excinfo:
        call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
            school_id=school.id, class_group_id=str(uuid.uuid4())), stack.service_token())
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND
    assert json.loads(excinfo.value.details())["message"] == "Класс не найден"
    with pytest.raises(grpc.RpcError) as excinfo:
        call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
            school_id=school.id, class_group_id="5А"), stack.service_token())
    assert excinfo.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_a_person_without_a_role_in_the_school_gets_not_found(stub, school):
    with pytest.raises(grpc.RpcError) as excinfo:
        call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
            school_id=school.id, class_group_id=school.group), stack.operator_token())
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND


@needs_pdftotext
def test_summary_sheet_pdf_has_cyrillic_text(stub, school, tmp_path):
    report = call(stub, "RenderSummarySheetPdf", reporting_pb2.GetSummarySheetRequest(
        school_id=school.id, class_group_id=school.group), stack.service_token())
    assert report.media_type == "application/pdf" and report.content.startswith(b"%PDF")
    text = pdf_text(report.content, tmp_path)
    assert "Сводная ведомость" in text and "5А" in text and "Иванова" in text and "4,50" in text
    assert "1 четверть: 5" in text and "1 четверть: Н/А" in text and "Годовая: ОСВ" in text and "Итоговая: 5" in text
    assert "Сформирован:" in text and "стр. 1 из 1" in text


def test_changed_terms_reach_the_sheet(db, stub):
    """ChangeTerms in schedule (TermsChanged): a renamed term is renamed on the sheet, a removed one is gone."""
    school = School()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    for payload in school.events():
        consumer.handle(envelope(school.id, payload, actor="test").SerializeToString())
    q1, q2, h1 = school.terms()[1], school.terms()[0], school.terms()[2]
    q1.name = "1 триместр"
    changed = schedule.TermsChanged(academic_year=schedule.AcademicYear(
        id=school.year, school_id=school.id, name="2025/2026", terms=[q1, h1]), removed_term_ids=[q2.id], grades=[5])
    assert consumer.handle(envelope(school.id, changed, actor="test").SerializeToString())
    sheet = call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
        school_id=school.id, class_group_id=school.group), stack.service_token())
    assert [p.name for p in sheet.periods if p.kind == "term"] == ["1 триместр"]


def test_a_form_teacher_reads_the_sheet_of_the_class_they_lead_only(stub, principals, school):
    request = reporting_pb2.GetSummarySheetRequest(school_id=school.id, class_group_id=school.group)
    try:
        principals.grant(school.id, "form_teacher", leads=[school.group])
        assert call(stub, "GetSummarySheet", request, stack.operator_token()).class_group_name == "5А"
        principals.grant(school.id, "form_teacher", leads=[str(uuid.uuid4())])
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "GetSummarySheet", request, stack.operator_token())
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    finally:
        principals.grants.pop(school.id)


def test_the_marks_of_a_moved_lesson_take_its_new_date(db):
    school = School()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    g = school.group
    recorded = [journal.MarkRecorded(mark=school.mark(m, student, school.math, "2025-09-10", "5"), class_group_id=g)
                for m, student in ((school.m1, school.ivanova), (school.m2, school.abramov))]
    other = journal.MarkRecorded(mark=school.mark(school.m3, school.ivanova, school.math, "2025-09-10", "3"),
                                 class_group_id=g)  # the same day, another lesson
    moved = journal.LessonRecordMoved(lesson_id=str(uuid.uuid4()), class_group_id=g, lesson_date="2025-09-12",
                                      lesson_number=3, from_date="2025-09-10", from_lesson_number=1,
                                      mark_ids=[school.m1, school.m2])
    for payload in (*recorded, other, moved, moved):  # the second one: re-published, changes nothing
        assert consumer.handle(envelope(school.id, payload, actor="test").SerializeToString())
    with db.tenant_session(school.id) as session:
        dates = dict(session.execute(select(tables.marks.c.mark_id, tables.marks.c.lesson_date)).all())
    assert {m: d.isoformat() for m, d in dates.items()} == {school.m1: "2025-09-12", school.m2: "2025-09-12",
                                                            school.m3: "2025-09-10"}


def test_movements_keep_each_student_in_the_sheets_of_the_classes_they_were_in(db, stub):
    """A1: a transfer on 14 January and a leaver on 2 March (identity's movement events carry the memberships after
    the change, each replacing the kept ones): the old class's sheet keeps both with the marks made there and the
    last day there, the new class's sheet has the transferred student from the transfer day with the marks made
    there; cancelling the leaving order puts the leaver back for good; every event told again changes nothing."""
    school = School()
    g, g2, leaver, order = school.group, str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    moved = school.transferred

    def was(*spans) -> list[identity.ClassMembership]:
        return [identity.ClassMembership(class_group_id=c, date_from=f, date_to=t) for c, f, t in spans]
    events = [
        *school.events(),
        schedule.ClassGroupCreated(class_group=schedule.ClassGroup(id=g2, school_id=school.id,
                                                                   academic_year_id=school.year, grade=5, name="5Б")),
        identity.PersonRegistered(person=identity.Person(
            id=moved, school_id=school.id, kind=identity.STUDENT, class_group_id=g, memberships=was((g, "", "")),
            name=identity.PersonName(last_name="Петров", first_name="Илья"))),
        identity.StudentEnrolled(student_id=leaver, class_group_id=g, full_name="Леонов Кирилл",
                                 effective_date="2025-09-15", order_id=str(uuid.uuid4()),
                                 memberships=was((g, "2025-09-15", ""))),
        journal.MarkRecorded(mark=school.mark(str(uuid.uuid4()), moved, school.math, "2025-10-01", "4"), class_group_id=g),
        journal.MarkRecorded(mark=school.mark(str(uuid.uuid4()), leaver, school.math, "2025-10-02", "3"),
                             class_group_id=g),
        identity.StudentTransferred(student_id=moved, from_class_group_id=g, to_class_group_id=g2,
                                    effective_date="2026-01-14", order_id=str(uuid.uuid4()), full_name="Петров Илья",
                                    memberships=was((g, "", "2026-01-13"), (g2, "2026-01-14", ""))),
        journal.MarkRecorded(mark=school.mark(str(uuid.uuid4()), moved, school.math, "2026-01-20", "5"),
                             class_group_id=g2),
        identity.StudentLeft(student_id=leaver, from_class_group_id=g, effective_date="2026-03-02", order_id=order,
                             full_name="Леонов Кирилл", destination="школа № 2", reason="переезд",
                             memberships=was((g, "2025-09-15", "2026-03-01"))),
    ]
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    for payload in events:
        assert consumer.handle(envelope(school.id, payload, actor="test").SerializeToString())

    def sheet(class_group_id: str) -> dict:
        got = call(stub, "GetSummarySheet", reporting_pb2.GetSummarySheetRequest(
            school_id=school.id, class_group_id=class_group_id), stack.service_token())
        math = [s.id for s in got.subjects].index(school.math)
        return {r.student_name: (r.date_from, r.date_to, list(r.cells[math].marks)) for r in got.rows}
    assert sheet(g) == {"Абрамов Олег": ("", "", []), "Иванова Мария Петровна": ("", "", ["5", "4"]),
                        "Петров Илья": ("", "2026-01-13", ["4"]),
                        "Леонов Кирилл": ("2025-09-15", "2026-03-01", ["3"])}
    assert sheet(g2) == {"Петров Илья": ("2026-01-14", "", ["5"])}

    before = snapshot(db, school.id)
    for payload in events:  # re-published (new event ids): each replaces the memberships with the same ones
        assert consumer.handle(envelope(school.id, payload, actor="test").SerializeToString())
    assert snapshot(db, school.id) == before

    cancelled = identity.MovementOrderCancelled(
        order=identity.MovementOrder(id=order), cancellation=identity.MovementOrder(id=str(uuid.uuid4())),
        students=[identity.StudentMemberships(student_id=leaver, full_name="Леонов Кирилл",
                                              memberships=was((g, "2025-09-15", "")))])
    raw = envelope(school.id, cancelled, actor="test").SerializeToString()
    assert consumer.handle(raw) and consumer.handle(raw) is False
    assert sheet(g)["Леонов Кирилл"] == ("2025-09-15", "", ["3"])
