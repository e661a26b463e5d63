"""Class groups, academic years and subjects belong to the schedule service: identity asks it whether a class exists
in the school before placing a student into it, what a class, its year and a debt's subject are when it signs a
movement order, and to open the next year's structure at the year transition, so no record points at another
school's class."""
import datetime as dt
from typing import Protocol

from proto.schedule.v1 import schedule_pb2, schedule_pb2_grpc
from services.common.errors import Invalid, NotFound
from services.common.grpc_client import Peer
from services.identity.domain.class_groups import AcademicYear, ClassGroup, NextYear


def class_group_of(message: schedule_pb2.ClassGroup) -> ClassGroup:
    return ClassGroup(message.id, message.academic_year_id, message.grade, message.name)


def year_of(message: schedule_pb2.AcademicYear) -> AcademicYear:
    return AcademicYear(message.id, message.name, dt.date.fromisoformat(message.start_date),
                        dt.date.fromisoformat(message.end_date), message.status)


class Tokens(Protocol):
    def token(self) -> str: ...  # identity's own service-account token (services.common.auth.ServiceTokens)


class ScheduleClassGroups:
    """Reads with the caller's token; opens the next year with identity's own (the caller's right to the transition
    is identity's year.transition, which a director has without schedule.manage)."""

    def __init__(self, address: str, tokens: Tokens):
        self.peer = Peer(address, schedule_pb2_grpc.ScheduleServiceStub)
        self.tokens = tokens

    def require(self, school_id: str, class_group_id: str) -> None:
        """The school's class group of an open year (a closed year is final: nobody joins its classes)."""
        group = self.class_group(school_id, class_group_id)
        if not group:
            raise Invalid("class_group_id", "в этой школе нет такого класса")
        if any(y.id == group.academic_year_id and not y.open for y in self.academic_years(school_id)):
            raise Invalid("class_group_id", "учебный год этого класса закрыт")

    def class_group(self, school_id: str, class_group_id: str) -> ClassGroup | None:
        """The school's class group, or None."""
        try:
            return class_group_of(self.peer.call("GetClassGroup", schedule_pb2.GetClassGroupRequest(
                school_id=school_id, class_group_id=class_group_id)))
        except NotFound:
            return None

    def class_groups(self, school_id: str, academic_year_id: str) -> list[ClassGroup]:
        response = self.peer.call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(
            school_id=school_id, academic_year_id=academic_year_id))
        return [class_group_of(group) for group in response.class_groups]

    def academic_years(self, school_id: str) -> list[AcademicYear]:
        response = self.peer.call("ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(school_id=school_id))
        return [year_of(year) for year in response.academic_years]

    def subjects(self, school_id: str) -> dict[str, str]:
        """The school's subjects: name by id."""
        response = self.peer.call("ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id))
        return {subject.id: subject.name for subject in response.subjects}

    def open_next_year(self, school_id: str, source_year_id: str, name: str,
                       new_classes: list[tuple[int, str]]) -> NextYear:
        """Schedule's OpenNextYear (idempotent per source year: a second call returns the first one's result)."""
        response = self.peer.call("OpenNextYear", schedule_pb2.OpenNextYearRequest(
            school_id=school_id, source_year_id=source_year_id, name=name,
            new_classes=[schedule_pb2.NewClassGroup(grade=grade, name=n) for grade, n in new_classes]),
            token=self.tokens.token(), deadline=60)
        return NextYear(year_of(response.academic_year), [class_group_of(g) for g in response.class_groups],
                        {s.source_class_group_id: s.class_group_id for s in response.successions})
