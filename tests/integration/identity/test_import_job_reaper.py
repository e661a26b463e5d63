"""Import jobs left `running` by a process that is gone are failed (with a Russian reason, audited) when
their heartbeat is STALE; a job a live process runs keeps beating, even through a long step, and is not."""
import datetime as dt
import threading
import time
import uuid

import pytest
from sqlalchemy import insert, select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import audit_log, import_jobs
from services.identity.entrypoints.job_reaper import JobReaper
from services.identity.service_layer import import_jobs as job_steps
from tests.integration.identity.test_import_links_and_jobs import wait_for

pytestmark = pytest.mark.stack


def job(identity, school, status: str = "running", beat_ago: dt.timedelta = dt.timedelta()) -> str:
    job_id = str(uuid.uuid4())
    with identity.db.tenant_session(school.id) as session:
        session.execute(insert(import_jobs).values(
            id=job_id, school_id=school.id, filename="people.csv", dry_run=False, status=status, phase="writing",
            total=300, processed=200, started_by="someone", heartbeat_at=dt.datetime.now(dt.UTC) - beat_ago))
    return job_id


def reap(identity) -> list[str]:
    return job_steps.reap(identity.uows, identity.ports.directory)


def get(identity, school, job_id: str) -> pb.ImportJob:
    return identity.call("GetImportJob", pb.GetImportJobRequest(school_id=school.id, job_id=job_id), school.admin_token)


def test_jobs_of_a_stopped_process_fail_and_live_ones_do_not(identity, school, other_school):
    dead, other_dead = (job(identity, s, beat_ago=job_steps.STALE + dt.timedelta(minutes=1))
                        for s in (school, other_school))
    live = job(identity, school, beat_ago=job_steps.STALE - dt.timedelta(minutes=1))  # another replica's
    finished = job(identity, school, status="done", beat_ago=dt.timedelta(hours=1))

    reaped = reap(identity)
    assert {dead, other_dead} <= set(reaped) and not {live, finished} & set(reaped)
    for owner, job_id in ((school, dead), (other_school, other_dead)):
        failed = get(identity, owner, job_id)
        assert (failed.status, failed.error_message) == ("failed", job_steps.INTERRUPTED) and failed.finished_at
        assert (failed.phase, failed.processed) == ("writing", 200)  # how far it got
    assert get(identity, school, live).status == "running" and get(identity, school, finished).status == "done"
    with identity.db.tenant_session(school.id) as session:
        [entry] = session.execute(select(audit_log).where(audit_log.c.object_id == dead)).all()
    assert (entry.action, entry.actor_subject) == ("import_job.interrupted", "system")
    assert entry.details == {"filename": "people.csv", "phase": "writing", "processed": 200, "total": 300,
                             "started_by": "someone"}
    assert not {dead, other_dead} & set(reap(identity))  # once


def test_a_running_job_beats_through_a_long_step_and_is_not_reaped(identity, school, monkeypatch):
    monkeypatch.setattr(job_steps, "HEARTBEAT", dt.timedelta(seconds=0.2))
    monkeypatch.setattr(job_steps, "STALE", dt.timedelta(seconds=2))
    asked, release = threading.Event(), threading.Event()

    def slow_schedule(school_id, class_group_id):  # schedule answers slowly: no progress meanwhile
        asked.set()
        release.wait(30)

    monkeypatch.setattr(identity.class_groups, "require", slow_schedule)
    started = identity.call("StartPeopleImport", pb.ImportPeopleRequest(
        school_id=school.id, filename="slow.csv", dry_run=True,
        content=f"kind;last_name;first_name;gender;birth_date;class_group_id\nученик;Медленный;Ян;м;2014-01-01;"
                f"{uuid.uuid4()}".encode()), school.admin_token)
    try:
        assert asked.wait(10)
        beats = []
        for _ in range(3):
            time.sleep(1.2)
            with identity.db.tenant_session(school.id) as session:
                beats.append(session.scalar(select(import_jobs.c.heartbeat_at).where(import_jobs.c.id == started.id)))
            assert started.id not in reap(identity)  # 3.6 s without progress, > STALE
        assert beats == sorted(set(beats)) and get(identity, school, started.id).status == "running"
    finally:
        release.set()
    assert wait_for(identity, school, started.id).status == "done"


def test_the_reaper_runs_as_a_worker_from_the_start(identity, school):
    dead = job(identity, school, beat_ago=job_steps.STALE + dt.timedelta(minutes=1))
    reaper = JobReaper(identity.uows, identity.ports.directory)
    reaper.start()
    try:
        deadline = time.monotonic() + 10
        while get(identity, school, dead).status == "running" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert get(identity, school, dead).status == "failed"
    finally:
        reaper.stop()
    assert not reaper.is_alive()


def test_a_job_queued_behind_others_beats_while_it_waits_and_is_not_reaped(identity, school, monkeypatch):
    monkeypatch.setattr(job_steps, "HEARTBEAT", dt.timedelta(seconds=0.2))
    monkeypatch.setattr(job_steps, "STALE", dt.timedelta(seconds=2))
    release = threading.Event()
    monkeypatch.setattr(identity.class_groups, "require", lambda school_id, class_group_id: release.wait(30))
    started = [identity.call("StartPeopleImport", pb.ImportPeopleRequest(
        school_id=school.id, filename=f"queued-{n}.csv", dry_run=True,
        content=f"kind;last_name;first_name;gender;birth_date;class_group_id\nученик;Очередной;Ян;м;2014-01-01;"
                f"{uuid.uuid4()}".encode()), school.admin_token).id for n in range(3)]  # two workers: one waits
    try:
        time.sleep(3)  # > STALE without a worker for the third
        assert not set(started) & set(reap(identity))
        assert [get(identity, school, job_id).status for job_id in started] == ["running"] * 3
    finally:
        release.set()
    assert [wait_for(identity, school, job_id).status for job_id in started] == ["done"] * 3
