"""Date-mismatch reports on the real PostgreSQL: the lesson's teacher (or substitute) reports, the deputy head
lists and resolves; others may not; RLS."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import mismatch_reports
from tests.integration.schedule.conftest import entry
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture
def lesson(schedule, school) -> pb.Lesson:
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    return schedule.call("ListLessons", pb.ListLessonsRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                              date_from="2025-09-01", date_to="2025-09-01")).lessons[0]


def report(schedule, school, lesson, message="В журнале урок стоит 2 сентября") -> pb.MismatchReport:
    return schedule.call("ReportMismatch", pb.ReportMismatchRequest(school_id=school.id, lesson_id=lesson.id,
                                                                    message=message))


def test_a_teacher_reports_and_the_deputy_head_resolves(schedule, school, lesson):
    schedule.principals.grant(school.id, "subject_teacher", person_id=school.teacher_id)
    sent = report(schedule, school, lesson)
    assert (sent.lesson_id, sent.reporter_id, sent.status, sent.lesson_date, sent.subject_name) == (
        lesson.id, school.teacher_id, "open", "2025-09-01", "Математика")
    schedule.principals.grant(school.id, "deputy_head")
    second = report_as_substitute(schedule, school, lesson)
    listed = schedule.call("ListMismatchReports", pb.ListMismatchReportsRequest(school_id=school.id)).reports
    assert [r.id for r in listed] == [sent.id, second.id]
    resolved = schedule.call("ResolveMismatchReport", pb.ResolveMismatchReportRequest(
        school_id=school.id, report_id=sent.id, resolution="Дата в расписании верна, исправьте журнал"))
    assert (resolved.status, resolved.resolution) == ("resolved", "Дата в расписании верна, исправьте журнал")
    open_ones = schedule.call("ListMismatchReports", pb.ListMismatchReportsRequest(school_id=school.id, status="open"))
    assert [r.id for r in open_ones.reports] == [second.id]
    everything = schedule.call("ListMismatchReports", pb.ListMismatchReportsRequest(school_id=school.id)).reports
    assert [(r.id, r.status) for r in everything] == [(second.id, "open"), (sent.id, "resolved")]
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ResolveMismatchReport", pb.ResolveMismatchReportRequest(school_id=school.id, report_id=sent.id,
                                                                               resolution="ещё раз"))
    assert rpc_error(err)[0] == grpc.StatusCode.FAILED_PRECONDITION


def report_as_substitute(schedule, school, lesson) -> pb.MismatchReport:
    substitute = str(uuid.uuid4())
    schedule.call("AssignSubstitute", pb.AssignSubstituteRequest(school_id=school.id, lesson_id=lesson.id,
                                                                 teacher_id=substitute, reason="болезнь"))
    schedule.principals.grant(school.id, "subject_teacher", person_id=substitute)
    sent = report(schedule, school, lesson, "Урок перенесён, а в журнале старая дата")
    schedule.principals.grant(school.id, "deputy_head")
    return sent


def test_only_the_lesson_s_teachers_report_and_only_managers_list(schedule, school, lesson):
    schedule.principals.grant(school.id, "subject_teacher", person_id=str(uuid.uuid4()))
    with pytest.raises(grpc.RpcError) as err:
        report(schedule, school, lesson)
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ListMismatchReports", pb.ListMismatchReportsRequest(school_id=school.id))
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
    schedule.principals.grant(school.id, "subject_teacher", person_id=school.teacher_id)
    for request, code, field in ((pb.ReportMismatchRequest(school_id=school.id, lesson_id=lesson.id, message=" "),
                                  grpc.StatusCode.INVALID_ARGUMENT, "message"),
                                 (pb.ReportMismatchRequest(school_id=school.id, lesson_id=str(uuid.uuid4()), message="x"),
                                  grpc.StatusCode.NOT_FOUND, "lesson_id")):
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("ReportMismatch", request)
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (code, True)
    sent = report(schedule, school, lesson)
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "deputy_head")
    assert not schedule.call("ListMismatchReports", pb.ListMismatchReportsRequest(school_id=other)).reports
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ResolveMismatchReport", pb.ResolveMismatchReportRequest(school_id=other, report_id=sent.id,
                                                                               resolution="чужое"))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND
    with schedule.db.tenant_session(other) as session:
        assert session.scalar(select(func.count()).select_from(mismatch_reports)) == 0
