"""The archive service on the real PostgreSQL, MinIO and Keycloak: one package per year reporting has finished
(ReportingYearReady), built, signed and stored under COMPLIANCE retention, downloadable by version after a fixity
check; schedule's AcademicYearClosed alone builds nothing; a package built from reporting's own sheets keeps a
leaver's and a transferred student's rows in the class where their marks were made (A1)."""
import datetime as dt
import hashlib
import io
import json
import subprocess
import uuid
import zipfile

import bagit
import grpc
import pytest
from minio import Minio
from minio.commonconfig import COMPLIANCE
from minio.deleteobjects import DeleteObject
from minio.error import S3Error
from minio.retention import Retention
from sqlalchemy import select, text, update

from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2
from services.archive import bootstrap, dev_keys
from services.archive.adapters.bagit_package import SIGNATURE, TAG_MANIFEST, SheetFiles
from services.archive.adapters.signing import Signer
from services.archive.adapters.storage import ArchiveStore
from services.archive.adapters.summary_sheets import ReportingSummarySheets
from services.archive.adapters.tables import inbox, outbox, packages
from services.archive.domain import archive_package as domain
from services.archive.domain.retention import retain_until
from services.archive.entrypoints.builder import ArchiveBuilder
from services.archive.entrypoints.consumers import handlers as event_handlers
from services.archive.service_layer import registry
from services.archive.settings import RETENTION_DEFAULTS
from services.common.consumer import IdempotentConsumer
from services.common.db import Database
from services.common.errors import FailedPrecondition, Unavailable
from services.common.outbox import Outbox, envelope
from services.common.policy import Principal
from services.common.scope import Scope
from services.reporting import bootstrap as reporting_bootstrap
from services.reporting.adapters import tables as reporting_tables
from services.reporting.entrypoints.consumers import handlers as reporting_handlers
from tests.support import stack
from tests.support.grpc_harness import FakePrincipals, call, database, serving

pytestmark = pytest.mark.stack
BUCKET = "otmetka-archive-tests"
REFUSED = ("AccessDenied", "InvalidRequest")  # MinIO: "Object is WORM protected and cannot be overwritten"
RETENTION = {record_class: default for record_class, (_, default) in RETENTION_DEFAULTS.items()}


class FakeSheets:
    """Our summary-sheet port in memory (the reporting service has its own tests)."""

    def __init__(self):
        self.failing = False

    def fetch(self, school_id: str, class_group_id: str) -> SheetFiles:
        if self.failing:
            raise Unavailable()
        name = {"a": "5А", "b": "5Б"}.get(class_group_id[-1], "6В")
        return SheetFiles(class_group_id, name, json.dumps({"class_group_name": name}, ensure_ascii=False).encode(),
                          b"%PDF-1.4 " + name.encode())


class Known:
    """A principal source that knows one person."""

    def __init__(self, principal: Principal):
        self.principal = principal

    def resolve(self, school_id: str) -> Principal:
        return self.principal


@pytest.fixture(scope="module")
def db():
    with database("archive") as db:
        yield db


@pytest.fixture(scope="module")
def store() -> ArchiveStore:
    env = stack.env()
    client = Minio(env["OTMETKA_MINIO_ENDPOINT"], access_key=env["OTMETKA_MINIO_ROOT_USER"],
                   secret_key=env["OTMETKA_MINIO_ROOT_PASSWORD"], secure=False)
    archive_store = ArchiveStore(client, BUCKET)
    archive_store.ensure_bucket()
    archive_store.ensure_bucket()  # idempotent
    return archive_store


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return dev_keys.create(tmp_path_factory.mktemp("signing"))


@pytest.fixture(scope="module")
def sheets() -> FakeSheets:
    return FakeSheets()


@pytest.fixture(scope="module")
def builder(db, store, keys, sheets) -> ArchiveBuilder:
    return bootstrap.builder(db, Outbox("archive", outbox), store, Signer.from_files(*map(str, keys)), sheets,
                             RETENTION)


def year_closed(school_id: str, year_id: str) -> bytes:
    """Reporting's word that the year is closed and its read model complete."""
    event = reporting_pb2.ReportingYearReady(
        school_id=school_id, academic_year_id=year_id, academic_year_name="2025/2026",
        class_group_ids=[str(uuid.uuid4())[:-1] + "a", str(uuid.uuid4())[:-1] + "b"])
    return envelope(school_id, event, actor="test").SerializeToString()


def package_rows(db: Database, school_id: str) -> list:
    with db.tenant_session(school_id) as session:
        return session.execute(select(packages)).all()


@pytest.fixture(scope="module")
def sealed(db, builder):
    """A school whose closed year was delivered three times and built once."""
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    consumer = IdempotentConsumer(db, inbox, event_handlers)
    raw = year_closed(school_id, year_id)
    assert consumer.handle(raw) is True
    assert consumer.handle(raw) is False
    assert consumer.handle(year_closed(school_id, year_id)) is True  # re-published: still one package
    assert [r.status for r in package_rows(db, school_id)] == [domain.BUILDING]
    builder.build_pending()
    (row,) = package_rows(db, school_id)
    return row


def test_academic_year_closed_alone_builds_nothing(db, builder):
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    closed = schedule_pb2.AcademicYearClosed(
        academic_year=schedule_pb2.AcademicYear(id=year_id, school_id=school_id, name="2025/2026", status="closed"),
        class_group_ids=[str(uuid.uuid4())])
    assert IdempotentConsumer(db, inbox, event_handlers).handle(
        envelope(school_id, closed, actor="test").SerializeToString()) is False, "not an event the archive handles"
    builder.build_pending()
    assert package_rows(db, school_id) == []


@pytest.fixture(scope="module")
def reporting_db():
    with database("reporting") as reporting:
        yield reporting


def reporting_ready(reporting_db: Database, school_id: str) -> list[bytes]:
    """ReportingYearReady envelopes in reporting's outbox, as its relay would publish them."""
    with reporting_db.tenant_session(school_id) as session:
        return session.scalars(select(reporting_tables.outbox.c.payload).where(
            reporting_tables.outbox.c.type == reporting_pb2.ReportingYearReady.DESCRIPTOR.full_name)).all()


@pytest.mark.parametrize("journal_first", [False, True], ids=["schedule_first", "journal_first"])
def test_the_archive_waits_for_reporting_to_finish_the_year(db, reporting_db, builder, journal_first):
    """Schedule's AcademicYearClosed reaches the archive and reporting; the package is built only after reporting
    has also seen the journal's JournalYearClosed and published ReportingYearReady."""
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    groups = [str(uuid.uuid4())[:-1] + "a", str(uuid.uuid4())[:-1] + "b"]
    schedule_closed = envelope(school_id, schedule_pb2.AcademicYearClosed(
        academic_year=schedule_pb2.AcademicYear(id=year_id, school_id=school_id, name="2025/2026", status="closed"),
        class_group_ids=groups), actor="test").SerializeToString()
    journal_closed = envelope(school_id, journal_pb2.JournalYearClosed(
        school_id=school_id, academic_year_id=year_id, academic_year_name="2025/2026", class_group_ids=groups),
        actor="test").SerializeToString()
    archive = IdempotentConsumer(db, inbox, event_handlers)
    reporting = IdempotentConsumer(reporting_db, reporting_tables.inbox, reporting_handlers)
    first, second = (journal_closed, schedule_closed) if journal_first else (schedule_closed, journal_closed)

    archive.handle(schedule_closed)
    reporting.handle(first)
    assert reporting_ready(reporting_db, school_id) == []
    builder.build_pending()
    assert package_rows(db, school_id) == [], "no package before reporting is ready"

    reporting.handle(second)
    reporting.handle(first)  # late redelivery of the first half: still one event
    (ready,) = reporting_ready(reporting_db, school_id)
    assert archive.handle(ready) is True
    builder.build_pending()
    (row,) = package_rows(db, school_id)
    assert (row.status, row.academic_year_id, sorted(row.class_group_ids)) == (domain.SEALED, year_id, sorted(groups))


def test_a_closed_year_gets_one_sealed_package(db, sealed):
    assert sealed.status == domain.SEALED and sealed.error is None
    assert sealed.bucket == BUCKET and sealed.version_id and len(sealed.sha256) == 64
    assert sealed.retain_until == retain_until(sealed.created_at.date(), 25)
    with db.tenant_session(sealed.school_id) as session:
        (raw,) = session.scalars(select(outbox.c.payload).where(outbox.c.type == "otmetka.archive.v1.ArchiveSealed"))
    event = archive_pb2.ArchiveSealed()
    Envelope.FromString(raw).payload.Unpack(event)
    assert (event.package.id, event.package.version_id) == (sealed.id, sealed.version_id)


def test_object_is_under_compliance_retention(store, sealed):
    retention = store.client.get_object_retention(BUCKET, sealed.object_key, version_id=sealed.version_id)
    assert retention.mode == COMPLIANCE
    assert retention.retain_until_date.date() >= dt.date.today() + dt.timedelta(days=365 * 25 - 2)
    with pytest.raises(S3Error) as excinfo:
        store.client.remove_object(BUCKET, sealed.object_key, version_id=sealed.version_id)
    assert excinfo.value.code in REFUSED and "WORM" in excinfo.value.message
    errors = list(store.client.remove_objects(BUCKET, [DeleteObject(sealed.object_key, sealed.version_id)],
                                              bypass_governance_mode=True))
    assert errors and errors[0].code in REFUSED, errors
    with pytest.raises(S3Error) as excinfo:
        store.client.set_object_retention(BUCKET, sealed.object_key, Retention(
            COMPLIANCE, dt.datetime.now(dt.UTC) + dt.timedelta(days=1)), version_id=sealed.version_id)
    assert excinfo.value.code in REFUSED
    # writing the same name adds a version; the sealed version stays as it was
    store.client.put_object(BUCKET, sealed.object_key, io.BytesIO(b"forged"), 6)
    assert hashlib.sha256(store.get(sealed.object_key, sealed.version_id)).hexdigest() == sealed.sha256


def test_download_reads_the_version_and_checks_it(db, store, sealed, keys, tmp_path):
    director = Scope(sealed.school_id, Known(Principal(subject="d", school_id=sealed.school_id,
                                                       roles=frozenset({"director"}))))
    units = bootstrap.units_of_work(db, Outbox("archive", outbox))
    filename, data = registry.download_archive(sealed.id, director, units(director), store)
    assert filename == f"archive-2025-2026-{sealed.id}.zip"
    assert hashlib.sha256(data).hexdigest() == sealed.sha256
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    bag_dir = tmp_path / sealed.id
    bagit.Bag(str(bag_dir)).validate()
    assert (bag_dir / "data" / "summary-sheets" / "5А.pdf").exists()
    subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content", str(bag_dir / TAG_MANIFEST),
                    "-in", str(bag_dir / SIGNATURE), "-CAfile", str(keys[1]), "-purpose", "any", "-out", "/dev/null"],
                   check=True, capture_output=True)
    with db.tenant_session(sealed.school_id) as session:
        session.execute(update(packages).where(packages.c.id == sealed.id).values(sha256="0" * 64))
    try:
        with pytest.raises(FailedPrecondition, match="контрольная сумма"):
            registry.download_archive(sealed.id, director, units(director), store)
    finally:
        with db.tenant_session(sealed.school_id) as session:
            session.execute(update(packages).where(packages.c.id == sealed.id).values(sha256=sealed.sha256))


def test_a_failed_build_is_recorded_and_retried_by_redelivery(db, builder, sheets):
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    consumer = IdempotentConsumer(db, inbox, event_handlers)
    consumer.handle(year_closed(school_id, year_id))
    sheets.failing = True
    try:
        builder.build_pending()
    finally:
        sheets.failing = False
    (failed,) = package_rows(db, school_id)
    assert failed.status == domain.FAILED and failed.error.startswith("Не удалось сформировать архив")
    consumer.handle(year_closed(school_id, year_id))
    builder.build_pending()
    (row,) = package_rows(db, school_id)
    assert (row.id, row.status, row.error) == (failed.id, domain.SEALED, None)


def test_a_failed_build_is_retried_when_a_manager_asks(db, builder, sheets, store):
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    IdempotentConsumer(db, inbox, event_handlers).handle(year_closed(school_id, year_id))
    sheets.failing = True
    try:
        builder.build_pending()
    finally:
        sheets.failing = False
    (failed,) = package_rows(db, school_id)
    principals = FakePrincipals()
    principals.grant(school_id, "deputy_head")
    token = stack.operator_token()
    request = archive_pb2.GetArchiveRequest(school_id=school_id, archive_id=failed.id)
    with serving(archive_pb2_grpc.add_ArchiveServiceServicer_to_server, bootstrap.servicer(db, Outbox("archive", outbox), store),
                 archive_pb2_grpc.ArchiveServiceStub, principals) as stub:
        assert call(stub, "RetryArchive", request, token).status == domain.BUILDING
        builder.build_pending()
        assert call(stub, "GetArchive", request, token).status == domain.SEALED
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "RetryArchive", request, token)
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION


def test_grpc_registry_is_for_school_managers(db, store, sealed):
    principals = FakePrincipals()
    principals.grant(sealed.school_id, "director")
    token = stack.operator_token()
    with serving(archive_pb2_grpc.add_ArchiveServiceServicer_to_server, bootstrap.servicer(db, Outbox("archive", outbox), store),
                 archive_pb2_grpc.ArchiveServiceStub, principals) as stub:
        listed = call(stub, "ListArchives", archive_pb2.ListArchivesRequest(school_id=sealed.school_id), token)
        assert [p.id for p in listed.packages] == [sealed.id]
        got = call(stub, "GetArchive", archive_pb2.GetArchiveRequest(school_id=sealed.school_id, archive_id=sealed.id),
                   token)
        assert (got.status, got.retain_until) == ("sealed", sealed.retain_until.isoformat())
        content = call(stub, "DownloadArchive", archive_pb2.GetArchiveRequest(
            school_id=sealed.school_id, archive_id=sealed.id), token)
        assert content.media_type == "application/zip" and hashlib.sha256(content.content).hexdigest() == sealed.sha256
        with pytest.raises(grpc.RpcError) as excinfo:
            call(stub, "GetArchive", archive_pb2.GetArchiveRequest(
                school_id=sealed.school_id, archive_id=str(uuid.uuid4())), token)
        assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND
        with pytest.raises(grpc.RpcError) as excinfo:
            call(stub, "ListArchives", archive_pb2.ListArchivesRequest(school_id=sealed.school_id),
                 stack.service_token())
        assert excinfo.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_a_package_another_builder_holds_is_left_alone(db, builder):
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    IdempotentConsumer(db, inbox, event_handlers).handle(year_closed(school_id, year_id))
    (row,) = package_rows(db, school_id)
    with db.engine.connect() as other:
        other.execute(text("SELECT pg_advisory_lock(hashtextextended(:id, 0))"), {"id": row.id})
        builder.build(school_id, row.id)
        assert [r.status for r in package_rows(db, school_id)] == [domain.BUILDING]
        other.execute(text("SELECT pg_advisory_unlock(hashtextextended(:id, 0))"), {"id": row.id})
        other.commit()
    builder.build(school_id, row.id)
    assert [r.status for r in package_rows(db, school_id)] == [domain.SEALED]


class ServedReporting:
    """reporting's servicer served in-process, asked as the archive's peer asks it (on the given token)."""

    def __init__(self, stub):
        self.stub = stub

    def call(self, method: str, request, token: str | None = None, deadline: float | None = None):
        return call(self.stub, method, request, token)


class ServiceTokens:
    def token(self) -> str:
        return stack.service_token()


def test_the_package_keeps_a_leavers_and_a_transferred_students_rows_where_their_marks_were_made(
        db, store, keys, reporting_db, tmp_path):
    school_id, year_id, old, new, math = (str(uuid.uuid4()) for _ in range(5))
    stayer, moved, leaver = (str(uuid.uuid4()) for _ in range(3))

    def was(*spans) -> list[identity_pb2.ClassMembership]:
        return [identity_pb2.ClassMembership(class_group_id=c, date_from=f, date_to=t) for c, f, t in spans]

    def mark(student: str, class_group_id: str, date: str, value: str) -> journal_pb2.MarkRecorded:
        return journal_pb2.MarkRecorded(mark=journal_pb2.Mark(id=str(uuid.uuid4()), student_id=student, subject_id=math,
                                                              lesson_date=date, value=value), class_group_id=class_group_id)
    year = schedule_pb2.AcademicYear(id=year_id, school_id=school_id, name="2025/2026", status="closed")
    events = [
        schedule_pb2.AcademicYearCreated(academic_year=year),
        *(schedule_pb2.ClassGroupCreated(class_group=schedule_pb2.ClassGroup(
            id=group, school_id=school_id, academic_year_id=year_id, grade=5, name=name))
          for group, name in ((old, "5А"), (new, "5Б"))),
        schedule_pb2.SubjectCreated(subject=schedule_pb2.Subject(id=math, school_id=school_id, name="Математика")),
        *(identity_pb2.PersonRegistered(person=identity_pb2.Person(
            id=person, school_id=school_id, kind=identity_pb2.STUDENT, class_group_id=old, memberships=was((old, "", "")),
            name=identity_pb2.PersonName(last_name=last, first_name=first)))
          for person, last, first in ((stayer, "Антонова", "Анна"), (moved, "Борисов", "Борис"),
                                      (leaver, "Власов", "Виктор"))),
        mark(moved, old, "2025-10-01", "4"), mark(leaver, old, "2025-10-02", "3"), mark(stayer, old, "2026-02-01", "5"),
        identity_pb2.StudentTransferred(student_id=moved, from_class_group_id=old, to_class_group_id=new,
                                        effective_date="2026-01-14", full_name="Борисов Борис",
                                        memberships=was((old, "", "2026-01-13"), (new, "2026-01-14", ""))),
        identity_pb2.StudentLeft(student_id=leaver, from_class_group_id=old, effective_date="2026-03-02",
                                 full_name="Власов Виктор", memberships=was((old, "", "2026-03-01"))),
        mark(moved, new, "2026-01-20", "5"),
        schedule_pb2.AcademicYearClosed(academic_year=year, class_group_ids=[old, new]),
        journal_pb2.JournalYearClosed(school_id=school_id, academic_year_id=year_id, academic_year_name="2025/2026",
                                      class_group_ids=[old, new]),
    ]
    reporting = IdempotentConsumer(reporting_db, reporting_tables.inbox, reporting_handlers)
    for payload in events:
        assert reporting.handle(envelope(school_id, payload, actor="test").SerializeToString())
    (ready,) = reporting_ready(reporting_db, school_id)
    assert IdempotentConsumer(db, inbox, event_handlers).handle(ready) is True
    (row,) = package_rows(db, school_id)
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server,
                 reporting_bootstrap.servicer(reporting_db, Outbox("reporting", reporting_tables.outbox)),
                 reporting_pb2_grpc.ReportingServiceStub, FakePrincipals()) as stub:
        bootstrap.builder(db, Outbox("archive", outbox), store, Signer.from_files(*map(str, keys)),
                          ReportingSummarySheets(ServedReporting(stub), ServiceTokens()), RETENTION
                          ).build(school_id, row.id)
    (row,) = package_rows(db, school_id)
    assert row.status == domain.SEALED, row.error
    zipfile.ZipFile(io.BytesIO(store.get(row.object_key, row.version_id))).extractall(tmp_path)

    def sheet(name: str) -> dict:
        data = json.loads((tmp_path / row.id / "data" / "summary-sheets" / f"{name}.json").read_text(encoding="utf-8"))
        return {r["student_name"]: (r.get("date_from", ""), r.get("date_to", ""), r["cells"][0].get("marks", []))
                for r in data["rows"]}
    assert sheet("5А") == {"Антонова Анна": ("", "", ["5"]), "Борисов Борис": ("", "2026-01-13", ["4"]),
                           "Власов Виктор": ("", "2026-03-01", ["3"])}
    assert sheet("5Б") == {"Борисов Борис": ("2026-01-14", "", ["5"])}
