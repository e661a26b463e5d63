"""CPU of one diary read along the read path, in one process: the gateway (Flask test client, real gRPC peers) →
the journal servicer behind the services' interceptor (token verification, request context) → its database,
and the journal servicer alone. Tokens are signed here (RS256, the gateway's and the journal's verifier trust the
key), the journal's peers are the integration tests' fakes (principals, a class of 26 students, a week of 30
lessons: the answers the peer cache keeps under load), the database is the integration-test database
otmetka_journal_it<OTMETKA_IT_DB_SUFFIX>, never the installation's. A week of realistic records (8 marks and 2
absences a lesson) is saved first. Prints CPU (process time of both ends) and wall time per read.

Usage: python -m bench.read_path [--reads 1000] [--rounds 3]
"""
import argparse
import dataclasses
import datetime as dt
import os
import random
import time
import uuid
from concurrent import futures
from dataclasses import dataclass, field

import grpc
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from gateway.app import create_app
from gateway.load_shedding import Shedding
from gateway.peers import Peers
from gateway.rate_limits import Limits
from proto.journal.v1 import journal_pb2 as pb
from proto.journal.v1 import journal_pb2_grpc
from services.common import context
from services.common.auth import AUDIENCE, TokenVerifier
from services.common.db import Database
from services.common.grpc_server import ContextInterceptor
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.journal import bootstrap
from services.journal.adapters import tables
from services.journal.domain import lesson_entry as domain
from services.journal.domain.journal_policy import DEFAULT
from services.journal.service_layer import lesson_record as handlers
from tests.integration.journal.conftest import FakeIdentity, FakeSchedule, add_lesson
from tests.support import stack
from tests.support.grpc_harness import FakePrincipals, database, tls_port
from tests.unit.gateway.conftest import SETTINGS

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class LocalKeys:
    """The realm's keys as the JWKS client gives them: here the one key this run signs with."""

    class Signing:
        key = KEY.public_key()

    def get_signing_key_from_jwt(self, token: str):
        return self.Signing()


def gateway_settings():
    """The unit tests' gateway settings with the benchmarks' own database of sessions and rate counters, limits no
    benchmark reaches (its requests are counted all the same, as in production) and no load shedding (the benchmarks
    measure what the workers × threads serve)."""
    return dataclasses.replace(SETTINGS, db_url=stack.deployed("gateway"), limits=Limits(10**9, 10**9, 10**9),
                               shedding=Shedding(in_flight=0))


def verifier() -> TokenVerifier:
    checker = TokenVerifier(SETTINGS.issuer)
    checker._jwks = LocalKeys()
    return checker


def signed_token(subject: str) -> str:
    now = time.time()
    return jwt.encode({"iss": SETTINGS.issuer, "aud": AUDIENCE, "sub": subject, "iat": int(now), "exp": now + 3600},
                      KEY, algorithm="RS256")


@dataclass
class Wired:
    """The journal wired in-process (services/journal/bootstrap.py) on the test database with the integration tests'
    fakes of its ports; add_lesson takes it as it takes the tests' Journal."""

    db: Database
    outbox: Outbox = field(default_factory=lambda: Outbox("journal", tables.outbox))
    principals: FakePrincipals = field(default_factory=FakePrincipals)
    schedule: FakeSchedule = field(default_factory=FakeSchedule)
    identity: FakeIdentity = field(default_factory=FakeIdentity)

    @property
    def ports(self) -> bootstrap.Ports:
        return bootstrap.Ports(self.schedule, self.identity)

    def servicer(self, school_id: str = ""):
        """The servicer; with a school, called without the interceptor: each call gets a new scope of that school."""
        if not school_id:
            return bootstrap.servicer(self.db, self.outbox, self.ports)
        return bootstrap.servicer(self.db, self.outbox, self.ports, lambda: Scope(school_id, self.principals))

    def unit_of_work(self, scope: Scope):
        return bootstrap.unit_of_work_factory(self.db, self.outbox, self.ports)(scope)


def recorded_week(wired: Wired, token: str) -> tuple[str, list[str], dt.date]:
    """A school with a class of 26 students and its last six days' 30 lessons recorded."""
    rng = random.Random(1)
    school, group, teacher = (str(uuid.uuid4()) for _ in range(3))
    students = [str(uuid.uuid4()) for _ in range(26)]
    wired.identity.classes[group] = set(students)
    start = domain.school_today(DEFAULT.zone) - dt.timedelta(days=6)  # all past, still open
    lessons = [add_lesson(wired, school, group, teacher, start + dt.timedelta(days=day), lesson_number=n)
               for day in range(5) for n in range(1, 7)]
    wired.principals.grant(school, "subject_teacher", person_id=teacher, subject="bench")
    bound = context.bind(verifier().verify(token))
    try:
        for lesson in lessons:
            marks = [domain.MarkInput(s, rng.choice("2345"), "classwork", "") for s in rng.sample(students, 8)]
            absent = [domain.AttendanceInput(s, "ill") for s in rng.sample(students, 2)]
            scope = Scope(school, wired.principals)
            handlers.save_lesson(scope, wired.unit_of_work(scope),
                                 domain.LessonInput(lesson.id, "Тема", "№ 1", marks, absent, "Перенос"))
    finally:
        context.reset(bound)
    wired.principals.grant(school, "deputy_head", person_id=str(uuid.uuid4()), subject="bench")
    return school, students, start


def per_read(reads: int, read) -> str:
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(reads):
        read(i)
    return (f"{(time.process_time() - cpu) / reads * 1000:.2f} ms CPU, "
            f"{(time.perf_counter() - wall) / reads * 1000:.2f} ms wall per read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reads", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(stack.our_certificates())  # the gateway's channel to the journal: mutual TLS
    token = signed_token("bench")
    with database("journal") as db:
        wired = Wired(db)
        school, students, start = recorded_week(wired, token)
        week = dict(date_from=start.isoformat(), date_to=(start + dt.timedelta(days=6)).isoformat())
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=4),
                             interceptors=[ContextInterceptor(verifier(), principals=wired.principals)])
        journal_pb2_grpc.add_JournalServiceServicer_to_server(wired.servicer(), server)
        servicer = wired.servicer(school)
        port = tls_port(server)
        server.start()
        try:
            app = create_app(gateway_settings(), verifier=verifier(),
                             peers=Peers({**SETTINGS.peers, "journal": f"127.0.0.1:{port}"}))
            client = app.test_client()
            headers = {"Authorization": f"Bearer {token}"}
            query = f"from={week['date_from']}&to={week['date_to']}"
            urls = [f"/api/v1/schools/{school}/students/{s}/diary?{query}" for s in students]
            first = client.get(urls[0], headers=headers)
            assert first.status_code == 200, first.json
            print(f"a week: {len(first.json['entries'])} lessons, "
                  f"{sum(len(e['marks']) for e in first.json['entries'])} marks of the first student")
            for _ in range(args.rounds):
                print("gateway + journal:", per_read(args.reads, lambda i: client.get(urls[i % 26], headers=headers)))
            requests = [pb.GetDiaryRequest(school_id=school, student_id=s, **week) for s in students]
            bound = context.bind(verifier().verify(token))
            try:
                for _ in range(args.rounds):
                    print("journal servicer alone:", per_read(args.reads, lambda i: servicer.GetDiary(
                        requests[i % 26], None)))
            finally:
                context.reset(bound)
        finally:
            server.stop(0)


if __name__ == "__main__":
    main()
