"""The schedule adapter of the semester packages: the semesters of every year (terms of kind semester only, quarters
left out) and a year's class groups, asked with the archive's service token."""
import datetime as dt

from proto.schedule.v1 import schedule_pb2
from services.archive.adapters.calendars import ScheduleCalendars
from services.archive.domain.semesters import Semester


class FakeSchedule:
    """Our Peer port in memory: the answers by method, the calls noted."""

    def __init__(self):
        self.calls = []

    def call(self, method, request, token=None, deadline=None):
        self.calls.append((method, request, token))
        if method == "ListAcademicYears":
            return schedule_pb2.ListAcademicYearsResponse(academic_years=[schedule_pb2.AcademicYear(
                id="y1", name="2025/2026", terms=[
                    schedule_pb2.Term(id="q1", name="1 четверть", kind="quarter", start_date="2025-09-01",
                                      end_date="2025-10-26"),
                    schedule_pb2.Term(id="s1", name="1 семестр", kind="semester", start_date="2025-09-01",
                                      end_date="2025-12-28")])])
        return schedule_pb2.ListClassGroupsResponse(class_groups=[schedule_pb2.ClassGroup(id="g1"),
                                                                  schedule_pb2.ClassGroup(id="g2")])


class Tokens:
    def token(self) -> str:
        return "service-token"


def test_the_semesters_and_class_groups_come_from_schedule_with_the_service_token():
    schedule = FakeSchedule()
    calendars = ScheduleCalendars(schedule, Tokens())
    assert calendars.semesters("school") == [
        Semester("y1", "2025/2026", "s1", "1 семестр", dt.date(2025, 9, 1), dt.date(2025, 12, 28))]
    assert calendars.class_group_ids("school", "y1") == ["g1", "g2"]
    assert [(method, request.school_id, token) for method, request, token in schedule.calls] == [
        ("ListAcademicYears", "school", "service-token"), ("ListClassGroups", "school", "service-token")]
    assert schedule.calls[1][1].academic_year_id == "y1"
