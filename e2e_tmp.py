"""CPU of one REST diary read in one process: the gateway (Flask test client, real Peers) -> gRPC -> the journal
servicer behind the services' ContextInterceptor, on the journal's integration database, with fake principals,
schedule and identity (kept answers, as the peer cache gives under load). Tokens signed locally (RS256).
Run from the tree to measure: cd <tree> && PYTHONPATH=. python e2e_diary.py"""
import datetime as dt, random, sys, time, uuid
from concurrent import futures
import grpc, jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from gateway.app import create_app
from gateway.peers import Peers
from proto.journal.v1 import journal_pb2_grpc
from services.common import context
from services.common.auth import AUDIENCE, TokenVerifier
from services.common.context import Caller
from services.common.grpc_server import ContextInterceptor
from services.common.outbox import Outbox
from services.journal import domain, handlers, tables
from services.journal.handlers import Deps
from services.journal.servicer import JournalServicer
from tests.integration.journal.conftest import FakeIdentity, FakeSchedule, add_lesson
from tests.support.grpc_harness import FakePrincipals, database
from tests.unit.gateway.conftest import SETTINGS
import services; print("code from", services.__file__)

ISSUER = SETTINGS.issuer
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
class Keys:
    class Signing: key = KEY.public_key()
    def get_signing_key_from_jwt(self, token): return self.Signing()
def verifier():
    v = TokenVerifier(ISSUER); v._jwks = Keys(); return v
now = time.time()
token = jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "sub": "bench", "iat": int(now), "exp": now + 3600}, KEY, algorithm="RS256")
rng = random.Random(1)
with database("journal") as db:
    deps = Deps(db, Outbox("journal", tables.outbox), FakePrincipals(), FakeSchedule(), FakeIdentity())
    school, group, teacher = (str(uuid.uuid4()) for _ in range(3))
    students = [str(uuid.uuid4()) for _ in range(26)]
    deps.identity.classes[group] = set(students)
    today = domain.school_today(handlers.DEFAULT.zone)
    monday = today - dt.timedelta(days=6)  # a full week of lessons, all past and still open
    class J: pass
    j = J(); j.deps = deps
    lessons = [add_lesson(j, school, group, teacher, monday + dt.timedelta(days=d), lesson_number=n)
               for d in range(5) for n in range(1, 7)]
    tokens = context.bind(Caller("bench", "bench", frozenset(), token))
    deps.principals.grant(school, "subject_teacher", person_id=teacher, subject="bench")
    for lesson in lessons:
        if lesson.date > today.isoformat():
            continue
        marks = [domain.MarkInput(s, rng.choice("2345"), "classwork", "") for s in rng.sample(students, 8)]
        att = [domain.AttendanceInput(s, "ill") for s in rng.sample(students, 2)]
        handlers.save_lesson(deps, school, lesson.id, "Тема", "№ 1", marks, att, "Перенос", "127.0.0.1")
    context.reset(tokens)
    deps.principals.grant(school, "deputy_head", person_id=str(uuid.uuid4()), subject="bench")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), interceptors=[ContextInterceptor(verifier())])
    journal_pb2_grpc.add_JournalServiceServicer_to_server(JournalServicer(deps), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    app = create_app(SETTINGS, verifier=verifier(), peers=Peers({**SETTINGS.peers, "journal": f"127.0.0.1:{port}"}))
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    week = f"from={monday.isoformat()}&to={(monday + dt.timedelta(days=6)).isoformat()}"
    urls = [f"/api/v1/schools/{school}/students/{s}/diary?{week}" for s in students]
    first = client.get(urls[0], headers=headers)
    assert first.status_code == 200, first.json
    print("entries", len(first.json["entries"]), "marks", sum(len(e["marks"]) for e in first.json["entries"]))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from proto.journal.v1 import journal_pb2 as pb
    servicer = JournalServicer(deps)
    tokens = context.bind(verifier().verify(token))
    reqs = [pb.GetDiaryRequest(school_id=school, student_id=s, date_from=monday.isoformat(), date_to=(monday + dt.timedelta(days=6)).isoformat()) for s in students]
    for _ in range(3):
        c0 = time.process_time()
        for i in range(n): servicer.GetDiary(reqs[i % 26], None)
        print(f"servicer alone {(time.process_time()-c0)/n*1000:.3f} ms CPU")
    for _ in range(0):
        c0, w0 = time.process_time(), time.perf_counter()
        for i in range(n):
            client.get(urls[i % 26], headers=headers)
        print(f"{(time.process_time()-c0)/n*1000:.3f} ms CPU, {(time.perf_counter()-w0)/n*1000:.3f} ms wall per diary read")
    server.stop(0)
