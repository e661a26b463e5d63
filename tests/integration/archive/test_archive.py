"""The archive service on the real PostgreSQL, the two MinIO stores and Keycloak, with the development PKI and its
time-stamping authority: a year reporting has finished requests a package per record class, which waits for the
director's signature; a signed package is built, signed by the director and the installation with timestamps, sealed
in the primary store under COMPLIANCE retention and copied to the replica (later, when the replica was down); the
fixity check finds a damaged copy and repairs it; a package whose retention ended is destroyed only by an approved act;
a package built from reporting's own sheets keeps a leaver's and a transferred student's rows in the class where their
marks were made (A1)."""
import datetime as dt
import hashlib
import io
import json
import subprocess
import time
import uuid
import zipfile

import bagit
import grpc
import pytest
from minio.commonconfig import COMPLIANCE
from minio.deleteobjects import DeleteObject
from minio.error import S3Error
from minio.retention import Retention
from sqlalchemy import insert, select, text, update

from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2
from services.archive import bootstrap
from services.archive.adapters import package_store, signing
from services.archive.adapters.bagit_package import SIGNATURE, TAG_MANIFEST, ClassFiles, SchoolCard
from services.archive.adapters.class_records import ReportingRecords
from services.archive.adapters.storage import ArchiveStore
from services.archive.adapters.tables import copies, fixity_checks, inbox, outbox, packages
from services.archive.domain import archive_package as domain
from services.archive.domain.retention import retain_until
from services.archive.domain.semesters import Semester
from services.archive.entrypoints.consumers import handlers as event_handlers
from services.archive.service_layer import registry
from services.archive.service_layer.disposal import propose_disposal
from services.archive.service_layer.fixity import check_package
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.semester_packages import get_archive_policy, request_semesters, set_archive_policy
from services.archive.service_layer.unit_of_work import Stores
from services.archive.settings import RETENTION_DEFAULTS
from services.common.consumer import IdempotentConsumer
from services.common.db import Database
from services.common.errors import FailedPrecondition, Forbidden, Unavailable
from services.common.object_store import minio_client
from services.common.outbox import Outbox, envelope
from services.common.policy import Principal
from services.common.scope import Scope
from services.reporting import bootstrap as reporting_bootstrap
from services.reporting.adapters import tables as reporting_tables
from services.reporting.entrypoints.consumers import handlers as reporting_handlers
from tests.support import stack
from tests.support.archive_signing import dev_signing
from tests.support.grpc_harness import FakePrincipals, call, database, rpc_error, serving

pytestmark = pytest.mark.stack
BUCKET, REPLICA_BUCKET = "otmetka-archive-tests", "otmetka-archive-tests-replica"
REFUSED = ("AccessDenied", "InvalidRequest")  # MinIO: "Object is WORM protected and cannot be overwritten"
RETENTION = {record_class: default for record_class, (_, default) in RETENTION_DEFAULTS.items()}
DIRECTOR = str(uuid.uuid4())  # the director's person id in every school of these tests
CARD = {"full_name": "Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»", "short_name": "Школа № 7",
        "inn": "7701234560",
        "ogrn": "1027700123450", "address": "г. Энск, ул. Школьная, 7"}


class FakeRecords:
    """Our records port in memory (the reporting service has its own tests); it notes the periods asked."""

    def __init__(self):
        self.failing = False
        self.asked: dict[str, tuple] = {}

    def fetch(self, record_class: str, school_id: str, class_group_id: str, date_from=None, date_to=None
              ) -> ClassFiles:
        if self.failing:
            raise Unavailable()
        self.asked[class_group_id] = (record_class, date_from, date_to)
        name = {"a": "5А", "b": "5Б"}.get(class_group_id[-1], "6В")
        body = {"class_group_name": name, "record_class": record_class}
        return ClassFiles(class_group_id, name, json.dumps(body, ensure_ascii=False).encode(),
                          f"%PDF-1.7 {record_class} {name}".encode())


class FakeSchools:
    """Our school-card port in memory: every school has the card CARD unless told otherwise."""

    def __init__(self):
        self.cards: dict[str, dict] = {}

    def card(self, school_id: str) -> SchoolCard:
        return SchoolCard(id=school_id, **self.cards.get(school_id, CARD))

    def person_name(self, school_id: str, person_id: str) -> str:
        return "Директорова Дарья Дмитриевна" if person_id == DIRECTOR else "Неизвестный"


class FakeCalendars:
    """Our calendars port in memory: every school's year 2025/2026 with two semesters and classes a and b."""

    def __init__(self):
        self.year_id = str(uuid.uuid4())
        self.groups = [str(uuid.uuid4())[:-1] + "a", str(uuid.uuid4())[:-1] + "b"]

    def semesters(self, school_id: str) -> list[Semester]:
        return [Semester(self.year_id, "2025/2026", f"{self.year_id[:-1]}1", "1 семестр", dt.date(2025, 9, 1),
                         dt.date(2025, 12, 28)),
                Semester(self.year_id, "2025/2026", f"{self.year_id[:-1]}2", "2 семестр", dt.date(2026, 1, 12),
                         dt.date(2026, 6, 30))]

    def class_group_ids(self, school_id: str, academic_year_id: str) -> list[str]:
        return self.groups


class Known:
    """A principal source that knows one person."""

    def __init__(self, principal: Principal):
        self.principal = principal

    def resolve(self, school_id: str) -> Principal:
        return self.principal


class Clock:
    """The packaging's clock, moved on by the tests."""

    def __init__(self):
        self.shift = dt.timedelta()

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.shift


def minio_store(endpoint: str, access_key: str, secret_key: str, bucket: str, store=ArchiveStore):
    return store(minio_client(endpoint, access_key, secret_key, stack.env()["OTMETKA_TLS_CA"]), bucket)


@pytest.fixture(scope="module")
def db():
    with database("archive") as db:
        yield db


@pytest.fixture(scope="module")
def primary() -> ArchiveStore:
    env = stack.env()
    store = minio_store(env["OTMETKA_MINIO_ENDPOINT"], env["OTMETKA_MINIO_ROOT_USER"],
                        env["OTMETKA_MINIO_ROOT_PASSWORD"], BUCKET)
    store.ensure_bucket()
    store.ensure_bucket()  # idempotent
    return store


def replica_store(bucket: str = REPLICA_BUCKET, store=ArchiveStore):
    env = stack.env()
    return minio_store(env["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"], env["OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY"],
                       env["OTMETKA_ARCHIVE_REPLICA_SECRET_KEY"], bucket, store)


@pytest.fixture(scope="module")
def replica() -> ArchiveStore:
    return replica_store()


@pytest.fixture(scope="module")
def signatures(tmp_path_factory):
    with dev_signing(tmp_path_factory.mktemp("pki")) as package_signing:
        yield package_signing


@pytest.fixture(scope="module")
def records() -> FakeRecords:
    return FakeRecords()


@pytest.fixture(scope="module")
def schools() -> FakeSchools:
    return FakeSchools()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def packaging_of(records, schools, signatures, primary, replica, clock=None, calendars=None) -> Packaging:
    return Packaging(records, schools, signatures, Stores(primary, replica), RETENTION, "0.1.0-test",
                     dt.timedelta(seconds=30), calendars or FakeCalendars(), clock or Clock())


@pytest.fixture
def packaging(records, schools, signatures, primary, replica, clock) -> Packaging:
    return packaging_of(records, schools, signatures, primary, replica, clock)


def builder_of(db: Database, packaging: Packaging):
    return bootstrap.builder(db, Outbox("archive", outbox), packaging, dt.timedelta(days=30))


@pytest.fixture
def builder(db, packaging):
    return builder_of(db, packaging)


def units(db: Database):
    return bootstrap.units_of_work(db, Outbox("archive", outbox))


def year_ready(school_id: str, year_id: str) -> bytes:
    """Reporting's word that the year is closed and its read model complete."""
    event = reporting_pb2.ReportingYearReady(
        school_id=school_id, academic_year_id=year_id, academic_year_name="2025/2026",
        class_group_ids=[str(uuid.uuid4())[:-1] + "a", str(uuid.uuid4())[:-1] + "b"])
    return envelope(school_id, event, actor="test").SerializeToString()


def package_rows(db: Database, school_id: str) -> list:
    """The school's packages, the journals first."""
    with db.tenant_session(school_id) as session:
        return session.execute(select(packages).order_by(packages.c.record_class)).all()


def copy_rows(db: Database, school_id: str, package_id: str) -> dict:
    with db.tenant_session(school_id) as session:
        return {row.store: row for row in session.execute(select(copies).where(copies.c.package_id == package_id))}


def director_of(school_id: str, roles=("director",)) -> Scope:
    return Scope(school_id, Known(Principal(subject="d", school_id=school_id, person_id=DIRECTOR,
                                            roles=frozenset(roles))))


def sign_all(db: Database, packaging: Packaging, school_id: str) -> None:
    director = director_of(school_id)
    for row in package_rows(db, school_id):
        registry.sign_archive(row.id, director, units(db)(director), packaging)


def requested(db: Database, school_id: str | None = None) -> str:
    school_id = school_id or str(uuid.uuid4())
    IdempotentConsumer(db, inbox, event_handlers).handle(year_ready(school_id, str(uuid.uuid4())))
    return school_id


@pytest.fixture(scope="module")
def sealed(db, records, schools, signatures, primary, replica):
    """A school whose closed year was delivered three times, signed by the director and built once: its two
    packages (the journals first)."""
    packaging = packaging_of(records, schools, signatures, primary, replica)
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    consumer = IdempotentConsumer(db, inbox, event_handlers)
    raw = year_ready(school_id, year_id)
    assert consumer.handle(raw) is True
    assert consumer.handle(raw) is False
    assert consumer.handle(year_ready(school_id, year_id)) is True  # re-published: still one package per class
    assert [(r.record_class, r.status) for r in package_rows(db, school_id)] == [
        (domain.JOURNAL, domain.AWAITING_SIGNATURE), (domain.SUMMARY_SHEET, domain.AWAITING_SIGNATURE)]
    builder = builder_of(db, packaging)
    builder.build_pending()  # (other tests' signed packages, if any)
    assert {r.status for r in package_rows(db, school_id)} == {domain.AWAITING_SIGNATURE}, "built only once signed"
    sign_all(db, packaging, school_id)
    builder.build_pending()
    return package_rows(db, school_id)


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
    """Schedule's AcademicYearClosed reaches the archive and reporting; the packages are requested only after
    reporting has also seen the journal's JournalYearClosed and published ReportingYearReady."""
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
    assert package_rows(db, school_id) == [], "no package before reporting is ready"

    reporting.handle(second)
    reporting.handle(first)  # late redelivery of the first half: still one event
    (ready,) = reporting_ready(reporting_db, school_id)
    assert archive.handle(ready) is True
    rows = package_rows(db, school_id)
    assert [(r.record_class, r.status, r.academic_year_id, sorted(r.class_group_ids)) for r in rows] == [
        (record_class, domain.AWAITING_SIGNATURE, year_id, sorted(groups)) for record_class in domain.RECORD_CLASSES]


def test_signed_packages_are_sealed_in_both_stores(db, sealed, primary, replica):
    journal, sheets = sealed
    for row in sealed:
        assert row.status == domain.SEALED and row.error is None, row.error
        assert (row.signed_by, row.software_version, row.bucket) == (DIRECTOR, "0.1.0-test", BUCKET)
        assert row.version_id and len(row.sha256) == 64
        found = copy_rows(db, row.school_id, row.id)
        assert {store: copy.status for store, copy in found.items()} == {"primary": "sealed", "replica": "sealed"}
        assert (found["primary"].bucket, found["replica"].bucket) == (BUCKET, REPLICA_BUCKET)
        for store, copy in ((primary, found["primary"]), (replica, found["replica"])):
            assert hashlib.sha256(store.get(copy.object_key, copy.version_id)).hexdigest() == row.sha256
    assert journal.retain_until == retain_until(journal.created_at.date(), 5)
    assert sheets.retain_until == retain_until(sheets.created_at.date(), 25)
    with db.tenant_session(journal.school_id) as session:
        raws = session.scalars(select(outbox.c.payload).where(outbox.c.type == "otmetka.archive.v1.ArchiveSealed"))
        events = []
        for raw in raws:
            event = archive_pb2.ArchiveSealed()
            Envelope.FromString(raw).payload.Unpack(event)
            events.append((event.package.id, event.package.version_id, event.package.record_class))
    assert sorted(events) == sorted((row.id, row.version_id, row.record_class) for row in sealed)


def test_objects_are_under_compliance_retention_in_both_stores(db, primary, replica, sealed):
    journal = sealed[0]
    found = copy_rows(db, journal.school_id, journal.id)
    for store, copy in ((primary, found["primary"]), (replica, found["replica"])):
        retention = store.client.get_object_retention(store.bucket, copy.object_key, version_id=copy.version_id)
        assert retention.mode == COMPLIANCE
        assert retention.retain_until_date.date() == journal.retain_until
        with pytest.raises(S3Error) as excinfo:
            store.client.remove_object(store.bucket, copy.object_key, version_id=copy.version_id)
        assert excinfo.value.code in REFUSED and "WORM" in excinfo.value.message
        errors = list(store.client.remove_objects(store.bucket, [DeleteObject(copy.object_key, copy.version_id)],
                                                  bypass_governance_mode=True))
        assert errors and errors[0].code in REFUSED, errors
        with pytest.raises(S3Error) as excinfo:
            store.client.set_object_retention(store.bucket, copy.object_key, Retention(
                COMPLIANCE, dt.datetime.now(dt.UTC) + dt.timedelta(days=1)), version_id=copy.version_id)
        assert excinfo.value.code in REFUSED


def openssl(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", *map(str, args)], capture_output=True, text=True, **kwargs)


def test_the_package_speaks_for_itself_and_verifies_with_openssl(db, packaging, signatures, sealed, tmp_path):
    journal = sealed[0]
    director = director_of(journal.school_id)
    filename, data = registry.download_archive(journal.id, director, units(db)(director), packaging)
    assert filename == f"archive-2025-2026-journals-{journal.id}.zip"
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    bag_dir = tmp_path / journal.id
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert sorted(bag.payload_files()) == ["data/journals/5А.json", "data/journals/5А.pdf", "data/journals/5Б.json",
                                           "data/journals/5Б.pdf", "data/metadata.json"]
    info = bag.info
    assert (info["Source-Organization"], info["School-INN"], info["School-OGRN"]) == (
        CARD["full_name"], CARD["inn"], CARD["ogrn"])
    assert (info["Academic-Year"], info["Record-Class"], info["Retention-Period"], info["Retain-Until"]) == (
        "2025/2026", "journal (Классные журналы)", "5 лет", journal.retain_until.isoformat())
    assert info["Formed-By"].startswith("Директорова Дарья Дмитриевна, директор; подписано ")
    assert info["Software"] == "Otmetka 0.1.0-test" and info["External-Identifier"] == journal.id
    readme = (bag_dir / "README.txt").read_text(encoding="utf-8")
    assert "openssl cms -verify" in readme and "ИНН 7701234560" in readme and "до " + journal.retain_until.isoformat() \
        in readme
    assert "README.txt" in (bag_dir / TAG_MANIFEST).read_text(), "the signed tag manifest covers the README"
    metadata = json.loads((bag_dir / "data" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["school"]["inn"] == CARD["inn"] and metadata["record_class"] == "journal"

    root = bag_dir / "certificates" / "municipality-root.pem"
    assert root.read_bytes() == signatures.pki.root.read_bytes()
    verified = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", bag_dir / SIGNATURE, "-content",
                       bag_dir / TAG_MANIFEST, "-CAfile", root, "-purpose", "any", "-out", "/dev/null",
                       "-signer", tmp_path / "signers.pem")
    assert verified.returncode == 0, verified.stderr
    signers = (tmp_path / "signers.pem").read_text().count("BEGIN CERTIFICATE")
    assert signers == 2, "the director and the installation"
    stamps = signing.signer_timestamps((bag_dir / SIGNATURE).read_bytes())
    for name in ("director", "installation"):
        token = (bag_dir / "signatures" / f"{name}.tsr").read_bytes()
        (stamp,) = [s for s in stamps if s.token == token]
        checked = openssl("ts", "-verify", "-digest", hashlib.sha256(stamp.signature).hexdigest(), "-in",
                          bag_dir / "signatures" / f"{name}.tsr", "-token_in", "-CAfile", root)
        assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "Директорова" in [s.subject for s in stamps if s.token == (bag_dir / "signatures" / "director.tsr")
                             .read_bytes()][0]

    manifest = bytearray((bag_dir / TAG_MANIFEST).read_bytes())
    manifest[10] ^= 1
    (bag_dir / TAG_MANIFEST).write_bytes(bytes(manifest))
    tampered = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", bag_dir / SIGNATURE, "-content",
                       bag_dir / TAG_MANIFEST, "-CAfile", root, "-purpose", "any", "-out", "/dev/null")
    assert tampered.returncode != 0


def test_only_the_director_signs_once_and_only_with_a_complete_school_card(db, packaging, schools):
    school_id = requested(db)
    journal = package_rows(db, school_id)[0]
    deputy = director_of(school_id, roles=("deputy_head",))
    with pytest.raises(Forbidden):
        registry.sign_archive(journal.id, deputy, units(db)(deputy), packaging)
    schools.cards[school_id] = {**CARD, "inn": "", "ogrn": ""}
    director = director_of(school_id)
    try:
        with pytest.raises(FailedPrecondition) as refused:
            registry.sign_archive(journal.id, director, units(db)(director), packaging)
        assert set(refused.value.fields) == {"inn", "ogrn"} and "ИНН" in refused.value.message
    finally:
        del schools.cards[school_id]
    assert package_rows(db, school_id)[0].status == domain.AWAITING_SIGNATURE, "nothing half-written"
    signed = registry.sign_archive(journal.id, director, units(db)(director), packaging)
    assert (signed.status, signed.signed_by) == (domain.BUILDING, DIRECTOR)
    with pytest.raises(FailedPrecondition, match="ожидает подписи"):
        registry.sign_archive(journal.id, director, units(db)(director), packaging)
    builder_of(db, packaging).build_pending()
    assert package_rows(db, school_id)[0].status == domain.SEALED


def test_a_replica_that_is_down_delays_the_second_copy_and_loses_nothing(db, records, schools, signatures, primary,
                                                                         replica, clock):
    down = minio_store("127.0.0.1:9", "nobody", "nothing", REPLICA_BUCKET)  # the discard port: nothing listens
    packaging = packaging_of(records, schools, signatures, primary, down, clock)
    school_id = requested(db)
    sign_all(db, packaging, school_id)
    builder_of(db, packaging).build_pending()
    for row in package_rows(db, school_id):
        assert row.status == domain.SEALED, "sealed once the primary copy is"
        found = copy_rows(db, school_id, row.id)
        assert found["primary"].status == "sealed"
        assert (found["replica"].status, found["replica"].attempts) == ("pending", 1)
        assert "недоступно" in found["replica"].last_error
    waiting = {(school_id, row.id, "replica") for row in package_rows(db, school_id)}
    assert not waiting & set(package_store.copies_due(db, clock())), "the next attempt waits for copy_retry"
    assert waiting <= set(package_store.copies_due(db, clock() + dt.timedelta(seconds=31)))

    back = packaging_of(records, schools, signatures, primary, replica, clock)
    clock.shift = dt.timedelta(seconds=31)
    assert builder_of(db, back).copy_due() >= 2
    for row in package_rows(db, school_id):
        copy = copy_rows(db, school_id, row.id)["replica"]
        assert (copy.status, copy.attempts, copy.last_error) == ("sealed", 2, None)
        assert hashlib.sha256(replica.get(copy.object_key, copy.version_id)).hexdigest() == row.sha256


class UnlockedStore(ArchiveStore):
    """A test bucket without object lock or versioning, where a copy can be damaged behind the product's back."""

    def ensure_bucket(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            self.client.make_bucket(self.bucket)
        self.ensured = True

    def put_locked(self, key: str, data: bytes, retain_until: dt.date) -> str:
        if not self.ensured:
            self.ensure_bucket()
        self.client.put_object(self.bucket, key, io.BytesIO(data), len(data))
        return ""


def test_the_fixity_check_finds_a_damaged_copy_and_repairs_it(db, records, schools, signatures, primary, clock):
    unlocked = replica_store("otmetka-archive-tests-unlocked", UnlockedStore)
    packaging = packaging_of(records, schools, signatures, primary, unlocked, clock)
    school_id = requested(db)
    sign_all(db, packaging, school_id)
    builder_of(db, packaging).build_pending()
    journal = package_rows(db, school_id)[0]
    copy = copy_rows(db, school_id, journal.id)["replica"]
    assert (journal.status, copy.status) == (domain.SEALED, "sealed"), (journal.error, copy.last_error)
    good = unlocked.get(copy.object_key)
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0xFF
    unlocked.client.put_object(unlocked.bucket, copy.object_key, io.BytesIO(bytes(damaged)), len(damaged))

    # the job's choice: a package is due once the fixity period has passed since its copies were sealed (checking
    # only this test's package: the other tests' copies live in other buckets)
    now = dt.datetime.now(dt.UTC)
    assert (school_id, journal.id) not in package_store.fixity_due(db, now - dt.timedelta(days=30))
    assert (school_id, journal.id) in package_store.fixity_due(db, now + dt.timedelta(days=1))
    clock.shift = dt.timedelta(days=31)
    assert check_package(journal.id, units(db)(Scope.of_event(school_id)), packaging) == {
        "primary": "ok", "replica": "damaged"}
    with db.tenant_session(school_id) as session:
        checks = {(r.store, r.outcome) for r in session.execute(
            select(fixity_checks).where(fixity_checks.c.package_id == journal.id))}
    assert checks == {("primary", "ok"), ("replica", "damaged")}
    assert copy_rows(db, school_id, journal.id)["replica"].check_outcome == domain.REPAIRED
    assert unlocked.get(copy.object_key) == good, "repaired from the primary copy"

    token = stack.operator_token()
    with serving(archive_pb2_grpc.add_ArchiveServiceServicer_to_server, bootstrap.servicer(
            db, Outbox("archive", outbox), packaging), archive_pb2_grpc.ArchiveServiceStub, FakePrincipals()) as stub:
        alerts = call(stub, "ListArchiveAlerts", archive_pb2.ListArchiveAlertsRequest(), token).alerts
        assert [(a.archive_id, a.copy.store, a.copy.check_outcome) for a in alerts if a.school_id == school_id] == [
            (journal.id, "replica", "repaired")]
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "ListArchiveAlerts", archive_pb2.ListArchiveAlertsRequest(), stack.service_token())
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED

    clock.shift = dt.timedelta(days=62)
    assert check_package(journal.id, units(db)(Scope.of_event(school_id)), packaging) == {
        "primary": "ok", "replica": "ok"}
    assert copy_rows(db, school_id, journal.id)["replica"].check_outcome == domain.OK
    assert (school_id, journal.id) not in package_store.fixity_due(db, clock() - dt.timedelta(days=30))


def test_a_failed_build_is_recorded_and_retried_by_redelivery(db, builder, records, packaging):
    school_id, year_id = str(uuid.uuid4()), str(uuid.uuid4())
    consumer = IdempotentConsumer(db, inbox, event_handlers)
    consumer.handle(year_ready(school_id, year_id))
    sign_all(db, packaging, school_id)
    records.failing = True
    try:
        builder.build_pending()
    finally:
        records.failing = False
    failed = package_rows(db, school_id)
    assert {r.status for r in failed} == {domain.FAILED}
    assert failed[0].error.startswith("Не удалось сформировать архив")
    consumer.handle(year_ready(school_id, year_id))
    builder.build_pending()
    rows = package_rows(db, school_id)
    assert [(r.id, r.status, r.error, r.signed_by) for r in rows] == [
        (f.id, domain.SEALED, None, DIRECTOR) for f in failed]


def test_a_failed_build_is_retried_when_a_manager_asks(db, builder, records, packaging):
    school_id = requested(db)
    sign_all(db, packaging, school_id)
    records.failing = True
    try:
        builder.build_pending()
    finally:
        records.failing = False
    failed = package_rows(db, school_id)[0]
    principals = FakePrincipals()
    principals.grant(school_id, "deputy_head")
    token = stack.operator_token()
    request = archive_pb2.GetArchiveRequest(school_id=school_id, archive_id=failed.id)
    with serving(archive_pb2_grpc.add_ArchiveServiceServicer_to_server, bootstrap.servicer(
            db, Outbox("archive", outbox), packaging), archive_pb2_grpc.ArchiveServiceStub, principals) as stub:
        listed = call(stub, "ListArchives", archive_pb2.ListArchivesRequest(school_id=school_id), token)
        assert (listed.may_sign, listed.may_dispose, listed.may_set_policy) == (False, False, False), "a deputy's"
        assert call(stub, "RetryArchive", request, token).status == domain.BUILDING
        builder.build_pending()
        assert call(stub, "GetArchive", request, token).status == domain.SEALED
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "RetryArchive", request, token)
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "SignArchive", request, token)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, "the deputy head does not sign"


def test_grpc_registry_is_for_school_managers(db, packaging, sealed):
    journal = sealed[0]
    principals = FakePrincipals()
    principals.grant(journal.school_id, "director", person_id=DIRECTOR)
    token = stack.operator_token()
    asked = archive_pb2.GetArchiveRequest(school_id=journal.school_id, archive_id=journal.id)
    with serving(archive_pb2_grpc.add_ArchiveServiceServicer_to_server, bootstrap.servicer(
            db, Outbox("archive", outbox), packaging), archive_pb2_grpc.ArchiveServiceStub, principals) as stub:
        listed = call(stub, "ListArchives", archive_pb2.ListArchivesRequest(school_id=journal.school_id), token)
        assert sorted(p.id for p in listed.packages) == sorted(r.id for r in sealed)
        assert (listed.may_sign, listed.may_dispose, listed.may_set_policy) == (True, True, True), "the director's"
        assert {p.record_class_name for p in listed.packages} == set(domain.RECORD_CLASS_NAMES.values())
        assert all([c.store for c in p.copies] == ["primary", "replica"] for p in listed.packages)
        got = call(stub, "CheckArchive", asked, token)
        assert (got.status, got.status_name, got.retain_until) == ("sealed", "сформирован",
                                                                  journal.retain_until.isoformat())
        assert {(c.store, c.outcome) for c in got.checks} >= {("primary", "ok"), ("replica", "ok")}
        content = call(stub, "DownloadArchive", asked, token)
        assert content.media_type == "application/zip" and hashlib.sha256(content.content).hexdigest() == journal.sha256
        with pytest.raises(grpc.RpcError) as excinfo:
            call(stub, "GetArchive", archive_pb2.GetArchiveRequest(
                school_id=journal.school_id, archive_id=str(uuid.uuid4())), token)
        assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND
        with pytest.raises(grpc.RpcError) as excinfo:
            call(stub, "GetArchive", archive_pb2.GetArchiveRequest(school_id=journal.school_id, archive_id="x"), token)
        assert rpc_error(excinfo)[0] == grpc.StatusCode.INVALID_ARGUMENT and "archive_id" in rpc_error(excinfo)[2]
        with pytest.raises(grpc.RpcError) as excinfo:
            call(stub, "ListArchives", archive_pb2.ListArchivesRequest(school_id=journal.school_id),
                 stack.service_token())
        assert excinfo.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_download_falls_back_to_the_replica_when_the_primary_copy_is_damaged(db, packaging, sealed):
    journal = sealed[0]
    director = director_of(journal.school_id)
    with db.tenant_session(journal.school_id) as session:  # the registry now points at a version that does not match
        session.execute(update(copies).where(copies.c.package_id == journal.id, copies.c.store == "primary")
                        .values(version_id=sealed[1].version_id, object_key=sealed[1].object_key))
    try:
        _, data = registry.download_archive(journal.id, director, units(db)(director), packaging)
        assert hashlib.sha256(data).hexdigest() == journal.sha256
    finally:
        with db.tenant_session(journal.school_id) as session:
            session.execute(update(copies).where(copies.c.package_id == journal.id, copies.c.store == "primary")
                            .values(version_id=journal.version_id, object_key=journal.object_key))


def test_a_package_another_builder_holds_is_left_alone(db, builder, packaging):
    school_id = requested(db)
    sign_all(db, packaging, school_id)
    row = package_rows(db, school_id)[0]
    with db.engine.connect() as other:
        other.execute(text("SELECT pg_advisory_lock(hashtextextended(:id, 0))"), {"id": row.id})
        builder.build_pending()
        assert [r.status for r in package_rows(db, school_id)] == [domain.BUILDING, domain.SEALED]
        other.execute(text("SELECT pg_advisory_unlock(hashtextextended(:id, 0))"), {"id": row.id})
        other.commit()
    builder.build_pending()
    assert [r.status for r in package_rows(db, school_id)] == [domain.SEALED, domain.SEALED]


def test_a_package_whose_retention_ended_is_destroyed_only_by_an_approved_act(db, primary, replica, packaging):
    school_id = str(uuid.uuid4())
    director = director_of(school_id)
    with pytest.raises(FailedPrecondition, match="Нет архивов"):
        propose_disposal(director, units(db)(director), packaging)
    # a package kept until yesterday, its copies locked for a few more seconds (a retention cannot be set in the past)
    package_id, key = str(uuid.uuid4()), f"{school_id}/expired/{uuid.uuid4()}.zip"
    until = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=8)
    versions = {}
    for store in (primary, replica):
        store.ensure_bucket()
        versions[store.bucket] = store.client.put_object(store.bucket, key, io.BytesIO(b"old"), 3,
                                                         retention=Retention(COMPLIANCE, until)).version_id
    with db.tenant_session(school_id) as session:
        session.execute(insert(packages).values(
            id=package_id, school_id=school_id, academic_year_id=str(uuid.uuid4()), academic_year_name="2000/2001",
            record_class=domain.JOURNAL, class_group_ids=[], status=domain.SEALED, bucket=BUCKET, object_key=key,
            version_id=versions[BUCKET], sha256=hashlib.sha256(b"old").hexdigest(),
            retain_until=dt.date.today() - dt.timedelta(days=1)))
        for name, store in (("primary", primary), ("replica", replica)):
            session.execute(insert(copies).values(package_id=package_id, store=name, school_id=school_id,
                                                  status="sealed", bucket=store.bucket, object_key=key,
                                                  version_id=versions[store.bucket]))
    principals = FakePrincipals()
    principals.grant(school_id, "director", person_id=DIRECTOR)
    builder = builder_of(db, packaging)
    with serving(archive_pb2_grpc.add_ArchiveServiceServicer_to_server, bootstrap.servicer(
            db, Outbox("archive", outbox), packaging), archive_pb2_grpc.ArchiveServiceStub, principals) as stub:
        operator = stack.operator_token()
        act = call(stub, "ProposeDisposal", archive_pb2.ListArchivesRequest(school_id=school_id), operator)
        assert (act.number, act.status, [i.archive_id for i in act.items]) == (1, "proposed", [package_id])
        with pytest.raises(grpc.RpcError) as again:
            call(stub, "ProposeDisposal", archive_pb2.ListArchivesRequest(school_id=school_id), operator)
        assert again.value.code() == grpc.StatusCode.FAILED_PRECONDITION, "already in an act"
        builder.dispose_approved()
        assert package_rows(db, school_id)[0].status == domain.SEALED, "nothing destroyed before the approval"
        to_approve = call(stub, "ListActsToApprove", archive_pb2.ListArchiveAlertsRequest(), operator).acts
        assert act.id in [a.id for a in to_approve]
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "ApproveDisposal", archive_pb2.ApproveDisposalRequest(school_id=school_id, act_id=act.id),
                 stack.service_token())
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
        approved = call(stub, "ApproveDisposal", archive_pb2.ApproveDisposalRequest(school_id=school_id,
                                                                                   act_id=act.id), operator)
        assert (approved.status, approved.approved_by) == ("approved", "operator")

        early = dt.datetime.now(dt.UTC) < until - dt.timedelta(seconds=2)
        builder.dispose_approved()  # the stores still hold the copies under retention: refused, tried again later
        (listed,) = call(stub, "ListDisposalActs", archive_pb2.ListArchivesRequest(school_id=school_id),
                         operator).acts
        if early:
            assert (listed.status, package_rows(db, school_id)[0].status) == ("approved", domain.SEALED)
            assert "срок его хранения не истёк" in listed.error
        time.sleep(max(0.0, (until - dt.datetime.now(dt.UTC)).total_seconds()) + 1)
        builder.dispose_approved()
        (listed,) = call(stub, "ListDisposalActs", archive_pb2.ListArchivesRequest(school_id=school_id),
                         operator).acts
        assert (listed.status, listed.error) == ("executed", "")
    assert package_rows(db, school_id)[0].status == domain.DISPOSED
    for store in (primary, replica):
        assert list(store.client.list_objects(store.bucket, prefix=key, include_version=True)) == []
    far = dt.datetime.now(dt.UTC) + dt.timedelta(days=3650)
    assert (school_id, package_id) not in package_store.fixity_due(db, far), "no fixity check of what is destroyed"
    assert check_package(package_id, units(db)(Scope.of_event(school_id)), packaging) == {}


def test_a_college_archives_each_ended_semesters_journals_too(db, records, schools, signatures, primary, replica,
                                                             clock, tmp_path):
    calendars = FakeCalendars()
    packaging = packaging_of(records, schools, signatures, primary, replica, clock, calendars)
    builder = builder_of(db, packaging)
    school_id = str(uuid.uuid4())
    director = director_of(school_id)
    clock.shift = dt.date(2026, 7, 1) - dt.date.today()  # the first semester ended in December, the second yesterday
    assert request_semesters(units(db)(Scope.of_event(school_id)), calendars, clock().date()) == []
    with pytest.raises(Forbidden):
        set_archive_policy(True, clock(), director_of(school_id, ("deputy_head",)), units(db)(director))
    assert set_archive_policy(True, clock(), director, units(db)(director)) is True
    assert get_archive_policy(director, units(db)(director)) is True
    assert school_id in package_store.semester_schools(db)

    builder.request_semesters()
    (first,) = package_rows(db, school_id)
    assert (first.record_class, first.period_name, first.date_from, first.date_to, first.status) == (
        domain.JOURNAL, "1 семестр", dt.date(2025, 9, 1), dt.date(2025, 12, 28), domain.AWAITING_SIGNATURE)
    assert sorted(first.class_group_ids) == sorted(calendars.groups)
    assert request_semesters(units(db)(Scope.of_event(school_id)), calendars, clock().date()) == [], "once"
    clock.shift = dt.date(2026, 7, 10) - dt.date.today()  # the second semester's late entries are in
    assert request_semesters(units(db)(Scope.of_event(school_id)), calendars, clock().date()) == [
        f"{calendars.year_id[:-1]}2"]

    # the year's packages are requested as ever, beside the semesters'
    IdempotentConsumer(db, inbox, event_handlers).handle(envelope(school_id, reporting_pb2.ReportingYearReady(
        school_id=school_id, academic_year_id=calendars.year_id, academic_year_name="2025/2026",
        class_group_ids=calendars.groups), actor="test").SerializeToString())
    assert sorted((r.record_class, r.period_name) for r in package_rows(db, school_id)) == [
        ("journal", ""), ("journal", "1 семестр"), ("journal", "2 семестр"), ("summary_sheet", "")]

    registry.sign_archive(first.id, director, units(db)(director), packaging)
    builder.build_pending()
    sealed = next(r for r in package_rows(db, school_id) if r.id == first.id)
    assert sealed.status == domain.SEALED, sealed.error
    assert records.asked[calendars.groups[0]] == ("journal", dt.date(2025, 9, 1), dt.date(2025, 12, 28))
    filename, data = registry.download_archive(first.id, director, units(db)(director), packaging)
    assert filename == f"archive-2025-2026-1_семестр-journals-{first.id}.zip"
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    info = bagit.Bag(str(tmp_path / first.id)).info
    assert info["Period"] == "1 семестр, 2025-09-01 – 2025-12-28"
    assert info["External-Description"].endswith("2025/2026 учебный год, 1 семестр, 2025-09-01 – 2025-12-28")


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
        db, schools, signatures, primary, replica, reporting_db, tmp_path):
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
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server,
                 reporting_bootstrap.servicer(reporting_db, Outbox("reporting", reporting_tables.outbox)),
                 reporting_pb2_grpc.ReportingServiceStub, FakePrincipals()) as stub:
        packaging = packaging_of(ReportingRecords(ServedReporting(stub), ServiceTokens()), schools, signatures,
                                 primary, replica)
        sign_all(db, packaging, school_id)
        builder_of(db, packaging).build_pending()
    journal, row = package_rows(db, school_id)
    assert (journal.status, row.status) == (domain.SEALED, domain.SEALED), (journal.error, row.error)
    zipfile.ZipFile(io.BytesIO(primary.get(row.object_key, row.version_id))).extractall(tmp_path)

    def sheet(name: str) -> dict:
        data = json.loads((tmp_path / row.id / "data" / "summary-sheets" / f"{name}.json").read_text(encoding="utf-8"))
        return {r["student_name"]: (r.get("date_from", ""), r.get("date_to", ""), r["cells"][0].get("marks", []))
                for r in data["rows"]}
    assert sheet("5А") == {"Антонова Анна": ("", "", ["5"]), "Борисов Борис": ("", "2026-01-13", ["4"]),
                           "Власов Виктор": ("", "2026-03-01", ["3"])}
    assert sheet("5Б") == {"Борисов Борис": ("2026-01-14", "", ["5"])}
    zipfile.ZipFile(io.BytesIO(primary.get(journal.object_key, journal.version_id))).extractall(tmp_path)
    pdf = tmp_path / journal.id / "data" / "journals" / "5А.pdf"
    assert pdf.read_bytes().startswith(b"%PDF"), "the class journal from reporting"
