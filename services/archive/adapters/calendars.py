"""The school's semesters and a year's class groups from the schedule service, asked on the archive's own behalf
(a service token)."""
import datetime as dt

from proto.schedule.v1 import schedule_pb2
from services.archive.domain.semesters import SEMESTER, Semester
from services.common.auth import ServiceTokens
from services.common.grpc_client import Peer


class ScheduleCalendars:
    def __init__(self, schedule: Peer, tokens: ServiceTokens):
        self.schedule = schedule
        self.tokens = tokens

    def semesters(self, school_id: str) -> list[Semester]:
        years = self.schedule.call("ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(school_id=school_id),
                                   token=self.tokens.token()).academic_years
        return [Semester(year.id, year.name, term.id, term.name, dt.date.fromisoformat(term.start_date),
                         dt.date.fromisoformat(term.end_date))
                for year in years for term in year.terms if term.kind == SEMESTER]

    def class_group_ids(self, school_id: str, academic_year_id: str) -> list[str]:
        groups = self.schedule.call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(
            school_id=school_id, academic_year_id=academic_year_id), token=self.tokens.token()).class_groups
        return [group.id for group in groups]
